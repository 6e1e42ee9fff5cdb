"""Times: expressions resolved against the publication date into inclusive
date intervals that keep their precision.

Our own compiled patterns find the expressions news uses (weekdays,
``last week``, ``late October``, ``Nov. 7``, ``since August 2023``); the
arithmetic is done here, so the result never depends on today's date.
dateparser sits behind :func:`parse_date` for explicit numeric dates only
(``1/12/2014``), called with the publication date as ``RELATIVE_BASE``.

Ambiguities are resolved towards the past (news reports what happened)
unless the sentence looks forward (``will``, ``may``, ``next``): then a bare
month or weekday is the next one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from typing import TYPE_CHECKING

from checker.extract.numbers import WORD_NUMBER, parse_number
from checker.extract.spans import doc_text
from checker.model import Precision, TimeExpr, TimeRole

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

Interval = tuple[dt.date | None, dt.date | None, Precision]

MONTHS: dict[str, int] = {}
for _i, _name in enumerate(calendar.month_name):
    if _name:
        MONTHS[_name.lower()] = _i
        MONTHS[_name[:3].lower()] = _i
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?\.?|July?\.?"
    r"|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_N = rf"(?:\d+|{WORD_NUMBER}|a|an|several|a few)"
_UNIT = r"(?:days?|weeks?|months?|years?|decades?)"

#: Verbs whose time is when something was said, not when it happened.
REPORT_VERBS = frozenset(
    "say tell announce confirm report state add claim note warn deny told said "
    "insist disclose reveal brief write declare acknowledge admit allege".split()
)
_FUTURE_AUX = frozenset({"will", "shall", "may", "might", "'ll", "wo"})


@functools.cache
def _pattern() -> re.Pattern[str]:
    i = "(?i:"  # case-insensitive sub-group; month/weekday names stay capitalised
    return re.compile(
        rf"(?<![\w-])(?:(?P<since>{i}since|from)\s+))?"
        rf"(?:(?P<prep>{i}in|on|of|during|by|until|through|before|after|at)\s+))?(?:"
        rf"(?P<iso>{_YEAR}-\d\d-\d\d)"
        rf"|(?P<numeric>\d{{1,2}}/\d{{1,2}}/(?:\d{{4}}|\d\d))"
        rf"|(?P<mdy>(?P<mdy_m>{_MONTH})\s+(?P<mdy_d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<mdy_y>{_YEAR}))?)"
        rf"|(?P<dmy>(?P<dmy_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<dmy_m>{_MONTH})(?:,?\s+(?P<dmy_y>{_YEAR}))?)"
        rf"|(?P<mpart>(?P<mp>{i}early|mid|late|the end of|the beginning of|the start of|the middle of|end of|beginning of))[-\s]+(?P<mp_m>{_MONTH})(?:,?\s+(?P<mp_y>{_YEAR}))?)"
        rf"|(?P<ypart>(?P<yp>{i}early|mid|late|the end of|the beginning of))[-\s]+(?P<yp_y>{_YEAR}))"
        rf"|(?P<my>(?P<my_m>{_MONTH}),?\s+(?:of\s+)?(?P<my_y>{_YEAR}))"
        rf"|(?P<rel>(?:(?P<rel_q>{i}early|late|later|earlier|mid|the end of|the beginning of))\s+)?(?P<rel_w>{i}last|this|next|past|coming|previous))\s+(?P<rel_u>{i}week|weekend|month|year|summer|spring|fall|autumn|winter|decade)))"
        rf"|(?P<span>{i}(?:the\s+)?(?P<span_w>past|last|previous|next|coming)\s+(?P<span_n>{_N})\s+(?P<span_u>{_UNIT})))"
        rf"|(?P<ago>{i}(?P<ago_n>{_N})\s+(?P<ago_u>{_UNIT})\s+ago))"
        rf"|(?P<dayword>{i}yesterday|today|tonight|this morning|this afternoon|this evening|last night|overnight))"
        rf"|(?P<wd>(?:(?P<wd_w>{i}last|this|next|early|late))\s+)?(?P<wd_d>{_WEEKDAY})(?:\s+(?P<wd_p>{i}morning|afternoon|evening|night)))?)"
        rf"|(?P<month>(?:(?P<month_w>{i}last|this|next|early|late|mid))\s+)?(?P<month_m>{_MONTH}))"
        rf"|(?P<year>(?P<year_y>{_YEAR}))"
        rf")(?![\w]|,\d)"
    )


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _month(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), _month_end(year, month)


def _shift_months(d: dt.date, n: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 + n
    return k // 12, k % 12 + 1


def _part(low: dt.date, high: dt.date, part: str) -> tuple[dt.date, dt.date]:
    """early / mid / late third of an interval (``late October`` → 21–31)."""
    part = part.lower()
    n = (high - low).days + 1
    if part in ("early", "the beginning of", "the start of", "beginning of"):
        return low, low + dt.timedelta(days=(n + 2) // 3 - 1)
    if part in ("mid", "the middle of"):
        return low + dt.timedelta(days=n // 3), low + dt.timedelta(days=2 * n // 3 - 1)
    if part in ("late", "later", "the end of", "end of"):
        return low + dt.timedelta(days=2 * n // 3), high
    return low, high


def _year_for_month(month: int, pub: dt.date, future: bool) -> int:
    if future:
        return pub.year if month >= pub.month else pub.year + 1
    return pub.year if month <= pub.month else pub.year - 1


def _count(text: str) -> int | None:
    t = text.lower()
    if t in ("a", "an"):
        return 1
    if t == "a few":
        return 3
    if t == "several":
        return 3
    v = parse_number(t)
    return None if v is None else int(v)


def _unit_interval(unit: str, n: int, pub: dt.date, forward: bool) -> tuple[dt.date, dt.date]:
    u = unit.lower().rstrip("s")
    days = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3650}[u] * n
    if forward:
        return pub, pub + dt.timedelta(days=days)
    return pub - dt.timedelta(days=days), pub


def resolve(m: re.Match[str], pub: dt.date | None, future: bool) -> Interval:
    """The interval a pattern match stands for, relative to ``pub``.

    Absolute expressions (``August 2021``, ``in 1997``, ``July 15, 2023``)
    resolve with or without ``pub``; relative ones (``Wednesday``, ``last
    week``, ``Nov. 7`` without a year) need it and stay (None, None) without.
    """
    low, high, precision = _resolve(m, pub, future)
    if m.group("since") and low is not None:
        # open-ended without a publication date: never guess today's date
        return low, None if pub is None else max(pub, high or pub), precision
    return low, high, precision


def _resolve(m: re.Match[str], pub: dt.date | None, future: bool) -> Interval:
    g = m.group
    try:
        if g("iso"):
            d = dt.date.fromisoformat(g("iso"))
            return d, d, "day"
        if g("numeric"):
            d2 = parse_date(g("numeric"), pub)
            return d2, d2, "day"
        if g("my"):
            lo, hi = _month(int(g("my_y")), MONTHS[g("my_m").lower().rstrip(".")])
            return lo, hi, "month"
        if g("ypart"):
            y = int(g("yp_y"))
            lo, hi = _part(dt.date(y, 1, 1), dt.date(y, 12, 31), g("yp"))
            return lo, hi, "year"
        if g("year"):
            y = int(g("year_y"))
            return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
        if g("mdy") or g("dmy"):
            k = "mdy" if g("mdy") else "dmy"
            month = MONTHS[g(f"{k}_m").lower().rstrip(".")]
            day = int(g(f"{k}_d"))
            if g(f"{k}_y"):
                d = dt.date(int(g(f"{k}_y")), month, day)
                return d, d, "day"
            if pub is None:
                return None, None, "day"
            year = _year_for_month(month, pub, future)
            d = dt.date(year, month, day)
            if not future and d > pub:
                d = dt.date(year - 1, month, day)
            return d, d, "day"
        if g("mpart"):
            month = MONTHS[g("mp_m").lower().rstrip(".")]
            if g("mp_y"):
                year = int(g("mp_y"))
            elif pub is None:
                return None, None, "month"
            else:
                year = _year_for_month(month, pub, future)
            lo, hi = _part(*_month(year, month), g("mp"))
            return lo, hi, "month"
        if g("month"):
            month = MONTHS[g("month_m").lower().rstrip(".")]
            if pub is None:
                return None, None, "month"
            w = (g("month_w") or "").lower()
            fut = future or w == "next"
            year = _year_for_month(month, pub, fut)
            if w == "last" and year == pub.year and month == pub.month:
                year -= 1
            lo, hi = _month(year, month)
            if w in ("early", "late", "mid"):
                lo, hi = _part(lo, hi, w)
            return lo, hi, "month"
        if pub is None:
            return None, None, _precision_of(m)
        if g("rel"):
            return _relative(g("rel_q"), g("rel_w").lower(), g("rel_u").lower(), pub)
        if g("span"):
            n = _count(g("span_n"))
            if n is None:
                return None, None, "unknown"
            forward = g("span_w").lower() in ("next", "coming")
            lo, hi = _unit_interval(g("span_u"), n, pub, forward)
            return lo, hi, _unit_precision(g("span_u"))
        if g("ago"):
            n = _count(g("ago_n"))
            if n is None:
                return None, None, "unknown"
            lo, _ = _unit_interval(g("ago_u"), n, pub, False)
            return lo, lo, _unit_precision(g("ago_u"))
        if g("dayword"):
            w = g("dayword").lower()
            d = pub - dt.timedelta(days=1) if w in ("yesterday", "last night") else pub
            return d, d, "day"
        if g("wd"):
            return _weekday(g("wd_w"), g("wd_d"), pub, future)
    except (ValueError, KeyError):
        return None, None, "unknown"
    return None, None, "unknown"


def resolve_text(text: str, published: dt.date | None, *, future: bool = False) -> TimeExpr | None:
    """Resolve a whole string as one time expression (no parse needed)."""
    m = _pattern().fullmatch(text.strip())
    if m is None:
        return None
    low, high, precision = resolve(m, published, future)
    t = text.strip()
    return TimeExpr(0, len(t), t, low, high, precision)


def _unit_precision(unit: str) -> Precision:
    u = unit.lower().rstrip("s")
    return {"day": "day", "week": "week", "month": "month", "year": "year"}.get(u, "decade")  # type: ignore[return-value]


def _precision_of(m: re.Match[str]) -> Precision:
    if m.group("wd") or m.group("dayword") or m.group("ago"):
        return "day"
    if m.group("rel"):
        u = m.group("rel_u").lower()
        if u in ("week", "weekend"):
            return "week"
        if u in ("month", "year", "decade"):
            return u  # type: ignore[return-value]
        return "season"
    return "unknown"


def _week_of(d: dt.date) -> tuple[dt.date, dt.date]:
    monday = d - dt.timedelta(days=d.weekday())
    return monday, monday + dt.timedelta(days=6)


_SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "fall": (9, 11),
    "autumn": (9, 11),
    "winter": (12, 2),
}


def _relative(q: str | None, which: str, unit: str, pub: dt.date) -> Interval:
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[which]
    qual = (q or "").lower()
    precision: Precision
    if unit in ("week", "weekend"):
        lo, hi = _week_of(pub + dt.timedelta(days=7 * step))
        if unit == "weekend":
            lo = hi - dt.timedelta(days=1)
        precision = "week"
    elif unit == "month":
        y, mo = _shift_months(pub, step)
        lo, hi = _month(y, mo)
        precision = "month"
    elif unit == "year":
        y = pub.year + step
        lo, hi = dt.date(y, 1, 1), dt.date(y, 12, 31)
        precision = "year"
    elif unit == "decade":
        y = pub.year - pub.year % 10 + 10 * step
        lo, hi = dt.date(y, 1, 1), dt.date(y + 9, 12, 31)
        precision = "decade"
    else:
        first, last = _SEASONS[unit]
        y = pub.year + step
        if first > last:  # winter runs into the next year
            lo, hi = dt.date(y, first, 1), _month_end(y + 1, last)
        else:
            lo, hi = dt.date(y, first, 1), _month_end(y, last)
        precision = "season"
    if qual == "earlier" and step == 0:
        hi = min(hi, pub)
    elif qual == "later" and step == 0:
        lo = max(lo, pub)
    elif qual:
        lo, hi = _part(lo, hi, qual)
    return lo, hi, precision


def _weekday(which: str | None, name: str, pub: dt.date, future: bool) -> Interval:
    target = WEEKDAYS[name.lower()]
    w = (which or "").lower()
    if w == "next" or (future and w != "last"):
        delta = (target - pub.weekday()) % 7
        if w == "next" and delta == 0:
            delta = 7
        d = pub + dt.timedelta(days=delta)
    else:
        delta = (pub.weekday() - target) % 7
        if w == "last" and delta == 0:
            delta = 7
        d = pub - dt.timedelta(days=delta)
    return d, d, "day"


@functools.lru_cache(maxsize=1024)
def parse_date(text: str, pub: dt.date | None) -> dt.date | None:
    """An explicit date via dateparser (the one place it is called)."""
    import dateparser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "STRICT_PARSING": True}
    if pub is not None:
        settings["RELATIVE_BASE"] = dt.datetime(pub.year, pub.month, pub.day)
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return None if parsed is None else parsed.date()


def _looks_forward(tok: Token) -> bool:
    """Whether the clause around ``tok`` speaks of the future."""
    cur = tok
    for _ in range(6):
        auxes = {c.lower_ for c in cur.children if c.dep_ == "aux"}
        perfect = bool(auxes & {"have", "'ve"})
        if auxes & _FUTURE_AUX and not (perfect and auxes & {"may", "might"}):
            return True  # (but "may have vetoed it on Friday" judges a past event)
        if "would" in auxes and not perfect:
            return True  # future in the past: "said he would retire in February"
        if cur.lemma_ in ("plan", "expect", "intend", "schedule", "aim") and cur is not tok:
            return True
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return False


def _role(tokens: list[Token]) -> TimeRole:
    ids = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in ids] or tokens[:1]
    h = heads[0].head
    if h.pos_ == "ADP":
        h = h.head
    return "report" if h.lemma_.lower() in REPORT_VERBS and h.pos_ == "VERB" else "event"


_MAY_MARCH = frozenset({"may", "march"})


def find_times(span: SpacySpan, offset: int, published: dt.date | None) -> list[TimeExpr]:
    """Time expressions in one sentence; offsets are ``token.idx + offset``."""
    text = span.text
    base = span.start_char
    doc = span.doc
    out: list[TimeExpr] = []
    for m in _pattern().finditer(text):
        context = m.group("prep") or m.group("since")
        if (
            m.group("month")
            and not (m.group("month_w") or context)
            and m.group("month_m").lower() in _MAY_MARCH
        ):
            continue  # modal "may", verb "march"
        if m.group("year") and not context and not _bare_year_ok(text, m):
            continue
        s, e = base + m.start(), base + m.end()
        toks = [t for t in doc[span.start : span.end] if t.idx < e and t.idx + len(t) > s]
        if not toks:
            continue
        if m.group("prep") and not m.group("since"):
            # the preposition helps recognise the time but is not part of it
            s = base + m.end("prep")
            while s < e and doc_text(doc)[s].isspace():
                s += 1
        future = _looks_forward(toks[-1])
        low, high, precision = resolve(m, published, future)
        out.append(
            TimeExpr(
                start=s + offset,
                end=e + offset,
                text=doc_text(doc)[s:e],
                low=low,
                high=high,
                precision=precision,
                role=_role(toks),
            )
        )
    return out


def _bare_year_ok(text: str, m: re.Match[str]) -> bool:
    """A bare four-digit number is a year unless it counts something."""
    after = text[m.end() :].lstrip()
    before = text[: m.start()].rstrip()
    if before.endswith(("$", "€", "£")):
        return False
    word = re.match(r"[a-z]+", after)
    return not (word and word.group(0) in ("people", "troops", "soldiers", "men", "women"))
