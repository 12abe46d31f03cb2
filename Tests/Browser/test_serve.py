"""`handbook serve` in a real browser: an edit reloads the open page, a broken edit shows an overlay
over the last good page, a fix reloads it again. The server runs on a free port and is always stopped."""

import re
import signal
import subprocess
import time

import pytest
from selenium.webdriver.common.by import By

from conftest import HANDBOOK

RELOAD_SECONDS = 2.0  # poll interval (0.3 s) + a build + the reload, with room for a busy CI machine


@pytest.fixture
def served(tmp_path):
    """A site made by `handbook new site`, served; yields (site folder, base URL)."""
    site = tmp_path / "wiki"
    subprocess.run([str(HANDBOOK), "new", "site", str(site)], check=True, capture_output=True, timeout=30)
    log = open(tmp_path / "serve.log", "w+")
    server = subprocess.Popen([str(HANDBOOK), "serve", "--port", "0"], cwd=site, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        url = None
        while url is None and time.monotonic() < deadline and server.poll() is None:
            time.sleep(0.05)
            log.seek(0)
            match = re.search(r"at (http://127\.0\.0\.1:\d+/)", log.read())
            url = match.group(1) if match else None
        assert url, f"serve did not start:\n{(tmp_path / 'serve.log').read_text()}"
        yield site, url
    finally:
        server.send_signal(signal.SIGINT)
        try:
            assert server.wait(timeout=10) == 0, "serve did not exit 0 after Ctrl-C"
        finally:
            if server.poll() is None:
                server.kill()
            log.close()


def wait_for_reload(driver, seconds):
    """Waits until the page was replaced (the marker set on the old page is gone); returns the time taken."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        try:
            if driver.execute_script("return window.__beforeEdit === undefined && document.readyState === 'complete'"):
                return time.monotonic() - start
        except Exception:  # the page is being replaced right now
            pass
        time.sleep(0.02)
    raise AssertionError(f"the page did not reload within {seconds} s")


@pytest.fixture
def page(driver):
    """The shared browser, left on a blank page before the server stops (request it after `served`): a
    served page still open would keep long-polling a closed port and log errors into the next test."""
    yield driver
    driver.get("about:blank")
    driver.get_log("browser")


def test_edit_reloads_and_broken_edit_shows_overlay(served, page):
    driver = page
    site, url = served
    article = site / "content" / "articles" / "getting-started.md"
    driver.get(url + "articles/getting-started.html")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Getting started"

    driver.execute_script("window.__beforeEdit = true")
    article.write_text(article.read_text().replace("title: Getting started", "title: Start here"))
    took = wait_for_reload(driver, RELOAD_SECONDS)
    print(f"reloaded {took:.2f} s after the edit")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Start here"
    assert not driver.find_elements(By.ID, "handbook-live-overlay")

    driver.execute_script("window.__beforeEdit = true")
    article.write_text(article.read_text().replace("order: 1", "order: first"))
    overlay = None
    deadline = time.monotonic() + RELOAD_SECONDS
    while overlay is None and time.monotonic() < deadline:
        found = driver.find_elements(By.ID, "handbook-live-overlay")
        overlay = found[0] if found else None
        time.sleep(0.02)
    assert overlay is not None and overlay.is_displayed(), "no overlay after a broken edit"
    assert "content/articles/getting-started.md:4:8: error: 'order' must be a whole number" in overlay.text
    # No reload happened: the last good page stays under the overlay.
    assert driver.execute_script("return window.__beforeEdit") is True
    assert driver.find_element(By.TAG_NAME, "h1").text == "Start here"

    article.write_text(article.read_text().replace("order: first", "order: 1"))
    wait_for_reload(driver, RELOAD_SECONDS)
    assert not driver.find_elements(By.ID, "handbook-live-overlay")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Start here"


def test_a_text_edit_reloads_the_page_and_the_search_index_follows(served, page):
    """An edit to a page's text alone is rebuilt in part: the page reloads with it, and search finds the new words
    once the index is written after the reload."""
    driver = page
    site, url = served
    article = site / "content" / "articles" / "getting-started.md"
    driver.get(url + "articles/getting-started.html")
    driver.execute_script("window.__beforeEdit = true")
    article.write_text(article.read_text() + "\nThe word zanzibarish appears here only.\n")
    wait_for_reload(driver, RELOAD_SECONDS)
    assert "zanzibarish" in driver.find_element(By.TAG_NAME, "main").text
    # The search index is written after the reload: ask until it finds the new word.
    def found():
        driver.get(url + "search.html?q=zanzibarish")
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            message = driver.find_elements(By.CSS_SELECTOR, "#search-page .search-message")
            if message and "Searching" not in message[0].text:
                links = driver.find_elements(By.CSS_SELECTOR, "#search-page li.search-card .search-card-title a")
                return any(link.get_attribute("href").endswith("articles/getting-started.html") for link in links)
            time.sleep(0.05)
        return False

    deadline = time.monotonic() + 15
    while not found():
        assert time.monotonic() < deadline, "search did not find the new word after the edit"
        time.sleep(0.2)
