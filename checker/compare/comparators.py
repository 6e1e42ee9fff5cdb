"""The comparators. Each is symmetric in what it decides; ``compare_claims``
also orders every pair canonically, so A vs B is B vs A.

Shared judgement calls:

* a later publication (``update_days`` or more) that differs is an
  ``update``, not a ``conflict``;
* different counted things (``rounds`` vs ``containers``), units or
  outcomes (killed vs injured) are never a conflict;
* a denial stays a dispute however old it is; an old "haven't confirmed"
  is superseded by a later assertion (``update``).
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from rapidfuzz import fuzz

from checker.compare import frame
from checker.compare.proposition import BE_FORMS, denies_another_conjunct, one_event
from checker.compare.registry import PairContext, comparator, quote
from checker.match import (
    ATTRIBUTING,
    LIGHT_VERBS,
    POSSESSIVE,
    content_words,
    different_actors,
    outcome,
    place_clash,
    placed_phrase,
    predicate_shared,
    predicate_span,
    source_span,
    stem,
    thing_relation,
)
from checker.match.words import STOPWORDS, event_class
from checker.model import Claim, Comparison, ConflictKind, Mention, Quantity, TimeExpr, Verdict


def _when(d: dt.date | None) -> str | None:
    return f"{d:%b} {d.day}, {d.year}" if d else None


_PRONOUNS = frozenset("it he she they we i you this that".split())


def _per(c: Claim, outlet: str | None) -> str | None:
    """The attribution ("per South Korea's spy agency"), else the outlet; a
    bare pronoun ("it said") names no one, so the outlet stands in."""
    voice = _voice(c)
    return f"per {voice}" if voice else outlet


def _who(c: Claim, published: dt.date | None, outlet: str | None = None) -> str:
    """Who says it and when: the attribution, else the outlet; the date."""
    parts = [_per(c, outlet), _when(published)]
    inner = ", ".join(p for p in parts if p)
    return f" ({inner})" if inner else ""


def _later(ctx: PairContext) -> str | None:
    """'a' or 'b' when that side was published ``update_days`` or more after the other."""
    gap = ctx.gap()
    if gap is None or abs(gap) < ctx.update_days:
        return None
    return "b" if gap > 0 else "a"


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
#: A negative quantifier as (or in) the subject: "no debris has been found",
#: "so far none of the sailors".
_NEGATIVE_SUBJECT = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:no|none|nothing|nobody|neither)\b",
                               re.IGNORECASE)


def one_speaker(a: Claim, b: Claim) -> bool:
    """Both claims are attributed to one speaker, named alike ("her agent" /
    "the agent of the singer", "a statement on the group's website" / "an
    unverified statement")."""
    return bool(a.source and b.source and content_words(a.source) & content_words(b.source))


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


# ------------------------------------------------------------------ certainty


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


_NEGATOR_BEFORE = frozenset("not n't never no nobody cannot can't won't didn't doesn't don't "
                            "isn't aren't wasn't weren't hasn't haven't hadn't".split())
_NEGATOR_AFTER = frozenset("no none nothing nobody".split())
_NEGATIVE = _NEGATOR_BEFORE | _NEGATOR_AFTER | {"neither", "nor"}


def negative(c: Claim) -> bool:
    """A negator anywhere in the claim ("insists none of it was staged"),
    not the answering "No," it opens with."""
    tokens = _words(c)[1:] if _NO_OPENING.search(c.text) else _words(c)
    # "nobody's" is "nobody has" or "nobody is"
    return any(t in _NEGATIVE or t.endswith("n't") or t.split("'")[0] in _NEGATIVE
               for t in tokens)
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
#: How far after a passive verb its "by" agent may stand.
_AGENT_REACH = 8


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


def _agentless_passive(tokens: list[str], k: int) -> bool:
    """The verb at ``k`` is passive and names no agent ("was sent from his
    account", not "was sent by him")."""
    return _passive_at(tokens, k) and "by" not in tokens[k + 1 : k + 1 + _AGENT_REACH]


def _forms(tokens: list[str], target: str) -> list[int]:
    """Positions of the forms of the action with stem ``target``."""
    return [k for k, t in enumerate(tokens) if stem(t) == target]


def _also_states(c: Claim, target: str) -> bool:
    """The claim has a form of the action with stem ``target`` that is
    negated and another, in a clause of its own, that is not: it negates
    the act on one occasion and states it on another."""
    tokens = _tokens(c)
    forms = _forms(tokens, target)
    negated = [k for k in forms if _negated_token(tokens, k)]
    return bool(negated) and any(
        k > negated[0] and not _negated_token(tokens, k) and not _unreal(tokens, k)
        and bool(_CLAUSE_BREAKS & set(tokens[negated[0] + 1 : k]))
        for k in forms
    )


#: Words between two verbs that put them in two clauses.
_CLAUSE_BREAKS = frozenset("and but then later when after before while until since".split())


def _active_at(c: Claim, target: str) -> bool:
    """The claim negates the action with stem ``target`` as an active verb,
    whose subject is the agent ("he did not send it"); not an event noun
    ("no charges were filed"), which negates the event itself."""
    tokens = _tokens(c)
    forms = [k for k in _forms(tokens, target) if _negated_token(tokens, k)]
    return bool(forms) and all(
        not _passive_at(tokens, k) and _verbal_negator(tokens, k) for k in forms
    )


def _verbal_negator(tokens: list[str], k: int) -> bool:
    """A verbal negator ("not", "never", "didn't") stands before the word at
    ``k``, auxiliaries and adverbs between; not a determiner ("no")."""
    j = _before_auxiliaries(tokens, k)
    return j >= 0 and tokens[j] in _NEGATOR_BEFORE and tokens[j] not in ("no", "nobody")


def _negated_in_scope(c: Claim, target: str) -> bool | None:
    """Whether the claim negates the action with stem ``target`` (as
    ``_negated_at``), or None when a form of it stands in what a negated
    main verb governs: "did not show a blurred face" asserts no blurring,
    so it is neither stated nor, by its own words, negated. ("No charges
    have been filed" negates the charges by its own "no".)"""
    found = _negated_at(c, target)
    if found is False and c.predicate and _action(c) != target and (
        c.certainty == "negated" or c.negated
    ):
        tokens = _tokens(c)
        main, first = _forms(tokens, _action(c))[:1], _forms(tokens, target)[:1]
        if main and first and first[0] > main[0]:
            return None
    return found


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


def _same_subject(a: Claim, b: Claim) -> bool:
    """The subject of one is named in the other (or one has none we can
    see): "One party won't tax" and "The Democrats tax" are about others."""
    sa, sb = _subject_words(a), _subject_words(b)
    if not sa or not sb:
        return True
    return bool(sa & content_words(b.text)) or bool(sb & content_words(a.text))


def _negation_clash(a: Claim, b: Claim, *, facts_only: bool = False
                    ) -> tuple[str, Claim] | None:
    """One claim negates an action the other asserts: the main action
    (``""``), or one both state of the same participants in a clause of
    their own (that clause's verb, as asserted); with the negating claim.
    None when neither. With ``facts_only``, a main action either claim
    states as no fact (``_no_fact``) is no clash either; a hedge against a
    negation (``_open_against_ruled_out``) asks without it."""
    target = _one_action(a, b)
    if target is not None:
        na, nb = _negated_in_scope(a, target), _negated_in_scope(b, target)
        # "was inaccurate" is "was not accurate": a negative prefix on a
        # word the other claim uses plain negates as much as "not" does
        if na is not None and nb is not None and (
            (na != _prefix_negates(a, b)) != (nb != _prefix_negates(b, a))
        ):
            # the claim that negates: by its verb, a "no" before the event
            # noun, "yet to", or a negative prefix
            negating = a if na != _prefix_negates(a, b) else b
            asserting = b if negating is a else a
            if _future_at(asserting, target) and not _future_at(negating, target):
                return None  # "will begin in January" / "has not begun yet": both true
            told = _tokens(asserting)
            at = _forms(told, target)
            if at and all(_hearsay_clause(told, k) for k in at):
                return None  # "spread the story that P": P is told, not asserted
            if _also_states(negating, target):
                # "did not wake up when she was shot, and woke up later":
                # it tells of two occasions, and states the act on one
                return None
            if at and all(_agentless_passive(told, k) for k in at) and _active_at(negating, target):
                # "the photo was sent from his account" / "he did not send
                # it": who did it is not said, so it is not denied
                return None
            if facts_only and _no_fact(asserting, told, at, negating, target):
                return None
            return "", negating
    return _embedded_clash(a, b)


def _clash_target(a: Claim, b: Claim, word: str) -> str | None:
    """The stem of the action a clash (``_negation_clash``) is on: the
    clause verb it names, or the main action both claims are about."""
    return stem(word) if word else _one_action(a, b)


def _no_fact(asserting: Claim, told: list[str], at: list[int], negating: Claim,
             target: str) -> bool:
    """One of two claims of opposite polarity on the action with stem
    ``target`` states no fact of it: the asserting one (``_unreal`` at each
    of its forms ``at`` among its tokens ``told``: "his choice to play the
    part", "should have backups" against "will not play", "have no
    backups"), or the negating one by a negated infinitive ("asked not to
    be identified"). A main verb, read by the extractor through its frames
    ("managed to reach": reach, asserted), is not made unreal by an
    infinitive."""
    main = _action(asserting) == target
    if at and all(_unreal(told, k, infinitive=not main) for k in at):
        return True
    # nor is a negated infinitive a fact: "asked not to be identified"
    # says nothing of whether anyone was
    denying = _tokens(negating)
    negated = [k for k in _forms(denying, target) if _negated_token(denying, k)]
    return bool(negated) and _action(negating) != target and all(
        _negated_infinitive(denying, k) for k in negated
    )


def _negated_infinitive(tokens: list[str], k: int) -> bool:
    """The verb at ``k`` is a negated to-infinitive ("not to be
    identified", "to not run", "never to return"); "has yet to respond" is
    a frame that says it has not happened, not a negated infinitive."""
    j = k - 1
    while j >= 0 and tokens[j] in ("be", "been", "have", "not", "never"):
        j -= 1
    if j < 0 or tokens[j] != "to":
        return False
    return bool({"not", "never"} & set(tokens[j + 1 : k])) or (
        j > 0 and tokens[j - 1] in ("not", "never")
    )


def _unreal(tokens: list[str], k: int, *, infinitive: bool = True) -> bool:
    """The verb at ``k`` states no fact: a to-infinitive ("his choice to
    play the part", "plans to sell"; unless ``infinitive`` is False) or
    under a modal of possibility, duty or wish ("should have backups",
    "could sell"). The future ("will sell") is judged apart
    (``_future_at``)."""
    return (infinitive and k > 0 and tokens[k - 1] == "to") or bool(
        _modals_before(tokens, k) & _UNREAL_MODALS
    )


_FUTURE = frozenset({"will", "shall"})
_FUTURE_FRAMES = (("going", "to"), ("set", "to"), ("due", "to"), ("expected", "to"), ("plans", "to"),
                  ("plan", "to"), ("about", "to"))


def _words_before(c: Claim, target: str) -> list[str] | None:
    """The four words before the first form of the action with stem
    ``target`` (its auxiliaries and adverbs), or None when it does not occur."""
    tokens = _tokens(c)
    for k, t in enumerate(tokens):
        if stem(t) == target:
            return tokens[max(0, k - 4) : k]
    return None


def _future_frame(before: list[str]) -> bool:
    """A frame of the future among ``before`` ("going to", "set to")."""
    return any(tuple(before[i : i + 2]) in _FUTURE_FRAMES for i in range(len(before) - 1))


def _future_at(c: Claim, target: str) -> bool:
    """The claim puts the action with stem ``target`` in the future ("will
    begin", "won't begin until January", "is set to begin"): that it has
    not happened yet does not contradict it."""
    before = _words_before(c, target)
    if before is None:
        return False
    return any(w in _FUTURE or w.endswith("'ll") or w == "won't" for w in before) or _future_frame(before)


#: Verbs whose own content is too thin to align a clause by.
_BARE_STEMS = frozenset(
    stem(w) for w in "be is are was were been being am have has had having do does did done".split()
)
_SAYING_STEMS = frozenset(stem(w) for w in ATTRIBUTING)
#: How many words on each side of a verb name its participants.
_REACH = 5


def _participants(tokens: list[str], k: int) -> tuple[frozenset[str], frozenset[str]]:
    """Content words just before (the subject) and after (the object) the
    verb at ``k``, negators and auxiliaries left out."""
    def words(span: list[str]) -> frozenset[str]:
        return content_words(" ".join(t for t in span if t not in _NEGATOR_BEFORE))
    return words(tokens[max(0, k - _REACH) : k]), words(tokens[k + 1 : k + 1 + _REACH])


def _embedded_clash(
    a: Claim, b: Claim, besides: frozenset[str] = frozenset()
) -> tuple[str, Claim] | None:
    """A clause inside both claims, negated in one only: the same verb,
    once in each claim, with a shared word before it (who or what it is
    said of) and two shared words after it (what it is about): "a cliff
    that was (not) known as a meeting place", "the police, who have (not)
    opened an inquiry". A verb of saying is left out: what is said is the
    proposition, not the saying. Verbs with a stem in ``besides`` are left
    out too (the main actions, when only a clause inside is compared)."""
    ta, tb = _tokens(a), _tokens(b)
    in_b = _by_stem(tb)
    for s, ka in _by_stem(ta).items():
        kb = in_b.get(s)
        if not kb or len(ka) != 1 or len(kb) != 1 or len(s) < 3 or s in besides:
            continue
        i, j = ka[0], kb[0]
        if ta[i] in STOPWORDS or tb[j] in STOPWORDS or s in _BARE_STEMS or s in _SAYING_STEMS:
            continue
        neg_a = _negated_token(ta, i)
        if neg_a == _negated_token(tb, j):
            continue
        if _modals_before(ta, i) != _modals_before(tb, j):
            continue  # "may have opened" / "has not opened": another mood
        if _hearsay_clause(*((tb, j) if neg_a else (ta, i))):
            continue  # "spread the story that P": P is told, not asserted
        before_a, after_a = _participants(ta, i)
        before_b, after_b = _participants(tb, j)
        if (before_a & before_b and len(after_a & after_b) >= 2) or (
            # a property denied by a copula ("X Y is not dead") of a subject
            # both name in full, which the other states ("X Y found dead")
            len(before_a & before_b) >= 2 and _predicative(*((ta, i) if neg_a else (tb, j)))
        ):
            return (tb[j], a) if neg_a else (ta[i], b)
    return None


_HEARSAY_REACH = 8


def _modals_before(tokens: list[str], k: int) -> frozenset[str]:
    """The modals among the auxiliaries, adverbs and negators just before
    the verb at ``k`` ("could not result": could)."""
    out: set[str] = set()
    j = k - 1
    while j >= 0 and k - j <= 5 and (
        tokens[j] in _AUX_BETWEEN or tokens[j] in _NEGATOR_BEFORE or tokens[j] in _MODALS
        or tokens[j].endswith("ly")
    ):
        word = tokens[j].removesuffix("n't")
        if tokens[j] in _MODALS or word in _CONTRACTED or tokens[j] == "cannot":
            out.add(_CONTRACTED.get(word, word.removesuffix("not")))
        j -= 1
    return frozenset(out)


#: Modals as they stand before "n't" ("won't", "can't", "shan't").
_CONTRACTED = {"wo": "will", "ca": "can", "sha": "shall"}


def _hearsay_clause(tokens: list[str], k: int) -> bool:
    """The verb at ``k`` is in the that-clause of a hearsay noun."""
    for p in range(k - 1, max(0, k - _HEARSAY_REACH), -1):
        if tokens[p] == "that":
            return tokens[p - 1] in _HEARSAY
    return False


def _predicative(tokens: list[str], k: int) -> bool:
    """The word at ``k`` is what a negated copula predicates: "is not
    dead", "isn't really pregnant", "was never guilty"."""
    j = k - 1
    while j >= 0 and (tokens[j].endswith("ly") or tokens[j] in _NEGATOR_BEFORE):
        j -= 1
    return j >= 0 and j < k - 1 and tokens[j] in _COPULA_FORMS


def _by_stem(tokens: list[str]) -> dict[str, list[int]]:
    """Positions of each stem among the tokens."""
    out: dict[str, list[int]] = {}
    for k, t in enumerate(tokens):
        out.setdefault(stem(t), []).append(k)
    return out


_NEG_PREFIX = re.compile(r"^(?:in|un|im|il|ir|non|dis)(?=[a-z]{4})")


def _prefix_negates(x: Claim, y: Claim) -> bool:
    """``x`` predicates a word of ``y`` with a negative prefix after a
    copula ("was inaccurate" / "is not accurate", "is unlawful" /
    "lawful"). A prefixed word elsewhere negates nothing of the other's
    ("Unmasked: X identified as Y" / "the masked militant")."""
    plain = set(_tokens(y))
    tokens = _tokens(x)
    return any(
        m and t[m.end():] in plain and _after_copula(tokens, k)
        for k, t in enumerate(tokens) if (m := _NEG_PREFIX.match(t))
    )


def _after_copula(tokens: list[str], k: int) -> bool:
    """The word at ``k`` is a copula's complement, adverbs between ("was
    inaccurate", "is entirely untrue")."""
    j = k - 1
    while j >= 0 and (tokens[j].endswith("ly") or tokens[j] in _DEGREE):
        j -= 1
    return j >= 0 and tokens[j] in _COPULA_FORMS


def _voice(c: Claim) -> str | None:
    """Who speaks: the attribution, or None for the outlet's own voice."""
    if c.source and c.source.strip().lower() not in _PRONOUNS:
        return c.source
    return None


def _main_stems(c: Claim) -> frozenset[str]:
    """The stems of what the claim's main clause predicates: its verb, and
    with a copula what it says the subject is ("is not dead": dead)."""
    words = [c.predicate or ""]
    if c.predicate == "be":
        words.append(_complement_head(c) or "")
    return frozenset(stem(w) for w in words if w)


#: Commitments under which a clause on a participant is still the writer's
#: or the source's: stated, negated, or "found no evidence that ...".
_ONE_FRAME = frozenset({"pos", "neg", "unconfirmed"})


@comparator("negation.v1")
def negation(a: Claim, b: Claim, ctx: PairContext) -> Comparison | None:
    """The same action asserted by one and negated by the other. In one
    voice (both outlets', or one source's) that is a conflict; a source
    negating what an outlet states is a dispute; two sources on opposite
    sides are a dispute between others that both outlets may report, not a
    discrepancy between the outlets."""
    ca, cb = committed(a), committed(b)
    if {ca, cb} == {"weak", "neg"}:
        return _open_against_ruled_out(a, b, ctx)
    if not {ca, cb} - {"pos", "neg"} and _asserts_fact(a) and _asserts_fact(b):
        clash = _negation_clash(a, b, facts_only=True)
    elif ca == cb and ca in _ONE_FRAME and _states_fact(a) and _states_fact(b):
        # a clause on a participant ("the police, who have (not) opened an
        # inquiry, found no evidence") is asserted whatever the main clause
        # does: when both frame their main clause alike, the clause is compared
        clash = _embedded_clash(a, b, besides=_main_stems(a) | _main_stems(b))
    else:
        return None
    if clash is None or _disjoint_times(a, b):
        # "has not been seen since September 3" / "was seen in July": an
        # action at two times apart is two occasions
        return None
    word, negating = clash
    what = f"one negates “{word}”, which the other asserts" if word else "one negates what the other asserts"
    if (said := _apart_or_later(a, b, ctx)) is not None:
        return said
    if (said := _happened_since(a, b, word, negating, ctx)) is not None:
        return said
    va, vb = _voice(a), _voice(b)
    if bool(va) != bool(vb):
        if _voice(negating):
            return _say("negation.v1", a, b, ctx, "disputed", None, 0.7,
                        "a source says it did not happen, which the other states")
        if (b if negating is a else a).certainty != "confirmed":
            return None  # an outlet negating what a source claims: no outlet asserts it
        # "X confirms P" is factive: the outlet that reports the confirmation
        # commits to P as well, so two outlets say opposite things
    return _say("negation.v1", a, b, ctx, "conflict", "negation", 0.8, what)


#: Auxiliaries of the present perfect: "has not been charged" speaks of
#: the time of writing.
_PERFECT = frozenset("has have hasn't haven't".split())
#: Words that put a negation at the time of writing ("not yet", "still
#: not", "so far no one").
_SO_FAR = frozenset("yet still".split())


def _so_far_at(c: Claim, target: str) -> bool:
    """The claim negates the action with stem ``target`` only up to the
    time of writing: a present perfect ("has not been charged", "no
    arrests have been made"), "yet" or "still" ("not yet identified",
    "has yet to file", "still has not paid"), "so far". "Never" speaks of
    all time and "was not charged" of a past occasion: neither."""
    tokens = _tokens(c)
    for k, t in enumerate(tokens):
        if stem(t) != target:
            continue
        near = tokens[max(0, k - 5) : k + 4]
        if "never" in near:
            return False
        return bool(_SO_FAR & set(near)) or any(
            tokens[i : i + 2] == ["so", "far"] for i in range(len(tokens) - 1)
        ) or bool(_PERFECT & set(tokens[max(0, k - 4) : k + 3])) or any(
            w.endswith("'ve") for w in tokens[max(0, k - 4) : k]
        )
    return False


def _happened_since(a: Claim, b: Claim, word: str, negating: Claim,
                    ctx: PairContext) -> Comparison | None:
    """One claim says an action has not happened so far (``_so_far_at``),
    the other, published a day or more later, that it has: both can be
    true, the event falling between the two reports, and the later one is
    news since (``update``). Not when the later report dates the event
    before the earlier one was published: then the negation was wrong when
    written. On one day the reports' order is not known, and the two
    differ as any negation and assertion do."""
    target = _clash_target(a, b, word)
    if target is None or not _so_far_at(negating, target):
        return None
    asserting = b if negating is a else a
    said_not, said = (
        (ctx.published_a, ctx.published_b) if negating is a else (ctx.published_b, ctx.published_a)
    )
    if said_not is None or said is None or said <= said_not:
        return None  # on one day, the order of the two reports is not known
    if any(t.high is not None and t.high < said_not for t in _event_times(asserting)):
        return None
    return _say("negation.v1", a, b, ctx, "update", None, 0.6,
                "one says it has not happened so far; the other, published later, that it has")


#: Words that leave a fact open without leaning either way: "may",
#: "could", "possibly", "reportedly". "Unlikely" leans against the fact and
#: "whether" asks about it, so neither is set against a denial of it; a
#: condition ("could go ahead if ...") makes it hypothetical.
_OPENING_WORDS = frozenset(
    "may might could possibly perhaps potentially probably likely reportedly allegedly "
    "purportedly supposedly apparently possible probable conceivable plausible".split()
)
_OPEN_HEDGE = re.compile(r"\b(?:" + "|".join(sorted(_OPENING_WORDS)) + r")\b", re.IGNORECASE)
_LEANING = re.compile(r"\b(?:unlikely|whether|if|unless)\b", re.IGNORECASE)
#: "Could have won", "would have been avoided": a possibility that did not
#: come about, which agrees with a negation of it.
_COUNTERFACTUAL = re.compile(r"\b(?:could|would|should)(?:\s+not|n['\u2019]t)?\s+have\b", re.IGNORECASE)
_MODALS = frozenset("will would shall should can could may might must "
                    "won't can't couldn't wouldn't shouldn't mightn't mustn't".split())
#: Modals that speak of what is possible, needed or wanted, not of what is:
#: not the future ("will"), nor "would", which after a verb of saying is the
#: future of reported speech ("said it would raise prices"), a commitment
#: that can be contradicted.
_UNREAL_MODALS = _MODALS - {"will", "would", "shall", "won't", "wouldn't"}


def _left_open(c: Claim) -> bool:
    """The claim would state a fact but for a hedge that leaves it open ("may
    have sent troops", "could still take place on Tuesday", "reportedly
    resigned"): ``_asserts_fact`` but for the hedge."""
    if committed(c) != "weak" or c.negated:
        return False
    if _LEANING.search(c.text) or _COUNTERFACTUAL.search(c.text):
        return False
    if c.certainty != "reported" and not any(_hedge_at(c, m) for m in _OPEN_HEDGE.finditer(c.text)):
        return False
    return _states_fact(c)


def _open_at(c: Claim, target: str) -> bool:
    """The hedge bears on the action with stem ``target``: the claim's own
    action, hedged as a whole ("reports say P"), or an action with a
    hedging word just before it ("was reportedly blurred", "could be
    held"); not another action of the sentence ("while X has not revealed
    details, reports say it could cost more": the details are not hedged)."""
    if c.predicate and _action(c) == target:
        return True
    tokens = _tokens(c)
    return any(
        stem(t) == target and any(w in _OPENING_WORDS for w in tokens[max(0, k - 4) : k])
        for k, t in enumerate(tokens)
    )


def _ahead_at(c: Claim, target: str) -> bool:
    """The action with stem ``target`` is put ahead of the time of speaking:
    a modal before it without a perfect ("could resume", "will not be
    held"), against "may have sent" or "has not resumed"."""
    before = _words_before(c, target)
    if before is None or any(w in ("have", "has", "had", "'ve") for w in before):
        return False
    return any(w in _MODALS or w.endswith("'ll") for w in before) or _future_frame(before)


def _open_against_ruled_out(a: Claim, b: Claim, ctx: PairContext) -> Comparison | None:
    """One claim leaves an action open (a hedge, "reportedly") that the
    other rules out ("may have sent troops" / "did not send troops"; "could
    still take place on Tuesday" / "will not be held on Tuesday"): they
    differ in commitment, a dispute. Only when the hedge bears on that
    action and leaves it open (``_left_open``, ``_open_at``), and both put
    the action at one time: "could resume next week" and "has not resumed"
    are both true."""
    open_, ruling = (a, b) if committed(a) == "weak" else (b, a)
    if not (_left_open(open_) and _asserts_fact(ruling)):
        return None
    clash = _negation_clash(a, b)
    if clash is None:
        return None
    word, _negating = clash
    target = _clash_target(a, b, word)
    if target is None or not _open_at(open_, target) or (
        _ahead_at(open_, target) != _ahead_at(ruling, target)
    ):
        return None
    if _disjoint_times(a, b):
        return None  # "could take effect in March" / "will not take effect in January"
    if (said := _apart_or_later(a, b, ctx)) is not None:
        return said
    return _say("negation.v1", a, b, ctx, "disputed", None, 0.6,
                "one leaves it open, the other rules it out")


def _apart_or_later(a: Claim, b: Claim, ctx: PairContext) -> Comparison | None:
    """Two claims of opposite polarity on one action, before it matters who
    holds which: two other sources quoted on opposite sides are a dispute
    both outlets may report, not a difference between them (``unrelated``);
    a report a week or more later says otherwise (``update``). None when
    neither."""
    va, vb = _voice(a), _voice(b)
    if va and vb and _other_source(a, b):
        return Comparison("unrelated", None, 0.0,
                          f"{quote(a)} ({va}) vs {quote(b)} ({vb}): two sources quoted on "
                          "opposite sides, not outlets that contradict each other",
                          "negation.v1")
    if _later(ctx) is not None:
        return _say("negation.v1", a, b, ctx, "update", None, 0.6, "a later report says otherwise")
    return None


# ------------------------------------------------------------------- quantity


_SCALED = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(thousand|million|billion|trillion|bn)\b", re.IGNORECASE
)
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9,
          "bn": 1e9, "trillion": 1e12}


def _rounding(q: Quantity) -> float:
    """Half a unit of the last digit written before a scale word: "$12
    million" stands for anything that rounds to it (11.5 to 12.5 million),
    so it agrees with "$12,380,000"."""
    m = _SCALED.search(q.text)
    if m is None:
        return 0.0
    digits = m.group(1).replace(",", ".")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return 0.5 * 10.0 ** -decimals * _SCALE[m.group(2).lower()]


def _bounds(q: Quantity) -> tuple[float, float]:
    """The interval a quantity allows; open ends are infinite, "some 10,000"
    ±10%, a rounded figure ("$12 million") its rounding interval."""
    if (q.low is None and q.high is None) or (q.low == q.high == q.value):
        r = _rounding(q)
        low, high = q.value - r, q.value + r
    else:
        low = q.low if q.low is not None else 0.0
        high = q.high if q.high is not None else float("inf")
    if q.approximate and low == high:
        low, high = low * 0.9, high * 1.1
    return low, high


#: Figures closer than this (relative) are one figure written two ways
#: ("$1,999" / "$2,000"): below the precision news figures are read at.
_SAME_FIGURE = 0.01


def _overlap(qa: Quantity, qb: Quantity) -> bool:
    la, ha = _bounds(qa)
    lb, hb = _bounds(qb)
    if la <= hb and lb <= ha:
        return True
    gap = max(la - hb, lb - ha)
    if gap <= _SAME_FIGURE * max(abs(qa.value), abs(qb.value)):
        return True
    # a whole number against a decimal that rounds to it ("14-inch" /
    # "14.1-inch"): the whole number was written without its decimals
    whole = [q for q in (qa, qb) if float(q.value).is_integer()]
    if len(whole) == 1 and la == ha and lb == hb:
        other = qb if whole[0] is qa else qa
        return round(other.value) == whole[0].value
    return False


def _lone_bare(q: Quantity, free: list[Quantity]) -> bool:
    """The only unmatched number of its unit with no counted thing: two such
    bare numbers ("executed six" / "killed seven") can be read as one count."""
    return sum(1 for x in free if not x.thing and x.unit == q.unit) == 1


#: Where a clause ends, for the hedge of one figure.
_CLAUSE_EDGE = re.compile(r"[,;:\u2014\u2013]|\s--\s|\s(?:and|but|while)\s", re.IGNORECASE)


_RELATIVE = re.compile(r"\b(?:that|which|who|whose|where)\b", re.IGNORECASE)


def _two_moods(a: Claim, sa: frame.Slot, b: Claim, sb: frame.Slot, ctx: PairContext) -> bool:
    """One value belongs to what might happen, the other to what did, read
    from the parse (``checker.compare.frame``) when one is at hand."""
    return ctx.frames is not None and frame.two_moods(a, sa, b, sb, ctx.frames)


def _possibility_and_fact(shown: str, comparator: str, ctx: PairContext) -> Comparison:
    """Values of a possibility and of a fact (``shown``: "x vs y"): two facts."""
    return Comparison("unrelated", None, round(ctx.match, 4),
                      f"{shown}: one is a possibility, the other a fact", comparator)


def _hedged(c: Claim, q: Quantity) -> bool:
    """The figure's own clause is hedged ("the plan would cut $8 billion"),
    not another clause of the sentence ("two were hurt, and the driver may
    have fled")."""
    at, end = q.start - c.start, q.end - c.start
    edges = [m.start() for m in _CLAUSE_EDGE.finditer(c.text)]
    lo = max((e for e in edges if e < at), default=0)
    # a relative clause after the figure describes something else ("four
    # killed in a shooting that may have been a robbery")
    after = [m.start() for m in _RELATIVE.finditer(c.text, end)]
    hi = min((e for e in edges + after if e >= end), default=len(c.text))
    return _hedge_in(c, lo, hi)


_FIGURE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|"
    r"hundreds?|thousands?|millions?|billions?|both|several|scores)\b",
    re.IGNORECASE,
)


def _figure(q: Quantity) -> bool:
    """The quantity is written as a figure or number word, not read off a
    single named or definite person ("the victim", "Jones": one)."""
    return bool(_FIGURE.search(q.text))


def _qtext(q: Quantity) -> str:
    thing = ""
    if q.thing and q.thing not in q.text:
        mods = " ".join(m for m in q.modifiers if m not in q.text)
        thing = f" {mods} {q.thing}" if mods else f" {q.thing}"
    return f"{q.text}{thing}"


def _event_times(c: Claim) -> list[TimeExpr]:
    return [t for t in c.times if t.role == "event" and t.low is not None and t.high is not None
            and _attached(c, t)]


#: Words that open another clause: a time after one belongs to that clause's
#: verb ("released the e-mails after snippets became public on Friday").
_CLAUSE_OPENERS = re.compile(
    r"\b(?:after|before|when|while|because|since|that|which|who|until|as|whereas)\b",
    re.IGNORECASE,
)


_OWN_PREPOSITION = re.compile(
    r"\b(?:after|before|since|until|till)\s+(?:(?:a|an|the|its|his|her|their)\s+)?$", re.IGNORECASE
)


def _attached(c: Claim, t: TimeExpr) -> bool:
    """The time belongs to the claim's main verb: no other clause opens
    between the verb and the time. When the verb's word recurs (the main
    verb "retiring" after an appositive's "retired"), any of its forms may
    be the verb."""
    verb = predicate_span(c)
    if verb is None:
        return True
    forms = [verb[1]] + [
        m.end() for m in _TOKEN.finditer(c.text)
        if m.start() > verb[0] and stem(m.group()) == stem(c.predicate or "")
    ]
    at = t.start - c.start
    # the time's own preposition ("until 1997", "after the 2016 vote")
    # opens no clause
    own = _OWN_PREPOSITION.search(c.text[:at])
    if own:
        at = own.start()
    return any(
        not _CLAUSE_OPENERS.search(c.text[max(0, s) : max(0, e)])
        for end in forms
        for s, e in [sorted((end, at))]
    )


#: How far after a figure its own time may stand ("4,000 units shipped in
#: 2014"), in characters.
_OWN_TIME_REACH = 40


def _own_time(c: Claim, q: Quantity) -> TimeExpr | None:
    """The resolved time right after a figure, before any other figure or
    clause: the period the figure is of ("from 400 sold in 2014 to 900 in
    2015": each figure has its own)."""
    nxt = min((x.start for x in c.quantities if x.start > q.start), default=c.end)
    for t in sorted(c.times, key=lambda t: t.start):
        if t.low is None or t.high is None or not q.end <= t.start < min(nxt, q.end + _OWN_TIME_REACH):
            continue
        gap = c.text[q.end - c.start : t.start - c.start]
        return None if _CLAUSE_OPENERS.search(gap) or _CLAUSE_EDGE.search(gap) else t
    return None


def _own_times_disjoint(a: Claim, qa: Quantity, b: Claim, qb: Quantity) -> bool:
    ta, tb = _own_time(a, qa), _own_time(b, qb)
    return bool(ta and tb and (ta.high < tb.low or tb.high < ta.low))  # type: ignore[operator]


def _disjoint_times(a: Claim, b: Claim) -> bool:
    ta, tb = _event_times(a), _event_times(b)
    if not ta or not tb:
        return False
    return not any(
        x.low <= y.high and y.low <= x.high  # type: ignore[operator]
        for x in ta
        for y in tb
    )


#: A period phrase, recognisable even when it could not be resolved to dates
#: (no publication date): "the last seven years", "this month", "since 2019".
_WINDOW = re.compile(
    r"\b(?:(?:the\s+)?(?:last|past|previous|recent|first|coming|next)\s+(?:\w+\s+)?"
    r"(?:days?|weeks?|months?|years?|decades?|quarters?)|this\s+(?:week|month|year)|"
    r"since\b|so\s+far|to\s+date)",
    re.IGNORECASE,
)


def _windows(c: Claim) -> list[TimeExpr]:
    return [
        t for t in c.times
        if t.role == "event" and (
            (t.low is not None and t.precision not in ("day", "unknown"))
            or (t.low is None and _WINDOW.search(t.text))
        )
    ]


def _window_only_one_side(a: Claim, b: Claim) -> bool:
    """One claim counts within a window (``this month``, ``the last seven
    years``), the other does not say."""
    return bool(_windows(a)) != bool(_windows(b))


def _other_source(a: Claim, b: Claim) -> bool:
    if not a.source or not b.source:
        return False
    return fuzz.token_set_ratio(a.source.lower(), b.source.lower()) < 80


#: Main verbs that say little of what the counted did: a copula, a verb of
#: having or saying ("seven are missing", "has 20 staff", "said 30 died").
_EMPTY_VERBS = frozenset("be have do get seem become remain include".split()) | ATTRIBUTING


def _different_acts(a: Claim, qa: Quantity, b: Claim, qb: Quantity,
                    frames: frame.Frames | None = None) -> bool:
    """Two counts of one kind of thing, each with what its members did,
    and the deeds differ ("seven hikers fell ill on the trip" / "28
    hikers went on the trip"): two groups, not one counted twice; so are a
    count of casualties and one of people something else befell ("200
    guards drowned" / "stranding 350 crew"). Money, measures and two
    casualty counts have their own rules. With a parse at hand, the verbs
    the counts themselves belong to decide first, wherever they stand
    (``checker.compare.frame.two_acts``)."""
    if qa.unit or qb.unit or not (qa.thing and qb.thing):
        return False
    if outcome(a, qa) is not None and outcome(b, qb) is not None:
        return False
    if frames is not None and frame.two_acts(a, qa, b, qb, frames, _EMPTY_VERBS):
        return True
    pa, pb = a.predicate, b.predicate
    if not pa or not pb or pa in _EMPTY_VERBS or pb in _EMPTY_VERBS:
        return False
    return not (one_event(a, b) or predicate_shared(a, b))


def _negates_figure(c: Claim, q: Quantity, frames: frame.Frames | None) -> bool:
    """The claim negates the verb whose object or complement its figure
    ``q`` is ("does not weigh 21 grams more", "did not raise $5 million"):
    the figure after the negated main verb, counting what that verb
    governs. A figure in the subject ("the conditions of the three people
    hospitalized were not known": three were hospitalized) is no part of
    what is negated."""
    if not (c.negated or c.certainty == "negated") or frames is None or not c.predicate:
        return False
    verb = predicate_span(c)
    if verb is None or q.start - c.start < verb[1]:
        return False
    act = frame.act_counted(c, q, frames)
    return act is not None and stem(act) == stem(event_class(c.predicate))


def _counts_of_things(c: Claim) -> bool:
    """Every number counts a named thing and none says what happened to it
    (killed, injured): what the claim reports is the things themselves."""
    return all(q.thing and q.unit is None and outcome(c, q) is None for q in c.quantities)


def _name_key(m: Mention) -> frozenset[str]:
    """One person however the batch spelled them: the canonical id and the
    surname ("person:hale" and "person:obed-hale" are one man)."""
    words = re.findall(r"[A-Za-z]+", m.text)
    return frozenset(k for k in (m.entity, words[-1].lower() if words else "") if k)


def _owner(c: Claim, q: Quantity) -> frozenset[str] | None:
    """Whose amount ``q`` is: the person named last before it outside the
    attribution, as the one who cuts, spends or proposes it ("Hale has cut
    $310 million", "Ortiz would pay for her scheme with cuts: $450
    million"), or an owner marked by a possessive ("the Senate's $5 billion
    bill"). None when no one is named before it."""
    lo, hi = source_span(c)
    best: Mention | None = None
    for m in c.mentions:
        if m.end > q.start or lo <= m.start < hi:
            continue
        possessive = bool(POSSESSIVE.match(c.text[m.end - c.start :]))
        if (m.type == "PERSON" or possessive) and (best is None or m.start > best.start):
            best = m
    return _name_key(best) if best is not None else None


def _named(c: Claim) -> frozenset[str]:
    return frozenset(k for m in c.mentions for k in _name_key(m))


def _other_owners(a: Claim, qa: Quantity, b: Claim, qb: Quantity) -> bool:
    """Two amounts that belong to different named owners are two quantities
    (two plans' cuts, two campaigns' budgets), not one counted with another
    scope, unless each claim names the other's owner too (one amount seen
    from two sides). Counts of people or things are left alone: a victim
    named before a death toll owns nothing."""
    if qa.unit is None or qb.unit is None:
        return False
    oa, ob = _owner(a, qa), _owner(b, qb)
    if oa is None or ob is None or oa & ob:
        return False
    return not (oa & _named(b) and ob & _named(a))


def _accounts_for(c: Claim, other: Claim, q: Quantity) -> bool:
    """``c`` breaks the other claim's count ``q`` of one thing down: two or
    more of its counts add up to it ("a cluster of six shots, then four
    more" / "at least 10 shots"), or it gives a whole that matches ``q``
    with the parts that make it up ("at least 10: six, then four"). Its
    parts are not a second count of the other's whole. Counts side by side
    that make no whole ("two men and two women") break nothing down."""
    mine = [x for x in c.quantities if thing_relation(c, x, other, q) != "different"]
    if len(mine) < 2:
        return False
    low, high = _bounds(q)
    if low <= sum(x.value for x in mine) <= high:
        return True
    for whole in mine:
        parts = [x for x in mine if x is not whole]
        wl, wh = _bounds(whole)
        if len(parts) >= 2 and wl <= sum(x.value for x in parts) <= wh and _overlap(whole, q):
            return True
    return False


@comparator("quantity.v1")
def quantity(a: Claim, b: Claim, ctx: PairContext) -> Comparison | None:
    """Numbers of the same thing: overlapping intervals agree, disjoint ones
    conflict unless time, scope, attribution or a later report explains them.
    Amounts of different named owners are not one thing counted."""
    if not a.quantities or not b.quantities:
        return None
    same_thing = [
        (qa, qb, rel)
        for qa in a.quantities
        for qb in b.quantities
        if (rel := thing_relation(a, qa, b, qb)) != "different"
    ]
    related = [(qa, qb, rel) for qa, qb, rel in same_thing if not _other_owners(a, qa, b, qb)]
    if same_thing and not related:
        qa, qb, _ = same_thing[0]
        return Comparison(
            "unrelated", None, round(ctx.match, 4),
            f"{_qtext(qa)} vs {_qtext(qb)}: amounts of different named owners, two quantities",
            "quantity.v1",
        )
    if not related:
        if not (any(map(_figure, a.quantities)) and any(map(_figure, b.quantities))):
            # "the famous trainer died" / "Ortiz is not dead": one person
            # each, named two ways, is no count of two kinds of thing
            return None
        shown = f"{_qtext(a.quantities[0])} vs {_qtext(b.quantities[0])}"
        if predicate_shared(a, b):
            if _counts_of_things(a) and _counts_of_things(b):
                # one verb, other goods: "sent 10,000 troops" vs "sent 13,000 containers"
                return Comparison(
                    "unrelated", None, round(ctx.match, 4),
                    f"{shown}: one action, different things counted, two facts", "quantity.v1",
                )
            return None  # one action, different things counted: the numbers say nothing
        return Comparison(
            "unrelated", None, round(ctx.match, 4),
            f"{shown}: different things counted, not one fact", "quantity.v1",
        )
    same = [(qa, qb) for qa, qb, rel in related if rel == "same"]
    # A number both claims carry is accounted for; only the rest can clash.
    agreed = {id(x) for qa, qb in same if _overlap(qa, qb) for x in (qa, qb)}
    free_a = [qa for qa in a.quantities if id(qa) not in agreed]
    free_b = [qb for qb in b.quantities if id(qb) not in agreed]
    clash = [
        (qa, qb) for qa, qb in same
        if id(qa) not in agreed and id(qb) not in agreed and not _overlap(qa, qb)
        and (qa.thing or qb.thing or (_lone_bare(qa, free_a) and _lone_bare(qb, free_b)))
        and not _accounts_for(a, b, qb) and not _accounts_for(b, a, qa)
    ]
    if clash and (_hedged(a, clash[0][0]) != _hedged(b, clash[0][1])
                  or _two_moods(a, clash[0][0], b, clash[0][1], ctx)):
        # what a plan would cut or a storm could kill is not what was cut or
        # killed: a figure of a possibility and one of a fact are two facts
        qa, qb = clash[0]
        return _possibility_and_fact(f"{_qtext(qa)} vs {_qtext(qb)}", "quantity.v1", ctx)
    if clash and (_negates_figure(a, clash[0][0], ctx.frames)
                  or _negates_figure(b, clash[0][1], ctx.frames)):
        # "does not weigh 21 grams more": a figure the claim negates is no
        # value it gives; it excludes that one value, not the other's
        qa, qb = clash[0]
        return Comparison(
            "unrelated", None, round(ctx.match, 4),
            f"{_qtext(qa)} vs {_qtext(qb)}: one claim negates its figure, and gives no value",
            "quantity.v1",
        )
    if clash and _different_acts(a, clash[0][0], b, clash[0][1], ctx.frames):
        qa, qb = clash[0]
        return Comparison(
            "unrelated", None, round(ctx.match, 4),
            f"{_qtext(qa)} vs {_qtext(qb)}: counted for different actions "
            f"({a.predicate} / {b.predicate}), two groups",
            "quantity.v1",
        )
    if clash:
        qa, qb = clash[0]
        shown = (
            f"{_qtext(qa)}{_who(a, ctx.published_a, ctx.outlet_a)} vs {_qtext(qb)}{_who(b, ctx.published_b, ctx.outlet_b)}"
        )
        if _later(ctx) is not None:
            return Comparison("update", None, round(0.7 * ctx.match, 4),
                              f"{shown}: the later report supersedes", "quantity.v1")
        if _disjoint_times(a, b) or _own_times_disjoint(a, qa, b, qb):
            return Comparison("scope", None, round(0.6 * ctx.match, 4),
                              f"{shown}: different time windows", "quantity.v1")
        if _window_only_one_side(a, b):
            return Comparison("scope", None, round(0.5 * ctx.match, 4),
                              f"{shown}: one counts within a period only", "quantity.v1")
        if _other_source(a, b):
            return Comparison("scope", None, round(0.5 * ctx.match, 4),
                              f"{shown}: different sources", "quantity.v1")
        return Comparison("conflict", "number", round(0.9 * ctx.match, 4),
                          f"{shown}: incompatible numbers", "quantity.v1")
    agree = [(qa, qb) for qa, qb in same if _overlap(qa, qb)]
    if agree:
        qa, qb = agree[0]
        return Comparison(
            "agree", None, round(ctx.match, 4),
            f"{_qtext(qa)}{_who(a, ctx.published_a, ctx.outlet_a)} and {_qtext(qb)}"
            f"{_who(b, ctx.published_b, ctx.outlet_b)}: compatible numbers",
            "quantity.v1",
        )
    qa, qb, rel = related[0]
    if _overlap(qa, qb):
        return Comparison(
            "agree", None, round(0.8 * ctx.match, 4),
            f"{_qtext(qa)} and {_qtext(qb)}: compatible numbers",
            "quantity.v1",
        )
    if rel == "same" or not (qa.thing or qb.thing):
        # the same kind of thing, but no figure alone on each side to set
        # against the other ("costs $850 in steel and $2,300 in gold"):
        # which amount is which is not known, so neither clash nor scope;
        # nor is a scope known between amounts of nothing named ("all 900
        # acres" / "another 300 acres")
        return None
    why = "different scope" if rel != "overlapping" else "overlapping groups counted"
    return Comparison(
        "scope", None, round(0.7 * ctx.match, 4),
        f"{_qtext(qa)}{_who(a, ctx.published_a, ctx.outlet_a)} vs {_qtext(qb)}{_who(b, ctx.published_b, ctx.outlet_b)}: {why}",
        "quantity.v1",
    )


# ---------------------------------------------------------------------- place


@comparator("place.v1")
def place(a: Claim, b: Claim, ctx: PairContext) -> Comparison | None:
    """The same thing put in places of different countries, neither
    containing the other: a conflict of place (an update when one report is
    much later). Only places the claims put something in count (``in``,
    ``into``, ``in front of the``), and only when what is put there shares a
    word ("combat zones in Ukraine" / "combat operations in Russia's Kursk
    region"), not places named as actors or partners."""
    clash = place_clash(a, b)
    if clash is None or _disjoint_times(a, b):
        return None  # two occasions ("meeting in Brussels" last week, "in Helsinki" Monday)
    if _other_weekdays(a, b):
        return _two_occasions(a, b, "place.v1")
    pa, pb = clash
    if _two_moods(a, pa, b, pb, ctx):
        return _possibility_and_fact(f"{placed_phrase(a, pa)} vs {placed_phrase(b, pb)}",
                                     "place.v1", ctx)
    if ctx.frames is not None and frame.two_things_placed(a, pa, b, pb, ctx.frames):
        return Comparison(
            "unrelated", None, round(ctx.match, 4),
            f"{placed_phrase(a, pa)} vs {placed_phrase(b, pb)}: the places locate two things",
            "place.v1",
        )
    shown = (
        f"{placed_phrase(a, pa)}{_who(a, ctx.published_a, ctx.outlet_a)} vs "
        f"{placed_phrase(b, pb)}{_who(b, ctx.published_b, ctx.outlet_b)}"
    )
    if _later(ctx) is not None:
        return Comparison("update", None, round(0.6 * ctx.match, 4),
                          f"{shown}: the later report places it elsewhere", "place.v1")
    return Comparison("conflict", "place", round(0.8 * ctx.match, 4),
                      f"{shown}: different countries", "place.v1")


# ----------------------------------------------------------------------- time


_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_WEEKDAY = re.compile(rf"^(?:on\s+)?({_DAYS})(?:\s+(?:morning|afternoon|evening|night))?$",
                      re.IGNORECASE)
#: A weekday named anywhere in a time expression ("Thursday and Friday").
_DAY_NAME = re.compile(rf"\b(?:{_DAYS})\b", re.IGNORECASE)


def _weekday(c: Claim) -> tuple[TimeExpr, str] | None:
    """A bare weekday ("on Friday", "Thursday morning") left unresolved, of
    the claim's main verb (not of a clause after "after", "when", ...)."""
    for t in c.times:
        if t.role == "event" and t.low is None and (m := _WEEKDAY.match(t.text.strip())) and (
            _attached(c, t)
        ):
            return t, m.group(1).lower()
    return None


def _two_occasions(a: Claim, b: Claim, by: str) -> Comparison:
    return Comparison("unrelated", None, 0.0,
                      f"{quote(a)} vs {quote(b)}: another day and another place, two occasions",
                      by)


def _other_weekdays(a: Claim, b: Claim) -> bool:
    """Each claim names the weekdays of its event and they share none
    ("strikes on Thursday and Friday" / "a strike on Monday"): two
    occasions, even where the dates are not resolved."""
    def days(c: Claim) -> set[str]:
        return {m.group(0).lower() for t in c.times if t.role == "event"
                for m in _DAY_NAME.finditer(t.text)}

    da, db = days(a), days(b)
    return bool(da and db) and not da & db


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _only_the_guessed_year_differs(ta: TimeExpr, tb: TimeExpr) -> bool:
    """Neither names a year and the two periods overlap once moved into one
    year: the years were inferred from the tense ("was leaving in
    February"), not reported, so they cannot contradict each other."""
    if _YEAR.search(ta.text) or _YEAR.search(tb.text):
        return False
    if ta.low is None or ta.high is None or tb.low is None or tb.high is None:
        return False
    shift = ta.low.year - tb.low.year
    if shift == 0:
        return False
    try:
        lo, hi = tb.low.replace(year=tb.low.year + shift), tb.high.replace(year=tb.high.year + shift)
    except ValueError:  # 29 February
        return False
    return ta.low <= hi and lo <= ta.high


@comparator("time.v1")
def time(a: Claim, b: Claim, ctx: PairContext) -> Comparison | None:
    """Event times that do not overlap: a conflict of time for day-precise
    dates of the same action, otherwise different periods (scope). Without
    publication dates, bare weekday names of one action are taken to lie in
    one week, so "Thursday" vs "Friday" still clash."""
    if _other_weekdays(a, b) and place_clash(a, b) is not None:
        return _two_occasions(a, b, "time.v1")
    if ctx.published_a is None and ctx.published_b is None:
        wa, wb = _weekday(a), _weekday(b)
        if wa and wb and wa[1] != wb[1] and predicate_shared(a, b) and not _disjoint_times(a, b):
            if _two_moods(a, wa[0], b, wb[0], ctx):
                return _possibility_and_fact(f"{wa[0].text} vs {wb[0].text}", "time.v1", ctx)
            shown = (f"{wa[0].text}{_who(a, None, ctx.outlet_a)} vs "
                     f"{wb[0].text}{_who(b, None, ctx.outlet_b)}")
            return Comparison("conflict", "time", round(0.6 * ctx.match, 4),
                              f"{shown}: different days", "time.v1")
    if not _disjoint_times(a, b):
        return None
    ta, tb = _event_times(a)[0], _event_times(b)[0]
    if _only_the_guessed_year_differs(ta, tb):
        return None
    if _two_moods(a, ta, b, tb, ctx):
        return _possibility_and_fact(f"{ta.text} vs {tb.text}", "time.v1", ctx)
    shown = f"{ta.text}{_who(a, ctx.published_a, ctx.outlet_a)} vs {tb.text}{_who(b, ctx.published_b, ctx.outlet_b)}"
    if _later(ctx) is not None:
        return None  # reports weeks apart naturally speak of different days
    same_action = one_event(a, b)
    gap = ctx.gap()
    if same_action and gap and a.predicate not in LIGHT_VERBS | ATTRIBUTING:
        # within one news cycle a later report that moves the date of the
        # same act supersedes ("will leave at the end of February" on the
        # 20th, "will be leaving on January 1" on the 23rd)
        return Comparison("update", None, round(0.6 * ctx.match, 4),
                          f"{shown}: the later report gives another time", "time.v1")
    if same_action and ta.precision == "day" and tb.precision == "day" and ctx.similarity >= 0.7:
        return Comparison("conflict", "time", round(0.7 * ctx.match, 4),
                          f"{shown}: different dates", "time.v1")
    if not same_action or a.predicate in LIGHT_VERBS or a.predicate in ATTRIBUTING:
        return None  # times of different actions ("said on Saturday" / "a statement Friday")
    return Comparison("scope", None, round(0.4 * ctx.match, 4),
                      f"{shown}: different periods", "time.v1")


# ---------------------------------------------------------------------- actor


@comparator("actor.v1")
def actor(a: Claim, b: Claim, ctx: PairContext) -> Comparison | None:
    """Claims whose named actors differ ("Russia warned South Korea" vs
    "South Korea warned it could respond") report different facts: neither
    agreement nor a conflict. Sources are not actors (a denier is not who
    deployed), so attributions and denials never fire this."""
    found = different_actors(a, b)
    if found is None:
        return None
    xa, xb = found
    return Comparison(
        "unrelated", None, 0.0,
        f"{quote(a)} ({', '.join(sorted(xa.entities))}) vs {quote(b)} "
        f"({', '.join(sorted(xb.entities))}): different actors, different facts",
        "actor.v1",
    )


# --------------------------------------------------------------------- entity

_PEOPLE_ORGS = ("PERSON", "ORG")


@comparator("entity.v1")
def entity(a: Claim, b: Claim, ctx: PairContext) -> Comparison | None:
    """Near-identical claims about one action that name a different person or
    organisation in it."""
    if a.predicate is None or a.predicate != b.predicate or ctx.similarity < 0.8:
        return None
    if committed(a) != "pos" or committed(b) != "pos":
        return None
    for kind in _PEOPLE_ORGS:
        ea = {m.entity or m.text for m in a.mentions if m.type == kind}
        eb = {m.entity or m.text for m in b.mentions if m.type == kind}
        if not ea or not eb or ea & eb or len(ea) != len(eb):
            continue
        # a name as written in both ("Lee" left unresolved where the article
        # names several Lees, "Lee" resolved to one in the other) is one name
        if frozenset().union(*(_name_key(m) for m in a.mentions if m.type == kind)) & frozenset(
            ).union(*(_name_key(m) for m in b.mentions if m.type == kind)):
            continue
        if _initialism_of_either(
            [m.text for m in a.mentions if m.type == kind], [m.text for m in b.mentions if m.type == kind]
        ):
            continue
        rest_a = _without_mentions(a, kind)
        rest_b = _without_mentions(b, kind)
        if fuzz.token_sort_ratio(rest_a, rest_b) < 90:
            continue
        na = next(m.text for m in a.mentions if m.type == kind)
        nb = next(m.text for m in b.mentions if m.type == kind)
        return Comparison(
            "conflict", "entity", round(0.6 * ctx.match, 4),
            f"{na}{_who(a, ctx.published_a, ctx.outlet_a)} vs {nb}{_who(b, ctx.published_b, ctx.outlet_b)}: "
            "a different name in the same statement",
            "entity.v1",
        )
    return None


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z]+", name) if w[0].isupper())


def _initialism_of_either(names_a: list[str], names_b: list[str]) -> bool:
    """A name written in capitals whose letters open with the initials of
    a name on the other side ("UN" / "United Nations", "ISIS" / "Islamic
    State"): one organisation, short and long."""
    def short(n: str) -> str | None:
        letters = n.replace(".", "")
        return letters if letters.isupper() and letters.isalpha() and 2 <= len(letters) <= 6 else None

    for xs, ys in ((names_a, names_b), (names_b, names_a)):
        for x in xs:
            s = short(x)
            if s and any(
                len(i := _initials(y)) >= 2 and s.startswith(i) and short(y) is None for y in ys
            ):
                return True
    return False


def _without_mentions(c: Claim, kind: str) -> str:
    text = c.text
    for m in sorted((m for m in c.mentions if m.type == kind), key=lambda m: -m.start):
        s, e = m.start - c.start, m.end - c.start
        if 0 <= s <= e <= len(text):
            text = text[:s] + text[e:]
    return text.lower()


# -------------------------------------------------------------------- helpers


def _tag(c: Claim, published: dt.date | None, outlet: str | None = None) -> str:
    parts = [c.certainty, _per(c, outlet), _when(published)]
    return ", ".join(p for p in parts if p)


def _say(
    name: str,
    a: Claim,
    b: Claim,
    ctx: PairContext,
    verdict: Verdict,
    kind: ConflictKind | None,
    confidence: float,
    why: str,
) -> Comparison:
    return Comparison(
        verdict,
        kind,
        round(confidence * ctx.match, 4),
        f"{quote(a)} ({_tag(a, ctx.published_a, ctx.outlet_a)}) vs {quote(b)} ({_tag(b, ctx.published_b, ctx.outlet_b)}): {why}",
        name,
    )
