"""What a value is a value of, read from the parse of its claim: the
clause it belongs to (an event, or what only might happen) and, for a place,
the thing the claim puts there. Two values differ only as values of one
thing in one event; otherwise the claims state two propositions.

**Mood.** A figure, place or date is a value of the event its clause states. When
that clause is *irrealis* (a possibility, a plan, an option, a condition,
an ability) the value is not a value of an event at all: "patrols in Portugal
are one option" puts no patrol in Portugal, "the plane can carry 200" says
nothing of how many were on board, "if it rains on Friday" dates no rain.
Such a value and one of an event that happened state two propositions, so
neither clashes with the other. Two irrealis values (two plans' costs) can
still clash, and so can two values of events.

The mood is read from the dependency parse of the claim, climbing from the
value to the clause it belongs to:

* a modal auxiliary of that clause (*could, would, might, may, should,
  can, must*); *may have* / *might have* / *must have* judge a past event
  (it happened, perhaps) and stay realis, while *could have* / *would have*
  / *should have* state what did not happen;
* a condition (*if*, *unless*) marking the clause;
* a clause that is the complement of a verb of intention or proposal
  (*plan to strike*, *threatened to close*, *considering sending*);
* a noun phrase inside, or predicated as, a noun of intention or
  possibility (*plans for patrols in Portugal*, *patrols in Portugal are one
  option*).

The future (*will*) is not irrealis here: a scheduled event has a date, and
two dates for it are a real difference.

**What is placed.** A place phrase modifies one word: "in Portugal" in "quit
his job to fight in Portugal" places the fighting, not the job. Two places
clash only when what each places is one thing: the word the place phrase
attaches to, with its own arguments ("troops engaging in combat
operations in the region", "troops entered combat zones in the country"),
shares a content word with the other's. "Quit his job to fight in X" and
"quit his job in Y" place the fighting and the job.

**What befell the counted.** A count is a count of the people or things
that did or underwent what its verb says: "two cyclists were hit by a van"
and "the driver killed one cyclist" count two groups, as do "used torches
to burn 30 huts" and "after searching 40 huts". The act of a count
is the verb its counted noun is an argument of, found in the parse however
far it stands from the sentence's main verb.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from checker import nlp
from checker.cache import ReadingCache
from checker.match import ATTRIBUTING, content_words, event_class, stem
from checker.model import Claim, Place, Quantity, TimeExpr

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

Mood = Literal["realis", "irrealis"]
#: A value in a claim: a count, a place or a time.
Slot = Quantity | Place | TimeExpr

#: Modal auxiliaries that leave their clause a possibility, not an event
#: (as tokenised: "can't" is "ca" + "n't", "it'd" ends in "'d").
_MODALS = frozenset("could would 'd \u2019d might may should can ca must ought".split())
#: Modals that, with a perfect, judge a past event rather than deny it.
_EPISTEMIC_PERFECT = frozenset("may might must".split())
#: Verbs whose complement clause is intended or proposed, not done.
_INTENTION_VERBS = frozenset(
    """plan consider threaten propose weigh want seek intend hope aim urge demand mull
    contemplate offer prepare vow pledge promise push recommend discuss debate envisage
    envision mean wish""".split()
)
#: Nouns of intention or possibility: what they name has not happened.
_INTENTION_NOUNS = frozenset(
    """plan option proposal threat possibility prospect scenario idea offer bid request
    demand call intention intent ambition goal aim target wish hope""".split()
)
#: How many nouns above a value may name an intention it is the content of:
#: the value's own noun ("an option") and the one it depends on ("plans for
#: patrols in Portugal"), not a noun further up ("no plans of revenge for
#: the victims of the raid in Portugal": the raid is no plan).
_NOUN_REACH = 2
#: Dependencies that lead from a word to the clause it belongs to.
_CLAUSAL = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "csubj", "pcomp"})


def _clause_irrealis(head: Token) -> bool:
    """The clause headed by ``head`` is a possibility, a condition or an
    ability: by its own auxiliaries and marker. The "would" of a reported
    statement without a condition is the backshifted "will" of what was said
    ("they said they would send troops": "we will send")."""
    kids = list(head.children)
    for k in kids:
        if k.dep_ == "mark" and k.lower_ in ("if", "unless"):
            return True
    modals = [k.lower_ for k in kids if k.dep_ == "aux" and k.lower_ in _MODALS]
    if not modals:
        return False  # no modal, or "will" / "won't": the future
    if modals[0] in ("would", "'d", "\u2019d") and head.dep_ == "ccomp" and (
        head.head.lemma_.lower() in ATTRIBUTING
    ):
        return False
    perfect = any(k.dep_ == "aux" and k.lemma_ == "have" for k in kids)
    # "may have killed": it happened, perhaps
    return not (perfect and modals[0] in _EPISTEMIC_PERFECT)


def _predicated_intention(noun: Token) -> bool:
    """``noun`` is the subject of a copula whose complement is a noun of
    intention or possibility ("patrols in Portugal are one option")."""
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = noun.head
    return any(k.dep_ in ("attr", "acomp") and k.lemma_.lower() in _INTENTION_NOUNS
               for k in verb.children)


def token_mood(token: Token) -> Mood:
    """The mood of the clause ``token`` belongs to, climbing the parse."""
    t = token
    nouns = 0
    for _ in range(40):
        if t.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and t.i != token.i:
            nouns += 1
        if nouns <= _NOUN_REACH and t.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and (
            (t.i != token.i and t.lemma_.lower() in _INTENTION_NOUNS) or _predicated_intention(t)
        ):
            return "irrealis"  # "plans for patrols in X", "patrols in X are one option"
        if t.pos_ in ("VERB", "AUX") and (t.dep_ in _CLAUSAL or t.head.i == t.i):
            if _clause_irrealis(t):
                return "irrealis"
            if t.dep_ in ("xcomp", "ccomp") and t.head.lemma_.lower() in _INTENTION_VERBS:
                return "irrealis"
            if t.dep_ not in ("xcomp", "conj"):
                return "realis"  # the clause's own mood decides; its governor does not
        if t.head.i == t.i:
            break
        t = t.head
    return "realis"


def _span_tokens(doc: Doc, start: int, end: int) -> Span | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def two_moods(a: Claim, sa: Slot, b: Claim, sb: Slot, frames: Frames) -> bool:
    """One value belongs to what might happen, the other to what did (or
    will): two propositions."""
    ma = frames(a).moods.get(_span(a, sa))
    mb = frames(b).moods.get(_span(b, sb))
    return {ma, mb} == {"realis", "irrealis"}


#: Dependencies of a name's parts and of a place inside a place phrase.
_NAME_PARTS = frozenset({"compound", "poss", "appos", "conj", "cc", "case", "nmod", "amod"})
#: Dependents that are no part of what is placed: clauses of their own,
#: auxiliaries, negators and adverbs.
_OWN_CLAUSE = frozenset(
    {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "punct", "cc",
     "mark", "expl", "aux", "auxpass", "neg", "advmod", "npadvmod"}
)


#: Entity types that say when or how much, not what is placed.
_NOT_WHAT = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})


def placed_words(doc: Doc, start: int, end: int) -> frozenset[str] | None:
    """Stems of what the place at ``start:end`` locates: the word its phrase
    attaches to and that word's own arguments, its subject included ("the
    plane crashed in X": the plane is there), but not the place phrase,
    times, figures or clauses of their own. None when the place is not in a
    phrase."""
    span = _span_tokens(doc, start, end)
    if span is None:
        return None
    t = span.root
    while t.dep_ in _NAME_PARTS and t.head.i != t.i:
        t = t.head  # "the Kursk region of Russia", "northern Spain and Portugal"
    if t.dep_ != "pobj":
        return None
    prep, host = t.head, t.head.head
    if prep.i == host.i:
        return None
    words = [host]
    # the subject of a predicate ("journalists are missing in X") is its own
    kids = list(host.children)
    if host.dep_ in ("acomp", "attr"):
        kids += [k for k in host.head.children if k.dep_ in ("nsubj", "nsubjpass")]
    for child in kids:
        if child.i == prep.i or child.dep_ in _OWN_CLAUSE:
            continue
        # times and figures say when and how many, not what
        words.extend(w for w in child.subtree if w.ent_type_ not in _NOT_WHAT and not w.like_num)
    return frozenset(stem(w) for w in content_words(" ".join(x.text for x in words)))


def two_things_placed(a: Claim, pa: Place, b: Claim, pb: Place, frames: Frames) -> bool:
    """The two places locate different things: what each phrase attaches to
    shares no content word with the other."""
    wa = frames(a).placed.get(_span(a, pa))
    wb = frames(b).placed.get(_span(b, pb))
    if not wa or not wb:
        return False  # not in a phrase, or nothing but the place itself
    return not wa & wb


def act_of(doc: Doc, start: int, end: int) -> str | None:
    """The event class of the verb the count at ``start:end`` counts the
    arguments of ("burn" in "used torches to burn 30 huts"), or None when
    no verb governs it (a copula, a list, a headline fragment)."""
    span = _span_tokens(doc, start, end)
    if span is None:
        return None
    t = span.root
    for _ in range(12):
        if t.pos_ == "VERB" and t.dep_ not in ("amod", "compound"):
            return event_class(t.lemma_.lower())
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def two_acts(a: Claim, qa: Quantity, b: Claim, qb: Quantity, frames: Frames,
             empty: frozenset[str]) -> bool:
    """The two counts are of what two different acts befell: the verbs
    governing them differ in event class, and neither is a verb in
    ``empty`` (a copula, having, saying), which says nothing of what the
    counted did."""
    va, vb = act_counted(a, qa, frames), act_counted(b, qb, frames)
    if va is None or vb is None or va in empty or vb in empty:
        return False
    return stem(va) != stem(vb)


# ------------------------------------------------------------------ readings


def act_counted(c: Claim, q: Quantity, frames: Frames) -> str | None:
    """The event class of the verb the count ``q`` belongs to (``act_of``),
    or None when no verb governs it."""
    return frames(c).acts.get(_span(c, q))


def _span(c: Claim, slot: Slot) -> tuple[int, int]:
    return slot.start - c.start, slot.end - c.start


def _spans(c: Claim) -> tuple[tuple[int, int], ...]:
    """The spans of all the claim's values, in the claim text."""
    slots: list[Slot] = [*c.quantities, *c.places, *c.times]
    return tuple(_span(c, s) for s in slots)


@dataclass(frozen=True, slots=True)
class Readings:
    """What the parse of one claim says of each of its values, by the
    value's span in the claim text: the mood of every value's clause, what
    each place locates, the act of each count."""

    moods: dict[tuple[int, int], Mood | None]
    placed: dict[tuple[int, int], frozenset[str] | None]
    acts: dict[tuple[int, int], str | None]


def read(doc: Doc, c: Claim) -> Readings:
    """The readings of ``c``'s values in ``doc``, the parse of its text."""
    moods: dict[tuple[int, int], Mood | None] = {}
    for sp in _spans(c):
        span = _span_tokens(doc, *sp)
        moods[sp] = token_mood(span.root) if span is not None else None
    places = [_span(c, p) for p in c.places]
    counts = [_span(c, q) for q in c.quantities]
    return Readings(
        moods=moods,
        placed={sp: placed_words(doc, *sp) for sp in places},
        acts={sp: act_of(doc, *sp) for sp in counts},
    )


class Frames:
    """The readings of a claim, parsed once per text and kept in the cache
    folder (when there is one), so that a warm run does not load spaCy."""

    def __init__(self, spacy_model: str, cache: ReadingCache | None = None) -> None:
        self.spacy_model = spacy_model
        self.cache = cache or ReadingCache(None)
        self._done: dict[tuple[str, tuple[tuple[int, int], ...]], Readings] = {}

    def __call__(self, c: Claim) -> Readings:
        seen = (c.text, _spans(c))
        if seen in self._done:
            return self._done[seen]
        key = ReadingCache.key(self.spacy_model, *seen)
        found = self.cache.get(key)
        if not isinstance(found, Readings):
            found = read(nlp.load(self.spacy_model)(c.text), c)
            self.cache.put(key, found)
        self._done[seen] = found
        return found
