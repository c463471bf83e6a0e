"""Exports: GDELT 2.0 (61 columns, types), POLECAT (40 columns), PLOVER JSON, JSONL/CSV/Parquet."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.store.fakes import FakePipeline, article
from tidings.store import Store, StoreError, export, ingest_into
from tidings.store.formats import (
    GDELT_COLUMNS,
    PLOVER_ENTITY_FIELDS,
    PLOVER_EVENT_FIELDS,
    PLOVER_REQUIRED,
    POLECAT_COLUMNS,
)


@pytest.fixture()
def store() -> Store:
    s = Store(":memory:")
    arts = [
        article("a1", "EGY PSEGOVHMS 036 2024-03-01 @EGY\nIGOUNO SDN 073", outlet="BBC",
                published="2024-03-02", url="https://example.org/a1"),
        article("a2", "EGYGOV PSEREBHMS 036\nUSAMIL - 190 2024-02", outlet="AFP",
                published="2024-03-03"),
        article("a3", "RUS UKR 190 @UKR", outlet="AP"),
    ]
    ingest_into(s, FakePipeline(), arts)
    return s


def read_csv(path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def text_of(store: Store, fmt: str, **kw) -> str:
    buf = io.StringIO()
    export(store, fmt, buf, **kw)
    return buf.getvalue()


def test_gdelt_has_61_columns_without_the_reference():
    assert len(GDELT_COLUMNS) == 61 and len(set(GDELT_COLUMNS)) == 61
    assert GDELT_COLUMNS[0] == "GlobalEventID" and GDELT_COLUMNS[-1] == "SOURCEURL"
    assert len(POLECAT_COLUMNS) == 40


def test_gdelt_columns_match_the_reference(shared):
    ref = read_csv(shared / "reference/gdelt/gdelt2_events_columns.csv")
    assert [r["name"] for r in ref] == list(GDELT_COLUMNS)


def gdelt_types(shared) -> list[str]:
    return [r["type"] for r in read_csv(shared / "reference/gdelt/gdelt2_events_columns.csv")]


def check_gdelt_rows(lines: list[str], types: list[str]) -> list[list[str]]:
    rows = [line.split("\t") for line in lines]
    for row in rows:
        assert len(row) == 61
        for value, kind in zip(row, types, strict=True):
            if value == "":
                continue
            if kind == "integer":
                int(value)
            elif kind in ("floating point", "numeric"):
                float(value)
    return rows


def test_gdelt_export_types_match_the_reference(store, shared):
    lines = text_of(store, "gdelt").splitlines()
    assert len(lines) == 5
    rows = check_gdelt_rows(lines, gdelt_types(shared))
    first = dict(zip(GDELT_COLUMNS, rows[0], strict=True))
    assert first["Day"] == "20240301" and first["MonthYear"] == "202403"
    assert first["Year"] == "2024" and first["FractionDate"] == "2024.2493"
    assert first["Actor1Code"] == "EGY" and first["Actor1CountryCode"] == "EGY"
    assert first["Actor2Code"] == "PSEGOVHMS" and first["Actor2KnownGroupCode"] == "HMS"
    assert first["Actor2Type1Code"] == "GOV" and first["Actor2CountryCode"] == "PSE"
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == \
        ("036", "036", "03")
    assert first["QuadClass"] == "1" and first["GoldsteinScale"] == "3"
    assert (first["NumMentions"], first["NumSources"], first["NumArticles"]) == ("2", "2", "2")
    assert first["AvgTone"] == "0" and first["IsRootEvent"] == "1"
    assert first["ActionGeo_Type"] == "1" and first["ActionGeo_CountryCode"] == "EG"
    assert len(first["DATEADDED"]) == 14 and first["SOURCEURL"] == "https://example.org/a1"
    un = dict(zip(GDELT_COLUMNS, rows[1], strict=True))
    assert un["Actor1KnownGroupCode"] == "UNO" and un["Actor1CountryCode"] == ""
    assert un["Actor1Type1Code"] == "IGO" and un["IsRootEvent"] == "0"
    assert un["ActionGeo_Type"] == "0"


def test_gdelt_cluster_export_has_one_row_per_cluster(store, shared):
    lines = text_of(store, "gdelt", clusters=True, header=True).splitlines()
    assert lines[0].split("\t") == list(GDELT_COLUMNS)
    check_gdelt_rows(lines[1:], gdelt_types(shared))
    assert len(lines) - 1 == store.counts()["clusters"] == 4


def test_polecat_export_validates_against_its_field_list(store, shared):
    ref = [r["name"] for r in read_csv(shared / "reference/plover/polecat_columns.csv")
           if r["position"]]
    rows = list(csv.reader(io.StringIO(text_of(store, "polecat")), delimiter="\t"))
    assert rows[0] == ref == list(POLECAT_COLUMNS)
    assert all(len(r) == 40 for r in rows[1:]) and len(rows) == 6
    rec = dict(zip(ref, rows[1], strict=True))
    assert rec["Event Date"] == "2024-03-01" and rec["Quad Code"] == "VERBAL COOPERATION"
    assert rec["Recipient Country"] == "PSE" and rec["Primary Recipient Sector"] == "GOV"
    assert rec["Source"] == "BBC"


def test_plover_json_has_the_required_fields_and_no_others(store, shared):
    ref = read_csv(shared / "reference/plover/plover_json_fields.csv")
    event_fields = {r["field"] for r in ref if r["object"] == "event"}
    required = {r["field"] for r in ref if r["object"] == "event" and r["required"] == "Y"}
    assert event_fields == set(PLOVER_EVENT_FIELDS) and required == set(PLOVER_REQUIRED)
    entity_fields = {r["field"] for r in ref if r["object"] == "entity"}
    assert entity_fields == set(PLOVER_ENTITY_FIELDS)
    for line in text_of(store, "plover").splitlines():
        rec = json.loads(line)
        assert required <= set(rec) and set(rec) <= event_fields
        for ent in rec["actor"] + rec["recipient"]:
            assert set(ent) <= entity_fields


def test_plover_records_validate_without_the_reference(store):
    for line in text_of(store, "plover").splitlines():
        rec = json.loads(line)
        assert set(PLOVER_REQUIRED) <= set(rec) <= set(PLOVER_EVENT_FIELDS)


def test_jsonl_csv_and_parquet_carry_every_event(store, tmp_path):
    lines = text_of(store, "jsonl").splitlines()
    assert len(lines) == 5 and json.loads(lines[0])["cluster_id"] == "ca1:0:036"
    clusters = [json.loads(x) for x in text_of(store, "jsonl", clusters=True).splitlines()]
    egypt = next(c for c in clusters if c["cluster_id"] == "ca1:0:036")
    assert len(clusters) == 4 and egypt["num_sources"] == 2 and len(egypt["evidence"]) == 2
    rows = list(csv.DictReader(io.StringIO(text_of(store, "csv"))))
    assert len(rows) == 5 and rows[0]["cameo"] == "036" and rows[0]["num_sources"] == "2"
    import pyarrow.parquet as pq

    export(store, "parquet", tmp_path / "e.parquet")
    assert pq.read_table(tmp_path / "e.parquet").num_rows == 5
    with pytest.raises(StoreError):
        export(store, "parquet", io.StringIO())
    with pytest.raises(StoreError):
        export(store, "xml", io.StringIO())
