"""A claim that leaves an action open ("may have vetoed", "could still take
place", "reportedly resigned") against one that rules it out ("did not
veto", "will not take place") differs in commitment: ``disputed``. Only when
both put the action at one time, the hedge leaves the fact open without
leaning against it, and the two are not two other sources on opposite
sides. Sentences written for these tests; the pairs run through the whole
extractor, the two-dates case is built by hand."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from checker.compare import compare_pairs_file
from checker.compare.comparators.negation import negation
from checker.compare.registry import PairContext
from checker.config import Config
from tests.pairs import pair_verdicts
from tests.test_compare import NOV27, claim, when

PAIRS = [
    # (a, b, verdict)
    ("The governor may have vetoed the bill on Friday.",
     "The governor did not veto the bill on Friday.", "disputed"),
    ("The parade could still take place next Sunday.",
     "The parade will not take place next Sunday.", "disputed"),
    ("The mayor reportedly resigned on Monday.",
     "The mayor did not resign on Monday.", "disputed"),
    ("The factory might close in March.",
     "The factory will not close in March.", "disputed"),
    # two times: a possibility ahead, a negation of what has happened so far
    ("The talks could resume next week.", "The talks have not resumed.", "unrelated"),
    ("The ferry may have sailed to the island.", "The ferry will not sail to the island.",
     "unrelated"),
    # a hedge that leans against the fact, and a condition
    ("The mayor is unlikely to resign.", "The mayor will not resign.", "unrelated"),
    ("The bridge could reopen if the inspection goes well.", "The bridge will not reopen.",
     "unrelated"),
    # a possibility that did not come about agrees with its negation
    ("The team could have won the final.", "The team did not win the final.", "unrelated"),
    # two sources quoted on opposite sides: both outlets may report both
    ("The festival may be cancelled this year, organisers said.",
     "The festival will not be cancelled this year, the council said.", "unrelated"),
    # control: a flat assertion against the negation is a conflict, as before
    ("The mayor resigned on Monday.", "The mayor did not resign on Monday.", "conflict"),
    # a copula's frame says how sure its clause is: possible, likely (open),
    # unlikely (leaning against), true (stated)
    ("It is possible that the plane was shot down over the lake on Friday.",
     "The plane was not shot down over the lake on Friday.", "disputed"),
    ("It is likely that the ferry docked at the harbour.",
     "The ferry did not dock at the harbour.", "disputed"),
    ("It is unlikely that the ferry docked at the harbour.",
     "The ferry did not dock at the harbour.", "unrelated"),
    ("It is true that the ferry docked at the harbour.",
     "The ferry did not dock at the harbour.", "conflict"),
]


@pytest.mark.slow
def test_an_irregular_form_of_the_main_verb_is_the_same_action(tmp_path: Path) -> None:
    got = pair_verdicts([("The ferry sank near the harbour on Monday.",
                          "The ferry did not sink near the harbour on Monday."),
                         ("The patient underwent surgery on Monday.",
                          "The patient did not undergo surgery on Monday.")], tmp_path)
    assert got == ["conflict", "conflict"]


@pytest.mark.slow
def test_a_fact_left_open_against_one_ruled_out(tmp_path: Path) -> None:
    got = pair_verdicts([(a, b) for a, b, _ in PAIRS], tmp_path)
    assert got == [v for _, _, v in PAIRS]


@pytest.mark.slow
def test_a_later_negation_of_an_open_fact_is_an_update(tmp_path: Path) -> None:
    path = tmp_path / "pairs.jsonl"
    path.write_text(json.dumps({"a": "The governor may have vetoed the harbour bill.",
                                "b": "The governor did not veto the harbour bill.",
                                "published_a": "2025-03-01", "published_b": "2025-03-20"}) + "\n",
                    encoding="utf-8")
    (got,) = compare_pairs_file(path, Config(cache_dir=tmp_path))
    assert got.verdict == "update"


@pytest.mark.parametrize(("month", "verdict"), [("March", "disputed"), ("January", None)])
def test_an_open_fact_and_a_ruled_out_one_at_two_dates_are_two_facts(month: str,
                                                                     verdict: str | None) -> None:
    ta = "The toll could take effect in March"
    tb = f"The toll will not take effect in {month}"
    march = (dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    dates = march if month == "March" else (dt.date(2026, 1, 1), dt.date(2026, 1, 31))
    a = claim(ta, "d1", predicate="take", certainty="possible",
              times=(when(ta, "March", *march, precision="month"),))
    b = claim(tb, "d2", predicate="take", certainty="negated", negated=True,
              times=(when(tb, month, *dates, precision="month"),))
    ctx = PairContext(published_a=NOV27, published_b=NOV27, similarity=0.8, match=0.8)
    got = negation(a, b, ctx)
    assert (got.verdict if got else None) == verdict
