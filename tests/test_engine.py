"""The Dask engine on a real local cluster (two single-threaded worker
processes, started once for this module): same claims, findings and vectors
as the local run whatever the partitioning, a lost worker retried, a worker
lost for good failing the run cleanly, and one-line errors for engines that
cannot be had. No mocks: the workers load the real packaged models."""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dask
import numpy as np
import pytest
from cli_helpers import run_cli
from distributed import Client, LocalCluster
from distributed.diagnostics.plugin import WorkerPlugin
from engine_batch import write_batch

from checker import ingest, pipeline
from checker.config import Config
from checker.engine import LOCAL, dask_engine
from checker.engine.dask_engine import DaskEngine
from checker.errors import ConfigError, EngineError
from checker.report import json_report

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    # One retry per task: a worker lost once is survived, twice fails the run
    # (the default, 3, would only make the failure test slower).
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        cluster = LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0",
            silence_logs=logging.ERROR,
        )
    c = Client(cluster)
    try:
        yield c
    finally:
        c.close()
        cluster.close()


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_batch(tmp_path_factory.mktemp("generated"))


@pytest.fixture(scope="module")
def local_generated(generated: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The local run on the generated batch, with the real models (once)."""
    return run([generated], tmp_path_factory.mktemp("local-generated"))


def run(
    paths: list[Path], cache: Path, engine: Any = LOCAL, model: str = "all-MiniLM-L6-v2"
) -> pipeline.Analysis:
    config = Config(model=model, cache_dir=cache)
    batch = ingest.load(paths, near_duplicate=config.near_duplicate)
    return pipeline.analyse(batch.documents, config, warnings=batch.warnings, engine=engine)


def same_answers(local: pipeline.Analysis, other: pipeline.Analysis) -> None:
    assert other.report.claims == local.report.claims
    assert other.report.findings == local.report.findings
    assert other.report.entities == local.report.entities
    assert np.array_equal(other.vectors, local.vectors)
    # report.json differs in the engine's name and nowhere else
    a = json_report.report_dict(local.report)
    b = json_report.report_dict(other.report)
    assert (a["config"].pop("engine"), b["config"].pop("engine")) == ("local", "dask")
    assert a == b


def test_seeds_give_the_same_report_as_the_local_run(
    client: Client, seeds_dir: Path, tmp_path: Path
) -> None:
    local = run([seeds_dir], tmp_path / "local")
    engine = DaskEngine(client)
    distributed = run([seeds_dir], tmp_path / "dask", engine)
    assert len(local.report.findings) > 10
    same_answers(local, distributed)
    # the workers did the parsing and the embedding
    assert distributed.timings.seconds["worker_segment"] > 0
    assert distributed.timings.seconds["worker_embed"] > 0


@pytest.mark.parametrize("per_task", [1, 5])
def test_generated_batch_same_answers_whatever_the_partitioning(
    client: Client, generated: Path, local_generated: pipeline.Analysis, tmp_path: Path,
    per_task: int, monkeypatch: pytest.MonkeyPatch,
) -> None:
    local = local_generated
    # work for matching and the comparators
    assert len(local.report.findings) >= 5
    assert len({f.verdict for f in local.report.findings}) >= 2
    monkeypatch.setattr(dask_engine, "MAX_DOCUMENTS_PER_TASK", per_task)
    monkeypatch.setattr(dask_engine, "TASKS_PER_WORKER", 1000)
    distributed = run([generated], tmp_path / "dask", DaskEngine(client))
    same_answers(local, distributed)


def test_cache_filled_by_one_engine_serves_the_other(
    client: Client, tmp_path: Path
) -> None:
    earlier = write_batch(tmp_path / "earlier", last=False)
    later = write_batch(tmp_path / "later", last=True)
    cache = tmp_path / "cache"
    run([earlier], cache, model="fake")  # the local engine fills the caches
    fresh = run([earlier, later], tmp_path / "fresh", model="fake")
    mixed = run([earlier, later], cache, DaskEngine(client), model="fake")
    # only the later articles were parsed and embedded on the workers
    assert mixed.timings.seconds["worker_segment"] > 0
    same_answers(fresh, mixed)


def test_check_joins_a_running_cluster_from_the_command_line(
    client: Client, seeds_dir: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    address = client.scheduler.address
    code, out, err = run_cli(
        monkeypatch, capsys, "check", str(seeds_dir), "--out", str(tmp_path / "out"),
        "--format", "json", "--fail-on", "never", "-q", "--cache-dir", str(tmp_path / "c"),
        "--engine", "dask", "--engine-address", address, "--store", str(tmp_path / "s.db"),
    )
    assert code == 0, err
    data = (tmp_path / "out" / "report.json").read_text(encoding="utf-8")
    assert '"engine": "dask"' in data
    assert stored_documents(tmp_path / "s.db") == 4
    assert "reports:" in err and not out  # summaries go to stderr
    assert client.scheduler_info()["workers"], "joining must leave the cluster running"


# ------------------------------------------------------------------- failures


class KillOnExtract(WorkerPlugin):
    """Ends the worker process as an extract task starts: once (the first
    task to claim ``marker``), or every time when ``marker`` is None."""

    def __init__(self, marker: str | None) -> None:
        self.marker = marker

    def transition(self, key: Any, start: str, finish: str, *args: Any, **kwargs: Any) -> None:
        if finish != "executing" or "claimcheck-extract" not in str(key):
            return
        if self.marker is not None:
            try:
                os.close(os.open(self.marker, os.O_CREAT | os.O_EXCL))
            except FileExistsError:
                return
        os._exit(1)


@pytest.fixture
def killer(client: Client) -> Iterator[Any]:
    def register(marker: str | None) -> None:
        client.register_plugin(KillOnExtract(marker), name="kill-on-extract")

    yield register
    client.unregister_worker_plugin("kill-on-extract")
    # a killed worker is restarted by its nanny; slow on a loaded machine
    client.wait_for_workers(2, timeout=300)


def test_worker_lost_mid_run_is_retried_with_the_same_answers(
    client: Client, generated: Path, tmp_path: Path, killer: Any
) -> None:
    local = run([generated], tmp_path / "local", model="fake")
    killer(str(tmp_path / "killed-once"))
    distributed = run([generated], tmp_path / "dask", DaskEngine(client), model="fake")
    assert (tmp_path / "killed-once").exists()  # a worker really died
    same_answers(local, distributed)


def test_worker_lost_for_good_fails_with_one_line_and_writes_nothing(
    client: Client, seeds_dir: Path, generated: Path, tmp_path: Path, killer: Any,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    store = tmp_path / "s.db"
    common = ("--format", "json", "--fail-on", "never", "-q", "--model", "fake",
              "--store", str(store), "--engine", "dask",
              "--engine-address", client.scheduler.address)
    code, _out, err = run_cli(monkeypatch, capsys, "check", str(seeds_dir), "--out",
                          str(tmp_path / "first"), *common)
    assert code == 0, err
    before = store_rows(store)
    killer(None)
    code, out, err = run_cli(monkeypatch, capsys, "check", str(generated), "--out",
                         str(tmp_path / "second"), *common)
    assert code == 2
    assert err.startswith("claimcheck: error: Dask workers died while running parse + extract")
    assert err.count("\n") == 1 and "Traceback" not in err
    assert out == ""
    assert not (tmp_path / "second").exists()  # no partial report
    assert store_rows(store) == before  # the claim store unchanged


# --------------------------------------------------------- engines not to be had


def test_unreachable_scheduler_is_exit_2_with_one_line(
    seeds_dir: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", 1.0)
    code, out, err = run_cli(
        monkeypatch, capsys, "check", str(seeds_dir), "--out", str(tmp_path / "out"),
        "--engine", "dask", "--engine-address", "tcp://127.0.0.1:9", "-q",
    )
    assert code == 2
    assert err.startswith("claimcheck: error: cannot reach the Dask scheduler at "
                          "tcp://127.0.0.1:9 (")
    assert "start one with `dask scheduler`" in err
    assert err.count("\n") == 1 and out == ""
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--engine", "spark"), "--engine 'spark' is not one of local, dask, ray"),
        (("--engine", "ray"), "--engine ray is not available in this version; use --engine dask"),
        (("--engine-address", "tcp://127.0.0.1:8786"), "--engine-address needs --engine dask"),
        (("--engine", "dask", "--engine-address", " "), "--engine-address is empty"),
    ],
)
def test_engine_options_that_cannot_work(
    seeds_dir: Path, tmp_path: Path, args: tuple[str, ...], message: str,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run_cli(monkeypatch, capsys, "check", str(seeds_dir), "--out",
                         str(tmp_path / "out"), *args)
    assert code == 2
    assert err.startswith(f"claimcheck: error: {message}")
    assert err.count("\n") == 1 and out == ""


def test_missing_dask_extra_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import checker.engine

    # as if distributed were not installed
    monkeypatch.setitem(sys.modules, "distributed", None)
    monkeypatch.delitem(sys.modules, "checker.engine.dask_engine")
    monkeypatch.delattr(checker.engine, "dask_engine")
    with (
        pytest.raises(ConfigError) as e,
        checker.engine.open_engine("dask"),
    ):
        pass
    assert str(e.value) == (
        "--engine dask needs the dask extra (distributed is not installed): "
        "pip install 'claimcheck[dask]'"
    )


def test_started_cluster_runs_and_is_shut_down(generated: Path, tmp_path: Path) -> None:
    from checker import engine

    local = run([generated], tmp_path / "local", model="fake")
    with engine.open_engine("dask", workers=1) as running:
        assert isinstance(running, DaskEngine)
        cluster_client = running.client
        distributed = run([generated], tmp_path / "dask", running, model="fake")
    same_answers(local, distributed)
    assert cluster_client.status == "closed"


def test_engine_error_is_a_usage_error() -> None:
    assert EngineError("x").exit_code == 2


# ------------------------------------------------------------------- helpers




def stored_documents(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return int(db.execute("SELECT count(*) FROM documents").fetchone()[0])


def store_rows(path: Path) -> dict[str, int]:
    db = sqlite3.connect(path)
    try:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: int(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}
    finally:
        db.close()


