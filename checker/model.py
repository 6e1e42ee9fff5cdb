"""Typed records shared by every stage.

All records are frozen. Anything that points into an article holds character
offsets into ``Document.text`` (the decoded original), never a rewritten copy:
``doc.text[x.start:x.end] == x.text`` holds for sentences, claims and slots.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

Certainty = Literal[
    "asserted", "confirmed", "reported", "possible", "unconfirmed", "denied", "negated"
]
CERTAINTIES: tuple[Certainty, ...] = (
    "asserted", "confirmed", "reported", "possible", "unconfirmed", "denied", "negated"
)

Verdict = Literal["agree", "conflict", "scope", "update", "disputed", "unique", "unrelated"]
VERDICTS: tuple[Verdict, ...] = (
    "conflict", "disputed", "update", "scope", "agree", "unique", "unrelated"
)
ConflictKind = Literal["number", "time", "place", "entity", "negation"]
CONFLICT_KINDS: tuple[ConflictKind, ...] = ("number", "time", "place", "entity", "negation")

Precision = Literal["day", "week", "month", "season", "year", "decade", "unknown"]
TimeRole = Literal["event", "report"]


class OffsetError(ValueError):
    """A record's offsets do not point at its text."""


def _check_span(start: int, end: int, text: str) -> None:
    if start < 0 or end < start or end - start != len(text):
        raise OffsetError(f"span [{start}, {end}) does not fit text of length {len(text)}")


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read from disk, with its metadata.

    ``text`` is the decoded original (for HTML: the extracted main text).
    ``boilerplate`` lists regions of ``text`` that are not article body
    (promos, repeated captions, bylines); later stages skip them but offsets
    stay valid because nothing is cut out of ``text``.
    """

    id: str
    path: str
    text: str
    sha256: str
    outlet: str | None = None
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    byline: str | None = None
    boilerplate: tuple[tuple[int, int], ...] = ()
    copy_of: str | None = None  # id of the document this one is a wire copy of

    def __post_init__(self) -> None:
        n = len(self.text)
        for s, e in self.boilerplate:
            if not 0 <= s <= e <= n:
                raise OffsetError(f"boilerplate [{s}, {e}) outside text of length {n}")


@dataclass(frozen=True, slots=True)
class Sentence:
    doc: str
    index: int
    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        _check_span(self.start, self.end, self.text)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in a claim, as an interval.

    ``low``/``high`` are None where open (``more than 10,000`` → low 10000,
    high None). ``thing`` is the counted thing's head noun phrase
    (``special operation forces``); ``modifiers`` the words that narrow it.
    ``unit`` is set for measures (``mm``, ``%``, ``year``), None for counts.
    """

    start: int
    end: int
    text: str
    value: float
    low: float | None
    high: float | None
    unit: str | None = None
    thing: str | None = None
    modifiers: tuple[str, ...] = ()
    approximate: bool = False

    def __post_init__(self) -> None:
        _check_span(self.start, self.end, self.text)


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time expression resolved against the publication date.

    ``low``/``high`` bound the interval (inclusive dates); both None when it
    could not be resolved (no publication date, or an unparseable phrase).
    """

    start: int
    end: int
    text: str
    low: dt.date | None
    high: dt.date | None
    precision: Precision = "unknown"
    role: TimeRole = "event"

    def __post_init__(self) -> None:
        _check_span(self.start, self.end, self.text)


@dataclass(frozen=True, slots=True)
class Place:
    """A place mention. ``within`` is the containment chain, innermost first
    (``Kursk region`` → ("Kursk Oblast", "Russia")); ``country`` is ISO 3166 alpha-2."""

    start: int
    end: int
    text: str
    name: str
    country: str | None = None
    kind: str = "place"  # country | region | city | place
    within: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _check_span(self.start, self.end, self.text)


@dataclass(frozen=True, slots=True)
class Mention:
    """A named entity mention; ``entity`` is the canonical id once the batch
    has been canonicalised (empty before)."""

    start: int
    end: int
    text: str
    type: str  # PERSON | ORG | GPE | NORP | ...
    entity: str = ""

    def __post_init__(self) -> None:
        _check_span(self.start, self.end, self.text)


@dataclass(frozen=True, slots=True)
class Claim:
    """A check-worthy statement with typed slots."""

    id: str
    doc: str
    sentence: int
    start: int
    end: int
    text: str
    certainty: Certainty = "asserted"
    source: str | None = None  # attribution as written ("South Korea's spy agency")
    predicate: str | None = None  # lemma of the main verb ("send")
    negated: bool = False
    quantities: tuple[Quantity, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    places: tuple[Place, ...] = ()
    mentions: tuple[Mention, ...] = ()

    def __post_init__(self) -> None:
        _check_span(self.start, self.end, self.text)

    @property
    def entities(self) -> tuple[str, ...]:
        """Canonical entity ids, in order of first mention, without repeats."""
        return tuple(dict.fromkeys(m.entity for m in self.mentions if m.entity))


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    canonical: str
    type: str
    variants: tuple[str, ...] = ()
    docs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Comparison:
    """What one comparator says of two claims."""

    verdict: Verdict
    kind: ConflictKind | None
    score: float
    rationale: str
    comparator: str


@dataclass(frozen=True, slots=True)
class Finding:
    id: str
    verdict: Verdict
    kind: ConflictKind | None
    claims: tuple[str, ...]
    docs: tuple[str, ...]
    comparator: str
    score: float
    rationale: str
    group: str | None = None  # fact group id, for reports that group findings
    story: str | None = None  # id of the story (event cluster) its documents belong to


@dataclass(frozen=True, slots=True)
class Story:
    """Articles the tool took to be about one story (an event cluster).

    ``id`` depends only on the member documents' ids, so the same batch gives
    the same id; ``label`` is written from the articles (the most central
    title); ``documents`` are ids in report order.
    """

    id: str
    label: str
    documents: tuple[str, ...]
    first_published: dt.date | None = None
    last_published: dt.date | None = None


@dataclass(frozen=True, slots=True)
class StoreCounts:
    """A run with a claim store: how many of the batch's articles were new,
    how many were already stored, and how many the store holds after it."""

    new: int
    known: int
    stored: int


@dataclass(frozen=True, slots=True)
class Report:
    """Everything a renderer needs; renderers read this and nothing else.

    With a claim store (``store`` set) ``documents`` are the batch's new
    articles plus the stored ones that a finding names, not the whole store."""

    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]
    entities: tuple[Entity, ...]
    findings: tuple[Finding, ...]
    config: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    stories: tuple[Story, ...] = ()
    store: StoreCounts | None = None


# ---------------------------------------------------------------- (de)serialise

T = TypeVar("T")


def to_dict(obj: Any) -> Any:
    """Plain JSON-ready data for any record (dates as ISO strings)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, tuple | list):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    if isinstance(obj, dt.date):
        return obj.isoformat()
    return obj


_NESTED: dict[str, type] = {}


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Inverse of :func:`to_dict` for the record types in this module."""
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name not in data:
            continue
        value = data[f.name]
        inner = _NESTED.get(f"{cls.__name__}.{f.name}")
        if inner is not None:
            value = tuple(from_dict(inner, v) for v in value)
        elif f.name in (
            "published", "low", "high", "first_published", "last_published"
        ) and isinstance(value, str):
            value = dt.date.fromisoformat(value)
        elif f.name == "boilerplate":
            value = tuple(tuple(x) for x in value)
        elif f.name == "store" and isinstance(value, dict):
            value = StoreCounts(**value)
        elif isinstance(value, list):
            value = tuple(value)
        kwargs[f.name] = value
    return cls(**kwargs)


_NESTED.update(
    {
        "Claim.quantities": Quantity,
        "Claim.times": TimeExpr,
        "Claim.places": Place,
        "Claim.mentions": Mention,
        "Report.documents": Document,
        "Report.claims": Claim,
        "Report.entities": Entity,
        "Report.findings": Finding,
        "Report.stories": Story,
    }
)
