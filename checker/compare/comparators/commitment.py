"""How a claim commits to what it says: asserted, negated, denied, called
false, or left unconfirmed (``committed``), whether two claims' commitments
are opposed (``opposed``), and what makes a sentence state a fact at all:
not the content of hearsay it talks about, not an attitude or a topic, not
a hedge.
"""

from __future__ import annotations

import re

from checker.compare.comparators.actions import (
    _NEGATOR_AFTER,
    _NEGATOR_BEFORE,
    _TOKEN,
    _negated_at,
    _one_action,
    _words,
)
from checker.match import (
    content_words,
    predicate_span,
)
from checker.match.words import STOPWORDS
from checker.model import Claim

#: Words that call a story false: a headline or claim carrying one disputes
#: the story (``... is a hoax``, ``fake video``). Denial verbs are left to the
#: extractor, which tells a speech act of denial ("denied the report") from
#: withholding ("denied a request", "denied to them").
_DEBUNK = re.compile(
    r"\b(?:hoax(?:es)?|pranks?|debunk\w*|refute[sd]?|fak(?:ed|ery)|"
    r"(?:is|are|was|were|a|just)\s+(?:\w+\s+)?fake|fake[\s-]+(?:news|reports?|stor(?:y|ies)|"
    r"videos?|photos?|pictures?|images?|claims?|accounts?|websites?|sites?|tweets?|quotes?|"
    r"articles?)|"
    r"bogus|phony|phoney|untrue|not\s+(?:true|real)|made\s+(?:\w+\s+){0,2}up|fabricat\w+|"
    r"(?:is|are|was|were)\s+(?:\w+\s+)?satir\w+|satir\w+\s+(?:articles?|stor(?:y|ies)|pieces?|reports?|news)|"
    r"(?:categorically|completely|totally|entirely)\s+(?:false|untrue|wrong)|"
    r"(?:is|are|was|were)\s+(?:\w+\s+)?(?:false|a\s+myth|myth))\b",
    re.IGNORECASE,
)


#: Failing to find or confirm a fact leaves it unconfirmed, as "found no
#: evidence" does ("were unable to find evidence of poison").
_NOT_FOUND = re.compile(
    r"\b(?:unable|failed|fail|fails)\s+to\s+(?:\w+\s+)?(?:find|confirm|verify|establish|prove)\b",
    re.IGNORECASE,
)


#: A source the outlet itself calls unconfirmed ("unconfirmed reports say
#: P"), or calls a rumour, which is a report nobody has confirmed ("a
#: rumor claims P"), leaves P unconfirmed.
_UNCONFIRMED_SOURCE = re.compile(
    r"\b(?:un(?:confirmed|verified|substantiated)|rumou?rs?|gossip|hearsay|speculation)\b",
    re.IGNORECASE,
)


def one_speaker(a: Claim, b: Claim) -> bool:
    """Both claims are attributed to one speaker, named alike ("her agent" /
    "the agent of the singer", "a statement on the group's website" / "an
    unverified statement")."""
    return bool(a.source and b.source and content_words(a.source) & content_words(b.source))


#: A claim that opens with "No," answers a story: with a denial when the
#: clause after it is negative ("No, X won't ..."); with a correction when
#: it is not ("No, it's the new model!"), which asserts that clause.
_NO_OPENING = re.compile(r"^\W*no\s*[,:\u2014-]", re.IGNORECASE)


#: Hedges: the writer does not commit to the fact.
_HEDGE = re.compile(
    r"\b(?:unlikely|likely|may|might|could|would|possibly|probably|perhaps|potentially|whether)\b",
    re.IGNORECASE,
)


#: A condition keeps a "would" hypothetical even in reported speech.
_CONDITION = re.compile(r"\b(?:if|unless)\b", re.IGNORECASE)


_WORDS_TO_VERB = re.compile(r"(?:\s+(?:not|n['\u2019]t|never|also|still|soon|then|now|be|have|\w+ly))*\s+$",
                            re.IGNORECASE)


def _hedge_at(c: Claim, m: re.Match[str]) -> bool:
    """Whether the hedge word ``m`` of the claim text hedges. Two words only
    look like hedges: a capitalised "May" inside a sentence that is not
    title-cased is the month or a name ("in May", "Theresa May"); and the
    "would" of a reported statement is the backshifted "will" of what the
    source said ("the bank said it would buy bonds": it said "we will"),
    a commitment and no hypothesis, unless a condition goes with it."""
    word = m.group()
    if word == "May" and m.start() > 0 and any(
        w.islower() and w not in STOPWORDS for w in _TOKEN.findall(c.text)
    ):
        return False  # a lower-case content word: the sentence is not title-cased
    if word.lower() == "would" and c.source and not _CONDITION.search(c.text):
        verb = predicate_span(c)
        if verb and verb[0] > m.end() and _WORDS_TO_VERB.fullmatch(c.text[m.end() : verb[0]]):
            return False
    return True


def _hedge_in(c: Claim, lo: int = 0, hi: int | None = None) -> bool:
    """A hedge in the claim text (or its slice ``lo:hi``)."""
    return any(_hedge_at(c, m) for m in _HEDGE.finditer(c.text, lo, len(c.text) if hi is None else hi))


#: Main verbs of talks and attitudes: a fact in their object is background
#: ("Yoon welcomed the delegation ...", "Russia warned South Korea ..."), not
#: what the claim asserts, so it neither confirms nor disputes that fact.
_ATTITUDE = frozenset(
    "share discuss welcome warn hope worry express urge call talk ask invite fear "
    "expect".split()
)


#: A fact named as the topic of information or talks ("share information on
#: the troop deployment") is not asserted by the claim.
_TOPIC = re.compile(
    r"\b(?:information|intelligence|talks|discussions?|questions?|speculation)\s+"
    r"(?:on|about|over|regarding)\b",
    re.IGNORECASE,
)


_NEGATED_CUE = re.compile(
    r"\b(?:not|n['\u2019]t|never|no)\s+(?:\w+\s+){0,2}$", re.IGNORECASE
)


def debunks(text: str) -> bool:
    """A word that calls a story false, not itself negated ("does not deny",
    "did not directly dispute" concede the story)."""
    return any(
        not _NEGATED_CUE.search(text[: m.start()]) for m in _DEBUNK.finditer(text)
    )


#: A satirical outlet as who says something: what it says is not news.
_SATIRE_SOURCE = re.compile(
    r"\bsatir\w+\s+(?:news\s+)?(?:sites?|websites?|outlets?|papers?|newspapers?|publications?)\b",
    re.IGNORECASE,
)


def _satire_says(c: Claim) -> bool:
    """The claim's subject is a satirical outlet ("Satirical site warns
    ..."), not one named as an object ("hired to start a satirical site")."""
    m = _SATIRE_SOURCE.search(c.text)
    verb = predicate_span(c)
    # it heads the subject: at most a label and a determiner before it, no
    # appositive ("X, a writer hired to start a satirical site, is ...")
    return bool(m and verb and m.end() <= verb[0] and len(c.text[: m.start()].split()) <= 3
                and "," not in c.text[: m.start()])


def committed(c: Claim) -> str:
    """Commitment of the writer or source: pos, neg (negated), denied, unconfirmed, weak."""
    if c.certainty == "denied":
        return "denied"
    if c.certainty == "unconfirmed" or _NOT_FOUND.search(c.text) or (
        c.source and _UNCONFIRMED_SOURCE.search(c.source)
    ):
        return "unconfirmed"
    if c.certainty in ("asserted", "reported", "negated") and (
        debunks(c.text) or (_NO_OPENING.search(c.text) and negative(c)) or _satire_says(c)
    ):
        return "denied"
    if c.certainty == "negated" or c.negated:
        return "neg"
    if c.certainty in ("asserted", "confirmed"):
        return "pos"
    return "weak"  # reported, possible


#: Words that call shared words false do so as a heading before them
#: ("Hoax: ...", "Fake news — ...") or as what is said of them after a
#: copula ("... is totally bogus"); as a modifier ("over a fabricated
#: story") they describe something else.
_LABEL = re.compile(r"[:\u2014\u2013|]\s*$|\s-\s*$")


_PREDICATED = re.compile(r"^\W*(?:\w+\s+){0,2}?(?:is|are|was|were|been|be)\b", re.IGNORECASE)


_ASSERTING = frozenset({"pos", "weak"})


_REJECTING = frozenset({"neg", "denied"})


def opposed(a: Claim, b: Claim, shared: str | None = None) -> bool:
    """One claim commits to what the other negates, denies or calls false,
    or states what the other leaves unconfirmed: whatever their words
    share, they do not agree. With ``shared`` (words both carry as one
    utterance) only a denial or a word calling it false outside those words
    counts: a negation inside a shared quote is shared too."""
    if shared is not None:
        inside = set(shared.split())

        def rejects(c: Claim) -> bool:
            words = c.text.split()
            ins = [k for k, w in enumerate(words) if re.sub(r"\W", "", w.lower()) in inside]
            if not ins:
                return False
            label = " ".join(words[: ins[0]])
            after = " ".join(words[ins[-1] + 1 :])
            return (
                c.certainty == "denied"
                or bool(_LABEL.search(label) and debunks(label))
                or bool(_NO_OPENING.search(label))
                or bool(_PREDICATED.match(after) and debunks(after))
            )

        return rejects(a) != rejects(b)
    ca, cb = committed(a), committed(b)
    target = _one_action(a, b)
    if target is not None:
        na, nb = _negated_at(a, target), _negated_at(b, target)
        if na is not None and nb is not None:
            if na != nb:
                return True
            # the same polarity on the one action ("found no evidence" /
            # "has not found any evidence"): only a denial or doubt opposes
            ca, cb = ("pos" if x == "neg" else x for x in (ca, cb))
    return any(
        (x in _ASSERTING and y in _REJECTING) or (x == "pos" and y == "unconfirmed")
        for x, y in ((ca, cb), (cb, ca))
    )


#: A fragment split from its sentence that opens with an infinitive or a
#: gerund (lower case: not a sentence start) states no fact of its own.
_NON_FINITE = re.compile(r"^\W*(?:to\s+[a-z]+|[a-z]+ing)\b")


#: Declining to speak states nothing about the matter ("declined to
#: comment", "could not be reached for comment", "did not respond to a
#: request for comment").
_NO_COMMENT = re.compile(
    r"\b(?:(?:declin|refus)\w*\s+(?:\w+\s+)?to\s+(?:comment|elaborate|discuss|respond|answer)|"
    r"(?:reached|available|respond\w*|request\w*|asked)\s+(?:\w+\s+){0,3}for\s+(?:a\s+)?comment|"
    r"(?:had|has|have|offered)\s+(?:no\s+)?(?:immediate\s+)?comment|"
    r"not\s+(?:\w+\s+)?(?:providing|giving|offering|releasing|sharing)\s+(?:any\s+)?"
    r"(?:further\s+)?(?:details|comment))\b",
    re.IGNORECASE,
)


#: Nouns of hearsay: their that-clause ("the story that P", "news that P")
#: tells what is said, which the sentence does not assert.
_HEARSAY = frozenset(
    "story stories rumor rumors rumour rumours report reports claim claims news allegation "
    "allegations speculation".split()
)


#: Of those, the ones that are verbs too ("they report that P" says P).
_HEARSAY_VERBS = frozenset("report reports claim claims".split())


#: Hearsay named with its content ("rumours that P", "reports of P"): a
#: claim about the hearsay ("rumours of his death spread") does not state P.
#: "Report" and "claim" are nouns here only before "of" or after a
#: determiner.
_HEARSAY_OF = re.compile(
    r"\b(?:(?:" + "|".join(sorted(_HEARSAY - _HEARSAY_VERBS)) + r")\s+(?:that|of)|"
    r"(?:" + "|".join(sorted(_HEARSAY_VERBS)) + r")\s+of|"
    r"(?:the|these|those|such|earlier|unconfirmed|new|recent|media|online|initial|press)\s+"
    r"(?:" + "|".join(sorted(_HEARSAY_VERBS)) + r")\s+that|"
    # a distancing verb as a modifier ("an article claiming that P")
    r"(?:claiming|alleging)\s+that)\b"
    # the label of a fact check ("Claim: P")
    r"|^\W*(?:claims?|rumou?rs?)\s*:",
    re.IGNORECASE,
)


def _asserts_fact(c: Claim) -> bool:
    """The claim states the fact itself, not hedged (``_states_fact``), so
    it can confirm or be disputed."""
    if c.certainty == "possible" or (c.certainty != "confirmed" and _hedge_in(c)):
        return False
    return _states_fact(c)


def _states_fact(c: Claim) -> bool:
    """The claim states a fact, hedged or not: not as the background of
    talks or attitudes, not a refusal to comment, not as the content of
    hearsay it talks about."""
    if c.certainty != "confirmed" and _HEARSAY_OF.search(c.text):
        return False
    if _NO_COMMENT.search(c.text):
        return False
    if _NON_FINITE.match(c.text):
        return False  # "to confirm the report", "rejecting the measures": no tense, no assertion
    return c.predicate not in _ATTITUDE and not _TOPIC.search(c.text)


_NEGATIVE = _NEGATOR_BEFORE | _NEGATOR_AFTER | {"neither", "nor"}


def negative(c: Claim) -> bool:
    """A negator anywhere in the claim ("insists none of it was staged"),
    not the answering "No," it opens with."""
    tokens = _words(c)[1:] if _NO_OPENING.search(c.text) else _words(c)
    # "nobody's" is "nobody has" or "nobody is"
    return any(t in _NEGATIVE or t.endswith("n't") or t.split("'")[0] in _NEGATIVE
               for t in tokens)
