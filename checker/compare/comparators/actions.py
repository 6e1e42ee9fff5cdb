"""The action a claim states and whether the claim negates it: the claim's
words, its main verb's forms in them (an event's occurrence and
cancellation read as one verb), the subject, and a negator in the
action's scope ("was not held", "no charges have been filed"). Negation is
only compared on the one action two claims share (``_one_action``).
"""

from __future__ import annotations

import functools
import re

from checker.compare.comparators.wording import (
    _PRONOUNS,
)
from checker.compare.proposition import BE_FORMS
from checker.match import (
    ATTRIBUTING,
    LIGHT_VERBS,
    content_words,
    predicate_span,
    stem,
)
from checker.model import Claim

_NEGATOR_BEFORE = frozenset("not n't never no nobody cannot can't won't didn't doesn't don't "
                            "isn't aren't wasn't weren't hasn't haven't hadn't".split())


_NEGATOR_AFTER = frozenset("no none nothing nobody".split())


#: Words that may stand between a negator and its verb ("not yet been found").
_AUX_BETWEEN = frozenset(
    "be been being have has had yet always ever really already actually formally "
    "officially going to able".split()
)


_TOKEN = re.compile(r"[A-Za-z]+(?:['\u2019][a-z]+)?")


def _words(c: Claim) -> list[str]:
    return list(_words_of(c.text))


@functools.lru_cache(maxsize=8192)
def _words_of(text: str) -> tuple[str, ...]:
    return tuple(t.lower().replace("\u2019", "'") for t in _TOKEN.findall(text))


def _tokens(c: Claim) -> list[str]:
    """The claim's words, with an event's occurrence read as one verb
    (``_occurrence``)."""
    return list(_tokens_of(c.text))


@functools.lru_cache(maxsize=8192)
def _tokens_of(text: str) -> tuple[str, ...]:
    return tuple(_occurrence(list(_words_of(text))))


#: Verbs that say an event happens: "the vote took place", "was held",
#: "went ahead", "happened", "occurred" all say it occurred.
_OCCUR = "occur"


_OCCUR_PARTICLES = {stem("take"): "place", stem("go"): "ahead"}


_HAPPEN = stem("happen")


_CALL = stem("call")


#: Verbs that say an event will not happen: "the vote was cancelled",
#: "called off", "scrapped" say it will not occur.
_CALL_OFF = frozenset({stem("cancel"), stem("scrap")})


def _reads_as(words: list[str], k: int) -> tuple[str, int] | None:
    """How the word at ``k`` reads as an event's occurrence: ``("occur",
    n)`` for a verb of occurrence ("took place", "was held", "happened"),
    ``("off", n)`` for one of cancellation ("cancelled", "called off"), with
    ``n`` its words; None for any other word."""
    t, s = words[k], stem(words[k])
    nxt = words[k + 1] if k + 1 < len(words) else ""
    if nxt and _OCCUR_PARTICLES.get(s) == nxt:
        return _OCCUR, 2
    if s == _HAPPEN or (t == "held" and _passive_at(words, k)):
        return _OCCUR, 1
    if s in _CALL_OFF:
        return "off", 1
    if s == _CALL and nxt == "off":
        return "off", 2
    return None


def _occurrence(tokens: list[str]) -> list[str]:
    """``tokens`` with every verb of an event's occurrence read as "occur"
    and every verb of its cancellation as "will not occur": "was not held"
    and "took place" then negate and assert one action, and "was called
    off" negates it (a cancellation says the event will not happen); a
    negated cancellation ("was not cancelled") says it will."""
    out: list[str] = []
    k = 0
    while k < len(tokens):
        reading = _reads_as(tokens, k)
        if reading is None:
            out.append(tokens[k])
            k += 1
            continue
        kind, n = reading
        j = _before_auxiliaries(out, len(out))
        if kind == "off" and j >= 0 and out[j] in _NEGATOR_BEFORE:
            del out[j]  # "was not called off": it occurs
            kind = _OCCUR
        _drop_be(out)
        out.extend((_OCCUR,) if kind == _OCCUR else ("will", "not", _OCCUR))
        k += n
    return out


def _drop_be(out: list[str]) -> None:
    """Drop the passive "be" before the verb about to be appended to
    ``out`` ("was (not) held"): an event occurs, nobody occurs it."""
    j = _past_adverbs(out, len(out))
    if j >= 0 and out[j] in BE_FORMS:
        del out[j]


def _reading(c: Claim) -> str | None:
    """``_reads_as`` of the claim's main verb (its first form): "occur",
    "off", or None."""
    return _reading_of(c.text, c.predicate) if c.predicate else None


@functools.lru_cache(maxsize=8192)
def _reading_of(text: str, predicate: str) -> str | None:
    words = list(_words_of(text))
    first = _forms(words, stem(predicate))[:1]
    reading = _reads_as(words, first[0]) if first else None
    return reading[0] if reading else None


def _action(c: Claim) -> str:
    """The stem of the claim's main action, an event's occurrence or
    cancellation read as "occur" (``_occurrence``); "" without a verb."""
    if not c.predicate:
        return ""
    return _OCCUR if _reading(c) else stem(c.predicate)


def _occurring(c: Claim) -> frozenset[str]:
    """What the claim says occurs or is called off: the subject, or the
    object of an active cancellation ("the mayor called off the parade")."""
    words = _words(c)
    if _reading(c) == "off":
        s = stem(c.predicate or "")
        for k, t in enumerate(words):
            if stem(t) == s and not _passive_at(words, k):
                start = k + (2 if s == _CALL else 1)
                return content_words(" ".join(words[start : start + 4]))
    return _subject_words(c)


#: Words that only focus or contrast, so "not" before them negates no verb
#: ("not only X but also Y"; "referring not to X but to Y").
_FOCUS = frozenset("only just merely simply even".split())


#: Verbs that carry a negated event noun ("no charges have been filed").
_SUPPORT = LIGHT_VERBS | frozenset("file bring issue lodge press level announce".split())


def _contrastive(tokens: list[str], k: int) -> bool:
    """The "not" at ``k`` opens "not (only) X but Y": it contrasts
    arguments and leaves the verb asserted."""
    return bool(_FOCUS & set(tokens[k + 1 : k + 3])) or "but" in tokens[k + 1 : k + 9]


_UNTIL = frozenset({"until", "till", "til"})


#: How far after a verb an "until" may stand and still belong to its clause.
_UNTIL_REACH = 8


def _before_auxiliaries(tokens: list[str], k: int) -> int:
    """The position of the word before the verb at ``k`` once up to four
    auxiliaries and adverbs are passed over ("not" in "has not yet been
    found"); -1 when none is left."""
    j = k - 1
    while j >= 0 and k - j <= 4 and (tokens[j] in _AUX_BETWEEN or tokens[j].endswith("ly")):
        j -= 1
    return j


def _negated_token(tokens: list[str], k: int) -> bool:
    """The word at ``k`` is negated: a negator right before it (auxiliaries
    and adverbs between), "yet to" before it, or a negator right after it."""
    j = _before_auxiliaries(tokens, k)
    if j >= 0 and tokens[j] in _NEGATOR_BEFORE and not _contrastive(tokens, j):
        # "did not arrive until Monday": it arrived on Monday
        return not _UNTIL & set(tokens[k + 1 : k + 1 + _UNTIL_REACH])
    window = tokens[max(0, k - 4) : k]
    if any(window[i : i + 2] == ["yet", "to"] for i in range(len(window) - 1)):
        return True  # "has yet to respond": not yet responded
    # a negator after the verb negates it only as the first word of what
    # follows ("found no evidence", "pleaded not guilty", "found absolutely
    # nothing"): further on it opens a clause of its own ("it was strange
    # no one had reported it")
    m = k + 1
    while m < len(tokens) and m - k <= 2 and tokens[m].endswith("ly"):
        m += 1
    nxt = tokens[m] if m < len(tokens) else ""
    return nxt in _NEGATOR_AFTER or (nxt == "not" and not _contrastive(tokens, m))


def _negated_at(c: Claim, target: str) -> bool | None:
    """Whether the claim negates the action with stem ``target``. For the
    claim's own main verb the parse decides; elsewhere a negator right
    before an inflected form ("was not arrested", "has yet to respond"), or
    a "not" or negative determiner right after it ("pleaded not guilty",
    "found no evidence"), or "no" before its noun ("no charges"). None
    when the action does not occur."""
    main = _action(c) == target
    # the parse's negation of a cancellation ("was not called off") is an
    # occurrence asserted: the words (``_occurrence``) decide then
    if main and _reading(c) != "off" and (c.certainty == "negated" or c.negated):
        return True
    tokens = _tokens(c)
    found = False
    for k, t in enumerate(tokens):
        if stem(t) != target:
            continue
        if found and main:
            break  # the main verb's first form; later ones sit in other clauses
        found = True
        if _negated_token(tokens, k):
            return True
    return False if found else None


_PASSIVE_AUX = frozenset("was were been being is are am be get got gets".split())


def _passive_at(tokens: list[str], k: int) -> bool:
    """The verb at ``k`` is passive: a form of "be" (or "get") before it,
    adverbs and negators between, and it is no "-ing" form."""
    j = _past_adverbs(tokens, k)
    return j >= 0 and tokens[j] in _PASSIVE_AUX and not tokens[k].endswith("ing")


def _past_adverbs(tokens: list[str], k: int) -> int:
    """The position of the word before ``k`` once adverbs ("-ly") and
    negators are passed over; -1 when none is left."""
    j = k - 1
    while j >= 0 and (tokens[j].endswith("ly") or tokens[j] in _NEGATOR_BEFORE):
        j -= 1
    return j


def _forms(tokens: list[str], target: str) -> list[int]:
    """Positions of the forms of the action with stem ``target``."""
    return [k for k, t in enumerate(tokens) if stem(t) == target]


def _one_action(a: Claim, b: Claim) -> str | None:
    """The stem of the action both claims are about: their main verbs
    agree, or one's main verb is the other's event noun carried by a support
    verb ("was charged" / "no charges have been filed"). Negation is only
    compared on that action: a "not" elsewhere in a sentence (a relative
    clause, a quoted aside) belongs to another proposition."""
    if not a.predicate or not b.predicate:
        return None
    sa, sb = stem(a.predicate), stem(b.predicate)
    if _action(a) == _action(b) == _OCCUR:
        # one event said to occur or not in two ways ("took place" / "was
        # not held"): by two verbs only of a subject both name, since what
        # "it happened" or "was held" speaks of is in the subject alone
        if sa == sb:
            return _OCCUR if _same_subject(a, b) else None
        return _OCCUR if _occurring(a) & _occurring(b) else None
    if sa == sb:
        # two reports of speech ("X said ...") share only the saying: what
        # each says is another proposition
        if a.predicate in ATTRIBUTING or not _same_subject(a, b):
            return None
        if sa == "be" and (ha := _complement_head(a)) and (hb := _complement_head(b)) and (
            stem(ha) != stem(hb)
        ):
            return None  # "is not for X" / "is popular with X": two predications
        return sa
    if not _same_subject(a, b):
        return None
    for x, y in ((a, b), (b, a)):
        sx = stem(x.predicate or "")
        if y.predicate in _SUPPORT and x.predicate not in LIGHT_VERBS and len(sx) > 2 and (
            _negated_at(y, sx) is not None
        ):
            return sx
    return None


_COPULA_FORMS = BE_FORMS | {"isn't", "aren't", "wasn't", "weren't"}


#: Words an "'s" of "is" leans on ("it's", "there's").
_BE_HOSTS = _PRONOUNS | {"there", "here", "what"}


#: Words between a copula and what it predicates that predicate nothing.
_DEGREE = frozenset("not no never pretty very so too quite rather fairly also still just even "
                    "now already much many more less".split())


def _complement_head(c: Claim) -> str | None:
    """With a copula as the claim's main verb, the first content word of
    what it predicates ("wetland" in "is a wetland", "criminals" in "isn't
    for criminals"): the proposition a copula states is its complement."""
    tokens = _tokens(c)
    for k, t in enumerate(tokens):
        if t in _COPULA_FORMS or (t.endswith("'s") and t[:-2] in _BE_HOSTS):
            for w in tokens[k + 1 :]:
                if w in _DEGREE or w.endswith("ly") or w in _COPULA_FORMS or not content_words(w):
                    continue
                return w
            return None
    return None


def _subject_words(c: Claim) -> frozenset[str]:
    """Content words before the claim's main verb: roughly its subject."""
    verb = predicate_span(c)
    return content_words(c.text[: verb[0]]) if verb and verb[0] else frozenset()


def _same_subject(a: Claim, b: Claim) -> bool:
    """The subject of one is named in the other (or one has none we can
    see): "One party won't tax" and "The Democrats tax" are about others."""
    sa, sb = _subject_words(a), _subject_words(b)
    if not sa or not sb:
        return True
    return bool(sa & content_words(b.text)) or bool(sb & content_words(a.text))
