"""Quantities: numbers as intervals with the counted thing and unit.

Found by one compiled pattern over the sentence text (qualifier, number or
range, unit), then checked against the spaCy parse: numbers that are dates,
clock times, ordinals, addresses or part of a name are not quantities; the
counted thing is the noun the number modifies.

Decisions (documented because they are judgement calls):

* years (``2022``), days of a month (``Nov. 7``) and clock times are times,
  never quantities;
* ``32-nation`` / ``five-member`` are counts of the hyphenated noun
  (thing ``nation``), ``three-year war`` is a duration (unit ``year``, thing
  ``war``);
* ordinals (``first``, ``3rd``) are ranks, not quantities;
* numbers inside names (``Group of Seven``, ``Top 10``) are skipped when spaCy
  tags them as part of an ORG/WORK_OF_ART/... entity;
* people harmed and counted without digits (``A man was killed``, ``both
  died``, ``a man and a woman were shot``) are counted by
  :mod:`checker.extract.casualties` (text ``A``, thing ``man``);
* a range ``3 to 5`` has value 3 (its low end); vague plurals (``hundreds
  of``) are approximate intervals with value at their low end.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from checker.extract.casualties import harm_counts
from checker.extract.modifiers import UNIT_WORDS, noun_modifiers
from checker.extract.numbers import NUMBER, parse_number
from checker.model import Quantity

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

# qualifier → kind of interval
_QUALIFIERS: dict[str, str] = {
    "more than": "above", "over": "above", "above": "above", "in excess of": "above",
    "upwards of": "above", "upward of": "above", "greater than": "above",
    "at least": "atleast", "no fewer than": "atleast", "no less than": "atleast",
    "not less than": "atleast", "a minimum of": "atleast",
    "fewer than": "below", "less than": "below", "under": "below", "below": "below",
    "up to": "upto", "as many as": "upto", "at most": "upto", "no more than": "upto",
    "a maximum of": "upto", "as much as": "upto",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "just shy of": "nearly",
    "some": "about", "about": "about", "around": "about", "roughly": "about",
    "approximately": "about", "approx.": "about", "an estimated": "about",
    "estimated": "about", "an approximate": "about", "circa": "about",
    "between": "between",
}  # fmt: skip

_VAGUE: dict[str, tuple[float, float]] = {
    "dozens": (24, 144),
    "scores": (40, 200),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 9_999_999),
    "billions": (2_000_000_000, 9_999_999_999),
}

_CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "₩": "KRW", "¥": "JPY"}
#: Letters that scale an amount of money written with its sign ("$5m",
#: "£2bn", "$40k"); after a bare number "m" is metres.
_MONEY_SCALES = {"k": 1e3, "m": 1e6, "bn": 1e9}
DURATION_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute"})

_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
# entity types whose numbers are not counts
_NAME_ENTS = frozenset(
    {"ORG", "PERSON", "WORK_OF_ART", "LAW", "EVENT", "FAC", "PRODUCT", "GPE", "ORDINAL", "TIME"}
)
_YEAR_PREPS = frozenset(
    "in since of by until till from before after through during between early late mid "
    "spring summer fall autumn winter".split()
)


@functools.cache
def _pattern() -> re.Pattern[str]:
    quals = "|".join(re.escape(q) for q in sorted(_QUALIFIERS, key=len, reverse=True))
    vague = "|".join(sorted((re.escape(v) for v in _VAGUE), key=len, reverse=True))
    attached = r"mm|cm|km|kg|%|m\b|bn\b|k\b"
    units = "|".join(sorted((re.escape(u) for u in UNIT_WORDS if u != "%"), key=len, reverse=True))
    num = rf"(?:[$€£₩¥]\s?)?(?:{NUMBER})"
    return re.compile(
        rf"(?<![\w.,/:-])"
        rf"(?:(?P<qual>{quals})\s+)?"
        rf"(?:(?P<vague>{vague})(?=\s+of\b)"
        rf"|(?P<num>{num})"
        rf"(?:\s*(?:-|–|to|and)\s*(?P<num2>{num}))?"
        rf"(?P<unit>\s?(?:{attached})|-(?:{units})\b|\s(?:{units})\b|\s?%)?)"
        rf"(?![\w])",
        re.IGNORECASE,
    )


def _interval(kind: str | None, value: float) -> tuple[float | None, float | None, bool]:
    if kind == "above" or kind == "atleast":
        return value, None, False
    if kind == "below" or kind == "upto":
        return 0.0, value, False
    if kind == "nearly":
        return value * 0.9, value, True
    if kind == "about":
        return value * 0.9, value * 1.1, True
    return value, value, False


def _token_at(span: SpacySpan, char: int) -> Token | None:
    """The token of ``span`` covering paragraph-doc character ``char``."""
    for tok in span:
        if tok.idx <= char < tok.idx + len(tok.text):
            return tok
    return None


def _is_time_number(tok: Token, text: str) -> bool:
    """A number token that is a year, a day of a month or a clock time."""
    doc = tok.doc
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    low = tok.lower_
    if prev is not None and prev.lower_.rstrip(".") in _MONTHS:
        return True
    if nxt is not None and nxt.lower_.rstrip(".") in _MONTHS and low.isdigit():
        return True
    if nxt is not None and (nxt.lower_ in ("a.m.", "p.m.", "am", "pm", "o'clock")):
        return True
    if re.fullmatch(r"\d{4}s?", text) and 1800 <= int(text[:4]) <= 2100:
        plural_noun_next = nxt is not None and nxt.tag_ in ("NNS", "NNPS") and nxt.head == nxt
        return not plural_noun_next or (prev is not None and prev.lower_ in _YEAR_PREPS)
    return False


def find_quantities(span: SpacySpan, offset: int) -> list[Quantity]:
    """Quantities in one sentence; offsets are ``token.idx + offset``."""
    text = span.text
    base = span.start_char
    out: list[Quantity] = []
    for m in _pattern().finditer(text):
        if _slashed(text, m.start(), m.end()):
            continue  # "1/1/15", "24/7": a date or a ratio, not a count
        q = _make(span, m, base, offset)
        if q is not None and not (out and _converts(out[-1], q, text, base, offset)):
            out.append(q)
    out.extend(harm_counts(span, offset, {(q.start, q.end) for q in out}, text))
    out.sort(key=lambda q: (q.start, q.end))
    return out


def _converts(first: Quantity, q: Quantity, text: str, base: int, offset: int) -> bool:
    """``q`` is ``first`` in another unit, set in brackets right after it
    ("120 miles (193 km)", "£2bn ($2.6bn)"): one measure said twice, whose
    conversions two outlets may round apart."""
    if first.unit is None or q.unit is None or first.unit == q.unit:
        return False
    lo, hi = q.start - offset - base, q.end - offset - base
    between = text[first.end - offset - base : lo]
    return between.strip() == "(" and text[hi:].lstrip().startswith(")")


def _slashed(text: str, start: int, end: int) -> bool:
    """Digits joined to the match by a slash ("1/1/15", "24/7")."""
    before = text[max(0, start - 2) : start]
    after = text[end : end + 2]
    return (len(before) == 2 and before[1] == "/" and before[0].isdigit()) or (
        len(after) == 2 and after[0] == "/" and after[1].isdigit()
    )


def _make(span: SpacySpan, m: re.Match[str], base: int, offset: int) -> Quantity | None:
    qual = (m.group("qual") or "").lower()
    kind = _QUALIFIERS.get(qual)
    unit_text = (m.group("unit") or "").strip(" -").lower()
    unit = UNIT_WORDS.get(unit_text) if unit_text else None
    num_start = m.start("vague") if m.group("vague") else m.start("num")
    first = _token_at(span, base + num_start)
    if first is None:
        return None
    if m.group("vague"):
        low, high = _VAGUE[m.group("vague").lower()]
        value, approximate = low, True
        if kind in ("above", "atleast"):
            high = None  # type: ignore[assignment]
        last = _token_at(span, base + m.end("vague") - 1) or first
    else:
        raw = m.group("num")
        currency = _CURRENCY_SIGNS.get(raw[0])
        scale = 1.0
        if currency:
            raw = raw[1:].strip()
            scale = _MONEY_SCALES.get(unit_text, 1.0)
            unit = currency
        elif raw.startswith(".") and unit is None:
            unit = "caliber"  # ".38", "a .45 pistol": a gun's calibre, not a count
        v = parse_number(raw)
        if v is None:
            return None
        v *= scale
        if first.ent_type_ in _NAME_ENTS or (
            first.ent_type_ == "DATE" and unit not in DURATION_UNITS
        ):
            return None
        if first.pos_ == "PRON" or (first.lower_ in ("one",) and _is_partitive(first)):
            return None
        if _is_time_number(first, raw) and unit is None:
            return None
        if unit is None and _not_a_count(first, raw):
            return None
        nxt_i = first.i + 1
        if nxt_i < len(first.doc) and first.doc[nxt_i].lower_ in ("block", "blocks"):
            return None  # street address: "the 300 block of"
        value = v
        low_, high_, approximate = _interval(kind, v)
        low, high = low_, high_  # type: ignore[assignment]
        if m.group("num2"):
            v2 = parse_number(m.group("num2").lstrip("$€£₩¥ "))
            v2 = None if v2 is None else v2 * scale
            if v2 is None or v2 <= v:
                return None  # "9-11", "24/7"-like: not a range
            low, high = v, v2
            kind = "between"
        last = _token_at(span, base + m.end() - 1) or first
    thing, modifiers = _thing(first, last, unit)
    start = base + m.start() + offset
    end = base + m.end() + offset
    return Quantity(
        start=start,
        end=end,
        text=m.group(0),
        value=float(value),
        low=None if low is None else float(low),
        high=None if high is None else float(high),
        unit=unit,
        thing=thing,
        modifiers=modifiers,
        approximate=approximate,
    )


_WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur "
    "thurs fri sat sun".split()
)
_STREETS = frozenset(
    "st street ave avenue rd road blvd boulevard dr drive ln lane way ct court pl place "
    "cir circle pkwy parkway hwy highway terrace ter".split()
)
_LABELS = frozenset(
    "image photo slide page no number room apartment apt unit suite exit route highway "
    "interstate channel station gate platform flight".split()
)
#: Words after "N times" that make it a ratio, not a number of occasions.
_RATIO_NEXT = frozenset("as more less higher lower larger smaller bigger greater faster the".split())
_CALL_VERBS = frozenset({"call", "dial", "text", "phone"})
_CALL_NOUNS = frozenset(
    "call calls caller callers dispatcher dispatchers operator operators center centre "
    "system line tape tapes recording recordings".split()
)


def _not_a_count(tok: Token, text: str) -> bool:
    """A number that names or describes rather than counts.

    Ages (``Smith, 24,``; ``ages 20 and 22``; ``(26)``), ordinals written as
    fractions (``a fourth person``), ranks (``the top 10``), ratios
    (``six times as much``), phone and service numbers (``called
    911``, ``911 calls``) and labels after a name (``Route 9``, ``Channel
    2``, ``LEX 18``)."""
    doc = tok.doc
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if prev is not None and tok.lower_ == "one" and prev.lower_ in ("no", "not"):
        return True  # "no one was hurt" counts nobody
    if prev is not None and prev.lower_.rstrip(".") in _LABELS:
        return True  # "Image 50 of 111", "Apartment 3", "exit 12"
    if prev is not None and prev.lower_ == "top":
        return True  # "the top 10 apps": a rank reached, not things counted
    if nxt is not None and nxt.lower_ == "times" and nxt.i + 1 < len(doc) and (
        doc[nxt.i + 1].lower_ in _RATIO_NEXT
    ):
        return True  # "six times as much", "three times higher": a ratio
    if (
        prev is not None
        and prev.lower_ == "of"
        and tok.i >= 3
        and doc[tok.i - 2].like_num
        and doc[tok.i - 3].lower_.rstrip(".") in _LABELS
    ):
        return True  # the 111 of "Image 50 of 111"
    if tok.dep_ == "appos" and tok.head.pos_ in ("NOUN", "PROPN"):
        return True  # "Smith, 24, was shot"; "the boy, 3,"
    if prev is not None and prev.lower_ in ("age", "ages", "aged"):
        return True
    if (
        prev is not None
        and prev.text == "("
        and nxt is not None
        and nxt.text == ")"
        and tok.i >= 2
        and doc[tok.i - 2].pos_ in ("PROPN", "NOUN")
    ):
        return True  # "Harth (26)"
    if tok.ent_type_ == "ORDINAL" or (
        tok.lower_ in ("a", "an", "one") and nxt is not None and nxt.ent_type_ == "ORDINAL"
    ):
        return not (
            nxt is not None
            and (
                nxt.lower_ == "of"
                or (
                    nxt.ent_type_ == "ORDINAL"
                    and nxt.i + 1 < len(doc)
                    and doc[nxt.i + 1].lower_ == "of"
                )
            )
        )  # "a fourth person" is a rank; "a third of" a fraction
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _CALL_VERBS:
        return True  # "called 911", "dial 311"
    if re.fullmatch(r"[2-9]11", text) and (
        (nxt is not None and nxt.lower_ in _CALL_NOUNS)
        or (prev is not None and prev.lemma_.lower() in _CALL_VERBS)
    ):
        return True
    if tok.dep_ == "nummod" and tok.head.lower_.rstrip(".") in _STREETS:
        return True  # "20 Copeland St."
    if prev is None or prev.lower_.rstrip(".") in _MONTHS or prev.lower_.rstrip(".") in _WEEKDAYS:
        return False
    # "Route 9", "Channel 2", "LEX 18": a label after a name
    if prev.tag_ == "NNP" and prev.text[:1].isupper() and not (
        tok.dep_ == "nummod" and tok.head.i > tok.i
    ):
        return True
    # "iOS 8 backups", "Android 4 phones": a numeral stands before the
    # nouns that modify its noun ("8 iOS backups"), so one after a name that
    # modifies the same noun is part of the name, not a count of the noun
    # (or the parse hangs it on the name: "iOS 8" as one name)
    return _name_like(prev) and (
        tok.head.i == prev.i
        or (tok.dep_ == "nummod" and tok.head.i > tok.i and prev.head.i in (tok.i, tok.head.i)
            and prev.dep_ in ("compound", "nmod", "advmod", "npadvmod"))
    )


def _name_like(tok: Token) -> bool:
    """A word written as a name: tagged as one, or with a capital inside it
    ("iOS", "eBay")."""
    return tok.is_alpha and (tok.tag_ in ("NNP", "NNPS") or any(ch.isupper() for ch in tok.text[1:]))


def _is_partitive(tok: Token) -> bool:
    doc = tok.doc
    return tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "of"


def _thing(first: Token, last: Token, unit: str | None) -> tuple[str | None, tuple[str, ...]]:
    """The counted noun (or, for measures, the measured noun) and its modifiers."""
    skip = set(range(first.i, last.i + 1))
    head: Token | None = None
    # walk from the last token of the number up to the first noun outside it
    tok = last
    for _ in range(4):
        if tok.i not in skip and tok.pos_ in ("NOUN", "PROPN"):
            head = tok
            break
        if tok.head.i == tok.i:
            break
        if tok.head.i in skip:
            tok = tok.head
            continue
        if tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > last.i:
            head = tok.head
            break
        if tok.head.pos_ == "ADP" and tok.head.lower_ == "of" and tok.head.i > last.i:
            pobj = [c for c in tok.head.children if c.dep_ == "pobj"]
            head = pobj[0] if pobj else None
            break
        break
    if head is None:
        # "hundreds of soldiers", "five of the soldiers"
        nxt = last.i + 1
        doc = last.doc
        if nxt < len(doc) and doc[nxt].lower_ == "of":
            pobj = [c for c in doc[nxt].children if c.dep_ == "pobj"]
            head = pobj[0] if pobj else None
    if head is None or (unit in DURATION_UNITS and head.lower_.rstrip("s") == unit):
        return None, ()
    skip.update(c.i for c in first.doc[first.i : last.i + 1])
    return head.text, noun_modifiers(head, skip)
