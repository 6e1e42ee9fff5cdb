"""Extraction normalisers without spaCy: numbers, times, names, gazetteer;
plus (slow) property tests over arbitrary text, and the tense that picks a
weekday's week (parsed)."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.extract.entities import name_tokens, person_key, roman_key
from checker.extract.numbers import format_number, parse_number
from checker.extract.places import capital_country, country_of, lookup
from checker.extract.times import resolve_text
from checker.model import Document

if TYPE_CHECKING:
    from spacy.language import Language


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("10,000", 10000), ("1.5 million", 1_500_000), ("twenty-five", 25), ("a dozen", 12),
        ("two-thirds", 2 / 3), ("three hundred thousand", 300_000), ("five", 5), ("half", 0.5),
    ],
)  # fmt: skip
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "soldiers", "2,00,0", "five soldiers", "-"])
def test_not_a_number(text: str) -> None:
    assert parse_number(text) is None


@given(st.one_of(st.integers(0, 10**12), st.just(0.0), st.floats(1e-6, 1e9, allow_nan=False)))
def test_number_format_round_trips(value: float) -> None:
    assert parse_number(format_number(value)) == pytest.approx(value)


PUB = dt.date(2024, 10, 22)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "low", "high", "precision"),
    [
        ("Tuesday", "2024-10-22", "2024-10-22", "day"),
        ("Monday", "2024-10-21", "2024-10-21", "day"),
        ("last week", "2024-10-14", "2024-10-20", "week"),
        ("this month", "2024-10-01", "2024-10-31", "month"),
        ("late October", "2024-10-21", "2024-10-31", "month"),
        ("in June", "2024-06-01", "2024-06-30", "month"),
        ("Nov. 7", "2023-11-07", "2023-11-07", "day"),
        ("July 15, 2023", "2023-07-15", "2023-07-15", "day"),
        ("since August 2023", "2023-08-01", "2024-10-22", "month"),
        ("in 2022", "2022-01-01", "2022-12-31", "year"),
        ("earlier this week", "2024-10-21", "2024-10-22", "week"),
        ("yesterday", "2024-10-21", "2024-10-21", "day"),
        ("two days ago", "2024-10-20", "2024-10-20", "day"),
        ("last year", "2023-01-01", "2023-12-31", "year"),
        ("1/12/2014", "2014-01-12", "2014-01-12", "day"),
    ],
)
def test_resolve_time(text: str, low: str, high: str, precision: str) -> None:
    t = resolve_text(text, PUB)
    assert t is not None
    assert (t.low, t.high, t.precision) == (
        dt.date.fromisoformat(low), dt.date.fromisoformat(high), precision,
    )  # fmt: skip


def test_future_context_picks_the_next_month_and_weekday() -> None:
    jan = resolve_text("in January", dt.date(2024, 11, 27), future=True)
    assert jan is not None and jan.low == dt.date(2025, 1, 1)
    fri = resolve_text("Friday", PUB, future=True)
    assert fri is not None and fri.low == dt.date(2024, 10, 25)


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("last week", "week"), ("Wednesday", "day"), ("this month", "month"),
        ("Nov. 7", "day"), ("in June", "month"), ("late October", "month"),
        ("two days ago", "day"), ("yesterday", "day"), ("earlier this week", "week"),
    ],
)  # fmt: skip
def test_no_publication_date_keeps_relative_expressions_unresolved(
    text: str, precision: str
) -> None:
    t = resolve_text(text, None)
    assert t is not None and t.low is None and t.high is None and t.precision == precision


@pytest.mark.parametrize(
    ("text", "low", "high", "precision"),
    [
        ("August 2021", "2021-08-01", "2021-08-31", "month"),
        ("in 1997", "1997-01-01", "1997-12-31", "year"),
        ("July 15, 2023", "2023-07-15", "2023-07-15", "day"),
        ("Nov. 7, 2024", "2024-11-07", "2024-11-07", "day"),
        ("3 March 2019", "2019-03-03", "2019-03-03", "day"),
        ("late October 2020", "2020-10-21", "2020-10-31", "month"),
        ("2016-05-04", "2016-05-04", "2016-05-04", "day"),
        ("1/12/2014", "2014-01-12", "2014-01-12", "day"),
    ],
)
def test_absolute_dates_resolve_without_a_publication_date(
    text: str, low: str, high: str, precision: str
) -> None:
    t = resolve_text(text, None)
    assert t is not None
    assert (t.low, t.high, t.precision) == (
        dt.date.fromisoformat(low), dt.date.fromisoformat(high), precision,
    )  # fmt: skip


def test_since_an_absolute_date_stays_open_without_a_publication_date() -> None:
    t = resolve_text("since August 2023", None)
    assert t is not None and (t.low, t.high) == (dt.date(2023, 8, 1), None)


@pytest.mark.parametrize("text", ["soldiers", "the", "may"])
def test_not_a_time(text: str) -> None:
    assert resolve_text(text, PUB) is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kim Yong Hyun", "Kim Yong-hyeon"), ("Kim Yong-hyun", "Kim Yong Hyun"),
        ("Shin Wonsik", "Shin Won-sik"), ("Yoon Suk-yeol", "Yoon Suk Yeol"),
        ("Volodymyr Zelenskyy", "Volodymyr Zelensky"), ("President Yoon Suk Yeol", "Yoon Suk Yeol"),
    ],
)  # fmt: skip
def test_spelling_variants_share_a_key(a: str, b: str) -> None:
    assert person_key(a) == person_key(b)


def test_different_people_keep_different_keys() -> None:
    assert person_key("Kim Jong Un") != person_key("Kim Yong Hyun")


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz -ABCDEFGHIJKLMNOPQRSTUVWXYZ", max_size=30))
def test_name_keys_are_idempotent(name: str) -> None:
    for tok in name_tokens(name):
        assert roman_key(roman_key(tok)) == roman_key(tok)
    key = person_key(name)
    assert person_key(key) == key


@pytest.mark.parametrize(
    ("text", "code"),
    [("U.S.", "US"), ("S. Korea", "KR"), ("North Korean", "KP"), ("Ukrainian", "UA"),
     ("Russia", "RU"), ("N. Korea", "KP"), ("the United States", "US")],
)  # fmt: skip
def test_country_aliases_and_demonyms(text: str, code: str) -> None:
    assert country_of(text) == code


def test_capitals_and_cities() -> None:
    assert capital_country("Pyongyang") == "KP"
    assert capital_country("Kyiv") == "UA"
    assert capital_country("Washington") == "US"
    seoul = lookup("Seoul")
    assert seoul is not None and seoul.country == "KR" and seoul.kind == "city"
    kursk = lookup("Kursk")
    assert kursk is not None and kursk.country == "RU"


# ------------------------------------------------------------------ slow: with spaCy


def _doc(text: str, published: dt.date | None) -> Document:
    return Document(
        "t", "t.txt", text, hashlib.sha256(text.encode()).hexdigest(), published=published
    )


_WORDS = st.sampled_from(
    "the North Korea sent more than 10,000 troops to Russia last week said Tuesday "
    'in 2022 Kim Yong-hyun about some 3 to 5 “ ” " ? ; , . allegedly denied not '
    "nearly three-year $5 million 155mm Nov. 7 since August 2023 . \n".split(" ")
)


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(_WORDS, st.text(max_size=8)), max_size=40).map(" ".join),
    st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))),
)
def test_extraction_never_raises_and_keeps_offsets(
    nlp: Language, text: str, published: dt.date | None
) -> None:
    from checker.extract import canonicalise, extract
    from checker.segment import parse

    doc = _doc(text, published)
    (parsed,) = parse([doc], nlp)
    claims = extract(parsed)
    out, entities = canonicalise(claims, [doc])
    assert len(out) == len(claims)
    for c in out:
        assert text[c.start : c.end] == c.text
        for slot in (*c.quantities, *c.times, *c.places, *c.mentions):
            assert text[slot.start : slot.end] == slot.text
        for q in c.quantities:
            assert q.low is None or q.high is None or q.low <= q.high
        for t in c.times:
            # without a publication date only absolute dates (with a year) resolve
            assert published is not None or t.low is None or any(ch.isdigit() for ch in t.text)
            assert t.low is None or t.high is None or t.low <= t.high
    assert {m.entity for c in out for m in c.mentions} <= {e.id for e in entities}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("The governor may veto the bill on Friday.", dt.date(2025, 3, 7)),
        ("The governor said he would veto the bill on Friday.", dt.date(2025, 3, 7)),
        # a possibility in the perfect judges a past event, like the plain past
        ("The governor may have vetoed the bill on Friday.", dt.date(2025, 2, 28)),
        ("The governor might have vetoed the bill on Friday.", dt.date(2025, 2, 28)),
        ("The governor vetoed the bill on Friday.", dt.date(2025, 2, 28)),
    ],
)
def test_a_weekday_is_resolved_by_the_tense_of_its_clause(nlp: Language, sentence: str,
                                                         day: dt.date) -> None:
    from checker.extract.times import find_times

    (sent,) = nlp(sentence).sents
    (t,) = find_times(sent, 0, dt.date(2025, 3, 3))  # published on a Monday
    assert t.low == t.high == day
