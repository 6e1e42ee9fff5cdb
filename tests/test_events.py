"""Stories: recurring names do not join stories, one loose link does not
chain them, the publication gap counts, wire copies stay with their original.
Articles written for these tests."""

from __future__ import annotations

import datetime as dt
import hashlib
import random

import numpy as np
import pytest

from checker import events
from checker.config import Config
from checker.model import Document

CONFIG = Config(model="fake")
DAY = dt.date(2024, 5, 14)
NO_VECTORS = np.zeros((0, 8), dtype=np.float32)


def doc(doc_id: str, title: str, body: str, published: dt.date | None = DAY,
        copy_of: str | None = None) -> Document:
    text = f"{title}\n\n{body}"
    return Document(id=doc_id, path=f"{doc_id}.txt", text=text,
                    sha256=hashlib.sha256(text.encode()).hexdigest(), title=title,
                    published=published, outlet=doc_id.split("-")[1], copy_of=copy_of)


# Three stories of one day; every article names the president and Congress.
FARM = [
    doc("farm-wire", "President urges Congress to pass farm subsidy bill",
        "President Obama on Tuesday urged Congress to pass the farm subsidy bill before the "
        "harvest recess. Growers in Iowa and Nebraska say the subsidies keep grain elevators "
        "open. Congress has stalled the bill since March."),
    doc("farm-daily", "Obama presses lawmakers on grain subsidies",
        "Speaking in Des Moines, President Obama pressed Congress to approve subsidies for grain "
        "growers before the harvest recess. Nebraska growers backed the farm bill."),
]
ENVOY = [
    doc("envoy-wire", "Obama names Laura Finch envoy to Portugal",
        "President Obama on Tuesday named Laura Finch, a Lisbon trade lawyer, as ambassador to "
        "Portugal. Congress must confirm the posting; Finch speaks Portuguese."),
    doc("envoy-daily", "Lisbon lawyer picked as ambassador",
        "Laura Finch, a trade lawyer based in Lisbon, was chosen by President Obama as the next "
        "ambassador to Portugal. The Senate in Congress will hold a confirmation hearing."),
]
FIRE = [
    doc("fire-wire", "Obama signs wildfire relief for Colorado",
        "President Obama signed wildfire relief for Colorado counties on Tuesday after fires "
        "burned 40,000 acres near Durango. Congress passed the relief last week."),
    doc("fire-daily", "Durango fire victims to get federal relief",
        "Families who lost homes in the Durango wildfire will receive federal relief that "
        "President Obama signed on Tuesday. The fires in Colorado burned 40,000 acres."),
]


def stories(documents: list[Document]) -> list[tuple[str, ...]]:
    """Each story as the sorted story names (id prefixes) of its articles."""
    ev = events.event_clusters(documents, (), NO_VECTORS, CONFIG)
    out: dict[int, list[str]] = {}
    for d, c in zip(documents, ev.cluster, strict=True):
        out.setdefault(c, []).append(d.id.split("-")[0])
    return sorted(tuple(sorted(v)) for v in out.values())


def test_names_every_story_shares_do_not_join_stories() -> None:
    batch = [*FARM, *ENVOY, *FIRE]
    ev = events.event_clusters(batch, (), NO_VECTORS, CONFIG)
    assert ev.cluster == (0, 0, 1, 1, 2, 2)
    assert bool(ev.allowed[0, 1]) and not ev.allowed[0, 2] and not ev.allowed[2, 4]


def test_stories_do_not_depend_on_input_order() -> None:
    batch = [*FARM, *ENVOY, *FIRE]
    for seed in range(5):
        shuffled = batch[:]
        random.Random(seed).shuffle(shuffled)
        assert stories(shuffled) == [("envoy", "envoy"), ("farm", "farm"), ("fire", "fire")]


def test_one_loose_link_does_not_chain_two_stories() -> None:
    # a-b and c-d are stories; x shares a little with b and with c
    edges = {(0, 1): 0.5, (1, 2): 0.3, (2, 3): 0.3, (3, 4): 0.5}
    assert events.average_linkage(5, edges, 0.2) == [0, 0, 2, 3, 3]
    # single linkage (any pair above the threshold) would put all five together
    assert all(s >= 0.2 for s in edges.values())


def test_a_story_spans_at_most_max_span_days() -> None:
    edges = {(0, 1): 0.9, (1, 2): 0.9, (0, 2): 0.9}
    dates = [0, 10, 400]
    assert events.average_linkage(3, edges, 0.2, dates=dates, max_span=180) == [0, 0, 2]
    assert events.average_linkage(3, edges, 0.2) == [0, 0, 0]


@pytest.mark.parametrize(("gap", "sign"), [(0, 1), (1, 1), (5, 0), (30, -1), (120, -1)])
def test_publication_gap_is_evidence(gap: int, sign: int) -> None:
    term = events._date_term(DAY, DAY + dt.timedelta(days=gap), CONFIG)
    assert (term > 0) - (term < 0) == sign
    assert events._date_term(DAY, None, CONFIG) == 0.0


def test_far_apart_reports_of_one_topic_are_two_stories() -> None:
    later = [doc(d.id.replace("farm", "farm2"), d.title or "", d.text.split("\n\n", 1)[1],
                 published=DAY + dt.timedelta(days=250)) for d in FARM]
    assert stories([*FARM, *later, *ENVOY]) == [
        ("envoy", "envoy"), ("farm", "farm"), ("farm2", "farm2")
    ]


def test_wire_copy_stays_with_its_original() -> None:
    copy = doc("fire-copy", "Colorado news roundup", "Brief items from the state.",
               copy_of="fire-wire")
    batch = [*FARM, *ENVOY, *FIRE, copy]
    ev = events.event_clusters(batch, (), NO_VECTORS, CONFIG)
    assert ev.cluster[-1] == ev.cluster[4]
    assert ev.source[-1] == 4 and not ev.allowed[4, 6] and bool(ev.allowed[5, 6])


def test_scores_skip_pairs_with_no_shared_word_and_boilerplate() -> None:
    a = doc("a-x", "Bridge closes in Marlow", "The Marlow bridge closed for repairs.")
    b = doc("b-y", "Harvest starts early", "Farmers began the wheat harvest.")
    c = doc("c-z", "Marlow bridge repairs", "Repairs closed the Marlow bridge.")
    scores = events.story_scores([a, b, c], CONFIG)
    assert set(scores) == {(0, 2)}
    assert scores[(0, 2)] > 0.3


def test_a_small_batch_of_one_story_is_one_story() -> None:
    """Words every article of a small batch shares still count (IDF prior):
    three reports that share only the story's own words are one story."""
    batch = [
        doc("farm-a", "Farm subsidy bill passes before harvest recess",
            "Lawmakers passed the farm subsidy bill for grain growers before the harvest "
            "recess. Kansas ranchers cheered."),
        doc("farm-b", "Grain growers win farm subsidy bill",
            "The farm subsidy bill for grain growers cleared before the harvest recess. "
            "Elevator operators in Omaha welcomed it."),
        doc("farm-c", "Harvest recess deadline met on farm subsidy bill",
            "Grain growers got their farm subsidy bill ahead of the harvest recess. "
            "Senators approved it unanimously."),
    ]
    assert stories(batch) == [("farm", "farm", "farm")]
