"""The GVA extraction scorer (bench/eval_extraction.py) assigns each count one
harm kind from the harm word nearest to it, and judges gold counts strictly.

Claims and quantities are built by hand from sentences written for the test."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from checker.model import Claim, Quantity

BENCH = Path(__file__).resolve().parent.parent / "bench" / "eval_extraction.py"


@pytest.fixture(scope="module")
def ev() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_extraction", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _claim(text: str, *counts: tuple[str, float, str | None]) -> Claim:
    """A claim over ``text`` with a count for each (word, value, thing) in order."""
    qs, pos = [], 0
    for word, value, thing in counts:
        start = text.index(word, pos)
        pos = start + len(word)
        qs.append(Quantity(start, pos, word, value, value, value, None, thing))
    return Claim("d:0", "d", 0, 0, len(text), text, quantities=tuple(qs))


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        ("Police said two people were killed.", "two", "killed"),
        ("The gunman killed two and wounded three.", "two", "killed"),
        ("The gunman killed two and wounded three.", "three", "injured"),
        ("One person died and four others were hurt.", "four", "injured"),
        ("He was killed, and two others were wounded.", "two", "injured"),
        ("A man was shot and killed Sunday.", "A", "killed"),
        ("A man was shot in the chest and died at the scene.", "A", "killed"),
        ("Two men were shot on Main Street.", "Two", "shot"),
        ("A boy who was shot on the porch Friday has died.", "A", "killed"),
        ("The boy was taken to a hospital, where he died.", "The", "killed"),
        ("Two were taken to a hospital with minor injuries.", "Two", "injured"),
        ("Three others suffered non-fatal wounds.", "Three", "injured"),
        ("One of the wounded has died.", "One", "killed"),
        ("Two men were arrested in the shooting death of a teen.", "Two", None),
        ("He was shot 3 times.", "3", None),
        ("Two children were home but were not injured.", "Two", None),
        ("Another victim, a woman, was also injured.", "Another", "injured"),
        ("Two victims were taken to a local hospital.", "Two", "injured"),
        ("He opened fire, killing one and wounding two.", "two", "injured"),
    ],
)
def test_harm_kind_comes_from_the_nearest_harm_word(
    ev: ModuleType, text: str, word: str, kind: str | None
) -> None:
    things = {"One": "wounded", "3": "times"}
    claim = _claim(text, (word, 1, things.get(word)))
    assert ev.harm_kind(claim, claim.quantities[0]) == kind


def test_a_measure_is_never_a_harm_count(ev: ModuleType) -> None:
    text = "A 17-year-old was shot."
    q = Quantity(2, 9, "17-year", 17, 17, 17, "year")
    claim = Claim("d:0", "d", 0, 0, len(text), text, quantities=(q,))
    assert ev.harm_kind(claim, q) is None


def _judge(ev: ModuleType, killed: int, injured: int, *claims: Claim) -> dict[str, bool]:
    result: dict[str, bool] = ev.judge(
        {"num_killed": killed, "num_injured": injured}, ev.counts(list(claims))
    )
    return result


def test_found_means_equal_not_merely_within_an_open_interval(ev: ModuleType) -> None:
    text = "At least three people were hurt."
    q = Quantity(0, 14, "At least three", 3, 3, None, None, "people")
    claim = Claim("d:0", "d", 0, 0, len(text), text, quantities=(q,))
    assert _judge(ev, 0, 3, claim)["injured"]
    assert not _judge(ev, 0, 5, claim)["injured"]


def test_shot_count_is_the_injured_count_only_when_nobody_died(ev: ModuleType) -> None:
    shot = _claim("Two men were shot on Main Street.", ("Two", 2, "men"))
    assert _judge(ev, 0, 2, shot) == {"killed": True, "injured": True}
    assert _judge(ev, 1, 2, shot)["injured"] is False
    # gold 0 injured: a shot count above the killed count states injuries
    assert _judge(ev, 0, 0, shot)["injured"] is False
    assert _judge(ev, 2, 0, shot)["injured"] is True


def test_gold_zero_is_right_when_no_nonzero_count_of_that_kind(ev: ModuleType) -> None:
    claim = _claim("One man was killed on Friday.", ("One", 1, "man"))
    assert _judge(ev, 1, 0, claim) == {"killed": True, "injured": True}
    assert _judge(ev, 0, 0, claim) == {"killed": False, "injured": True}
