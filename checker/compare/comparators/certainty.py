"""``certainty.v1``: one claim asserts a fact another denies, doubts or
leaves unconfirmed (``disputed``), or a later assertion settles an old
"not confirmed" (``update``).
"""

from __future__ import annotations

import re

from checker.compare.comparators.actions import (
    _TOKEN,
    _same_subject,
)
from checker.compare.comparators.commitment import (
    _NEGATED_CUE,
    _NOT_FOUND,
    _UNCONFIRMED_SOURCE,
    _asserts_fact,
    committed,
    debunks,
    negative,
    one_speaker,
)
from checker.compare.comparators.occasions import (
    _WINDOW,
)
from checker.compare.comparators.wording import (
    _later,
    _say,
)
from checker.compare.proposition import BE_FORMS, denies_another_conjunct
from checker.compare.registry import PairContext, comparator, quote
from checker.match import (
    content_words,
    stem,
)
from checker.model import Claim, Comparison

#: A negative quantifier as (or in) the subject: "no debris has been found",
#: "so far none of the sailors".
_NEGATIVE_SUBJECT = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:no|none|nothing|nobody|neither)\b",
                               re.IGNORECASE)


def _hedged_relay(c: Claim) -> bool:
    """The claim relays its source's P, left unconfirmed only because the
    outlet calls the source unconfirmed ("according to unverified reports,
    P"; "a rumour claims P"), not because anyone failed to confirm P."""
    return bool(
        c.certainty in ("asserted", "reported") and c.source
        and _UNCONFIRMED_SOURCE.search(c.source) and not _NOT_FOUND.search(c.text)
    )


#: Sources that are themselves reports: a claim relayed from one is
#: hearsay, whoever confirms or doubts the report.
_REPORT_SOURCE = re.compile(
    r"\b(?:reports?|publications?|newspapers?|papers?|websites?|sites?|blogs?|tabloids?|"
    r"magazines?|media|outlets?|rumou?rs?)\b",
    re.IGNORECASE,
)


def _relays_a_report(c: Claim) -> bool:
    """The claim relays what a report says ("according to the publication,
    P", "local media said P"), not what a person or body says."""
    return bool(c.source and _REPORT_SOURCE.search(c.source))


#: An embedded yes/no question, which the extractor reads as leaving its
#: proposition unconfirmed ("did not say whether P", "unclear if P").
_OPEN_QUESTION = re.compile(r"\b(?:whether|if)\b", re.IGNORECASE)


#: The speech act of denial named by a verb or noun ("denied", "moved to
#: deny", "a denial", "disputed the report").
_DENIAL_WORD = re.compile(
    r"\b(?:den(?:y|ies|ied|ying|ials?)|disput(?:e|es|ed|ing)|refut(?:e|es|ed|ing|ation)|"
    r"rebut(?:s|ted|ting|tal)?|disavow(?:s|ed|ing|al)?|"
    r"sho(?:ot|ots|t|oting)\s+down\s+(?:\w+\s+){0,2}?(?:reports?|claims?|rumou?rs?|"
    r"stor(?:y|ies)|allegations?))\b",
    re.IGNORECASE,
)


#: Words that doubt what they are said of: confirming or verifying (left
#: undone), asking whether, doubting.
_DOUBTED = r"doubt\w*|unclear|unconfirmed|unverified"


_DOUBT_WORD = re.compile(
    r"\b(?:confirm\w*|verif\w*|corroborat\w*|whether|question\w*|" + _DOUBTED + r")\b",
    re.IGNORECASE,
)


#: Words by which a claim reports a doubt as what someone said or
#: thought, not a failure to confirm: "cast doubt on", "is unverified"
#: (``_DOUBTED``, which ``_DOUBT_WORD`` holds too, and scepticism).
_SPEAKS_DOUBT = re.compile(r"\b(?:s(?:k|c)eptic\w*|" + _DOUBTED + r")\b", re.IGNORECASE)


def _doubts(text: str) -> bool:
    """The text carries a denial, a word that calls a story false, or a
    doubt: where in a sentence of several facts its doubt lies."""
    return bool(_DENIAL_WORD.search(text) or _DOUBT_WORD.search(text)) or debunks(text)


def _reports_denial(c: Claim) -> bool:
    """The claim reports a denial that it does not itself negate ("did not
    deny" concedes the story)."""
    return any(not _NEGATED_CUE.search(c.text[: m.start()]) for m in _DENIAL_WORD.finditer(c.text))


#: What was not confirmed, when it is a noun phrase: the words after the
#: verb of confirming up to a preposition, a clause or the end ("could not
#: confirm the commander's death", "has not confirmed a launch date for").
_UNCONFIRMED_NOUN = re.compile(
    r"\b(?:confirm|verify|corroborate)\w*\s+((?:(?!that\b|whether\b|if\b|how\b|what\b|who\b)"
    r"[\w'\u2019-]+\s+){0,3}?[\w'\u2019-]+)"
    r"(?=\s*(?:$|[,.;:\u2014]|\s(?:of|for|in|on|at|after|before|by|with|from|and|but|or|as|"
    r"which|that|to|since|until|yet)\b))",
    re.IGNORECASE,
)


#: Nouns that refer back to a report rather than state a fact ("could not
#: verify the report"): the article-level refutation reads what they point to.
_REPORT_NOUNS = frozenset(
    "report claim rumor rumour story news account allegation it this that them".split()
)


def _unconfirmed_words(c: Claim) -> frozenset[str] | None:
    """The content words, names left out, of the noun phrase a claim says
    is not confirmed, or None when what is unconfirmed is a clause, a
    report or not a noun phrase the text shows."""
    m = _UNCONFIRMED_NOUN.search(c.text)
    if m is None:
        return None
    words = [w for w in m.group(1).split() if not w[:1].isupper()]
    if not words or any(w.lower().strip("'’s") in _REPORT_NOUNS for w in words):
        return None
    found = content_words(" ".join(words))
    return found or None


@comparator("certainty.v1")
def certainty(a: Claim, b: Claim, ctx: PairContext) -> Comparison | None:
    """Asserted vs denied/unconfirmed: ``disputed``; an old "unconfirmed"
    followed by a later assertion: ``update``."""
    ca, cb = committed(a), committed(b)
    pair = {ca, cb}
    later = _later(ctx)
    if pair == {"pos", "weak"} and "possible" in (a.certainty, b.certainty) and (
        a.predicate is None or b.predicate is None or stem(a.predicate) != stem(b.predicate)
    ):
        # "could consider providing weapons" vs "has joined sanctions": the
        # hedged claim is about another act (a shared main verb keeps
        # "may have sent troops" vs "sent troops" for the rules below)
        return Comparison("unrelated", None, 0.0,
                          f"{quote(a)} vs {quote(b)}: one only says what could happen, "
                          "the other reports another action", "certainty.v1")
    other = b if ca in ("denied", "unconfirmed") else a
    if ca != cb and not _asserts_fact(other):
        if ca in ("denied", "unconfirmed") or cb in ("denied", "unconfirmed"):
            # a denial next to talk about the topic neither agrees nor disputes
            return Comparison("unrelated", None, 0.0,
                              f"{quote(a)} vs {quote(b)}: one denies or doubts what the "
                              "other only mentions", "certainty.v1")
        return None
    doubter = a if ca in ("denied", "unconfirmed") else b
    if denies_another_conjunct(doubter, other, _doubts, ctx.idf):
        return None
    if committed(doubter) == "denied" and (_reports_denial(other) or negative(other)):
        # both report a denial ("X denied the report" / "X moved to deny
        # the report"): a report of a denial does not assert what is
        # denied; and denying P says what asserting not-P says ("denied the
        # video was staged" / "insists none of it was staged")
        return None
    if committed(doubter) == "unconfirmed" and (
        other.negated or other.certainty == "negated" or _NEGATIVE_SUBJECT.match(other.text)
        or _SPEAKS_DOUBT.search(other.text)
    ):
        # "no word of debris being found" / "no debris has been found":
        # neither states P, the doubt and the negation lean one way (a
        # "not" in a clause of its own, "X, which has not ..., found P",
        # leaves P stated); nor does a report of a doubt ("cast doubt on
        # the report", "the claim is unverified") state what it doubts
        return None
    if pair == {"pos", "denied"} or pair == {"weak", "denied"}:
        return _say("certainty.v1", a, b, ctx, "disputed", None, 0.8, "one asserts, the other denies")
    if pair == {"pos", "unconfirmed"} and _hedged_relay(doubter) and (
        one_speaker(doubter, other) or _relays_a_report(other)
    ):
        # "an unverified statement on the group's website says P" / "a
        # statement on the group's website said P": both outlets relay one
        # source, and one calls it unverified; neither states P. So with
        # two reports ("a rumour claims P" / "according to the publication,
        # P"): calling one's source a rumour doubts the source, and the
        # other outlet, relaying another report, takes no other side
        return Comparison("unrelated", None, 0.0,
                          f"{quote(a)} vs {quote(b)}: both relay a report, one calls it "
                          "unconfirmed", "certainty.v1")
    if pair == {"pos", "unconfirmed"} and _OPEN_QUESTION.search(doubter.text) and not (
        doubter.predicate and other.predicate
        and stem(doubter.predicate) == stem(other.predicate) and _asks_of(doubter, other)
    ):
        # an open question ("not clear if the girl was the target") asks
        # about one act of one subject; another verb or subject ("police
        # shot him" / "whether he fired") does not answer it
        return Comparison("unrelated", None, 0.0,
                          f"{quote(a)} vs {quote(b)}: the open question is about another "
                          "action or subject", "certainty.v1")
    if pair == {"pos", "unconfirmed"} and (
        (what := _unconfirmed_words(doubter)) is not None
        and not what & content_words(_WINDOW.sub(" ", other.text))
    ):
        # "could not confirm the commander's death" doubts a death: a claim
        # that says nothing of a death is not what is unconfirmed (nor does
        # a period, "the most watched show to date", name a launch date)
        return Comparison("unrelated", None, 0.0,
                          f"{quote(a)} vs {quote(b)}: what is not confirmed "
                          f"({', '.join(sorted(what))}) is not what the other states",
                          "certainty.v1")
    if pair == {"pos", "unconfirmed"}:
        unconfirmed_first = (later == "b" and ca == "unconfirmed") or (
            later == "a" and cb == "unconfirmed"
        )
        if unconfirmed_first:
            return _say("certainty.v1", a, b, ctx, "update", None, 0.7, "a later report confirms what was unconfirmed")
        return _say("certainty.v1", a, b, ctx, "disputed", None, 0.6, "one asserts, the other has not confirmed")
    return None


def _asks_of(doubter: Claim, other: Claim) -> bool:
    """The open question of ``doubter`` is about the subject ``other``
    speaks of: the content words between "whether"/"if" and the verb (not
    who leaves it open) are named in ``other``; with none (a pronoun), the
    claims' subjects as a whole."""
    m = _OPEN_QUESTION.search(doubter.text)
    if m and doubter.predicate:
        target = stem(doubter.predicate)
        before: list[str] = []
        for w in _TOKEN.findall(doubter.text[m.end() :]):
            low = w.lower()
            if stem(low) == target or (target == "be" and low in BE_FORMS):
                asked = content_words(" ".join(before))
                if asked:
                    return bool(asked & content_words(other.text))
                break
            before.append(w)
    return _same_subject(doubter, other)
