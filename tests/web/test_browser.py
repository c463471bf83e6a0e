"""The web app in real headless Chromium: the code page highlights the seed article's events
with their statuses and links cards to spans; article text never runs as script; the events
table filters, sorts and downloads CSV; every page draws. Screenshots are saved."""

from __future__ import annotations

import csv
import time

import pytest

from tests.web.conftest import SEED

pytestmark = pytest.mark.model


def wait_for(driver, css: str, timeout: float = 90, count: int = 1):
    from selenium.webdriver.common.by import By

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = driver.find_elements(By.CSS_SELECTOR, css)
        if len(found) >= count:
            return found
        time.sleep(0.1)
    status = driver.find_elements(By.ID, "status-line") or driver.find_elements(By.ID, "count")
    raise AssertionError(f"{css} did not appear; status: "
                         f"{status[0].text if status else driver.page_source[:500]}")


def paste(driver, text: str) -> None:
    """Put text in the code page's textarea as a paste would, and code it."""
    from selenium.webdriver.common.by import By

    box = driver.find_element(By.ID, "text")
    driver.execute_script("arguments[0].value = arguments[1];"
                          "arguments[0].dispatchEvent(new Event('input'));", box, text)
    driver.find_element(By.ID, "code-button").click()


def test_code_page_highlights_the_seed_article(browser, live_server, screenshots):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    if not SEED.is_file():
        pytest.skip("../shared/data/seed/egypt-hamas.txt is not here")
    browser.get(live_server + "/code")
    paste(browser, SEED.read_text(encoding="utf-8"))
    cards = wait_for(browser, "#cards .card", count=5)
    statuses = {c.find_element(By.CSS_SELECTOR, ".badge").text for c in cards}
    assert {"asserted", "claimed", "conditional"} <= statuses, statuses
    text = browser.find_element(By.ID, "article")
    plain = browser.execute_script(  # the article's words without the labels between them
        "return Array.from(arguments[0].childNodes).filter(n => !(n.classList && "
        "n.classList.contains('tag'))).map(n => n.textContent).join('')", text)
    assert "Cairo is ready to “reboot” its relationship" in plain
    assert "MAHMUD HAMS/AFP/Getty" not in plain  # the photo credit was cleaned away
    for i, c in enumerate(cards):  # every event's trigger is highlighted in its status colour
        status = c.find_element(By.CSS_SELECTOR, ".badge").text
        marks = [m for m in text.find_elements(By.CSS_SELECTOR, "mark[data-trigger]")
                 if str(i) in m.get_attribute("data-trigger").split()]
        assert marks and all("role-trigger" in m.get_attribute("class") for m in marks), i
        tags = [t for t in text.find_elements(By.CSS_SELECTOR, ".tag-trigger")
                if str(i) in t.get_attribute("data-ev").split()]
        assert tags and f"status-{status}" in tags[0].get_attribute("class"), i
        assert status in tags[0].text.lower()
    assert text.find_elements(By.CSS_SELECTOR, "mark.role-source")
    assert text.find_elements(By.CSS_SELECTOR, "mark.role-claimant")
    assert text.find_elements(By.CSS_SELECTOR, ".tag-trigger.status-conditional")
    # hovering a card lights its spans; hovering a span lights its card
    ActionChains(browser).move_to_element(cards[1]).perform()
    hot = text.find_elements(By.CSS_SELECTOR, "mark.hot")
    assert hot and all("1" in m.get_attribute("data-ev").split() for m in hot)
    browser.save_screenshot(str(screenshots / "code-page-seed.png"))
    trigger = next(m for m in text.find_elements(By.CSS_SELECTOR, "mark[data-trigger]")
                   if m.get_attribute("data-trigger").split() == ["3"])
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", trigger)
    ActionChains(browser).move_to_element(trigger).perform()
    assert "hot" in browser.find_element(By.ID, "ev-3").get_attribute("class")


def test_code_page_codes_the_example(browser, live_server, screenshots):
    from selenium.webdriver.common.by import By

    from tests.web.conftest import EXAMPLES

    if not EXAMPLES:
        pytest.skip("no examples/*.txt")
    browser.get(live_server + "/code")
    browser.find_element(By.ID, "published").send_keys("03042024")
    paste(browser, EXAMPLES[0].read_text(encoding="utf-8"))
    cards = wait_for(browser, "#cards .card", count=3)
    assert len(browser.find_elements(By.CSS_SELECTOR, "#article mark[data-trigger]")) >= len(cards)
    browser.save_screenshot(str(screenshots / "code-page-example.png"))


def test_pasted_markup_is_shown_as_text(browser, live_server):
    from selenium.webdriver.common.by import By

    browser.get(live_server + "/code")
    browser.find_element(By.ID, "clean").click()  # keep the text verbatim
    evil = ('<script>window.__xss = 1</script><img src=x onerror="window.__xss=1"> '
            "Egypt condemned Israel on Monday.")
    paste(browser, evil)
    wait_for(browser, "#result:not([hidden])")
    assert browser.execute_script("return window.__xss") is None
    assert browser.find_element(By.ID, "article").text.startswith("<script>window.__xss")
    assert not browser.find_elements(By.CSS_SELECTOR, "#article script, #article img")


def test_events_table_filters_sorts_and_downloads_csv(browser, live_server, screenshots):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get(live_server + "/events")
    rows = wait_for(browser, "#events-table tbody tr", count=5)
    total = len(rows)
    browser.save_screenshot(str(screenshots / "events-table.png"))
    # an actor name holding markup is text in the table
    assert browser.execute_script("return window.__xss") is None
    assert any("<script>" in r.text for r in rows)
    Select(browser.find_element(By.NAME, "status")).select_by_visible_text("claimed")
    browser.find_element(By.ID, "apply").click()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        rows = browser.find_elements(By.CSS_SELECTOR, "#events-table tbody tr")
        if rows and len(rows) < total:
            break
        time.sleep(0.1)
    badges = [r.find_element(By.CSS_SELECTOR, ".badge").text for r in rows]
    assert badges and set(badges) == {"claimed"}, badges
    assert "status=claimed" in browser.current_url
    # sort by Goldstein, descending on the second click
    th = browser.find_element(By.CSS_SELECTOR, "th[data-sort='goldstein']")
    th.click()
    time.sleep(0.5)
    th.click()
    deadline = time.monotonic() + 20
    while th.get_attribute("aria-sort") != "descending" and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.5)
    cells = browser.find_elements(By.CSS_SELECTOR, "#events-table tbody tr td:nth-child(8)")
    values = [float(c.text) for c in cells if c.text]
    assert values == sorted(values, reverse=True)
    # download the CSV of the filtered table
    link = browser.find_element(By.ID, "csv")
    assert "status=claimed" in link.get_attribute("href")
    for old in browser.downloads.glob("*"):
        old.unlink()
    link.click()
    deadline = time.monotonic() + 20
    files: list = []
    while time.monotonic() < deadline:
        files = [p for p in browser.downloads.glob("*.csv")]
        if files and not list(browser.downloads.glob("*.crdownload")):
            break
        time.sleep(0.1)
    assert files, "no CSV was downloaded"
    with files[0].open(encoding="utf-8") as fh:
        got = list(csv.DictReader(fh))
    assert got and {r["status"] for r in got} == {"claimed"}
    assert len(got) == len(badges)


@pytest.mark.parametrize(("path", "ready", "shot"), [
    ("/articles/egypt-hamas", "#cards .card", "article-page.png"),
    ("/network", "#network .node", "network.png"),
    ("/timeline?source=ISR&target=PSE", "#timeline rect.bar", "timeline.png"),
    ("/map", "#map circle.place", "map.png"),
    ("/docs", ".swagger-ui .opblock", "api-docs.png"),
])
def test_every_page_draws(browser, live_server, screenshots, path, ready, shot):
    if path.startswith("/articles/egypt-hamas") and not SEED.is_file():
        path = "/articles/a0"
    browser.get(live_server + path)
    wait_for(browser, ready, timeout=30)
    time.sleep(0.3)
    browser.save_screenshot(str(screenshots / shot))
    logs = browser.get_log("browser")
    errors = [e for e in logs if e["level"] == "SEVERE"]
    assert not errors, errors
