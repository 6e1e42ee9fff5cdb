"""Stories from the event clustering: ids, labels, dates, and findings'
story; and on the seeds, end to end."""

from __future__ import annotations

import datetime as dt
import hashlib

import numpy as np
import pytest

from checker import stories
from checker.model import Claim, Document, Finding


def _doc(id: str, title: str | None, published: dt.date | None, outlet: str = "X") -> Document:
    text = f"{title or 'Untitled'}\nBody of {id}."
    return Document(id=id, path=f"{id}.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                    outlet=outlet, published=published, title=title)


def _claim(doc: Document, k: int = 0) -> Claim:
    s = doc.text.index("Body")
    return Claim(id=f"{doc.id}:{k}", doc=doc.id, sentence=k, start=s, end=len(doc.text),
                 text=doc.text[s:])


D = dt.date


def test_build_groups_by_cluster_with_central_title_and_dates() -> None:
    docs = [
        _doc("a", "Fire at the mill - Harbor Herald", D(2020, 5, 2), outlet="Harbor Herald"),
        _doc("b", "Mill fire: the full story", D(2020, 5, 1)),
        _doc("c", "Budget vote delayed", None),
        _doc("d", "Mill blaze spreads", D(2020, 5, 4)),
    ]
    claims = [_claim(d) for d in docs]
    # b lies between a and d: it is the most central of the mill story
    vectors = np.array([[1, 0, 0], [0.8, 0.6, 0], [0, 0, 1], [0.6, 0.8, 0]], dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    out = stories.build(docs, claims, vectors, [0, 0, 1, 0])
    assert [s.documents for s in out] == [("a", "b", "d"), ("c",)]
    mill, budget = out
    assert mill.label == "Mill fire: the full story"
    assert (mill.first_published, mill.last_published) == (D(2020, 5, 1), D(2020, 5, 4))
    assert (budget.first_published, budget.last_published) == (None, None)
    assert budget.label == "Budget vote delayed"
    # the id depends on the members only, not on their order or the batch's
    assert mill.id == stories.story_id(["d", "b", "a"])
    again = stories.build(docs[::-1], claims[::-1], vectors[::-1], [0, 1, 0, 0])
    assert {s.id for s in again} == {mill.id, budget.id}


def test_label_drops_the_outlet_and_is_short() -> None:
    doc = _doc("a", "Fire at the mill - Harbor Herald", None, outlet="Harbor Herald")
    assert stories.build([doc], [], np.zeros((0, 3), dtype=np.float32), [0])[0].label == "Fire at the mill"
    long = _doc("b", "word " * 40, None)
    label = stories.single([long])[0].label
    assert len(label) <= stories.LABEL_CHARS and label.endswith("…")
    untitled = _doc("c", None, None)
    assert stories.single([untitled])[0].label == "Untitled"  # the first line of text
    assert stories.single([]) == ()


def test_assign_sets_the_story_of_each_finding() -> None:
    docs = [_doc("a", "A", None), _doc("b", "B", None), _doc("c", "C", None)]
    out = stories.build(docs, [], np.zeros((0, 3), dtype=np.float32), [0, 0, 1])
    f = Finding(id="f1", verdict="conflict", kind="number", claims=("a:0", "b:0"), docs=("a", "b"),
                comparator="quantity.v1", score=0.9, rationale="r")
    u = Finding(id="f2", verdict="unique", kind=None, claims=("c:0",), docs=("c",),
                comparator="coverage.v1", score=1.0, rationale="r")
    assert [x.story for x in stories.assign([f, u], out)] == [out[0].id, out[1].id]


@pytest.mark.slow
def test_seeds_are_one_story_and_every_finding_names_it(seed_batch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    from checker import pipeline
    from checker.config import Config

    analysis = pipeline.analyse(seed_batch.documents, Config(cache_dir=Path(tmp_path)))
    (story,) = analysis.report.stories
    assert set(story.documents) == {d.id for d in seed_batch.documents}
    assert story.first_published == D(2024, 10, 22) and story.last_published == D(2024, 11, 27)
    assert {f.story for f in analysis.report.findings} == {story.id}
    assert "North Korea" in story.label or "troops" in story.label
