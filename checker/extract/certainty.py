"""Attribution and certainty of a clause, from the dependency parse.

Starting at a clause's root verb, follow the complement chain through
reporting verbs (``said that``), epistemic verbs (``is believed to``,
``reports suggest``), confirmations and denials down to the event verb.
Each step may set the source (the reporting verb's subject, or the object
of ``according to``) and a certainty cue. An embedded question left
unanswered (``did not say whether P``, ``it is unclear whether P``) leads
on to P as unconfirmed. The event verb's lemma is the
claim's predicate; a negated event verb makes the claim negated.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from checker.extract.sources import source_phrase
from checker.model import Certainty

if TYPE_CHECKING:
    from spacy.tokens import Token

REPORTING = frozenset(
    "say tell announce report add state claim note warn write insist disclose reveal "
    "brief declare acknowledge admit emphasize emphasise stress explain argue testify "
    "indicate assert maintain tweet post".split()
)
#: Reporting verbs by which the writer keeps their distance from what is
#: said (Hunston's "distancing" verbs): "X claims that P" relays P as X's,
#: where "X says that P" commits to X's saying it and nothing more.
DISTANCING = frozenset({"claim"})
CONFIRMING = frozenset({"confirm", "verify", "corroborate"})
DENYING = frozenset(
    {"deny", "dismiss", "reject", "rebuff", "refute", "rebut", "disavow", "dispute", "debunk"}
)
# Verbs that also mean turning down a proposal or a person ("rejected the
# amendment", "dismiss the coach"): a denial only when what they reject is a
# proposition (a that-clause, or a noun of PROPOSITION_NOUNS).
PROPOSAL_VERBS = frozenset({"reject", "dismiss", "rebuff"})
# Nouns whose referent is something said to be true: to deny, reject or
# dismiss one is to deny what it says ("rejected the allegations").
PROPOSITION_NOUNS = frozenset(
    "report claim allegation accusation charge rumor rumour story suggestion assertion "
    "speculation notion theory account statement characterization characterisation "
    "contention insinuation assertion finding version narrative".split()
)
# Nouns of directive speech acts and proposals: their content clause says
# what someone should do, not what is true ("rejected appeals that they
# need new leaders", "rejected calls that he resign"), so turning one down
# is refusing, not denying.
DIRECTIVE_NOUNS = frozenset(
    "appeal plea call demand request bid proposal offer plan amendment motion petition "
    "application invitation ultimatum urging entreaty pressure push recommendation "
    "advice order instruction".split()
)
# Court acts: a judge who dismisses the case or the charges denies nothing.
LEGAL_NOUNS = frozenset(
    "case lawsuit suit complaint appeal indictment motion petition count charge".split()
)
# What "deny" withholds in its other sense, refusing to grant ("denied bail").
GRANTABLE_NOUNS = frozenset(
    "access entry bail permission request application visa asylum service parole care "
    "benefit right license licence permit admission approval appeal membership passage "
    "landing funding loan citizenship exemption waiver opportunity chance privilege".split()
)
# Nouns that stand for a report, so that calling one false refutes what it
# says ("the story is a hoax", "the video was fake").
REPORT_NOUNS = PROPOSITION_NOUNS - LEGAL_NOUNS | frozenset(
    "news article photo photograph picture image video footage post tweet headline quote "
    "reports rumors rumours".split()
)
# What a report is called when it is refuted; "true", "real", "accurate"
# count only when negated ("the report is not true").
FALSITY_WORDS = frozenset(
    "hoax false fake untrue satire satirical fabricated fabrication baseless groundless "
    "unfounded bogus myth prank doctored photoshopped misleading inaccurate incorrect "
    "nonsense lie lies".split()
)
TRUTH_WORDS = frozenset("true real accurate genuine correct authentic".split())
# Nouns that call whatever they are said of unreal, report or event alike
# ("the theft was a rumour", "this is a scam"); adjectives such as "false"
# or "fake" need a report as subject ("the alarm was false" refutes nothing).
FALSITY_NOUNS = frozenset(
    "hoax hoaxes myth fabrication rumor rumour scam prank lie lies fiction spoof "
    "fake".split()
)
# "X is believed to", "reports suggest", "X is alleged to"
EPISTEMIC = frozenset(
    "believe think suspect allege rumor rumour suggest seem appear estimate understand "
    "expect reckon speculate".split()
)
#: Verbs of EPISTEMIC whose subject is what the complement is about
#: ("the blast seems to be a meteorite"), not who holds it.
_RAISING = frozenset({"seem", "appear"})
POSSIBILITY_VERBS = frozenset({"consider", "weigh", "mull", "contemplate", "explore"})
# "began engaging in combat": the event is the complement
ASPECTUAL = frozenset("begin start continue resume keep stop cease finish".split())
# Implicative verbs (Karttunen): "was forced to deny P", "managed to reach
# the summit" entail their complement, so the complement is the event.
IMPLICATIVE = frozenset("manage force compel oblige hasten rush scramble".split())
# Factive raising verbs: "turned out to be staged", "proved to be false"
# state their complement ("turn" only with "out").
FACTIVE_RAISING = frozenset({"prove"})
_COMPLEMENT_IS_EVENT = ASPECTUAL | IMPLICATIVE | FACTIVE_RAISING
# Negative implicatives (Karttunen): "failed to reach the summit",
# "neglected to file the form" entail that the complement did not happen;
# "did not fail to" that it did. Only with a to-infinitive ("forgot that P"
# is factive).
NEGATIVE_IMPLICATIVE = frozenset({"fail", "neglect", "forget"})
# "found no evidence that ...", "there is no evidence that ...", "no confirmation of ..."
EVIDENCE_NOUNS = frozenset(
    "evidence proof sign indication confirmation trace corroboration basis word news".split()
)
# An embedded question ("whether P", "if P") names P without asserting it.
# Left unanswered (not said, not confirmed, not known, refused an answer),
# it leaves P unconfirmed. Verbs of answering, saying, knowing and
# confirming whose question a negation or refusal leaves open; asking is
# not among them ("asked whether P" and "did not ask whether P" say
# nothing of what is known), nor deciding ("will decide whether P" is about
# a future act).
ANSWERING = frozenset(
    "say tell answer respond reply comment confirm verify know disclose reveal specify "
    "explain clarify elaborate address discuss state indicate detail recall remember "
    "determine establish".split()
)
# Verbs of refusing or failing to do what their complement says: "declined
# to say whether P" leaves P as open as "did not say whether P".
REFUSING = frozenset({"decline", "refuse", "fail"})
# Nouns that carry a question or its answer between the verb and the
# whether-clause ("questions about whether P", "a request for comment on
# whether P", "gave no details on whether P").
QUESTION_NOUNS = frozenset(
    "question query inquiry enquiry request call message email comment answer response "
    "reply word detail information explanation clarification indication clarity "
    "confirmation".split()
)
# What is not known when "it is unclear whether P"; "clear", "known",
# "certain", "sure" only when negated ("it was not clear whether P").
UNKNOWN_WORDS = frozenset(
    "unclear unknown uncertain unsure undetermined unanswered unresolved".split()
)
KNOWN_WORDS = frozenset("clear known certain sure evident apparent".split())
_QUESTION_PREPS = frozenset("about on over of regarding as to into".split())
_COPULAS = frozenset("be remain seem appear".split())
# inflected denial and confirmation verbs a title-case headline tags as proper nouns
HEADLINE_DENIAL = frozenset(
    "deny denies denied denying reject rejects rejected dismiss dismisses dismissed "
    "refute refutes refuted rebuff rebuffs rebuffed".split()
)
MODALS_POSSIBLE = frozenset({"could", "may", "might", "can"})
ADVERBS_REPORTED = frozenset(
    "allegedly reportedly purportedly apparently supposedly ostensibly seemingly".split()
)
ADVERBS_POSSIBLE = frozenset({"possibly", "perhaps", "maybe", "potentially", "likely", "probably"})
DENIAL_WORDS = frozenset(
    "groundless baseless false fake absurd nonsense fabricated untrue unfounded "
    "lies lie hoax propaganda".split()
)
# nouns that make their verb's clause hearsay: "reports suggest", "speculation suggests"
HEARSAY_NOUNS = frozenset({"report", "speculation", "rumor", "rumour", "media", "claim"})
_COMPLEMENTS = ("ccomp", "xcomp", "parataxis")

# which cue wins when a chain carries several (a denial of a report is a denial)
_RANK: dict[Certainty, int] = {
    "denied": 6, "unconfirmed": 5, "negated": 4, "reported": 3, "possible": 2,
    "confirmed": 1, "asserted": 0,
}  # fmt: skip


SourceKind = Literal["pronoun", "person", "group", "org", "name"]
PRONOUNS = frozenset("it he she they we i you this that".split())
_ORG_ENTS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})


def source_kind(tok: Token) -> SourceKind:
    """What a source's head word is, for resolving pronouns that refer to it:
    a person (NER), a plural group (``officials``), an organisation or other
    singular thing (``the office``, ``the ministry``), or an unknown name."""
    if tok.pos_ == "PRON" or tok.lower_ in PRONOUNS:
        return "pronoun"
    if tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children):
        return "group"
    if tok.ent_type_ == "PERSON":
        return "person"
    if tok.ent_type_ in _ORG_ENTS or tok.pos_ == "NOUN":
        return "org"
    return "name"


@dataclass(frozen=True, slots=True)
class Attribution:
    predicate: str | None
    source: str | None
    source_span: tuple[int, int] | None  # paragraph-doc char offsets
    source_kind: SourceKind | None  # what a pronoun referring to the source must agree with
    certainty: Certainty
    negated: bool
    event: int  # token index of the event verb


def _negated(tok: Token) -> bool:
    """A negator on the verb ("not", or "neither" before "nor"), unless it
    only focuses a time: "did not arrive until Monday" says it arrived on
    Monday. A verb joined by "or" or "nor" to a negated one, sharing its
    subject, is negated with it: "will not confirm or deny" confirms nothing
    and denies nothing. A clause with a subject of its own keeps its own
    polarity ("either the friend never came back, or the cake became a
    joke"). A "not" that focuses "just" or "only" negates no verb: "was not
    just a hit" says it was a hit, and more."""
    if _not_until(tok):
        return False
    if any((c.dep_ == "neg" and not _focusing(c)) or (c.dep_ == "preconj" and c.lower_ == "neither")
           for c in tok.children):
        return True
    head = tok.head
    return (tok.dep_ == "conj" and head.i != tok.i and head.pos_ in ("VERB", "AUX")
            and not any(c.dep_ in _SUBJECTS for c in tok.children)
            and any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in head.children)
            and _negated(head))


_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
#: Words a "not" before them focuses, leaving the verb asserted ("not just
#: a hit", "not only in Paris").
_FOCUS_WORDS = frozenset("just only merely simply".split())


def _focusing(neg: Token) -> bool:
    """The negator stands right before a focus word ("not just", "not
    only"): it contrasts what follows with more, and negates no verb."""
    nxt = neg.i + 1
    return nxt < len(neg.doc) and neg.doc[nxt].lower_ in _FOCUS_WORDS


_UNTIL = frozenset({"until", "till", "til"})
#: Dependencies that open another clause below a verb.
_NEW_CLAUSE = frozenset({"relcl", "ccomp", "acl", "advcl", "conj", "parataxis", "csubj"})


def negated_with_head(tok: Token) -> bool:
    """``tok`` is negated only as a verb joined to a negated one ("deny" in
    "will not confirm or deny"): one act with it, not a clause of its own."""
    return tok.dep_ == "conj" and not any(c.dep_ == "neg" for c in tok.children) and _negated(tok)


def _not_until(tok: Token) -> bool:
    """``tok`` carries "until" in its own clause: a time phrase ("until
    1997", "until a 1997 outbreak") or a time clause ("until the talks
    end"). With a negator that is "first at that time", not a negation."""
    for t in tok.subtree:
        if t.lower_ not in _UNTIL or t.i < tok.i:
            continue
        x = t.head
        if t.dep_ == "mark":
            if x.dep_ == "advcl" and x.head.i == tok.i:
                return True
            continue
        while x.i != tok.i and x.dep_ not in _NEW_CLAUSE:
            x = x.head
        if x.i == tok.i:
            return True
    return False


def _complement(tok: Token) -> Token | None:
    """The clause ``tok`` takes as its complement. Of two, the one after the
    verb, where a complement stands: the parser can hang a fronted
    adverbial clause on the verb as a second one ("While X maintains P,
    the minister acknowledged that Q": Q is what was acknowledged); a
    fronted complement ("P, he said") is the only one its verb has."""
    found = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")]
    if found:
        after = [c for c in found if c.i > tok.i]
        return after[0] if len(found) > 1 and after else found[0]
    for c in tok.children:
        if c.dep_ == "parataxis" and c.pos_ in ("VERB", "AUX"):
            return c
    if tok.lemma_.lower() in REPORTING | EPISTEMIC:
        return _said_after_a_time(tok)
    return None


def _said_after_a_time(tok: Token) -> Token | None:
    """The that-clause the parser hung on a time after a verb of saying as
    a relative clause ("claimed at the time that the virus had spread"): a
    verb of saying wants what was said, so the clause is its complement."""
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.i < tok.i:
            continue
        for noun in prep.children:
            for c in noun.children:
                if (c.dep_ == "relcl" and c.pos_ in ("VERB", "AUX")
                        and c.left_edge.lower_ == "that" and c.left_edge.dep_ in ("mark", "advmod")
                        and (subj := _subject(c)) is not None and subj.lower_ != "that"):
                    return c
    return None


def _subject(tok: Token) -> Token | None:
    """The verb's subject; of two, the nearer: the parser can take a
    dateline for a second subject ("PARIS — The council denied ..."). A
    finite verb has no compound modifier, so a noun the parser hung on it
    as one is its subject, misread as a noun-noun compound ("a rumor
    claims that ...": "rumor claims")."""
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and tok.pos_ == "VERB" and tok.tag_ in _FINITE:
        subjects = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
    return min(subjects, key=lambda c: abs(c.i - tok.i)) if subjects else None


def _infinitive(comp: Token) -> bool:
    """``comp`` is a to-infinitive complement ("failed to reach")."""
    return comp.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.children)


def _turns_out(v: Token) -> bool:
    """"turned out (not) to have P": the complement is what is stated."""
    return v.lemma_.lower() == "turn" and any(
        c.dep_ == "prt" and c.lower_ == "out" for c in v.children
    )


def _not_yet(v: Token, comp: Token) -> bool:
    """"has yet to be verified", "remains to be confirmed": the infinitive
    has not happened (yet)."""
    if not _infinitive(comp):
        return False
    lemma = v.lemma_.lower()
    return lemma == "remain" or (
        lemma in ("have", "be") and any(c.lower_ == "yet" for c in v.children)
    )


def _according_to(tok: Token) -> Token | None:
    for c in tok.subtree:
        if c.lower_ == "according":
            for prep in c.children:
                if prep.lower_ == "to":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            return pobj
    return None


def _stronger(a: Certainty, b: Certainty) -> Certainty:
    return a if _RANK[a] >= _RANK[b] else b


def _local_cue(v: Token) -> Certainty | None:
    """A cue on the verb itself: modal, adverb, negation."""
    cue: Certainty | None = None
    for c in v.children:
        low = c.lower_
        if c.dep_ == "advmod" and low in ADVERBS_REPORTED:
            cue = "reported"
        elif c.dep_ == "advmod" and low in ADVERBS_POSSIBLE and cue is None:
            cue = "possible"
        elif c.dep_ == "aux" and low in MODALS_POSSIBLE and cue is None:
            cue = "possible"
    return cue


def _no_evidence(v: Token) -> Token | None:
    """The clause that ``v`` says lacks evidence (``found no evidence that
    Y``, ``there is no evidence that Y``, ``has not seen any proof of Y``):
    Y's verb, or ``v`` itself when the missing thing is no clause; None when
    ``v`` claims no lack of evidence. Evidence that is found is no cue."""
    # any noun of a confirming act is evidence ("no announcement confirming
    # that P", "no statement verifying it"); after "there is" the parser may
    # hang the participle on the copula
    hung = [d for d in v.children if d.dep_ == "advcl" and d.tag_ == "VBG"] if any(
        d.dep_ == "expl" for d in v.children) else []
    for c in v.children:
        confirming = next((d for d in [*c.children, *hung] if d.dep_ in ("acl", "advcl", "relcl")
                           and d.lemma_.lower() in CONFIRMING), None)
        if c.dep_ not in ("dobj", "attr", "nsubj", "nsubjpass") or (
            c.lemma_.lower() not in EVIDENCE_NOUNS and confirming is None
        ):
            continue
        denied = _negated(v) or _no(c)
        if not denied:
            continue
        if confirming is not None:
            return confirming
        for d in c.children:
            if d.dep_ in ("acl", "ccomp", "relcl") and d.pos_ in ("VERB", "AUX"):
                if d.dep_ == "relcl" and not any(m.dep_ == "mark" for m in d.children):
                    continue  # "no evidence that we found": a restrictive clause
                return d
        return v
    return None


def _question_clause(t: Token, *, adjunct: bool) -> bool:
    """``t`` heads an embedded question: a clause marked ``whether`` or
    ``if`` that is a complement (``say whether P``, ``about whether
    P``). An adverbial ``if`` is a condition (``would not comment if
    asked``) and an adverbial ``whether or not`` a concession; they count
    only after an adjective of knowing (``it is not clear if P``)."""
    if t.pos_ not in ("VERB", "AUX"):
        return False
    if t.dep_ not in ("ccomp", "pcomp") and not (adjunct and t.dep_ in ("advcl", "csubj")):
        return False
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in t.children)


def _alternative(t: Token) -> bool:
    """An alternative question (``whether the subpoenas seek documents or
    testimony``) presupposes that one alternative holds and asks which: it
    leaves no single proposition open. Polar questions stay: ``whether or
    not P``, ``whether P or not``, ``whether P or whether Q``."""
    doc = t.doc
    for o in t.subtree:
        if o.dep_ != "cc" or o.lower_ != "or":
            continue
        if o.i + 1 < len(doc) and doc[o.i + 1].lower_ == "not":
            continue
        joined = [d for d in o.head.children if d.dep_ == "conj" and d.i > o.i]
        if joined and all(
            any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in d.children)
            for d in joined
        ):
            continue
        return True
    return False


def _asked(head: Token, *, adjunct: bool, depth: int = 0) -> tuple[Token, bool] | None:
    """The embedded question under ``head``, directly or through
    prepositions and nouns of question and answer (``respond to questions
    about whether P``, ``no details on whether P``), and whether a ``no``
    on one of those nouns leaves it unanswered."""
    for c in head.children:
        if _question_clause(c, adjunct=adjunct):
            return c, False
    if depth >= 4:
        return None
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in _QUESTION_PREPS | {"to", "for"}:
            for d in c.children:
                if d.dep_ == "pcomp" and _question_clause(d, adjunct=False):
                    return d, False
                if d.dep_ == "pobj" and d.lemma_.lower() in QUESTION_NOUNS:
                    found = _asked(d, adjunct=False, depth=depth + 1)
                    if found is not None:
                        return found[0], found[1] or _no(d)
        elif c.dep_ in ("dobj", "nsubjpass", "attr") and c.lemma_.lower() in QUESTION_NOUNS:
            found = _asked(c, adjunct=False, depth=depth + 1)
            if found is not None:
                return found[0], found[1] or _no(c)
    return None


def _nobody(v: Token) -> bool:
    """``nobody has said``, ``no one would confirm``: a negative subject."""
    subj = _subject(v)
    return subj is not None and (
        subj.lower_ in ("nobody", "none", "noone") or (subj.lower_ == "one" and _no(subj))
    )


#: Words that take what was already told out of a quantifier's range: "no
#: one else was hurt" speaks of others than the victim.
_OTHERS = frozenset("else other others further more additional new".split())


def _none_did(v: Token) -> bool:
    """The subject of ``v`` is a negative quantifier: "no suspects have been
    identified", "nobody was hurt", "none of the sailors survived" say the
    event happened to no one, as "not" on the verb does. Not when the
    quantifier is restricted to others than those told of ("no one else",
    "no other injuries", "no more arrests"): that leaves the told event
    standing."""
    subj = _subject(v)
    if subj is None:
        return False
    # "no" quantifies a common noun; before a name it is an interjection
    # ("Oh no, the singer is dead")
    negative = _nobody(v) or subj.lower_ == "nothing" or (_no(subj) and subj.pos_ != "PROPN")
    if not negative:
        return False
    # "no others", "no one else", "no other injuries"
    near = [*subj.children, *subj.doc[subj.i + 1 : subj.i + 2]]
    return subj.lower_ != "others" and not any(t.lower_ in _OTHERS for t in near)


def _no(noun: Token) -> bool:
    return any(d.dep_ == "det" and d.lower_ == "no" for d in noun.children)


def nonexistent(noun: Token) -> bool:
    """The noun names something the clause says there is none of: "no
    evidence", "has not seen any evidence", "found no sign". What a
    relative clause says of it ("evidence that corroborates the claim") is
    said of nothing."""
    if _no(noun):
        return True
    return noun.dep_ in ("dobj", "attr", "nsubjpass") and _negated(noun.head)


def _frames(v: Token) -> list[Token]:
    """``v`` and the verbs coordinated with it that share its question
    (``confirm or deny whether P``)."""
    return [v, *(
        d for d in v.children
        if d.dep_ == "conj" and d.lemma_.lower() in ANSWERING | {"deny"}
        and not any(g.dep_ in ("nsubj", "nsubjpass") for g in d.children)
    )]


def open_question(v: Token) -> Token | None:
    """The verb of a proposition ``v`` leaves open by not answering a
    question about it: ``did not say whether P``, ``declined to comment on
    whether P``, ``did not respond to questions about whether P``, ``gave
    no details on whether P``, ``it is unclear whether P``, ``it was not
    known if P``. None when ``v`` answers, asks or decides (``asked whether
    P``, ``will decide whether P``), the clause is no question, or it asks
    which of two things holds."""
    question = _unanswered(v)
    return None if question is None or _alternative(question) else question


def _unanswered(v: Token) -> Token | None:
    """The embedded question ``v`` leaves unanswered, polar or alternative."""
    lemma = v.lemma_.lower()
    if lemma in REFUSING:
        # "declined to say whether P", "refused to confirm or deny whether P"
        for c in v.children:
            if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX"):
                if c.lemma_.lower() not in ANSWERING:
                    continue
                for frame in _frames(c):
                    found = _asked(frame, adjunct=False)
                    if found is not None:
                        return found[0]
        return None
    if lemma in ANSWERING:
        for frame in _frames(v):
            found = _asked(frame, adjunct=False)
            if found is not None and (_negated(v) or _nobody(v) or found[1]):
                return found[0]
        return None
    if lemma in _COPULAS:
        for c in v.children:
            if c.dep_ not in ("acomp", "attr") or c.pos_ != "ADJ":
                continue
            word = c.lower_
            if word in UNKNOWN_WORDS or (word in KNOWN_WORDS and (_negated(v) or _negated(c))):
                # "it is unclear whether P", "whether P is unclear", "the
                # question of whether P remains unanswered"
                subj = _subject(v)
                found = _asked(v, adjunct=True) or _asked(c, adjunct=True) or (
                    _asked(subj, adjunct=False)
                    if subj is not None and subj.lemma_.lower() in QUESTION_NOUNS else None
                )
                if found is not None:
                    return found[0]
        return None
    # "gave no details on whether P", "offered no comment on whether P"
    found = _asked(v, adjunct=False)
    if found is not None and found[1]:
        return found[0]
    return None


def headline_denial(words: list[Token]) -> bool:
    """A denial verb in a title-case headline, where the parser takes it for
    a name (``Egypt, PA Deny Report That ...``). Only for spans whose words
    are mostly capitalised."""
    alpha = [t for t in words if t.is_alpha]
    if len(alpha) < 4:
        return False
    capitalised = sum(1 for t in alpha if t.text[:1].isupper())
    if capitalised < 0.7 * len(alpha):
        return False
    return any(t.lower_ in HEADLINE_DENIAL and t.text[:1].isupper() for t in alpha[1:])


def _calls_false(v: Token) -> bool:
    """``calling it groundless``, ``dismissed ... as fabricated``."""
    return v.lemma_ in ("call", "label", "brand", "describe", "dismiss") and any(
        t.lower_ in DENIAL_WORDS for t in v.subtree
    )


def _objects(v: Token) -> list[Token]:
    """What ``v`` acts on: its direct objects, or its passive subject."""
    objs = [c for c in v.children if c.dep_ == "dobj"]
    if _passive(v):
        objs += [c for c in v.children if c.dep_ == "nsubjpass"]
    return objs


def _passive(v: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)


def _agent(v: Token) -> Token | None:
    """The "by" agent of a passive verb ("denied by the city")."""
    for c in v.children:
        if c.dep_ == "agent":
            return next((o for o in c.children if o.dep_ == "pobj"), None)
    return None


#: Nouns of doubt a light verb puts forward ("cast doubt on", "raised
#: questions about").
_DOUBT_NOUNS = frozenset({"doubt", "doubts", "question", "questions"})
_DOUBT_LIGHT = frozenset("cast throw raise express voice pour".split())
_DOUBT_GROWING = frozenset("grow mount emerge linger surface swirl persist".split())
_DOUBT_ADJECTIVES = frozenset({"skeptical", "sceptical", "doubtful", "dubious"})
_DOUBT_PREPS = frozenset({"about", "on", "over", "upon", "regarding"})
_WH = frozenset("how what why who when where which".split())
#: What questioning doubts rather than asks: a claim, or its truth.
_QUESTIONABLE = frozenset(
    "claim report account story validity authenticity accuracy veracity legitimacy "
    "finding figure number evidence credibility existence".split()
)


def doubted(v: Token) -> tuple[bool, Token | None]:
    """Whether ``v`` doubts a proposition, a speech act that withholds
    assent ("experts doubt that P", "questioned whether P", "cast doubt
    over claims that P", "raised doubts about the deal", "are skeptical
    that P"), and the verb of the doubted clause when there is one."""
    lemma = v.lemma_.lower()
    comp = _complement(v)
    if lemma == "doubt" and v.pos_ == "VERB":
        return True, comp
    if lemma == "question" and v.pos_ == "VERB":
        # questioning a claim doubts it; questioning a person ("police
        # questioned the suspect") is asking them
        whether = next((c for c in v.children if c.dep_ in ("ccomp", "advcl") and any(
            m.lower_ in ("whether", "if") for m in c.children)), None)
        if whether is not None or any(
            c.dep_ == "dobj" and c.lemma_.lower() in _QUESTIONABLE for c in v.children
        ):
            return True, whether
        return False, None
    acomp = next((c for c in v.children if c.dep_ == "acomp" and c.lower_ in _DOUBT_ADJECTIVES),
                 None)
    if lemma in _COPULAS and acomp is not None:
        return True, _complement(acomp) or comp
    if _doubt_raised(v, lemma):
        doc = v.doc
        if any(t.lower_ in _DOUBT_PREPS and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in _WH
               for t in v.subtree):
            return False, None  # "raised questions about how ...": asks, doubts nothing
        # what the doubt is about: a clause of a noun in its phrase
        # ("claims that P"), else the doubted thing is the phrase itself
        clause = next((t for t in v.subtree if t.i > v.i and t.dep_ in ("acl", "ccomp", "relcl")
                       and t.pos_ in ("VERB", "AUX")), None)
        return True, clause
    return False, None


def _doubt_raised(v: Token, lemma: str) -> bool:
    """``v`` raises a doubt: the doubt noun is its object ("cast doubt over
    X"), or, in the passive, its subject ("doubts were cast over X", a
    headline's "Doubts cast over X" or "Questions raised over X"); or the
    doubt is the subject of a verb of its growing ("doubts grow over X")."""
    if lemma in _DOUBT_LIGHT:
        if any(c.dep_ in ("dobj", "nsubjpass", "nsubj") and c.lower_ in _DOUBT_NOUNS
               for c in v.children):
            return True
        return v.dep_ == "acl" and v.tag_ == "VBN" and v.head.lower_ in _DOUBT_NOUNS
    return lemma in _DOUBT_GROWING and any(
        c.dep_ == "nsubj" and c.lower_ in _DOUBT_NOUNS for c in v.children
    )


def _has_that_clause(noun: Token) -> bool:
    """``claims that the dam failed``: a noun with a clause saying what it holds."""
    return any(
        c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in noun.children
    )


def is_denial(v: Token) -> bool:
    """Whether ``v`` is a speech act denying a proposition: ``denied that
    P``, ``denied P-ing``, ``denied the report``, ``rejected claims that P``,
    ``dismissed the report as false``. Not: ``denied her the prize``, ``was
    denied bail`` (withholding something), ``rejected the amendment`` (a
    proposal), ``dismiss the coach``, ``dismissed the lawsuit`` (a court act)."""
    lemma = v.lemma_.lower()
    if lemma == "shoot" and any(c.dep_ == "prt" and c.lower_ == "down" for c in v.children):
        # "shot down the report": the idiom of rejecting a proposition, as
        # "rejected the report"; "shot down the drone" is no speech act
        return any(o.lemma_.lower() in PROPOSITION_NOUNS for o in _objects(v))
    if lemma not in DENYING:
        return _calls_false(v)
    if lemma in ("refute", "rebut", "disavow", "dispute", "debunk"):
        return True
    if any(c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX") for c in v.children):
        return True
    objs = _objects(v)
    if lemma == "deny":
        if v.dep_ == "acl" or any(
            c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ == "to") for c in v.children
        ):
            # denied her the prize; benefits denied to them: withholding
            # something from someone, not saying a proposition is false
            return False
        passive = any(c.dep_ == "nsubjpass" for c in v.children)
        if passive and any(c.dep_ == "dobj" for c in v.children):
            return False  # he was denied bail
        # a person or group as object is a recipient ("deny the villagers
        # their land", the second object lost by the parser), a thing granted
        # is withheld ("denied the request")
        return not any(
            o.lemma_.lower() in GRANTABLE_NOUNS or _recipient(o) for o in objs
        )
    if _calls_false(v):
        return True
    for o in objs:
        noun = o.lemma_.lower()
        if lemma == "dismiss" and noun in LEGAL_NOUNS:
            continue
        if noun in PROPOSITION_NOUNS or (_has_that_clause(o) and noun not in DIRECTIVE_NOUNS):
            return True
    return False


_RECIPIENT_PRONOUNS = frozenset("me you him her us them".split())


def _recipient(o: Token) -> bool:
    return o.lower_ in _RECIPIENT_PRONOUNS or o.ent_type_ in ("PERSON", "NORP")


def calls_report_false(v: Token) -> bool:
    """A clause that calls a report false: its subject is a report noun (or
    ``it``/``this``) and what it is said to be is a falsity word (``the story
    is a hoax``, ``the photo turned out to be fake``, ``the report is not
    true``); or a verb phrase joined to it that shares its subject says so
    (``the report may have drawn clicks but is totally inaccurate``: the
    hedge is the first phrase's, the falsity is stated)."""
    subj = _subject(v)
    if subj is None:
        return False
    if any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and _subject(c) is None
           and _says_false(c, subj) for c in v.children):
        return True
    return _says_false(v, subj)


def _says_false(v: Token, subj: Token) -> bool:
    """``calls_report_false`` of the verb ``v`` with the subject ``subj``."""
    if any(
        (c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless"))
        or (c.dep_ == "aux" and c.lower_ in MODALS_POSSIBLE)
        for c in v.children
    ):
        return False  # "even if the claim turns out untrue", "it could be a hoax"
    noun = subj.lemma_.lower()
    chain = [v]
    for c in v.children:
        if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX"):
            chain.append(c)  # "turned out to be fake", "proved to be false"
    negated = any(_negated(x) for x in chain)
    report = noun in REPORT_NOUNS or subj.lower_ in ("it", "this", "that")
    for c in _predicatives(chain):
        words = {c.lemma_.lower(), c.lower_} | {
            m.lower_ for m in c.children if m.dep_ in ("amod", "compound")
        }
        if negated:
            if report and c.lemma_.lower() in TRUTH_WORDS:
                return True
            continue
        if words & FALSITY_NOUNS and c.pos_ == "NOUN":
            return True
        if report and words & FALSITY_WORDS:
            return True
    return False


def _predicatives(chain: list[Token]) -> list[Token]:
    """What the verbs of ``chain`` say their subject is: attributes and
    adjectival complements, their conjuncts (``creative but untrue``) and
    the noun of ``nothing more than a hoax`` / ``nothing but lies``."""
    out: list[Token] = []
    for x in chain:
        for c in x.children:
            if c.dep_ not in ("attr", "acomp"):
                continue
            out.append(c)
            out.extend(d for d in c.children if d.dep_ == "conj")
            if c.lower_ == "nothing":
                for d in c.subtree:
                    if d.dep_ == "pobj" and d.head.lower_ in ("than", "but"):
                        out.append(d)
    return out


def _denier(v: Token) -> Token | None:
    """Who denies: the subject of an active denial ("the city denied the
    report"), the agent of a passive one ("reports ... were denied by the
    city"), nobody named when a report is only called false ("the story is a
    hoax"). A passive subject is what is denied, and a report called false is
    what is refuted: the content, never the source."""
    if _passive(v):
        return _agent(v)
    subj = _subject(v)
    if subj is not None and calls_report_false(v) and not is_denial(v):
        return None
    return subj


def _false_source(subj: Token | None) -> bool:
    """A source that is itself called false: ``a hoax report claimed``,
    ``a fake news site reported``."""
    if subj is None:
        return False
    return any(
        m.dep_ in ("amod", "compound") and m.lower_ in FALSITY_WORDS | FALSITY_NOUNS
        for m in subj.children
    )


def _extraposed(v: Token, subj: Token | None, comp: Token | None) -> Token | None:
    """The clause an expletive "it" stands for ("it emerged that P"), or
    None. Only a passive ("it has been brought to our attention that P")
    or a verb of coming to light takes an expletive subject; "it warned
    that P" has a referring "it" (the agency), and a copula's frame ("it is
    clear / unlikely that P") says how sure P is, which ``_copular_frame``
    reads; neither is passed over here."""
    if subj is None or subj.lower_ != "it" or comp is None:
        return None
    if not (_passive(v) or v.lemma_.lower() in _EXTRAPOSING):
        return None
    if any(m.dep_ == "mark" and m.lower_ == "that" for m in comp.children):
        return comp
    return None


def _copular_frame(v: Token, subj: Token | None) -> tuple[Token, Certainty] | None:
    """The that-clause of "it is possible / likely that P" (P, possible) or
    "it is clear / true that P" (P, asserted), or None: a copula whose
    expletive "it" stands for the clause, and an adjective that says how
    sure it is. "It was possible for the crew to leave" has no that-clause
    and "it is unclear whether P" asks; neither is such a frame."""
    if subj is None or subj.lower_ != "it" or v.lemma_.lower() not in _COPULAS:
        return None
    adj = next((c for c in v.children if c.dep_ in ("acomp", "oprd") and c.pos_ == "ADJ"), None)
    if adj is None:
        return None
    word = adj.lower_
    cue: Certainty | None = (
        "possible" if word in _HEDGING_ADJECTIVES
        else "asserted" if word in KNOWN_WORDS | TRUTH_WORDS else None
    )
    if cue is None:
        return None
    for head in (v, adj):
        for c in head.children:
            if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in c.children
            ):
                return c, cue
    return None


#: Adjectives of an expletive "it" that leave its clause possible ("it is
#: likely that P"); "unlikely" too, leaning against it.
_HEDGING_ADJECTIVES = frozenset(
    "possible likely probable conceivable plausible unlikely improbable".split()
)

#: Verbs of coming to light, whose subject "it" stands for a that-clause.
_EXTRAPOSING = frozenset("emerge transpire turn come happen follow occur".split())


def _elided_copula(root: Token) -> Token:
    """The verb of a headline that leaves out its copula: "Girls to be
    released after deal" is "girls are to be released", "Mayor's aide
    arrested at airport" is "was arrested". A nominal root whose
    participle or infinitive follows it is such a clause; its verb is the
    event. Only a clause without a finite verb has left one out ("Any
    attempt to deny it will fail" has one: the noun's infinitive is its
    complement), and an infinitive stands for a copula only when passive
    ("to be released"; "plans to expand" is a noun and its complement)."""
    if root.pos_ not in ("NOUN", "PROPN"):
        return root
    if any(_finite(c) for c in root.children):
        return root
    for c in root.rights:
        if c.dep_ not in ("acl", "relcl") or c.pos_ != "VERB":
            continue
        if c.tag_ == "VBN":
            return c
        return root
    return root


#: Tags of finite verbs and modals.
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _finite(v: Token) -> bool:
    """A finite verb, or one with a finite auxiliary ("will fail")."""
    return v.tag_ in _FINITE or any(
        a.dep_ in ("aux", "auxpass") and a.tag_ in _FINITE for a in v.children
    )


def analyse(root: Token) -> Attribution:
    """Follow ``root``'s complement chain to the event verb."""
    certainty: Certainty = "asserted"
    source: Token | None = None
    v = _elided_copula(root)
    negated = False
    asked = False  # inside an open question
    # a negation the frame passes to its complement: "has yet to P",
    # "remains to be P-ed", "failed to P"
    carried = False
    for _ in range(6):
        lemma = v.lemma_.lower()
        subj = _subject(v)
        comp = _complement(v)
        # a polar question asks the same whatever its polarity ("whether
        # or not P", "don't know if they didn't P"): no negation inside it
        neg = (_negated(v) or carried) and not asked
        carried = False
        local = _local_cue(v)
        if asked and (lemma in REPORTING | EPISTEMIC | CONFIRMING or is_denial(v)):
            # "would not say whether the board believes P": the belief is
            # what is open, not P
            break
        if (question := _unanswered(v)) is not None:
            if _alternative(question):
                # "would not say whether she would sell it or keep it": which
                # is open, neither alternative is negated; the claim is the
                # unanswered question itself
                if neg:
                    negated = True
                    certainty = _stronger(certainty, "negated")
                break
            # "did not say whether P": P is left open, neither said nor denied
            certainty = _stronger(certainty, "unconfirmed")
            if subj is not None and subj.lower_ != "it" and source is None:
                source = subj
            v = question
            asked = True
            continue
        if lemma in REPORTING and comp is not None and _passive(v):
            # "X is said to have P", "two were reported killed": X is what
            # is talked about; the speaker is the agent ("by officials"),
            # and without one the report is hearsay
            who = _agent(v)
            if who is not None and source is None:
                source = who
            if who is None:
                certainty = _stronger(certainty, "reported")
            if neg:
                certainty = _stronger(certainty, "negated")
            v = comp
            continue
        if lemma in REPORTING and comp is not None:
            if (subj is not None and subj.pos_ != "PRON") or source is None:
                source = subj or source
            if neg:
                # "X never said that P" denies the saying, not P: P is left
                # without X's word, as "X did not confirm that P" leaves it
                certainty = _stronger(certainty, "unconfirmed")
            elif lemma in DISTANCING:
                certainty = _stronger(certainty, "reported")
            if _false_source(subj):
                certainty = _stronger(certainty, "denied")
            v = comp
            continue
        doubting, doubted_clause = doubted(v)
        if doubting and not neg and not _nobody(v):
            # the source withholds assent: what it doubts is unconfirmed
            certainty = _stronger(certainty, "unconfirmed")
            if subj is not None and source is None:
                source = subj
            if doubted_clause is not None:
                v = doubted_clause
                continue
            break
        if doubting and doubted_clause is not None:
            v = doubted_clause  # "nobody doubts that P", "does not doubt P": P
            continue
        if lemma in CONFIRMING:
            certainty = _stronger(certainty, "unconfirmed" if neg else "confirmed")
            if subj is not None and source is None:
                source = subj
            if comp is not None:
                v = comp
                continue
            break
        if is_denial(v) or calls_report_false(v):
            certainty = _stronger(
                certainty, "negated" if neg and not calls_report_false(v) else "denied"
            )
            if source is None:
                source = _denier(v)
            if comp is not None:
                v = comp
                continue
            break
        if lemma in EPISTEMIC and comp is not None:
            hearsay = v.tag_ == "VBN" or (subj is not None and subj.lemma_.lower() in HEARSAY_NOUNS)
            if hearsay or lemma in ("allege", "rumor", "rumour"):
                certainty = _stronger(certainty, "reported")
            else:
                certainty = _stronger(certainty, "possible")
                # who believes, suspects or suggests that P holds the
                # hedged P: its source ("police believe", "the agency
                # suggested"); not the subject of an infinitive ("the woman
                # believed to have ...", "the blast seems to be"), which is
                # what P is about
                if (subj is not None and subj.pos_ != "PRON" and source is None
                        and comp.dep_ == "ccomp" and lemma not in _RAISING):
                    source = subj
            v = comp
            continue
        if (missing := _no_evidence(v)) is not None:
            # "X found no evidence that Y happened": Y is unconfirmed, by X
            certainty = _stronger(certainty, "unconfirmed")
            if subj is not None and subj.pos_ != "PRON" and source is None:
                source = subj
            if missing.i == v.i:
                break
            v = missing
            continue
        if comp is not None and comp.dep_ == "xcomp" and (
            lemma in _COMPLEMENT_IS_EVENT or _turns_out(v)
        ):
            v = comp
            continue
        if lemma in NEGATIVE_IMPLICATIVE and comp is not None and _infinitive(comp):
            carried = not neg
            v = comp
            continue
        if not neg and comp is not None and _not_yet(v, comp):
            carried = True
            v = comp
            continue
        if lemma in POSSIBILITY_VERBS and comp is not None:
            certainty = _stronger(certainty, "possible")
            v = comp
            continue
        if not neg and (frame := _copular_frame(v, subj)) is not None:
            # "it is likely that P": P, as sure as the adjective says
            certainty = _stronger(certainty, frame[1])
            v = frame[0]
            continue
        if (that := _extraposed(v, subj, comp)) is not None and not neg:
            # "it has been brought to our attention that P", "it emerged that
            # P": the frame says how P came up; P, with its own cues
            # ("rumored to have"), is what the sentence is about
            if local is not None:
                certainty = _stronger(certainty, local)
            v = that
            continue
        if local is not None:
            certainty = _stronger(certainty, local)
        if neg or (not asked and _none_did(v)):
            negated = True
            certainty = _stronger(certainty, "negated")
        break
    else:
        pass
    if local_final := _local_cue(v):
        certainty = _stronger(certainty, local_final)
    if source is None:
        source = _according_to(root)
    src_text, src_span = source_phrase(source) if source is not None else (None, None)
    predicate = "be" if v.lower_ in ("'s", "’s") and v.pos_ == "AUX" else v.lemma_.lower()
    return Attribution(
        predicate=predicate or None,
        source=src_text,
        source_span=src_span,
        source_kind=None if source is None else source_kind(source),
        certainty=certainty,
        negated=negated,
        event=v.i,
    )


def clause_cue(v: Token) -> Certainty | None:
    """Certainty cue carried by an embedded clause (``allegedly dispatching``,
    ``as ... denied``, ``calling it groundless``), or None."""
    lemma = v.lemma_.lower()
    if calls_report_false(v):
        return "denied"
    if is_denial(v):
        return "negated" if _negated(v) else "denied"
    if lemma in CONFIRMING:
        return "unconfirmed" if _negated(v) else "confirmed"
    if open_question(v) is not None or (doubted(v)[0] and not _negated(v) and not _nobody(v)):
        return "unconfirmed"  # "..., who declined to say whether P", "..., casting doubt on P"
    if lemma in EPISTEMIC:
        subj = _subject(v)
        if v.tag_ == "VBN" or (subj is not None and subj.lemma_.lower() in HEARSAY_NOUNS):
            return "reported"
    local = _local_cue(v)
    if local == "reported":
        return local
    return None
