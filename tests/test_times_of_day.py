"""time.v1 on times of day: one event put at clock times or parts of the
day hours apart ("at 9 a.m." / "on Tuesday afternoon"), read through the
real extractor as ``claimcheck compare --pairs`` reads pairs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pairs import pair_verdicts

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        ("The explosion happened at 9 a.m. on Tuesday.",
         "The explosion happened on Tuesday afternoon.", "conflict"),
        ("The man was shot Friday night.", "The man was shot Friday morning.", "conflict"),
        ("The man was shot at 11 p.m. on Friday.", "The man was shot at 3 a.m. on Friday.",
         "conflict"),
        # within the rounding of "around" and "shortly before": one time
        ("The shooting happened around 10:30 p.m. Friday.",
         "The shooting happened shortly before 11 p.m. Friday.", "agree"),
    ],
)
def test_times_of_day_of_one_event(a: str, b: str, verdict: str, tmp_path: Path) -> None:
    assert pair_verdicts([(a, b)], tmp_path) == [verdict]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the small hours end the night before: one time on two dates
        ("The man was shot late Friday night.", "The man was shot at 1 a.m. Saturday."),
        # a bound is no time of the event; two actions have two times
        ("The road was closed before 9 a.m. on Tuesday.",
         "The road was closed at noon on Tuesday."),
        ("Police were called at 9 p.m. on Friday.", "The man was shot at 11 p.m. on Friday."),
    ],
)
def test_times_of_day_that_do_not_clash(a: str, b: str, tmp_path: Path) -> None:
    assert pair_verdicts([(a, b)], tmp_path)[0] not in ("conflict", "update")


def test_a_later_report_of_another_time_of_day_is_an_update(tmp_path: Path) -> None:
    got = pair_verdicts([("The explosion happened at 9 a.m. on March 4.",
                          "The explosion happened in the afternoon on March 4.")],
                        tmp_path, published="2025-03-05", published_b="2025-03-14")
    assert got == ["update"]
