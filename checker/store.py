"""The claim store: a SQLite file that remembers every article a CI job has
checked, with its doc-local claims, their embeddings and the findings, so that
the next batch is compared with everything known and only new findings are
reported.

Rules (see docs/ci.md):

* An article is known by its sha256. An article whose sha256 is already stored
  is not new: :meth:`ClaimStore.new_documents` leaves it out, so re-adding it
  creates no findings and changes nothing in the store.
* An article whose *id* (file stem) is stored with different text is a
  revision: the new text replaces the stored one (:meth:`ClaimStore.prior`
  leaves the old text out and :meth:`ClaimStore.add` deletes it).
* A run holds the write lock from :meth:`ClaimStore.prior` until
  :meth:`ClaimStore.add` commits, in one transaction: a second run waits up to
  ``timeout`` seconds and then fails with a "locked" message, and a run killed
  halfway leaves the store as it was.
* Claims are stored doc-local (``Mention.entity == ""``) so entities can be
  canonicalised again over prior and new claims.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.analysis import Analysis, Prior
from checker.errors import StoreError
from checker.model import Claim, Document, Finding, Report, StoreCounts, from_dict, to_dict
from checker.version import __version__

if TYPE_CHECKING:
    import numpy as np


#: ``PRAGMA application_id``: marks a SQLite file as a claim store ("CCst").
APPLICATION_ID = 0x43437374
#: ``PRAGMA user_version``: the schema version this code reads and writes.
SCHEMA_VERSION = 1
DEFAULT_TIMEOUT = 10.0

#: Upgrades from an older schema version ``v`` to ``v + 1``, run in order inside
#: one transaction. Versions below the oldest key cannot be migrated.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {}

Embed = Callable[[list[str]], "np.ndarray"]

_SCHEMA = """
CREATE TABLE runs (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    tool      TEXT NOT NULL,
    model     TEXT NOT NULL,
    documents INTEGER NOT NULL,
    findings  INTEGER NOT NULL
);
CREATE TABLE documents (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    sha256      TEXT NOT NULL UNIQUE,
    path        TEXT NOT NULL,
    outlet      TEXT,
    published   TEXT,
    title       TEXT,
    url         TEXT,
    byline      TEXT,
    copy_of     TEXT,
    boilerplate TEXT NOT NULL,
    text        TEXT NOT NULL,
    run         INTEGER NOT NULL REFERENCES runs(id)
);
CREATE TABLE claims (
    doc   INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    idx   INTEGER NOT NULL,
    id    TEXT NOT NULL,
    text  TEXT NOT NULL,
    data  TEXT NOT NULL,
    PRIMARY KEY (doc, idx)
);
CREATE TABLE embeddings (
    doc    INTEGER NOT NULL,
    idx    INTEGER NOT NULL,
    model  TEXT NOT NULL,
    dim    INTEGER NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (doc, idx, model),
    FOREIGN KEY (doc, idx) REFERENCES claims(doc, idx) ON DELETE CASCADE
);
CREATE TABLE findings (
    id         TEXT PRIMARY KEY,
    verdict    TEXT NOT NULL,
    kind       TEXT,
    comparator TEXT NOT NULL,
    score      REAL NOT NULL,
    rationale  TEXT NOT NULL,
    claims     TEXT NOT NULL,
    docs       TEXT NOT NULL,
    grp        TEXT,
    run        INTEGER NOT NULL REFERENCES runs(id)
);
CREATE INDEX findings_run ON findings(run);
"""

_DOC_COLUMNS = (
    "id", "sha256", "path", "outlet", "published", "title", "url", "byline", "copy_of",
    "boilerplate", "text",
)


def _locked(path: Path) -> StoreError:
    return StoreError(f"the claim store {path} is locked by another run; retry when it finishes")


def _is_locked(e: sqlite3.OperationalError) -> bool:
    msg = str(e).lower()
    return "locked" in msg or "busy" in msg


class ClaimStore:
    """An open claim store; get one from :func:`open_store`."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path

    # ------------------------------------------------------------ reading

    def documents(self) -> tuple[Document, ...]:
        """Every stored document, in the order they were added."""
        cols = ", ".join(_DOC_COLUMNS)
        rows = self._conn.execute(f"SELECT {cols} FROM documents ORDER BY seq").fetchall()
        return tuple(_document(row) for row in rows)

    def count(self) -> int:
        """How many articles the store holds."""
        return int(self._conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])

    def findings(self) -> tuple[Finding, ...]:
        """Every stored finding, sorted by id."""
        rows = self._conn.execute(
            "SELECT id, verdict, kind, claims, docs, comparator, score, rationale, grp "
            "FROM findings ORDER BY id"
        ).fetchall()
        return tuple(
            Finding(
                id=r[0], verdict=r[1], kind=r[2], claims=tuple(json.loads(r[3])),
                docs=tuple(json.loads(r[4])), comparator=r[5], score=r[6], rationale=r[7],
                group=r[8],
            )
            for r in rows
        )

    def models(self) -> tuple[str, ...]:
        """The embedding models the stored vectors were made with."""
        rows = self._conn.execute("SELECT DISTINCT model FROM embeddings ORDER BY model")
        return tuple(r[0] for r in rows)

    def new_documents(self, documents: Sequence[Document]) -> tuple[Document, ...]:
        """The documents whose text (sha256) is not stored yet, in input order."""
        known = {r[0] for r in self._conn.execute("SELECT sha256 FROM documents")}
        return tuple(d for d in documents if d.sha256 not in known)

    def prior(
        self, exclude: Sequence[Document], model: str, *, embed: Embed | None = None
    ) -> Prior:
        """What the store knows, to compare a new batch with.

        Takes the store's write lock until :meth:`add` commits or the store is
        closed, so the batch is compared with exactly the state it is added to.
        Stored documents with the same sha256 or the same id as one in
        ``exclude`` (the new batch) are left out. Claims whose vectors were made
        with another model are embedded again with ``embed`` when given, else
        the store refuses with a message.
        """
        import numpy as np

        self._begin()
        shas = {d.sha256 for d in exclude}
        ids = {d.id for d in exclude}
        cols = ", ".join(_DOC_COLUMNS)
        rows = self._conn.execute(f"SELECT seq, {cols} FROM documents ORDER BY seq").fetchall()
        docs: list[Document] = []
        seqs: list[int] = []
        for row in rows:
            doc = _document(row[1:])
            if doc.sha256 in shas or doc.id in ids:
                continue
            docs.append(doc)
            seqs.append(row[0])
        claims: list[Claim] = []
        vectors: list[np.ndarray | None] = []
        for seq in seqs:
            for data, blob, dim in self._conn.execute(
                "SELECT c.data, e.vector, e.dim FROM claims c LEFT JOIN embeddings e "
                "ON e.doc = c.doc AND e.idx = c.idx AND e.model = ? "
                "WHERE c.doc = ? ORDER BY c.idx",
                (model, seq),
            ):
                claims.append(from_dict(Claim, json.loads(data)))
                vectors.append(
                    None if blob is None else np.frombuffer(blob, dtype=np.float32, count=dim)
                )
        missing = [i for i, v in enumerate(vectors) if v is None]
        if missing:
            if embed is None:
                have = ", ".join(self.models()) or "none"
                raise StoreError(
                    f"the claim store {self.path} has no vectors for model {model!r} "
                    f"(it has: {have}); run with --model set to one of those, "
                    "or use a new --store file"
                )
            fresh = embed([claims[i].text for i in missing])
            for i, row_ in zip(missing, fresh, strict=True):
                vectors[i] = np.asarray(row_, dtype=np.float32)
        dims = {v.shape[0] for v in vectors if v is not None}
        if len(dims) > 1:
            raise StoreError(
                f"the claim store {self.path} holds vectors of different sizes for model "
                f"{model!r}; use a new --store file"
            )
        matrix = (
            np.vstack([v for v in vectors if v is not None]).astype(np.float32)
            if vectors
            else np.zeros((0, 0), dtype=np.float32)
        )
        return Prior(documents=tuple(docs), claims=tuple(claims), vectors=matrix)

    # ------------------------------------------------------------ writing

    def add(self, analysis: Analysis, new: Sequence[Document]) -> None:
        """Store the ``new`` documents, their claims (doc-local), the vectors of
        every claim in ``analysis`` for its model, and its findings: all in one
        transaction, committed at the end."""
        report = analysis.report
        model = str(report.config.get("model", ""))
        if len(analysis.vectors) != len(report.claims):
            raise ValueError("analysis.vectors must have one row per claim")
        self._begin()
        try:
            stored = {r[0] for r in self._conn.execute("SELECT sha256 FROM documents")}
            fresh = []
            for d in new:  # known text adds nothing; an exact copy in the batch neither
                if d.sha256 not in stored:
                    stored.add(d.sha256)
                    fresh.append(d)
            run = (
                self._insert_run(model, len(fresh), len(report.findings))
                if fresh or report.findings
                else 0
            )
            for doc in fresh:
                # A revision (same id, new text) replaces the stored article.
                self._conn.execute("DELETE FROM documents WHERE id = ?", (doc.id,))
                seq = self._insert_document(doc, run)
                local = [c for c in report.claims if c.doc == doc.id]
                self._conn.executemany(
                    "INSERT INTO claims (doc, idx, id, text, data) VALUES (?, ?, ?, ?, ?)",
                    [(seq, k, c.id, c.text, _claim_json(c)) for k, c in enumerate(local)],
                )
            # Vectors of every claim (stored ones too: a re-embedding with a new
            # model is kept), addressed by document and claim id.
            where = {
                (doc_id, claim_id): (seq, idx)
                for doc_id, claim_id, seq, idx in self._conn.execute(
                    "SELECT d.id, c.id, c.doc, c.idx FROM claims c JOIN documents d "
                    "ON d.seq = c.doc"
                )
            }
            rows = []
            for claim, vector in zip(report.claims, analysis.vectors, strict=True):
                key = where.get((claim.doc, claim.id))
                if key is not None:
                    blob = vector.astype("<f4").tobytes()
                    rows.append((*key, model, int(vector.shape[0]), blob))
            self._conn.executemany(
                "INSERT OR IGNORE INTO embeddings (doc, idx, model, dim, vector) "
                "VALUES (?, ?, ?, ?, ?)",
                rows,
            )
            for f in report.findings:
                self._conn.execute(
                    "INSERT OR REPLACE INTO findings (id, verdict, kind, comparator, score, "
                    "rationale, claims, docs, grp, run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (f.id, f.verdict, f.kind, f.comparator, float(f.score), f.rationale,
                     json.dumps(list(f.claims)), json.dumps(list(f.docs)), f.group, run),
                )
            self._conn.commit()
        except sqlite3.OperationalError as e:
            self._conn.rollback()
            if _is_locked(e):
                raise _locked(self.path) from None
            raise StoreError(f"cannot write the claim store {self.path}: {e}") from e
        except BaseException:
            self._conn.rollback()
            raise

    # ------------------------------------------------------------ helpers

    def _begin(self) -> None:
        if self._conn.in_transaction:
            return
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            if _is_locked(e):
                raise _locked(self.path) from None
            raise StoreError(f"cannot use the claim store {self.path}: {e}") from e

    def _insert_run(self, model: str, n_docs: int, n_findings: int) -> int:
        at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        cur = self._conn.execute(
            "INSERT INTO runs (at, tool, model, documents, findings) VALUES (?, ?, ?, ?, ?)",
            (at, __version__, model, n_docs, n_findings),
        )
        assert cur.lastrowid is not None
        return cur.lastrowid

    def _insert_document(self, doc: Document, run: int) -> int:
        d = to_dict(doc)
        d["boilerplate"] = json.dumps(d["boilerplate"])
        cols = ", ".join(_DOC_COLUMNS)
        marks = ", ".join("?" for _ in _DOC_COLUMNS)
        cur = self._conn.execute(
            f"INSERT INTO documents ({cols}, run) VALUES ({marks}, ?)",
            (*(d[c] for c in _DOC_COLUMNS), run),
        )
        assert cur.lastrowid is not None
        return cur.lastrowid


def batch_report(report: Report, new: Sequence[Document], *, known: int, stored: int) -> Report:
    """The report of a run with a store: the batch's new articles and the
    stored ones a finding names (with their claims and entities), not the
    whole store; ``known`` batch articles were stored already, ``stored`` is
    the store's size after the run."""
    keep = {d.id for d in new} | {doc for f in report.findings for doc in f.docs}
    documents = tuple(d for d in report.documents if d.id in keep)
    entities = []
    for e in report.entities:
        docs = tuple(d for d in e.docs if d in keep)
        if docs:
            entities.append(dataclasses.replace(e, docs=docs))
    # Stories keep their ids (findings name them) and list only the kept
    # articles; their dates are those of the articles listed.
    published = {d.id: d.published for d in documents}
    stories = []
    for story in report.stories:
        members = tuple(d for d in story.documents if d in keep)
        if members:
            dates = sorted(p for d in members if (p := published.get(d)) is not None)
            stories.append(dataclasses.replace(
                story, documents=members, first_published=dates[0] if dates else None,
                last_published=dates[-1] if dates else None,
            ))
    return dataclasses.replace(
        report,
        documents=documents,
        claims=tuple(c for c in report.claims if c.doc in keep),
        entities=tuple(entities),
        stories=tuple(stories),
        store=StoreCounts(new=len(new), known=known, stored=stored),
    )


def _document(row: Sequence[Any]) -> Document:
    d = dict(zip(_DOC_COLUMNS, row, strict=True))
    d["boilerplate"] = json.loads(d["boilerplate"])
    return from_dict(Document, d)


def _claim_json(claim: Claim) -> str:
    """The doc-local form: canonical entity ids are blanked, because they are
    only meaningful within the batch that was canonicalised."""
    local = dataclasses.replace(
        claim, mentions=tuple(dataclasses.replace(m, entity="") for m in claim.mentions)
    )
    return json.dumps(to_dict(local), ensure_ascii=False, sort_keys=True)


# ------------------------------------------------------------------ opening


@contextmanager
def open_store(path: Path | str, *, timeout: float = DEFAULT_TIMEOUT) -> Iterator[ClaimStore]:
    """Open (creating if needed) the claim store at ``path``.

    Anything not committed by :meth:`ClaimStore.add` is rolled back on exit.
    """
    path = Path(path)
    conn = _connect(path, timeout)
    try:
        yield ClaimStore(conn, path)
    finally:
        if conn.in_transaction:
            conn.rollback()
        conn.close()


def _connect(path: Path, timeout: float) -> sqlite3.Connection:
    if path.is_dir():
        raise StoreError(f"--store {path} is a folder; give a file name such as claims.db")
    if not path.parent.exists():
        raise StoreError(f"the folder of the claim store {path} does not exist; create it first")
    try:
        conn = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    except sqlite3.Error as e:
        raise StoreError(f"cannot open the claim store {path}: {e}") from e
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        conn.execute("PRAGMA foreign_keys = ON")
        _check_or_create(conn, path)
        if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
    except sqlite3.DatabaseError as e:
        conn.close()
        if isinstance(e, sqlite3.OperationalError) and _is_locked(e):
            raise _locked(path) from None
        raise StoreError(
            f"{path} is not a claimcheck claim store ({e}); give --store a new file name"
        ) from None
    except BaseException:
        conn.close()
        raise
    return conn


def _check_or_create(conn: sqlite3.Connection, path: Path) -> None:
    app = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if app != APPLICATION_ID:
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables or version:
            raise StoreError(
                f"{path} is a SQLite database but not a claimcheck claim store; "
                "give --store a new file name"
            )
        _create(conn)
        return
    if version == SCHEMA_VERSION:
        return
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the claim store {path} has schema version {version}, made by a newer "
            f"claimcheck (this one reads version {SCHEMA_VERSION}); upgrade claimcheck "
            "or use a new --store file"
        )
    if not MIGRATIONS or version < min(MIGRATIONS):
        raise StoreError(
            f"the claim store {path} has schema version {version}, which this claimcheck "
            f"cannot migrate to version {SCHEMA_VERSION}; rebuild it by checking your "
            "articles again with a new --store file"
        )
    _migrate(conn, version)


def _create(conn: sqlite3.Connection) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Someone else may have created it while we waited for the lock.
        if conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID:
            conn.rollback()
            return
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                conn.execute(statement)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.commit()
    except BaseException:
        conn.rollback()
        raise


def _migrate(conn: sqlite3.Connection, version: int) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        current = conn.execute("PRAGMA user_version").fetchone()[0]
        while current < SCHEMA_VERSION:
            MIGRATIONS[current](conn)
            current += 1
            conn.execute(f"PRAGMA user_version = {current}")
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
