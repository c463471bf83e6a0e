"""Every /v1 route over a hand-built store: filters, pagination, CSV, dyads, time series,
network, articles; injection strings stay data; errors have one shape."""

from __future__ import annotations

import csv
import io

import pytest

from tests.api.conftest import ROWS, XSS

INJECTIONS = [
    "x' OR 1=1 --",
    "'; DROP TABLE events; --",
    "EGY\" OR \"1\"=\"1",
    "%' UNION SELECT text FROM articles --",
    "1); DELETE FROM articles; --",
]


def test_health_is_open_and_says_what_is_served(read_client):
    body = read_client.get("/v1/health").json()
    assert body["status"] == "ok" and body["store"] is True
    assert body["writable"] is False and body["reads"] == "open"
    assert "token" not in str(body).lower().replace("reads", "")


def test_events_lists_every_report_with_its_fields(read_client):
    body = read_client.get("/v1/events").json()
    assert body["total"] == len(ROWS) and body["next"] is None
    ev = body["events"][0]
    assert ev["day"] == "2024-03-01" and ev["source_code"] == "EGY"
    assert ev["location_name"] == "Cairo" and ev["location_lat"] == pytest.approx(30.04)
    assert {e["status"] for e in body["events"]} == {r[5] for r in ROWS}


@pytest.mark.parametrize(("query", "expect"), [
    ("status=denied", {"a2"}),
    ("actor=HMS", {"a0", "a2"}),
    ("source=EGY", {"a0", "a4"}),
    ("target=PSE", {"a0", "a1", "a4"}),
    ("code=19", {"a1"}),
    ("root=4", {"a3"}),
    ("since=2024-04-01&until=2024-04-30", {"a2", "a3"}),
    ("place=QAT", {"a3"}),
    ("place=gaza", {"a1"}),
    ("outlet=bbc", {"a1", "a3"}),
    ("located=true", {"a0", "a1", "a3", "a4"}),
    ("article=a3", {"a3"}),
])
def test_event_filters(read_client, query, expect):
    body = read_client.get(f"/v1/events?{query}").json()
    assert {e["article_id"] for e in body["events"]} == expect, body


def test_cursor_pagination_walks_every_row_once(read_client):
    seen, cursor, pages = [], None, 0
    while True:
        url = "/v1/events?limit=2" + (f"&cursor={cursor}" if cursor else "")
        body = read_client.get(url).json()
        seen += [e["event_id"] for e in body["events"]]
        pages += 1
        cursor = body["next"]
        if cursor is None:
            break
    assert pages == 3 and len(seen) == len(set(seen)) == len(ROWS)


def test_sorting_is_by_whitelisted_columns_only(read_client):
    days = [e["day"] for e in read_client.get("/v1/events?sort=-day").json()["events"]]
    assert days == sorted(days, reverse=True)
    gold = [e["goldstein"] for e in read_client.get("/v1/events?sort=goldstein").json()["events"]]
    assert gold == sorted(gold)
    r = read_client.get("/v1/events?sort=day;DROP TABLE events")
    assert r.status_code == 400 and "sort" in r.json()["error"]["message"]


@pytest.mark.parametrize("bad", INJECTIONS)
def test_injection_strings_in_filters_are_only_data(read_client, bad):
    for name in ("actor", "source", "target", "code", "root", "status", "place", "outlet",
                 "cluster", "article"):
        r = read_client.get("/v1/events", params={name: bad})
        assert r.status_code == 200, (name, r.text)
        assert r.json()["total"] == 0, name
    for route in ("/v1/dyads", "/v1/timeseries", "/v1/network"):
        assert read_client.get(route, params={"actor": bad}).status_code == 200
    assert read_client.get("/v1/articles/" + bad.replace("/", "")).status_code == 404
    assert read_client.get("/v1/events").json()["total"] == len(ROWS)  # nothing was dropped


def test_bad_parameters_are_422_or_400_with_one_error_shape(read_client):
    for url in ("/v1/events?since=yesterday", "/v1/events?unit=all", "/v1/events?limit=0",
                "/v1/events?format=xml", "/v1/timeseries?freq=hour", "/v1/events?min_sources=-1"):
        r = read_client.get(url)
        assert r.status_code == 422, url
        assert r.json()["error"]["status"] == 422 and r.json()["error"]["detail"]
    r = read_client.get("/v1/events?cursor=not-a-cursor!")
    assert r.status_code == 400 and r.json()["error"]["hint"]


def test_limit_is_capped_by_the_largest_page(store_path):
    from fastapi.testclient import TestClient

    from tidings.api import ApiSettings, make_app

    app = make_app(ApiSettings(api_page_size=1, api_max_page_size=2), db=store_path)
    with TestClient(app) as client:
        assert len(client.get("/v1/events").json()["events"]) == 1
        assert len(client.get("/v1/events?limit=500").json()["events"]) == 2
    app.state.corpus.close()


def test_csv_download_has_header_rows_and_defused_formulas(read_client):
    r = read_client.get("/v1/events?format=csv&status=claimed")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 1 and rows[0]["source_text"] == XSS
    from tidings.api.routes import to_csv

    out = to_csv([{"source_text": "=HYPERLINK(\"http://x\")", "goldstein": -5.0}])
    assert "'=HYPERLINK" in out and ",-5.0," in out


def test_dyads_timeseries_network(read_client):
    dyads = read_client.get("/v1/dyads").json()["dyads"]
    pairs = {(d["source"], d["target"]) for d in dyads}
    assert ("EGY", "PSE/HMS") in pairs and ("ISR", "PSE") in pairs
    series = read_client.get("/v1/timeseries?freq=month").json()
    assert series["freq"] == "month"
    assert [s["period"] for s in series["series"]] == ["2024-03-01", "2024-04-01", "2024-05-01"]
    assert sum(s["events"] for s in series["series"]) == len(ROWS)
    by_dyad = read_client.get("/v1/timeseries?by_dyad=true&source=ISR").json()["series"]
    assert by_dyad == [dict(by_dyad[0], source="ISR", target="PSE")]
    net = read_client.get("/v1/network").json()
    assert {"EGY", "ISR", "PSE"} <= {n["id"] for n in net["nodes"]}
    edge = next(e for e in net["edges"] if e["source"] == "ISR")
    assert edge == edge | {"target": "PSE", "events": 1, "quad_class": 4}
    assert read_client.get("/v1/network?min_events=5").json()["edges"] == []


def test_article_with_events_and_evidence(read_client):
    body = read_client.get("/v1/articles/a4").json()
    art, evs = body["article"], body["events"]
    assert art["title"] == f"Title 4 {XSS}" and art["outlet"] == "AFP"
    assert len(evs) == 1 and evs[0]["status"] == "claimed"
    ev = evs[0]
    assert art["text"][ev["source"]["start"]:ev["source"]["end"]] == XSS
    assert art["text"][ev["trigger"]["start"]:ev["trigger"]["end"]] == "did"
    assert ev["cluster_id"] and ev["num_sources"] == 1
    r = read_client.get("/v1/articles/nope")
    assert r.status_code == 404 and r.json()["error"]["message"] == "no such article"


def test_cluster_reports(read_client):
    ev = read_client.get("/v1/events?article=a1").json()["events"][0]
    body = read_client.get("/v1/events", params={"cluster": ev["cluster_id"]}).json()
    assert [e["event_id"] for e in body["events"]] == [ev["event_id"]]


def test_no_store_is_503_and_pages_say_so(tmp_path):
    from fastapi.testclient import TestClient

    from tidings.api import ApiSettings, make_app

    app = make_app(ApiSettings(), db=tmp_path / "missing.duckdb")
    with TestClient(app) as client:
        assert client.get("/v1/health").json()["store"] is False
        r = client.get("/v1/events")
        assert r.status_code == 503 and "tidings serve --db" in r.json()["error"]["hint"]
        page = client.get("/events")
        assert page.status_code == 200 and 'id="no-store"' in page.text
    assert not (tmp_path / "missing.duckdb").exists()


def test_openapi_lists_every_route(read_client):
    paths = read_client.get("/openapi.json").json()["paths"]
    assert set(paths) == {"/v1/health", "/v1/code", "/v1/articles", "/v1/articles/{article_id}",
                          "/v1/events", "/v1/dyads", "/v1/timeseries", "/v1/network"}
