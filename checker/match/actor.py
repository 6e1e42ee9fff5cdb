"""Who does what a claim reports: the named subject of its main verb, and
whether two claims name different actors of one kind."""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.match.things import WORD
from checker.match.words import stem
from checker.model import Claim, Mention

#: Mention types that can be the one who acts; the class says which actors
#: are comparable (a president belongs to a country, so PERSON vs GPE never
#: says two claims have different actors).
_ACTOR_CLASS = {"GPE": "state", "NORP": "state", "PERSON": "person", "ORG": "org"}
#: Mention types that can be actors (who are in many places at once).
ACTOR_TYPES = frozenset(_ACTOR_CLASS)
#: Predicates whose subject attributes, denies or doubts an event rather
#: than doing it: the actor of the event is somewhere in their object.
ATTRIBUTING = frozenset(
    "deny confirm say tell report claim state add reject dismiss acknowledge admit "
    "allege accuse believe suspect verify refute dispute insist note argue quote announce tweet "
    "write declare".split()
)
#: Verbs of saying after which a new clause (with its own subject) starts.
_SAYING = frozenset(
    "said says say told tells confirmed confirms denied denies warned warns reported "
    "reports announced announces claimed claims added stated states insisted noted "
    "argued believes thinks alleged alleges acknowledged admitted tweeted tweets wrote "
    "writes declared declares".split()
)
#: Words that open an introductory phrase, never the subject ("Since
#: Russia's invasion of Ukraine, South Korea has ...").
_INTRO = frozenset(
    "in on at since after before during while when although though as meanwhile however "
    "earlier later last also but yet so according despite amid following under with "
    "without for by from over because once until unlike like besides".split()
)
#: Actions two parties do together: either may be named as the subject.
_MUTUAL = frozenset(
    "meet talk hold sign agree discuss negotiate speak shake clash fight trade exchange "
    "cooperate partner ally join".split()
)
_PRONOUN = frozenset("it he she they we its their his her i you".split())
_BOUNDARY = re.compile(
    r"\s*(?:[,;:()\u2014\u2013]|\s--\s|\"|\u201c|\u201d)\s*|\b(?:that|whether|if)\b",
    re.IGNORECASE,
)
#: A possessive right after a name: the name owns what follows ("Hale's plan").
POSSESSIVE = re.compile(r"^\s*['\u2019]s?\b")


@dataclass(frozen=True, slots=True)
class Actor:
    """Who does what a claim reports: the canonical entities of its subject
    and their class (state, person, org)."""

    kind: str
    entities: frozenset[str]


def source_span(c: Claim) -> tuple[int, int]:
    """Document offsets of the claim's attribution as written, or the empty
    span ``(0, 0)`` when it has none in its text."""
    at = c.text.find(c.source) if c.source else -1
    return (c.start + at, c.start + at + len(c.source or "")) if at >= 0 else (0, 0)


def predicate_span(c: Claim) -> tuple[int, int] | None:
    """Offsets (in the claim text) of the first inflected form of the predicate."""
    if not c.predicate or not c.predicate.isalpha():
        return None
    target = stem(c.predicate)
    for w in WORD.finditer(c.text):
        if stem(w.group()) == target:
            return w.start(), w.end()
    return None


def _predicate_at(c: Claim) -> int | None:
    """Offset (in the claim text) of the first inflected form of the predicate."""
    span = predicate_span(c)
    return span[0] if span else None


def _segments(text: str) -> list[tuple[int, int, bool]]:
    """Clause pieces of the text before the predicate: (start, end, after a
    verb of saying). Cuts at punctuation, complementisers and verbs of saying."""
    cuts: list[tuple[int, int, bool]] = [(m.start(), m.end(), False) for m in _BOUNDARY.finditer(text)]
    cuts += [(m.start(), m.end(), True) for m in WORD.finditer(text)
             if m.group().lower() in _SAYING]
    cuts.sort()
    out, pos, saying = [], 0, False
    for s, e, say in cuts:
        if s < pos:
            continue
        out.append((pos, s, saying))
        pos, saying = e, say
    out.append((pos, len(text), saying))
    return [seg for seg in out if text[seg[0]:seg[1]].strip()]


def actor(c: Claim) -> Actor | None:
    """The named subject of the claim's main verb, or None when it cannot be
    told (no predicate found, a verb of attribution, a possessive or unnamed
    subject, subjects of different kinds).

    The subject is looked for in the clause just before the predicate; a
    clause whose subject is a pronoun ("South Korea warned it could respond")
    takes the subject of the clause before it. Introductory phrases and
    all-capital datelines never count. Sources are not actors: "North Korea
    and Russia denied the deployment" names the deniers, not who deployed.
    """
    if c.predicate in ATTRIBUTING:
        return None
    at = _predicate_at(c)
    if at is None:
        return None
    text = c.text[:at]
    segments = _segments(text)
    for idx in range(len(segments) - 1, -1, -1):
        s, e, _ = segments[idx]
        piece = text[s:e]
        words = [w.lower() for w in WORD.findall(piece)]
        if not words or words[0] in _INTRO:
            return None
        if idx > 0 and words[0].endswith("ing"):
            continue  # ", representing a team from Ukraine,": an aside
        inside = sorted(
            (m for m in c.mentions
             if s <= m.start - c.start and m.end - c.start <= e and _actor_class(m)
             and not m.text.isupper()),
            key=lambda m: m.start,
        )
        if not inside:
            # "it could respond": the subject of the clause before, if any
            if idx > 0 and _PRONOUN.intersection(words):
                continue
            return None
        first = inside[0]
        if POSSESSIVE.match(c.text[first.end - c.start:]):
            return None  # "South Korea's president": someone unnamed
        kinds = {_actor_class(m) for m in inside}
        if len(kinds) != 1:
            return None
        return Actor(str(kinds.pop()), frozenset(m.entity or m.text.lower() for m in inside))
    return None


def _actor_class(m: Mention) -> str | None:
    """state, person or org; the canonical id's prefix wins over the NER type
    (a tagger that calls "Yoon" a GPE does not make him a country)."""
    prefix = m.entity.partition(":")[0].upper() if ":" in m.entity else m.type
    return _ACTOR_CLASS.get(prefix)


def _named_before_verb(x: Actor, c: Claim) -> bool:
    """Every word of the actor's names stands in the claim's subject (the
    text before its verb): "Lena Ortiz" in "River Band singer Lena Ortiz
    dies", where the recogniser took another span for the name."""
    at = _predicate_at(c)
    words = {w.lower() for w in WORD.findall(c.text[: at if at is not None else len(c.text)])}
    names = [set(e.partition(":")[2].split("-")) - {""} for e in x.entities]
    return bool(names) and all(n and n <= words for n in names)


def different_actors(a: Claim, b: Claim) -> tuple[Actor, Actor] | None:
    """Both claims name who acts, of one kind, and they are different: no
    shared entity, unless each names the other's actor with one action or a
    mutual one ("Yoon met Zelenskyy" and "Zelenskyy held talks with Yoon"
    are one meeting; "Russia warned South Korea" and "South Korea warned it
    could supply Ukraine, as Russia denied ..." are two facts)."""
    xa, xb = actor(a), actor(b)
    if xa is None or xb is None or xa.kind != xb.kind or xa.entities & xb.entities:
        return None
    if _named_before_verb(xb, a) or _named_before_verb(xa, b):
        return None  # one name inside the other's subject: the recogniser cut it apart
    named_a = {m.entity or m.text.lower() for m in a.mentions}
    named_b = {m.entity or m.text.lower() for m in b.mentions}
    mutual = {a.predicate, b.predicate} <= _MUTUAL or (
        a.predicate is not None and b.predicate is not None
        and stem(a.predicate) == stem(b.predicate)
    )
    if mutual and xa.entities <= named_b and xb.entities <= named_a:
        return None
    return xa, xb
