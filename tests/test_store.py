"""The claim store on hand-made records (no models): round trips, known and
revised articles, model changes, schema versions, crashes and concurrency."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from checker import store
from checker.errors import StoreError
from checker.model import Claim, Document, Finding, Mention, Report
from checker.pipeline import Analysis, Prior, Timings

TESTS = Path(__file__).parent
ROOT = TESTS.parent
MODEL = "fake:4"


def make_doc(id: str, text: str, **kw: object) -> Document:
    return Document(
        id=id, path=f"articles/{id}.txt", text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(), **kw,  # type: ignore[arg-type]
    )


def local_claims(doc: Document) -> tuple[Claim, ...]:
    """One doc-local claim per line, with its first word as a mention."""
    out = []
    start = 0
    for k, line in enumerate(doc.text.split("\n")):
        word = line.split(" ")[0]
        out.append(
            Claim(
                id=f"{doc.id}:{k}", doc=doc.id, sentence=k, start=start,
                end=start + len(line), text=line,
                mentions=(Mention(start, start + len(word), word, "ORG"),),
            )
        )
        start += len(line) + 1
    return tuple(out)


def canonical(claims: Sequence[Claim]) -> tuple[Claim, ...]:
    """What canonicalisation does to a claim: fills the entity ids."""
    return tuple(
        dataclasses.replace(
            c, mentions=tuple(dataclasses.replace(m, entity=f"org:{m.text.lower()}")
                              for m in c.mentions),
        )
        for c in claims
    )


def vector_of(text: str, dim: int = 4) -> np.ndarray:
    h = hashlib.sha256(text.encode()).digest()
    v = np.frombuffer(h[: dim * 4], dtype=np.uint32).astype(np.float32) + 1
    return (v / np.linalg.norm(v)).astype(np.float32)


def analysis_for(
    prior: Prior, new: Sequence[Document], findings: Sequence[Finding] = (), model: str = MODEL
) -> Analysis:
    """The Analysis that pipeline.analyse would hand the store (minus matching)."""
    new_claims = [c for d in new for c in local_claims(d)]
    claims = canonical([*prior.claims, *new_claims])
    fresh = np.array([vector_of(c.text) for c in new_claims], dtype=np.float32).reshape(-1, 4)
    vectors = np.vstack([prior.vectors, fresh]) if len(prior.vectors) else fresh
    report = Report(
        documents=(*prior.documents, *new), claims=claims, entities=(),
        findings=tuple(findings), config={"model": model},
    )
    return Analysis(report, vectors, Timings())


def conflict(a: str, b: str, fid: str = "f-1") -> Finding:
    return Finding(
        id=fid, verdict="conflict", kind="number", claims=(a, b),
        docs=(a.split(":")[0], b.split(":")[0]), comparator="quantity.v1", score=0.9,
        rationale="'10,000' vs '1,500'", group="g1",
    )


A = make_doc(
    "a", "Officials said 10,000 troops arrived.\nThe border stayed closed.",
    outlet="Wire A", published=dt.date(2024, 11, 27), title="Troops arrive",
    url="https://a.invalid/x", byline="Kim", boilerplate=((0, 3),),
)
B = make_doc("b", "Reports said 1,500 troops arrived.", outlet="Paper B", copy_of=None)
C = make_doc("c", "Some 10,000 troops are in Russia.", published=dt.date(2024, 10, 22))


def run(path: Path, batch: Sequence[Document], findings: Sequence[Finding] = ()) -> Analysis:
    """One CI run as pipeline.run_check does it."""
    with store.open_store(path) as db:
        new = db.new_documents(batch)
        prior = db.prior(exclude=new, model=MODEL)
        analysis = analysis_for(prior, new, findings)
        db.add(analysis, new=new)
    return analysis


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "claims.db"


# ------------------------------------------------------------------ round trip


def test_a_new_store_is_empty(db_path: Path) -> None:
    with store.open_store(db_path) as db:
        prior = db.prior(exclude=(), model=MODEL)
    assert prior.documents == () and prior.claims == ()
    assert prior.vectors.shape[0] == 0
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
    conn.close()


def test_documents_claims_and_vectors_round_trip(db_path: Path) -> None:
    analysis = run(db_path, [A, B], [conflict("a:0", "b:0")])
    with store.open_store(db_path) as db:
        prior = db.prior(exclude=(), model=MODEL)
        assert db.findings() == (conflict("a:0", "b:0"),)
        assert db.models() == (MODEL,)
    assert prior.documents == (A, B)  # every Document field, in the order added
    # Claims come back doc-local (entity ids blanked) so they can be canonicalised again.
    assert prior.claims == (*local_claims(A), *local_claims(B))
    assert all(m.entity == "" for c in prior.claims for m in c.mentions)
    assert any(m.entity for c in analysis.report.claims for m in c.mentions)
    np.testing.assert_array_equal(prior.vectors, analysis.vectors)
    assert prior.vectors.dtype == np.float32


def test_a_second_batch_is_compared_with_the_stored_one(db_path: Path) -> None:
    run(db_path, [A])
    with store.open_store(db_path) as db:
        new = db.new_documents([A, C])
        prior = db.prior(exclude=new, model=MODEL)
        assert new == (C,)
        assert prior.documents == (A,)
        db.add(analysis_for(prior, new, [conflict("c:0", "a:0", "f-2")]), new=new)
        assert [d.id for d in db.documents()] == ["a", "c"]
        assert [f.id for f in db.findings()] == ["f-2"]


def test_readding_a_stored_article_changes_nothing(db_path: Path) -> None:
    run(db_path, [A, B], [conflict("a:0", "b:0")])
    before = dump(db_path)
    with store.open_store(db_path) as db:
        assert db.new_documents([B, A]) == ()
    run(db_path, [B, A])
    # Same text under another file name is the same article too.
    run(db_path, [dataclasses.replace(A, id="a-copy", path="elsewhere/a-copy.txt")])
    assert dump(db_path) == before


def test_exact_copies_within_a_batch_are_stored_once(db_path: Path) -> None:
    twin = dataclasses.replace(B, id="b2", path="articles/b2.txt")
    run(db_path, [B, twin])
    with store.open_store(db_path) as db:
        assert [d.id for d in db.documents()] == ["b"]


def test_a_revised_article_replaces_the_stored_text(db_path: Path) -> None:
    run(db_path, [A, B])
    revised = make_doc("a", "Officials said 12,000 troops arrived.")
    with store.open_store(db_path) as db:
        new = db.new_documents([revised, B])
        prior = db.prior(exclude=new, model=MODEL)
        assert new == (revised,)
        assert [d.id for d in prior.documents] == ["b"]  # the old text is not compared with
        db.add(analysis_for(prior, new), new=new)
        after = db.prior(exclude=(), model=MODEL)
    assert after.documents == (B, revised)
    assert [c.text for c in after.claims] == [
        "Reports said 1,500 troops arrived.", "Officials said 12,000 troops arrived.",
    ]
    assert len(after.vectors) == 2


# ------------------------------------------------------------------ models


def test_vectors_of_another_model_are_refused_with_a_message(db_path: Path) -> None:
    run(db_path, [A])
    with store.open_store(db_path) as db, pytest.raises(StoreError) as err:
        db.prior(exclude=(), model="other-model")
    assert str(err.value) == (
        f"the claim store {db_path} has no vectors for model 'other-model' (it has: fake:4); "
        "run with --model set to one of those, or use a new --store file"
    )


def test_vectors_of_another_model_are_re_embedded_and_kept(db_path: Path) -> None:
    run(db_path, [A])
    seen: list[list[str]] = []

    def embed(texts: list[str]) -> np.ndarray:
        seen.append(texts)
        return np.ones((len(texts), 3), dtype=np.float32) / np.sqrt(3)

    with store.open_store(db_path) as db:
        prior = db.prior(exclude=(), model="other", embed=embed)
        assert prior.vectors.shape == (2, 3)
        assert seen == [[c.text for c in local_claims(A)]]
        report = Report((A,), canonical(prior.claims), (), (), config={"model": "other"})
        db.add(Analysis(report, prior.vectors, Timings()), new=())
        assert db.models() == ("fake:4", "other")
    with store.open_store(db_path) as db:
        db.prior(exclude=(), model="other")  # no embed needed any more


# ------------------------------------------------------------------ files and versions


def test_a_file_that_is_not_sqlite_is_refused(db_path: Path) -> None:
    db_path.write_text("these are my notes, not a database\n" * 20)
    with pytest.raises(StoreError, match=r"is not a claimcheck claim store \(file is not a "
                       r"database\); give --store a new file name"), store.open_store(db_path):
        pass
    assert db_path.read_text().startswith("these are my notes")


def test_another_apps_sqlite_database_is_refused(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError) as err, store.open_store(db_path):
        pass
    assert str(err.value) == (
        f"{db_path} is a SQLite database but not a claimcheck claim store; "
        "give --store a new file name"
    )


def _set_version(path: Path, version: int) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()


def test_a_newer_schema_is_refused(db_path: Path) -> None:
    run(db_path, [A])
    _set_version(db_path, store.SCHEMA_VERSION + 1)
    with pytest.raises(StoreError) as err, store.open_store(db_path):
        pass
    assert str(err.value) == (
        f"the claim store {db_path} has schema version 2, made by a newer claimcheck "
        "(this one reads version 1); upgrade claimcheck or use a new --store file"
    )


def test_an_older_schema_without_migration_is_refused(db_path: Path) -> None:
    run(db_path, [A])
    _set_version(db_path, 0)
    with pytest.raises(StoreError, match=r"has schema version 0, which this claimcheck cannot "
                       r"migrate to version 1; rebuild it"), store.open_store(db_path):
        pass


def test_an_older_schema_is_migrated(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run(db_path, [A])
    calls: list[int] = []

    def add_notes(conn: sqlite3.Connection) -> None:
        calls.append(1)
        conn.execute("ALTER TABLE documents ADD COLUMN note TEXT")

    monkeypatch.setattr(store, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(store, "MIGRATIONS", {1: add_notes})
    with store.open_store(db_path) as db:
        assert db.documents() == (A,)
    with store.open_store(db_path) as db:  # migrated once, not again
        assert db.documents() == (A,)
    assert calls == [1]
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    conn.close()


def test_a_folder_or_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder; give a file name"), \
            store.open_store(tmp_path):
        pass
    with pytest.raises(StoreError, match="does not exist; create it first"), \
            store.open_store(tmp_path / "no" / "claims.db"):
        pass


# ------------------------------------------------------------------ crashes and locks


def test_an_error_mid_transaction_leaves_the_store_unchanged(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(db_path, [A])
    before = dump(db_path)
    inserted: list[str] = []
    original = store.ClaimStore._insert_document

    def failing_insert(self: store.ClaimStore, doc: Document, run_id: int) -> int:
        if inserted:
            raise RuntimeError("disk on fire")
        inserted.append(doc.id)
        return original(self, doc, run_id)

    monkeypatch.setattr(store.ClaimStore, "_insert_document", failing_insert)
    with pytest.raises(RuntimeError, match="disk on fire"):
        run(db_path, [B, C], [conflict("b:0", "c:0")])
    assert inserted == ["b"]
    assert dump(db_path) == before


_CHILD = """
import os, signal, sys, time
sys.path[:0] = [{tests!r}, {root!r}]
from test_store import run, make_doc, B, C
from checker import store

mode = sys.argv[1]
if mode == "kill":
    original = store.ClaimStore._insert_document
    def insert_then_die(self, doc, run_id):
        seq = original(self, doc, run_id)
        if doc.id == "c":
            os.kill(os.getpid(), signal.SIGKILL)
        return seq
    store.ClaimStore._insert_document = insert_then_die
    run(sys.argv[2], [B, C])
else:
    text = f"Writer {{mode}} says {{len(mode) * 1000}} troops arrived.\\nIt was cold."
    original_add = store.ClaimStore.add
    def slow_add(self, analysis, new):
        time.sleep(0.3)  # hold the lock a while so the runs overlap
        original_add(self, analysis, new)
    store.ClaimStore.add = slow_add
    try:
        run(sys.argv[2], [make_doc(mode, text)])
    except store.StoreError as e:
        print(e)
        sys.exit(2)
"""


def _child(*args: str) -> subprocess.Popen[str]:
    code = textwrap.dedent(_CHILD).format(tests=str(TESTS), root=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env={**os.environ, "PYTHONWARNINGS": "error"},
    )


def test_a_run_killed_mid_write_leaves_the_store_as_it_was(db_path: Path) -> None:
    run(db_path, [A])
    before = dump(db_path)
    child = _child("kill", str(db_path))
    _out, err = child.communicate(timeout=60)
    assert child.returncode == -9, err
    with store.open_store(db_path) as db:
        assert db.documents() == (A,)
        assert db._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert dump(db_path) == before


def test_concurrent_writers_both_land(db_path: Path) -> None:
    run(db_path, [A])
    children = [_child(name, str(db_path)) for name in ("w1", "w22")]
    results = [c.communicate(timeout=60) for c in children]
    for c, (out, err) in zip(children, results, strict=True):
        # Each either lands or gives the locked message; with a 10 s wait both land.
        assert c.returncode == 0 or "is locked by another run" in out, (out, err)
    with store.open_store(db_path) as db:
        ids = [d.id for d in db.documents()]
        assert db._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        prior = db.prior(exclude=(), model=MODEL)
    assert ids[0] == "a" and sorted(ids[1:]) == ["w1", "w22"]
    assert len(prior.claims) == len(prior.vectors) == 6


def test_a_second_run_gets_the_locked_message(db_path: Path) -> None:
    run(db_path, [A])
    with store.open_store(db_path) as first:
        first.prior(exclude=(), model=MODEL)  # holds the write lock until add() or close
        with store.open_store(db_path, timeout=0.05) as second:
            with pytest.raises(StoreError) as err:
                second.prior(exclude=(), model=MODEL)
            assert str(err.value) == (
                f"the claim store {db_path} is locked by another run; retry when it finishes"
            )
            assert second.documents() == (A,)  # readers are not blocked (WAL)
    with store.open_store(db_path, timeout=0.05) as third:  # released on close
        third.prior(exclude=(), model=MODEL)


# ------------------------------------------------------------- the batch's report


def test_the_report_of_a_run_lists_the_batch_and_the_stored_articles_findings_name(
    db_path: Path,
) -> None:
    from checker.model import Entity, StoreCounts, Story
    from checker.report import html, json_report, markdown

    run(db_path, [A, B])
    with store.open_store(db_path) as db:
        new = db.new_documents([A, C])  # A is known, C is new
        prior = db.prior(exclude=new, model=MODEL)
        analysis = analysis_for(prior, new, [conflict("c:0", "a:0")])
        entities = (
            Entity("e1", "troops", "NORP", ("troops",), ("a", "b", "c")),
            Entity("e2", "border", "LOC", ("border",), ("b",)),
        )
        stories = (
            # as if b, which the report leaves out, were the earliest
            Story("s1", "Troops", ("a", "b", "c"), dt.date(2024, 1, 1), dt.date(2024, 11, 27)),
        )
        full = dataclasses.replace(analysis.report, entities=entities, stories=stories)
        db.add(dataclasses.replace(analysis, report=full), new=new)
        report = store.batch_report(full, new, known=1, stored=db.count())
    assert [d.id for d in new] == ["c"]
    assert [d.id for d in report.documents] == ["a", "c"]  # b is stored, named by no finding
    assert {c.doc for c in report.claims} == {"a", "c"}
    assert [(e.id, e.docs) for e in report.entities] == [("e1", ("a", "c"))]
    assert report.stories == (
        Story("s1", "Troops", ("a", "c"), dt.date(2024, 10, 22), dt.date(2024, 11, 27)),
    )
    assert report.findings == full.findings
    assert report.store == StoreCounts(new=1, known=1, stored=3)
    data = json_report.report_dict(report)
    assert data["summary"]["documents"] == 2
    assert data["summary"]["store"] == {"new": 1, "known": 1, "stored": 3}
    assert "Claim store: 1 new in this batch, 1 already stored; 3 in the store" in (
        markdown.render(report)
    )
    assert '<span class="store">1 new in this batch, 1 already stored; 3 in the store' in (
        html.render(report)
    )
