"""Fetching, URL inputs and the feed watcher against a real http.server on 127.0.0.1.

Nothing here contacts any other address: every URL is the local server or a closed local port.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tidings.ingest import Fetcher, IngestOptions, Response, ingest
from tidings.ingest.options import USER_AGENT
from tidings.ingest.watch import FeedWatcher, parse_interval, watch_feeds
from tidings.models import Article, Rejection

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"
FAST = IngestOptions(timeout=2.0, retries=2, backoff=0.0)


class Site:
    """Routes: path → (status, headers, body). Records every request's path and headers."""

    def __init__(self) -> None:
        self.routes: dict[str, list[tuple[int, dict[str, str], bytes]]] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.base = ""

    def add(self, path: str, body: bytes | str, status: int = 200,
            ctype: str = "text/html; charset=utf-8", **headers: str) -> None:
        raw = body.encode("utf-8") if isinstance(body, str) else body
        self.routes.setdefault(path, []).append((status, {"Content-Type": ctype, **headers},
                                                 raw))

    def respond(self, path: str) -> tuple[int, dict[str, str], bytes]:
        answers = self.routes.get(path)
        if not answers:
            return 404, {"Content-Type": "text/plain"}, b"not found"
        return answers.pop(0) if len(answers) > 1 else answers[0]


@pytest.fixture()
def site() -> Iterator[Site]:
    s = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            s.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            if self.path == "/redirect":
                self.send_response(302)
                self.send_header("Location", "/story")
                self.end_headers()
                return
            status, headers, body = s.respond(self.path)
            etag = headers.get("ETag")
            if etag and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    s.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield s
    finally:
        server.shutdown()
        server.server_close()


def closed_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


def page(title: str, body: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"{paras}</article></body></html>")


def rss(base: str, items: list[tuple[str, str, str]]) -> str:
    out = [f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>'
           f"<link>{base}/</link><description>d</description>"]
    for guid, title, desc in items:
        out.append(f"<item><guid>{guid}</guid><title>{title}</title>"
                   f"<link>{base}/{guid}</link><description>{desc}</description></item>")
    out.append("</channel></rss>")
    return "".join(out)


LONG = ("The interior ministry said on Monday that police had detained 40 people after "
        "protesters blocked the main road into the capital for a third day.\n\n"
        "Opposition leaders said the arrests would not stop the protests and called for a "
        "general strike at the end of the week, while the government accused them of "
        "trying to bring down an elected cabinet by force.")


def test_fetch_sends_the_user_agent_and_follows_redirects(site):
    site.add("/story", page("Police detain protesters", LONG))
    with Fetcher(FAST) as f:
        resp = f.get(site.base + "/redirect")
    assert isinstance(resp, Response) and resp.status == 200
    assert resp.url.endswith("/story")
    assert site.requests[0][1]["user-agent"] == USER_AGENT
    assert USER_AGENT.startswith("tidings/")


def test_fetch_retries_server_errors_with_backoff(site):
    site.add("/flaky", "busy", status=503)
    site.add("/flaky", page("Police detain protesters", LONG))
    delays: list[float] = []
    with Fetcher(FAST.replace(backoff=0.5), sleep=delays.append) as f:
        resp = f.get(site.base + "/flaky")
    assert isinstance(resp, Response) and resp.status == 200
    assert delays == [0.5]
    assert len(site.requests) == 2


def test_fetch_failures_are_rejections(site):
    site.add("/big", "x" * 5000)
    with Fetcher(FAST.replace(max_bytes=1000), sleep=lambda s: None) as f:
        big = f.get(site.base + "/big")
        missing = f.get(site.base + "/missing")
        gone = f.get(f"http://127.0.0.1:{closed_port()}/feed")
        bad = f.get("ftp://127.0.0.1/file")
    assert isinstance(big, Rejection) and big.reason == "too-large"
    assert isinstance(missing, Rejection) and missing.reason == "http-404"
    assert isinstance(gone, Rejection) and gone.reason == "unreachable"
    assert "3 attempts" in gone.detail
    assert isinstance(bad, Rejection) and bad.reason == "bad-url"


def test_url_inputs_pages_and_feeds(site):
    site.add("/2024/05/06/story.html", page("Police detain protesters", LONG))
    site.add("/feed", (DATA / "feed.rss").read_bytes(), ctype="application/rss+xml")
    items = list(ingest([site.base + "/2024/05/06/story.html", site.base + "/feed",
                         f"http://127.0.0.1:{closed_port()}/x"],
                        FAST.replace(follow_links=False, retries=0)))
    a, b, c, gone = items
    assert isinstance(a, Article) and a.title == "Police detain protesters"
    assert a.published == "2024-05-06" and (a.outlet or "").startswith("127.0.0.1")
    assert isinstance(b, Article) and b.outlet == "Valley Herald"
    assert isinstance(c, Article)
    assert isinstance(gone, Rejection) and gone.reason == "unreachable"


def test_feed_items_with_short_content_fetch_their_linked_page(site):
    site.add("/feed", rss(site.base, [("a1", "Police detain protesters", "Short teaser."),
                                      ("a2", "Dead link", "Another teaser.")]),
             ctype="application/rss+xml")
    site.add("/a1", page("Police detain protesters", LONG))
    a, b = list(ingest([site.base + "/feed"], FAST.replace(retries=0)))
    assert isinstance(a, Article) and a.text.startswith("The interior ministry said")
    assert isinstance(b, Article) and b.text == "Another teaser."  # the link 404s: own text


def test_watcher_yields_only_new_items_and_remembers_them(site, tmp_path):
    state = tmp_path / "watch.json"
    feed = site.base + "/feed"
    site.add("/feed", rss(site.base, [("a1", "One", LONG)]), ctype="application/rss+xml")
    w = FeedWatcher([feed], state=state, options=FAST)
    first = list(w.poll())
    assert [type(x).__name__ for x in first] == ["Article"]
    assert json.loads(state.read_text())["feeds"][feed]["seen"] == ["a1"]
    assert list(w.poll()) == []
    site.routes["/feed"] = []
    other = LONG.replace("interior ministry", "army").replace("40 people", "12 soldiers")
    site.add("/feed", rss(site.base, [("a2", "Two", other), ("a1", "One", LONG)]),
             ctype="application/rss+xml")
    w.close()
    w2 = FeedWatcher([feed], state=state, options=FAST)  # a restart reads the state
    second = list(w2.poll())
    assert len(second) == 1 and isinstance(second[0], Article) and second[0].title == "Two"
    w2.close()


def test_watcher_uses_conditional_requests(site, tmp_path):
    feed = site.base + "/feed"
    site.add("/feed", rss(site.base, [("a1", "One", LONG)]), ctype="application/rss+xml",
             ETag='"v1"')
    w = FeedWatcher([feed], state=tmp_path / "s.json", options=FAST)
    assert len(list(w.poll())) == 1
    assert list(w.poll()) == []
    assert site.requests[-1][1].get("if-none-match") == '"v1"'
    w.close()


def test_watcher_reports_an_unreachable_feed_and_goes_on(site, tmp_path):
    site.add("/feed", rss(site.base, [("a1", "One", LONG)]), ctype="application/rss+xml")
    dead = f"http://127.0.0.1:{closed_port()}/feed"
    w = FeedWatcher([dead, site.base + "/feed"], state=tmp_path / "s.json",
                    options=FAST.replace(retries=0))
    got: list[Article | Rejection] = []
    n = watch_feeds(w, got.append, once=True)
    assert n == 2
    assert isinstance(got[0], Rejection) and got[0].reason == "unreachable"
    assert isinstance(got[1], Article)


def test_watch_loop_polls_every_interval(site, tmp_path):
    site.add("/feed", rss(site.base, [("a1", "One", LONG)]), ctype="application/rss+xml")
    w = FeedWatcher([site.base + "/feed"], state=tmp_path / "s.json", options=FAST)
    sleeps: list[float] = []

    def sleep(s: float) -> None:
        sleeps.append(s)
        if len(sleeps) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        watch_feeds(w, lambda item: None, every=60, sleep=sleep)
    assert len(sleeps) == 2 and all(0 < s <= 60 for s in sleeps)


@pytest.mark.parametrize(("text", "seconds"), [("30s", 30), ("15m", 900), ("1h30m", 5400),
                                               ("2h", 7200), ("90", 90), ("1d", 86400)])
def test_parse_interval(text, seconds):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "0m", "15x", "-5m"])
def test_parse_interval_rejects(text):
    from tidings.errors import ConfigError

    with pytest.raises(ConfigError):
        parse_interval(text)


def test_watch_command_codes_new_items_as_jsonl(site, tmp_path, monkeypatch):
    """The CLI end to end with the coder stubbed (no spaCy model in these tests)."""
    from typer.testing import CliRunner

    import tidings.cli.watch as watch_cli
    from tidings.cli.main import app
    from tidings.models import ActorRef, Event, Span
    from tidings.pipeline import ArticleResult

    class StubPipeline:
        def run(self, items):
            for item in items:
                if isinstance(item, Rejection):
                    yield item
                    continue
                ev = Event(article_id=item.id, event_id="e1", sentence_index=0,
                           sentence=item.text[:20], source=ActorRef("Police", "PSE"),
                           target=None, cameo="173", cameo_root="17", cameo_name="Arrest",
                           goldstein=-5.0, quad_class=4, plover=None, status="asserted",
                           condition=None, claimant=None, trigger=Span("detained", 0, 8))
                yield ArticleResult(item, (), (ev,))

    monkeypatch.setattr(watch_cli, "pipeline_from", lambda *a, **k: StubPipeline())
    site.add("/feed", rss(site.base, [("a1", "One", LONG)]), ctype="application/rss+xml")
    state = tmp_path / "state.json"
    args = ["watch", site.base + "/feed", "--once", "--state", str(state), "--every", "1m"]
    r = CliRunner().invoke(app, args)
    assert r.exit_code == 0, r.output
    [line] = [x for x in r.stdout.splitlines() if x.strip()]
    ev = json.loads(line)
    assert ev["cameo"] == "173" and ev["article_id"].startswith("item-")
    r = CliRunner().invoke(app, args)
    assert r.exit_code == 0 and not r.stdout.strip()  # nothing new
