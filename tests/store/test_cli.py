"""`tidings export | query | plot | recode` on a store built without spaCy, and the lock error
a second writer gets from `tidings ingest`."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from tests.store.fakes import FakePipeline, article
from tidings.cli.main import app
from tidings.store import Store, ingest_into
from tidings.store.formats import GDELT_COLUMNS

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("cli") / "t.duckdb")
    with Store(path) as s:
        ingest_into(s, FakePipeline(), [
            article("a1", "EGY PSEGOVHMS 036 2024-03-01 @EGY", outlet="BBC",
                    published="2024-03-01"),
            article("a2", "EGYGOV PSEREBHMS 036 2024-03-02", outlet="AFP",
                    published="2024-03-02"),
            article("a3", "PSEREBHMS ISR 190 2024-04-11 @ISR", outlet="AP",
                    published="2024-04-11"),
        ])
    return path


def run(*args: str):
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, (result.output, result.exception)
    return result.stdout


def test_export_formats(db, tmp_path):
    gdelt = run("export", "--db", db, "--format", "gdelt").splitlines()
    assert len(gdelt) == 3 and all(len(x.split("\t")) == len(GDELT_COLUMNS) for x in gdelt)
    assert len(run("export", "--db", db, "-f", "gdelt", "--clusters").splitlines()) == 2
    rows = list(csv.DictReader(io.StringIO(run("export", "--db", db, "-f", "csv"))))
    assert [r["article_id"] for r in rows] == ["a1", "a2", "a3"]
    first = json.loads(run("export", "--db", db).splitlines()[0])
    assert first["cluster_id"] == "ca1:0:036"
    out = tmp_path / "e.parquet"
    run("export", "--db", db, "-f", "parquet", "-o", str(out))
    assert out.stat().st_size > 0
    polecat = run("export", "--db", db, "-f", "polecat").splitlines()
    assert polecat[0].startswith("Event ID\tEvent Date") and len(polecat) == 4
    assert runner.invoke(app, ["export", "--db", db, "-f", "parquet"]).exit_code == 2
    assert runner.invoke(app, ["export", "--db", db, "-f", "xml"]).exit_code == 2


def test_query_commands(db, tmp_path):
    out = run("query", "events", "--db", db, "--actor", "HMS", "--min-sources", "2",
              "-f", "csv")
    assert [r["article_id"] for r in csv.DictReader(io.StringIO(out))] == ["a1", "a2"]
    table = run("query", "events", "--db", db, "--root", "19")
    assert "PSEREBHMS" in table and "1 events" in table
    dy = [json.loads(x) for x in run("query", "dyads", "--db", db, "-f", "jsonl").splitlines()]
    assert dy[0]["source"] == "EGY" and dy[0]["events"] == 1
    ts = list(csv.DictReader(io.StringIO(run(
        "query", "timeseries", "--db", db, "--freq", "month", "--total", "-f", "csv"))))
    assert [r["events"] for r in ts] == ["1", "1"]
    assert "ca1:0:036" in run("query", "clusters", "--db", db)
    run("query", "network", "--db", db, "-o", str(tmp_path / "n.gexf"))
    assert (tmp_path / "n.gexf").read_text().startswith("<?xml")
    assert runner.invoke(app, ["query", "events", "--db", db, "--unit", "x"]).exit_code == 2


def test_plot_commands(db, tmp_path):
    run("plot", "timeseries", "--db", db, "-o", str(tmp_path / "t.png"), "--freq", "week")
    run("plot", "network", "--db", db, "-o", str(tmp_path / "n.svg"))
    assert (tmp_path / "t.png").stat().st_size > 1000
    assert (tmp_path / "n.svg").read_text().lstrip().startswith("<?xml")
    assert runner.invoke(app, ["plot", "network", "--db", db, "-o", "x.txt"]).exit_code == 2


def test_recode_records_a_run(tmp_path):
    path = str(tmp_path / "r.duckdb")
    with Store(path) as s:
        ingest_into(s, FakePipeline(), [article("a1", "EGY ISR 036 2024-03-01")])
    result = runner.invoke(app, ["recode", "--db", path])
    assert result.exit_code == 0, result.output
    with Store(path, read_only=True) as s:
        kinds = s.execute("SELECT kind, status FROM runs ORDER BY run_id").fetchall()
        assert kinds == [("ingest", "done"), ("recode", "done")]
        # the real coder finds no event in the fake one-token parse: events are replaced
        assert s.counts()["events"] == 0


def test_a_second_ingest_on_a_locked_store_fails_clearly(tmp_path):
    path = tmp_path / "locked.duckdb"
    Store(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from tidings.store import Store; s = Store(sys.argv[1]); "
         "print('open', flush=True); time.sleep(30)", str(path)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        doc = tmp_path / "a.txt"
        doc.write_text("Egypt met Israel.")
        proc = subprocess.run([sys.executable, "-m", "tidings", "ingest", str(doc), "--db",
                               str(path)], capture_output=True, text=True, timeout=120)
    finally:
        holder.kill()
        holder.wait()
    assert proc.returncode == 1
    assert "the store is in use by another process" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_ingest_exit_codes_and_bad_column_option(tmp_path):
    from collections import Counter

    from tidings.cli.ingest import ingest_exit_code
    from tidings.store import IngestStats

    assert ingest_exit_code(IngestStats(ingested=3, rejected=Counter(duplicate=2))) == 0
    assert ingest_exit_code(IngestStats(present=3)) == 0
    assert ingest_exit_code(IngestStats(rejected=Counter(empty=1))) == 1
    assert ingest_exit_code(IngestStats(ingested=1, rejected=Counter({"not-found": 1}))) == 2
    result = runner.invoke(app, ["ingest", "x.jsonl", "--db", str(tmp_path / "c.duckdb"),
                                 "--column", "body"])
    assert result.exit_code == 2 and "FIELD=COLUMN" in result.output
