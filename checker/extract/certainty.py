"""Attribution and certainty of a clause, from the dependency parse.

Starting at a clause's root verb, follow the complement chain through
reporting verbs (``said that``), epistemic verbs (``is believed to``,
``reports suggest``), confirmations and denials down to the event verb.
Each step may set the source (the reporting verb's subject, or the object
of ``according to``) and a certainty cue. The event verb's lemma is the
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
POSSIBILITY_VERBS = frozenset({"consider", "weigh", "mull", "contemplate", "explore"})
# "began engaging in combat": the event is the complement
ASPECTUAL = frozenset("begin start continue resume keep stop cease finish".split())
# "found no evidence that ...", "there is no evidence that ...", "no confirmation of ..."
EVIDENCE_NOUNS = frozenset(
    "evidence proof sign indication confirmation trace corroboration basis".split()
)
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
    return any(c.dep_ == "neg" for c in tok.children)


def _complement(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX"):
            return c
    for c in tok.children:
        if c.dep_ == "parataxis" and c.pos_ in ("VERB", "AUX"):
            return c
    return None


def _subject(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    return None


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
    for c in v.children:
        if (
            c.dep_ not in ("dobj", "attr", "nsubj", "nsubjpass")
            or c.lemma_.lower() not in EVIDENCE_NOUNS
        ):
            continue
        denied = _negated(v) or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        if not denied:
            continue
        for d in c.children:
            if d.dep_ in ("acl", "ccomp", "relcl") and d.pos_ in ("VERB", "AUX"):
                if d.dep_ == "relcl" and not any(m.dep_ == "mark" for m in d.children):
                    continue  # "no evidence that we found": a restrictive clause
                return d
        return v
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
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children)
    if passive:
        objs += [c for c in v.children if c.dep_ == "nsubjpass"]
    return objs


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
    true``)."""
    subj = _subject(v)
    if subj is None:
        return False
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


def _false_source(subj: Token | None) -> bool:
    """A source that is itself called false: ``a hoax report claimed``,
    ``a fake news site reported``."""
    if subj is None:
        return False
    return any(
        m.dep_ in ("amod", "compound") and m.lower_ in FALSITY_WORDS | FALSITY_NOUNS
        for m in subj.children
    )


def analyse(root: Token) -> Attribution:
    """Follow ``root``'s complement chain to the event verb."""
    certainty: Certainty = "asserted"
    source: Token | None = None
    v = root
    negated = False
    for _ in range(6):
        lemma = v.lemma_.lower()
        subj = _subject(v)
        comp = _complement(v)
        neg = _negated(v)
        local = _local_cue(v)
        if lemma in REPORTING and comp is not None:
            if (subj is not None and subj.pos_ != "PRON") or source is None:
                source = subj or source
            if neg:
                certainty = _stronger(certainty, "negated")
            if _false_source(subj):
                certainty = _stronger(certainty, "denied")
            v = comp
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
            if subj is not None and source is None:
                source = subj
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
        if lemma in ASPECTUAL and comp is not None and comp.dep_ == "xcomp":
            v = comp
            continue
        if lemma in POSSIBILITY_VERBS and comp is not None:
            certainty = _stronger(certainty, "possible")
            v = comp
            continue
        if local is not None:
            certainty = _stronger(certainty, local)
        if neg:
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
    if lemma in EPISTEMIC:
        subj = _subject(v)
        if v.tag_ == "VBN" or (subj is not None and subj.lemma_.lower() in HEARSAY_NOUNS):
            return "reported"
    local = _local_cue(v)
    if local == "reported":
        return local
    return None
