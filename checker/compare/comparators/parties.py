"""``actor.v1`` and ``entity.v1``: claims whose named actors differ report
different facts (``unrelated``); near-identical claims of one action that
name another person or organisation in it are a conflict of entity.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from checker.compare.comparators.commitment import (
    committed,
)
from checker.compare.comparators.occasions import (
    _name_key,
)
from checker.compare.comparators.wording import (
    _who,
)
from checker.compare.registry import PairContext, comparator, quote
from checker.match import (
    different_actors,
)
from checker.model import Claim, Comparison


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
