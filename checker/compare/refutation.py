"""Refutation at article level (``refutation.v1``).

An article may refute another one's claim without restating it: "The story
is a hoax", "The company denied the report", "Police dismissed the video as
fake". Such a sentence refers back to a report or claim, so the claim-level
matcher, which pairs sentences that say the same thing, does not pair it
with the claim it refutes. This stage does.

A *refuter* is a claim the extractor found denied (a speech act of denial
about a proposition, or a report called false; see
``checker.extract.certainty``). What it refutes is either stated in it
("denied that troops had crossed the border") or, when it only names a
report ("denied the report", "the story is a hoax"), told by its own
article before it: in the sentences just before it, its lead, or any
earlier sentence that tells the story. Either way the refuted content is matched by
meaning (cosine of sentence vectors) to the claims another article of the
same story asserts; the best match, above a threshold, gives a ``disputed``
finding: one asserts, the other denies.

Hedged or attributed talk ("reportedly", "X says", "could not be verified")
is no refutation: such claims are not ``denied`` and never fire this.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.compare.registry import quote
from checker.extract.certainty import DENYING, FALSITY_NOUNS, FALSITY_WORDS, PROPOSITION_NOUNS
from checker.model import Claim, Comparison, Document

if TYPE_CHECKING:
    import numpy as np

    from checker.events import Events

NAME = "refutation.v1"

@dataclass(frozen=True, slots=True)
class Refutation:
    """A refuter ``denier`` (claim index) disputing claim ``target`` of
    another document, and the comparison that says so."""

    target: int
    denier: int
    comparison: Comparison


#: A claim that itself calls the story false ("passing around this hoax
#: video", "reports of a merger are incorrect") tells of the hoax; it
#: asserts nothing a refuter could dispute. The words are the extractor's
#: own words for a report called false.
_CALLED_FALSE = re.compile(
    r"\b(?:hoax\w*|fake\w*|false\w*|satir\w*|debunk\w*|fabricat\w*|"
    + "|".join(sorted(FALSITY_WORDS)) + r")\b",
    re.IGNORECASE,
)


#: A refuter refers back to the story when it names a report of it ("denied
#: the report", "the video is fake") or calls "it"/"this"/"that" false; only
#: then are the sentences before it and the article's lead what it refutes.
#: A denied event ("denied the deployment") carries its own content, and
#: denied accusations ("denied these accusations") refer to what someone
#: in the story alleged, not to the story: both are matched by their own words.
_STORY_NOUNS = (
    "report claim rumor rumour story stories news article photo photograph picture image video "
    "footage clip tape post tweet headline"
).split()
_NAMES_REPORT = re.compile(
    r"\b(?:" + "|".join(_STORY_NOUNS) + r")(?:s|es)?\b"
    r"|\b(?:it|this|that)(?:\s+(?:is|was)\b|['\u2019]s\b)",
    re.IGNORECASE,
)

#: Words by which a writer calls a report false: the extractor's own
#: (``FALSITY_WORDS``, ``FALSITY_NOUNS``), and spellings it does not list.
_FALSE_WORDS = (
    r"(?:" + "|".join(sorted(FALSITY_WORDS | FALSITY_NOUNS, key=len, reverse=True))
    + r"|phony|phoney|satir\w+|made[\s-]up)"
)
_STORY = r"(?:" + "|".join(_STORY_NOUNS) + r")(?:s|es)?"


def _inflected(verb: str) -> str:
    """A pattern for the forms of a regular verb ("deny": denies, denied)."""
    if verb.endswith("y"):
        return verb[:-1] + r"(?:y|i)\w*"
    return (verb[:-1] if verb.endswith("e") else verb) + r"\w*"


#: A refuter states content of its own when a clause or a phrase of content
#: follows the report it names or its verb of denial ("denied reports that
#: P", "the claim of P is false", "dismissed claims by the ministry that
#: P", "denied having P"). What it refutes is then that content. One that
#: states none ("the story is a hoax", "debunked that rumour last year")
#: refutes the story its own article tells.
_REPORTS = r"(?:" + "|".join(sorted(set(_STORY_NOUNS) | PROPOSITION_NOUNS)) + r")(?:s|es)?"
_STATES_CONTENT = re.compile(
    r"\b" + _REPORTS + r"(?:\s+[\w'\u2019.-]+){0,4}?\s+(?:that|whether|of|about)\b"
    r"|\b(?:" + "|".join(_inflected(v) for v in sorted(DENYING)) + r")"
    # "denied that P", not the demonstrative of "denied that rumour"
    r"\s+(?:that(?!\s+" + _REPORTS + r"\b)|whether|\w+ing)\b",
    re.IGNORECASE,
)
#: The writer's own sentence calling a report false: the report is said to
#: be false ("this report is a hoax", "the story was completely fake"), or
#: named false ("the bogus report", "a hoax story"), or pointed back to and
#: called false ("it was a prank"), or given as an instance of false things
#: ("false claims such as the report", "fake ones like the story about P":
#: what is said of a kind is said of the instance that exemplifies it).
_DEGREE = r"(?:(?:a|an|just|all|only|totally|completely|entirely|clearly|obviously|simply|also)\s+)*"
_CALLS_STORY_FALSE = re.compile(
    r"\b(?:this|that|these|those|the|its|their|such)\s+(?:\w+\s+){0,2}?" + _STORY
    + r"(?:,[^,]{0,80},)?\s+(?:\w+\s+){0,3}?(?:is|are|was|were|be|been)\s+" + _DEGREE
    + _FALSE_WORDS + r"\b"
    r"|\b" + _FALSE_WORDS + r"[\s-]+(?:\w+\s+)?" + _STORY + r"\b"
    r"|\b" + _FALSE_WORDS + r"\s+(?:\w+\s+)?(?:like|such\s+as|including)\s+"
    r"(?:(?:the|this|that|these|those)\s+)?(?:\w+\s+){0,2}?" + _STORY + r"\b"
    r"|\b(?:it|this|that)(?:\s+(?:is|was)|['\u2019]s)\s+" + _DEGREE + _FALSE_WORDS + r"\b",
    re.IGNORECASE,
)
_NEGATOR = re.compile(r"\b(?:not|never|no)\b|n['\u2019]t\b", re.IGNORECASE)
#: Single quotation marks: one that closes (before a space) or opens the
#: text; not an apostrophe inside a word.
_SINGLE_QUOTES = re.compile(r"[\u2018\u2019]\s|^\s*['\u2018]")
_DOUBLE_QUOTE = re.compile(r"[\"\u201c\u201d]")


def _closes(text: str, k: int) -> bool:
    """The double quotation mark at ``k`` closes a quotation: a right mark,
    or a straight one with no word right after it."""
    return text[k] == "\u201d" or (
        text[k] == '"' and not text[k + 1 : k + 2].strip(".,;:!?)")
    )


def _quoted(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` between double quotation marks; one left
    open runs to the end, a closing one never opened runs from the start."""
    marks = [m.start() for m in _DOUBLE_QUOTE.finditer(text)]
    if marks and _closes(text, marks[0]):
        marks.insert(0, -1)
    spans = [(marks[k], marks[k + 1]) for k in range(0, len(marks) - 1, 2)]
    if len(marks) % 2:
        spans.append((marks[-1], len(text)))
    return spans


def calls_story_false(c: Claim) -> bool:
    """The article, in its own voice, calls the story false: no source, and
    a falsity word said of a report ("this report is a hoax", "the bogus
    report") outside any quotation (a quoted speaker's "fake news" is
    theirs; "the bogus report read: \"...\"" is the writer's): not a denial
    verb, whose subject is someone else, nor a falsity word said of
    something else ("some phony ideal")."""
    if c.source is not None or _SINGLE_QUOTES.search(c.text):
        return False
    quoted = _quoted(c.text)
    return any(
        not _NEGATOR.search(m.group()) and not any(lo <= m.start() <= hi for lo, hi in quoted)
        for m in _CALLS_STORY_FALSE.finditer(c.text)
    )


#: What a refuter refutes, when it states it (``refuted_content``): the
#: clause or phrase its verb of denial governs ("denied (claims by the
#: ministry) that P", "denied agreeing to P"), or the subject a falsity
#: word is said of ("claims of P are false", "P is nothing more than a
#: hoax"). A lead of hearsay ("reports that", "claims of") is dropped.
_DENIAL_OF = re.compile(
    r"\b(?:" + "|".join(_inflected(v) for v in sorted(DENYING)) + r")\s+"
    r"(?:(?:the\s+|these\s+|those\s+)?" + _REPORTS
    + r"(?:\s+(?:by|from|on|in)\s+[^,;]{1,60}?)?\s+(?:that|of)\s+|that\s+(?=\w)|(?=\w+ing\b))"
    r"(?P<content>.+)$",
    re.IGNORECASE,
)
_SAID_FALSE = re.compile(
    r"^(?P<content>.+?)\s+(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+"
    r"(?:(?:being|now|likely|probably|apparently|clearly|also|just|all|only|nothing\s+more\s+"
    r"than|little\s+more\s+than|described\s+as|dismissed\s+as|called|branded|exposed\s+as|"
    r"revealed\s+as|a|an|the|entirely|totally|completely|internet|online|elaborate)\s+)*"
    + _FALSE_WORDS + r"\b",
    re.IGNORECASE,
)
_HEARSAY_LEAD = re.compile(
    r"^(?:(?:the|a|an|these|those|such|some|earlier|recent|media|online|widespread)\s+)*"
    # not a possessor's ("the mayor's claims of P"): whose claim it is, is content
    r"(?:[\w-]+\s+){0,2}?" + _REPORTS
    + r"(?:\s+(?:by|from|on|in)\s+[^,;]{1,60}?)?\s+(?:that|of|about)\s+",
    re.IGNORECASE,
)
#: A trailing attribution ("..., the company says in a blog post") is not
#: part of what is refuted.
_TRAILING_SAYS = re.compile(r",\s+[^,]{1,60}?\s+(?:says|said|say|told|tells)\b[^,]*$",
                            re.IGNORECASE)
_MIN_CONTENT_WORDS = 3


def refuted_content(text: str) -> str | None:
    """The words of what a refuting sentence refutes, when it states them
    (``_DENIAL_OF``, ``_SAID_FALSE``): "Reports that the firm will close
    its plant are false" refutes "the firm will close its plant". None when
    it only names a report ("the story is a hoax") or states no more than
    a couple of words. Compared by meaning, these words, not the words of
    refuting around them, are what another article's claim must say."""
    body = _TRAILING_SAYS.sub("", text.strip()).rstrip(" .!?\"\u201d")
    m = _SAID_FALSE.match(body) or _DENIAL_OF.search(body)
    if m is None:
        return None
    content = _HEARSAY_LEAD.sub("", m.group("content").strip(" ,"))
    words = re.findall(r"[\w'\u2019-]+", content)
    if len(words) < _MIN_CONTENT_WORDS or (names_report(content) and len(words) <= 4):
        return None
    return content


def names_report(text: str) -> bool:
    """The text names a report or story, or points back to one ("the
    video", "this story", "it is"), rather than stating its content."""
    return bool(_NAMES_REPORT.search(text))


#: A claim whose event is an accusation reports that it was made; denying
#: the accusation disputes nothing that claim asserts.
_ACCUSING = frozenset({"accuse", "allege", "charge", "claim", "suspect", "blame"})


def _asserts(c: Claim) -> bool:
    """The claim tells its fact: asserted, confirmed, or relayed as hearsay
    ("reportedly", "is said to"; a relay against a denial differs in
    commitment, as ``certainty.v1`` says of two claims); not negated, not an
    accusation, and does not itself call the story false."""
    return (
        c.certainty in ("asserted", "confirmed", "reported")
        and not c.negated
        and c.predicate not in _ACCUSING
        and not _CALLED_FALSE.search(c.text)
    )


def _tells(c: Claim) -> bool:
    """The claim tells something (asserted, confirmed or relayed), not
    negated or doubted."""
    return c.certainty in ("asserted", "confirmed", "reported") and not c.negated


def refutations(
    documents: Sequence[Document],
    claims: Sequence[Claim],
    vectors: np.ndarray,
    events: Events,
    *,
    skip: frozenset[tuple[int, int]] = frozenset(),
    aligned: Callable[[Claim, Claim, float], bool] | None = None,
    encode: Callable[[Sequence[str]], np.ndarray] | None = None,
    own_threshold: float = 0.7,
    paraphrase_threshold: float = 0.75,
    context_threshold: float = 0.55,
    context_window: int = 2,
    max_target_claims: int = 3,
) -> list[Refutation]:
    """Disputed pairs (asserting claim, refuting claim) across documents the
    events allow to be compared; pairs in ``skip`` (already compared,
    ``(min, max)`` claim indices) are left alone. At most one finding per
    refuter and other document: its best-matching asserting claim.

    Only a short article (``max_target_claims`` claims at most: a headline,
    a rumour, a post) is answered as a whole by a refuting article. Two full
    reports of one story both tell its denials; their claims are compared
    claim by claim, where a denial meets the assertion it denies.

    ``aligned`` (``proposition.align``) decides whether two claims state one
    proposition: a refuter that states its content must state the target's;
    one that names a report and states content of its own ("denied reports
    that P") must follow a sentence of its own article that states the
    target's proposition. Closeness of topic alone (every sentence of a
    story is about the story) refutes nothing. One that names a report and
    states nothing else ("the story is a hoax") refers to the story its
    own article tells: it refutes the short article whose story that is,
    the one it, the sentences before it, its article's lead or any earlier
    sentence of its article that tells the story read like.

    ``encode`` (the embedder's) gives refuters that state what they refute
    a vector of those words alone (``refuted_content``): a claim says what
    a refuter refutes when it is close to the refuter's sentence or to its
    content, whichever is closer. Without it, or when no article is short
    enough to be answered as a whole, nothing is encoded."""

    doc_index = {d.id: k for k, d in enumerate(documents)}
    by_doc: dict[int, list[int]] = {}
    for ci, c in enumerate(claims):
        if c.doc in doc_index:
            by_doc.setdefault(doc_index[c.doc], []).append(ci)
    import numpy as np

    if all(len(ids) > max_target_claims for ids in by_doc.values()):
        return []  # no short article to refute
    deniers = {d: [ci for ci in ids if claims[ci].certainty == "denied"]
               for d, ids in by_doc.items()}
    contents = _contents(claims, [ci for ids in deniers.values() for ci in ids], encode)
    asserting = {d: np.array([ci for ci in ids if _asserts(claims[ci])], dtype=np.int64)
                 for d, ids in by_doc.items()}
    # a claim the asserting article itself refutes: it only tells the hoax
    told_false = {
        d: (vectors[asserting[d]] @ vectors[deniers[d]].T).max(axis=1) >= own_threshold
        if len(asserting[d]) and deniers[d] else np.zeros(len(asserting[d]), dtype=bool)
        for d in by_doc
    }
    out: list[Refutation] = []
    for dr, members in by_doc.items():
        for pos, ri in enumerate(members):
            r = claims[ri]
            if r.certainty != "denied":
                continue
            # what a refuter that only names the report refers back to: the
            # sentences just before it, or the article's lead
            context_ids = [
                ids for ids in (members[max(0, pos - context_window) : pos],
                                members[: min(pos, context_window)]) if ids
            ] if names_report(r.text) else []
            contexts = [v for ids in context_ids if (v := _centroid(vectors, ids)) is not None]
            if context_ids:
                # or any sentence before it that tells the story: a
                # debunking article retells it where it likes, not always
                # just before it calls it false; but what "it", "the story"
                # refer back to was told before them
                contexts += [vectors[ci] for ci in members[:pos] if _tells(claims[ci])]
            stated = sorted({ci for ids in context_ids for ci in ids})
            story_only = bool(stated) and not _STATES_CONTENT.search(r.text)
            for da in by_doc:
                targets = asserting[da]
                if len(by_doc[da]) > max_target_claims:
                    continue
                if da == dr or not events.allowed[da, dr] or not len(targets):
                    continue
                if deniers[da] and float((vectors[deniers[da]] @ vectors[ri]).max()) >= (
                    own_threshold
                ):
                    continue  # the other article refutes the same: they agree
                own = vectors[targets] @ vectors[ri]
                if ri in contents:
                    own = np.maximum(own, vectors[targets] @ contents[ri])
                ctx = (np.max(np.stack([vectors[targets] @ v for v in contexts]), axis=0)
                       if contexts else np.full(len(targets), -1.0))
                says = own >= own_threshold
                score = np.where(says, own, ctx)
                ok = (says | (ctx >= context_threshold)) & ~told_false[da]
                found = [
                    (float(score[k]), -int(targets[k]), bool(says[k]))
                    for k in np.nonzero(ok)[0]
                    if (min(int(targets[k]), ri), max(int(targets[k]), ri)) not in skip
                    and (aligned is None or story_only or _refers_to(
                        int(targets[k]), ri, bool(says[k]), float(own[k]), stated, claims,
                        vectors, aligned, paraphrase_threshold))
                ]
                if not found:
                    continue
                best, neg_ai, direct = max(found)
                ai = -neg_ai
                a = claims[ai]
                how = "says" if direct else "refers back to"
                why = (
                    f"{quote(r)} ({_doc_name(documents, dr)}) denies what {quote(a)} "
                    f"({_doc_name(documents, da)}) asserts: it {how} the same report"
                )
                out.append(Refutation(ai, ri, Comparison("disputed", None, round(best, 4),
                                                         why, NAME)))
    return out


def _contents(
    claims: Sequence[Claim], deniers: list[int],
    encode: Callable[[Sequence[str]], np.ndarray] | None,
) -> dict[int, np.ndarray]:
    """Vectors of what each denying claim refutes, where it states it."""
    found = {ci: text for ci in deniers if (text := refuted_content(claims[ci].text))}
    if encode is None or not found:
        return {}
    rows = encode(list(found.values()))
    return {ci: rows[n] for n, ci in enumerate(found)}


def _refers_to(
    target: int,
    refuter: int,
    direct: bool,
    similarity: float,
    stated: list[int],
    claims: Sequence[Claim],
    vectors: np.ndarray,
    aligned: Callable[[Claim, Claim, float], bool],
    paraphrase: float,
) -> bool:
    """The refuter's own content, or a sentence before it that states the
    refuted report, is the target's proposition. ``similarity`` is the
    target's to the refuter (its content's, when that is closer); at
    ``paraphrase`` or above, with a named party shared, the two are one
    proposition whatever words each uses."""
    a = claims[target]
    if direct and aligned(a, claims[refuter], similarity):
        return True
    r = claims[refuter]
    if direct and similarity >= paraphrase and set(a.entities) & set(r.entities):
        # a paraphrase of the same party's act ("cut off customers who use
        # X" / "deny service to users of X") shares few words: what the
        # refuter states, read alone, is as close as a restatement
        return True
    return any(aligned(a, claims[c], float(vectors[target] @ vectors[c])) for c in stated)


def _centroid(vectors: np.ndarray, ids: list[int]) -> np.ndarray | None:
    import numpy as np

    mean = vectors[ids].mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm else None


def _doc_name(documents: Sequence[Document], k: int) -> str:
    d = documents[k]
    return d.outlet or d.id
