"""Auth (writes need the bearer token; reads open or closed), body limit, headers, CORS,
escaping in pages, offline docs."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import TOKEN, XSS, HandPipeline, build_store, token_app

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture()
def write_client(tmp_path):
    """Writes on, over a store of its own; the pipeline is a double (no spaCy)."""
    app = token_app(build_store(tmp_path / "w.duckdb"), pipeline=HandPipeline([]))
    with TestClient(app) as client:
        yield client
    app.state.corpus.close()


def test_write_without_token_is_401_wrong_token_403(write_client):
    doc = {"text": "Egypt met Hamas in Cairo.", "id": "new"}
    r = write_client.post("/v1/articles", json=doc)
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    r = write_client.post("/v1/articles", json=doc, headers={"Authorization": "Bearer nope"})
    assert r.status_code == 403
    r = write_client.post("/v1/articles", json=doc, headers={"Authorization": TOKEN})
    assert r.status_code == 401  # no scheme
    r = write_client.post("/v1/articles", json=doc, headers={"Authorization": "Basic " + TOKEN})
    assert r.status_code == 401
    assert write_client.get("/v1/articles/new").status_code == 404


def test_write_with_token_stores_once(write_client):
    doc = {"text": "Egypt met Hamas in Cairo.", "id": "new", "published": "2024-06-01",
           "outlet": "AP"}
    r = write_client.post("/v1/articles", json=doc, headers=AUTH)
    assert r.status_code == 201, r.text
    assert r.json() == r.json() | {"article_id": "new", "status": "ingested", "events": 0}
    again = write_client.post("/v1/articles", json=doc, headers=AUTH)
    assert again.status_code == 200 and again.json()["status"] == "present"
    changed = write_client.post("/v1/articles", json=doc | {"text": "Egypt met Qatar."},
                                headers=AUTH)
    assert changed.status_code == 201 and changed.json()["status"] == "replaced"
    art = write_client.get("/v1/articles/new").json()["article"]
    assert art["text"] == "Egypt met Qatar." and art["outlet"] == "AP"


def test_writes_disabled_without_a_configured_token(read_client):
    r = read_client.post("/v1/articles", json={"text": "x y z"}, headers=AUTH)
    assert r.status_code == 403 and "TIDINGS_API_TOKEN" in r.json()["error"]["hint"]


def test_closed_reads_need_the_token_or_the_login_cookie(store_path):
    from tidings.api import ApiSettings, make_app
    from tidings.api.corpus import Corpus

    app = make_app(ApiSettings(api_token=TOKEN, api_reads="token"),
                   corpus=Corpus(store_path))  # read-only: other tests hold the file
    with TestClient(app) as client:
        assert client.get("/v1/health").status_code == 200
        for url in ("/v1/events", "/v1/dyads", "/v1/timeseries", "/v1/network",
                    "/v1/articles/a0"):
            assert client.get(url).status_code == 401, url
            assert client.get(url, headers={"Authorization": "Bearer bad"}).status_code == 401
            assert client.get(url, headers=AUTH).status_code == 200, url
        assert client.post("/v1/code", json={"text": "x"}).status_code == 401
        page = client.get("/events", follow_redirects=False)
        assert page.status_code == 303 and page.headers["location"].startswith("/login")
        bad = client.post("/login", data={"token": "bad", "next": "/events"})
        assert bad.status_code == 401 and "wrong token" in bad.text
        r = client.post("/login", data={"token": TOKEN, "next": "//evil.example/x"},
                        follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/events"  # no open redirect
        cookie = r.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=strict" in cookie
        assert client.get("/v1/events").status_code == 200  # the cookie now reads
        assert client.get("/events").status_code == 200
        # the cookie never authorises a write
        assert client.post("/v1/articles", json={"text": "a b c"}).status_code == 401


def test_closed_reads_without_a_token_is_a_config_error():
    from tidings.api import load_api_settings
    from tidings.errors import ConfigError

    with pytest.raises(ConfigError):
        load_api_settings({"api_reads": "token"}, env={})
    with pytest.raises(ConfigError):
        load_api_settings({"api_reads": "maybe"}, env={})
    s = load_api_settings(env={"TIDINGS_API_TOKEN": "t", "TIDINGS_API_MAX_BODY": "10"})
    assert s.writes_enabled and s.api_max_body == 10


def test_oversized_body_is_413(store_path):
    from tidings.api import ApiSettings, make_app

    app = make_app(ApiSettings(api_max_body=1000), db=store_path)
    with TestClient(app) as client:
        r = client.post("/v1/code", json={"text": "a" * 2000})
        assert r.status_code == 413 and r.json()["error"]["status"] == 413

        def chunks():  # no Content-Length: counted as it arrives
            for _ in range(5):
                yield b"x" * 400

        r = client.post("/v1/code", content=chunks(), headers={"content-type": "application/json"})
        assert r.status_code == 413
        r = client.post("/v1/code", content=b"{}", headers={"content-length": "abc"})
        assert r.status_code in (400, 413)
    app.state.corpus.close()


def test_security_headers_and_no_cors_by_default(read_client):
    r = read_client.get("/v1/events", headers={"Origin": "http://evil.example"})
    assert "access-control-allow-origin" not in r.headers
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    pre = read_client.options("/v1/events", headers={
        "Origin": "http://evil.example", "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in pre.headers


def test_cors_when_configured(store_path):
    from tidings.api import ApiSettings, make_app

    app = make_app(ApiSettings(api_cors_origins="http://ok.example"), db=store_path)
    with TestClient(app) as client:
        ok = client.get("/v1/health", headers={"Origin": "http://ok.example"})
        assert ok.headers["access-control-allow-origin"] == "http://ok.example"
        bad = client.get("/v1/health", headers={"Origin": "http://evil.example"})
        assert "access-control-allow-origin" not in bad.headers
    app.state.corpus.close()


@pytest.mark.parametrize("path", ["/code", "/events", "/network", "/timeline", "/map",
                                  "/articles/a4", "/login"])
def test_pages_render_and_load_only_local_assets(read_client, path):
    r = read_client.get(path)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert not re.search(r"(src|href)=\"(https?:)?//", r.text), "a page loads a remote asset"
    assert "<script>" not in r.text  # no inline script (the CSP forbids it anyway)
    for asset in re.findall(r"(?:src|href)=\"(/static/[^\"]+)\"", r.text):
        assert read_client.get(asset).status_code == 200, asset


def test_names_in_urls_are_escaped_in_pages(read_client):
    r = read_client.get("/articles/" + '"><img src=x onerror=alert(1)>')
    assert r.status_code == 200
    assert "<img src=x" not in r.text and "&lt;img src=x onerror=alert(1)&gt;" in r.text
    assert XSS not in read_client.get("/events?actor=" + XSS).text


def test_docs_are_served_offline(read_client):
    r = read_client.get("/docs")
    assert r.status_code == 200 and "swagger-ui" in r.text
    assert not re.search(r"(src|href)=\"(https?:)?//", r.text)
    assert read_client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    assert read_client.get("/static/vendor/countries-110m.json").json()["type"] == "Topology"
    assert read_client.get("/redoc").status_code == 404
