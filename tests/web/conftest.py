"""Browser fixtures: the app served by uvicorn on 127.0.0.1 (a free port, in a thread) over a
store of hand-built events plus real coded articles, and Debian's headless Chromium driven by
selenium. Chromium is kept off every non-loopback address (host resolver rules, no background
networking). Screenshots go to $TIDINGS_SCREENSHOTS or a temporary folder."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from tests.api.conftest import TOKEN, build_store
from tests.conftest import ROOT, SHARED

CHROMIUM = os.environ.get("TIDINGS_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("TIDINGS_CHROMEDRIVER", "/usr/bin/chromedriver")
# TIDINGS_WEB_NO_SEED=1 leaves the seed out (for screenshots that may be committed: its text
# is not ours to publish).
SEED = SHARED / "data" / "seed" / ("none" if os.environ.get("TIDINGS_WEB_NO_SEED") else
                                   "egypt-hamas.txt")
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory) -> Path:
    where = os.environ.get("TIDINGS_SCREENSHOTS")
    path = Path(where) if where else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def live_server(tmp_path_factory, pipeline):
    """Base URL of a running server (writes on with TOKEN) whose store holds the hand-built
    events, the seed article (when ../shared is here) and the examples, ingested through
    POST /v1/articles."""
    import httpx
    import uvicorn

    from tidings.api import ApiSettings, make_app

    db = build_store(tmp_path_factory.mktemp("web") / "web.duckdb")
    app = make_app(ApiSettings(api_token=TOKEN), db=db, pipeline=pipeline)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    docs = [(p.stem, p.read_text(encoding="utf-8"), "2024-03-04") for p in EXAMPLES]
    if SEED.is_file():
        docs.append(("egypt-hamas", SEED.read_text(encoding="utf-8"), "2017-03-01"))
    with httpx.Client(base_url=base, timeout=120,
                      headers={"Authorization": f"Bearer {TOKEN}"}) as client:
        for doc_id, text, published in docs:
            r = client.post("/v1/articles", json={"id": doc_id, "text": text,
                                                  "published": published})
            assert r.status_code in (200, 201), r.text
    yield base
    server.should_exit = True
    thread.join(timeout=10)
    app.state.corpus.close()


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)):
        pytest.skip(f"browser tests need Debian's chromium and chromium-driver ({CHROMIUM}, "
                    f"{CHROMEDRIVER}): apt-get install chromium chromium-driver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.skip("browser tests need selenium: pip install -e '.[dev]'")
    downloads = tmp_path_factory.mktemp("downloads")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-default-apps",
                "--disable-extensions", "--window-size=1400,1000",
                # nothing but loopback resolves: the test cannot reach the outside
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads), "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.execute_cdp_cmd("Page.setDownloadBehavior",
                           {"behavior": "allow", "downloadPath": str(downloads)})
    driver.downloads = downloads  # type: ignore[attr-defined]
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()
