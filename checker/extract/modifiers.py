"""Words that narrow a counted noun (``special operation`` forces, victims
``of the crash``), shared by the quantity and the casualty extractors, and the
unit words that never narrow it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Unit words and the unit they name (``kilometres`` is ``km``).
UNIT_WORDS: dict[str, str] = {
    "%": "%", "percent": "%", "per cent": "%", "percentage points": "percentage point",
    "mm": "mm", "cm": "cm", "km": "km", "kg": "kg", "kilometers": "km", "kilometres": "km",
    "miles": "mile", "mile": "mile", "kilograms": "kg", "tons": "ton", "tonnes": "ton",
    "meters": "m", "metres": "m", "feet": "ft", "foot": "ft",
    "square feet": "sq ft", "square foot": "sq ft", "square meters": "m2", "square metres": "m2",
    "square miles": "sq mi", "square kilometers": "km2", "square kilometres": "km2",
    "acres": "acre", "acre": "acre", "hectares": "ha",
    "years": "year", "year": "year", "months": "month", "month": "month",
    "weeks": "week", "week": "week", "days": "day", "day": "day",
    "hours": "hour", "hour": "hour", "minutes": "minute", "minute": "minute",
    "dollars": "USD", "won": "KRW", "euros": "EUR", "pounds": "GBP", "yen": "JPY",
}  # fmt: skip


def noun_modifiers(head: Token, skip: set[int]) -> tuple[str, ...]:
    """Words narrowing the counted thing: compounds, adjectives, ``of`` objects."""
    out: list[str] = []
    seen_ents: set[int] = set()
    for child in head.children:
        if child.i in skip or child.like_num or child.lower_ in UNIT_WORDS:
            continue
        if child.dep_ in ("compound", "amod", "nmod", "npadvmod") and child.i < head.i:
            if child.ent_type_ and child.ent_iob_ in ("B", "I"):
                ent = next((e for e in head.doc.ents if e.start <= child.i < e.end), None)
                if ent is not None:
                    if ent.start not in seen_ents:
                        seen_ents.add(ent.start)
                        out.append(ent.text.removesuffix("'s").removesuffix("’s"))
                    continue
            out.append(child.text)
        elif child.dep_ == "prep" and child.lower_ == "of" and child.i > head.i:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    out.extend(
                        c.text
                        for c in pobj.children
                        if c.dep_ in ("compound", "amod")
                        and not c.like_num
                        and c.lower_ not in UNIT_WORDS
                    )
                    out.append(pobj.text)
    return tuple(out)
