"""Hostile requests: SQL injection through every filter and parameter, XSS through article
text, titles and actor names, path traversal, oversized and slow bodies. Beside
tests/api/test_security.py (auth, headers, CORS), which these do not repeat."""

from __future__ import annotations

import socket
import time
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import TOKEN, HandPipeline, build_store, token_app

AUTH = {"Authorization": f"Bearer {TOKEN}"}
INJECTIONS = ("' OR '1'='1", "EGY'; DROP TABLE events; --", "1) OR (1=1", "%' --",
              "\" OR 1=1 --", "'; ATTACH '/tmp/x.db' AS x; --", "\\'; SELECT 1; --",
              "EGY\x00", "' UNION SELECT * FROM articles --")
FILTERS = ("actor", "source", "target", "code", "root", "status", "place", "outlet",
           "cluster", "article", "sort", "cursor", "since", "until", "min_sources", "unit",
           "format", "limit", "located")
ROUTES = ("/v1/events", "/v1/dyads", "/v1/timeseries", "/v1/network")


@pytest.fixture()
def client(tmp_path):
    app = token_app(build_store(tmp_path / "h.duckdb"), pipeline=HandPipeline([]))
    with TestClient(app) as c:
        yield c
    app.state.corpus.close()


def _counts(client) -> dict:
    return client.app.state.corpus.counts()


def test_sql_injection_through_every_filter(client):
    before = _counts(client)
    tried = 0
    for route in ROUTES:
        for name in FILTERS:
            for payload in INJECTIONS:
                r = client.get(route, params={name: payload})
                tried += 1
                assert r.status_code in (200, 400, 422), (route, name, payload, r.text)
                if r.status_code == 200 and route == "/v1/events" and name not in (
                        "located",):
                    assert r.json()["total"] == 0, (name, payload)  # matched nothing
    for payload in INJECTIONS:
        r = client.get("/v1/articles/" + quote(payload, safe=""))
        assert r.status_code in (404, 422), r.text
        r = client.get("/v1/timeseries", params={"freq": payload})
        assert r.status_code == 422
    assert _counts(client) == before
    assert client.get("/v1/events").json()["total"] == before["events"]
    assert tried == len(ROUTES) * len(FILTERS) * len(INJECTIONS)


XSS = ('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>',
       "javascript:alert(1)", "<svg/onload=alert(1)>", "{{7*7}}", "</textarea><script>x</script>")


def test_xss_through_text_titles_and_names_is_never_markup(client):
    for n, payload in enumerate(XSS):
        doc = {"id": f"x{n}", "text": f"Egypt met {payload} in Cairo on Tuesday.",
               "title": payload, "outlet": payload, "url": "https://example.org/" + payload}
        r = client.post("/v1/articles", json=doc, headers=AUTH)
        assert r.status_code in (200, 201, 422), r.text
        for url in (f"/articles/x{n}", f"/events?actor={payload}", f"/events?outlet={payload}",
                    f"/login?next={payload}"):
            page = client.get(url)
            assert page.status_code == 200
            assert payload not in page.text or payload in ("javascript:alert(1)", "{{7*7}}")
            assert "49" not in page.text.split("<body", 1)[-1] or "{{7*7}}" not in payload
            assert "script-src 'self'" in page.headers["content-security-policy"]
        api = client.get(f"/v1/articles/x{n}")
        if api.status_code == 200:  # JSON is data: served as JSON, never as HTML
            assert api.headers["content-type"].startswith("application/json")
            assert api.headers["x-content-type-options"] == "nosniff"
    csv = client.get("/v1/events", params={"format": "csv"})
    for line in csv.text.splitlines()[1:]:
        for cell in line.split(","):
            assert not cell.startswith(("=", "+", "@")), cell  # no spreadsheet formulas


@pytest.mark.parametrize("path", [
    "/static/../../pyproject.toml", "/static/..%2f..%2fpyproject.toml",
    "/static/%2e%2e/%2e%2e/pyproject.toml", "/static/....//....//pyproject.toml",
    "/static//etc/passwd", "/static/%2fetc%2fpasswd", "/static/..\\..\\pyproject.toml",
    "/articles/..%2f..%2f..%2fetc%2fpasswd", "/v1/articles/..%2f..%2fetc%2fpasswd",
    "/static/vendor/../../../../etc/passwd",
])
def test_path_traversal(client, path):
    r = client.get(path)
    assert r.status_code in (200, 400, 404), r.status_code
    assert "root:x:0:0" not in r.text and "[build-system]" not in r.text


def _raw(port: int, head: bytes, body: bytes = b"") -> socket.socket:
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    s.sendall(head + body)
    return s


def test_slow_bodies_time_out_and_do_not_starve_others(tmp_path, capsys):
    from tests.reliability.server import serve

    db = build_store(tmp_path / "slow.duckdb")
    with serve(db, warm=False) as base:
        port = int(base.rsplit(":", 1)[1])
        head = (b"POST /v1/code HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json"
                b"\r\nContent-Length: 100000\r\n\r\n")
        slow = [_raw(port, head, b'{"text": "') for _ in range(70)]
        time.sleep(1)
        import httpx

        try:
            status = httpx.get(base + "/v1/health", timeout=10).status_code
        except httpx.HTTPError as exc:
            status = type(exc).__name__
        slow[0].settimeout(20)
        t = time.monotonic()
        try:
            closed = slow[0].recv(4096) is not None
        except TimeoutError:
            closed = False
        waited = time.monotonic() - t
        for s in slow:
            s.close()
    with capsys.disabled():
        print(f"\n70 slow bodies: /v1/health → {status}; a slow body "
              f"{'was cut' if closed else 'was still open'} after {waited:.0f} s")
    assert status == 200, "slow bodies starve other clients"
    assert closed, "a slow body is never timed out"


def test_oversized_bodies_on_a_real_server(tmp_path):
    """413 on a real uvicorn, by Content-Length and for a chunked body with none."""
    import httpx

    from tests.reliability.server import serve

    db = build_store(tmp_path / "big.duckdb")
    with serve(db, "--max-body", "10000", warm=False) as base:
        r = httpx.post(base + "/v1/code", json={"text": "a " * 20000}, timeout=30)
        assert r.status_code == 413 and r.json()["error"]["status"] == 413

        def chunks():
            for _ in range(50):
                yield b"x" * 1000

        r = httpx.post(base + "/v1/articles", content=chunks(), timeout=30, headers={
            **AUTH, "content-type": "application/json"})
        assert r.status_code == 413
        assert httpx.get(base + "/v1/health", timeout=10).status_code == 200
