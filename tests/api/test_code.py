"""POST /v1/code with the real English model (one pipeline for the session)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tidings.api import ApiSettings, make_app

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def code_client(pipeline):
    app = make_app(ApiSettings(), db=None, pipeline=pipeline)
    with TestClient(app) as client:
        yield client


def test_code_text_returns_article_and_events_with_offsets(code_client):
    text = ("CAIRO (Reuters) - Egypt offered on Monday to host talks between Israel and Hamas. "
            "Hamas denied reports that Egyptian police had arrested Palestinian fishermen.")
    r = code_client.post("/v1/code", json={"text": text, "published": "2024-03-04",
                                           "outlet": "Reuters"})
    assert r.status_code == 200, r.text
    body = r.json()
    art, events = body["article"], body["events"]
    assert art["published"] == "2024-03-04" and art["outlet"] == "Reuters"
    assert "origin" not in art
    assert events, body
    for ev in events:
        for part in ("source", "target", "trigger", "claimant"):
            span = ev.get(part)
            if span and span.get("start") is not None:
                assert art["text"][span["start"]:span["end"]] == span["text"], (part, ev)
    statuses = {(ev["cameo"][:2], ev["status"]) for ev in events}
    assert ("17", "denied") in statuses, statuses
    denied = next(ev for ev in events if ev["status"] == "denied")
    assert denied["claimant"]["code"].endswith("HMS")


def test_code_html(code_client):
    html = ("<html><head><title>Talks</title></head><body><article><h1>Talks</h1>"
            "<p>Qatar urged Hamas to release the hostages on Sunday, officials said, after a "
            "week of talks in Doha between mediators from Egypt, Qatar and the United "
            "States.</p></article></body></html>")
    r = code_client.post("/v1/code", json={"html": html, "published": "2024-03-03"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert "<p>" not in body["article"]["text"] and "Qatar urged Hamas" in body["article"]["text"]
    assert any(ev["source"]["code"] == "QAT" for ev in body["events"])


def test_code_keeps_markup_in_text_as_text(code_client):
    text = "<script>alert(1)</script> Egypt condemned Israel on Monday."
    body = code_client.post("/v1/code", json={"text": text, "clean": False}).json()
    assert body["article"]["text"] == text


@pytest.mark.parametrize("doc", [{}, {"text": ""}, {"text": "a", "html": "<p>a</p>"},
                                 {"text": 5}, {"text": "x", "published": "y" * 100}])
def test_code_rejects_bad_documents(code_client, doc):
    r = code_client.post("/v1/code", json=doc)
    assert r.status_code == 422 and r.json()["error"]["status"] == 422


def test_code_rejects_other_languages_with_the_reason(code_client):
    text = ("Le gouvernement égyptien a proposé lundi d'accueillir des pourparlers entre "
            "Israël et le Hamas au Caire, selon des responsables.")
    r = code_client.post("/v1/code", json={"text": text})
    assert r.status_code == 422 and "language" in r.json()["error"]["message"]
