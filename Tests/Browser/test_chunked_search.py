"""A large site's search from file://: a 10,000-article site (Benchmarks/gen_corpus.py, the
benchmark corpus) gets a small root index and chunk scripts, and a reader typing a query letter by
letter loads only a little of the index. Bytes come from CDP Network events. Times go to
`make bench`, never into a test."""

import json
import os
import pathlib
import subprocess
import sys

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from conftest import CHROMEDRIVER, CHROMIUM, HANDBOOK, REPO, Browser

ROOT_BUDGET = 100_000
FIRST_RESULT_BUDGET = 1_000_000
TYPED_QUERY_BUDGET = 3_000_000
QUERY = "partition merge"  # 15 characters, two common words of the corpus


@pytest.fixture(scope="module")
def large_site(tmp_path_factory):
    # HANDBOOK_LARGE_SITE=<a built site> reuses one while iterating on the client.
    if os.environ.get("HANDBOOK_LARGE_SITE"):
        return pathlib.Path(os.environ["HANDBOOK_LARGE_SITE"])
    root = tmp_path_factory.mktemp("large")
    subprocess.run(
        [sys.executable, str(REPO / "Benchmarks/gen_corpus.py"), str(root),
         "--articles", "10000", "--terms", "2000", "--seed", "42"],
        check=True, timeout=300, capture_output=True,
    )
    output = root / "public"
    result = subprocess.run(
        [str(HANDBOOK), "build", "--quiet", "--content", str(root / "content"),
         "--templates", str(REPO / "templates"), "--output", str(output)],
        capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stderr
    return output


def test_the_root_is_small_and_the_json_whole(large_site):
    root = large_site / "search-index.js"
    assert root.stat().st_size <= ROOT_BUDGET, f"search-index.js is {root.stat().st_size} bytes"
    text = root.read_text()
    assert '"chunked":true' in text and '"docCount":' in text
    kinds = {p.name.split("-")[0] for p in (large_site / "search").iterdir()}
    assert kinds == {"w", "p", "d"}, kinds
    # search-index.json stays the whole index, for node and tools.
    head = (large_site / "search-index.json").read_text()[:200]
    assert head.startswith('{"version":2,') and '"docs":[' in head


@pytest.fixture(scope="module")
def network_driver():
    """A Chromium of its own, logging CDP Network events (the session's driver logs the console only)."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    chrome = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    yield chrome
    chrome.quit()


class Network:
    """Bytes per URL from CDP Network.loadingFinished events (encodedDataLength; on file:// the file size)."""

    def __init__(self, driver):
        self.driver = driver
        self.urls = {}
        self.bytes = {}

    def drain(self):
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            params = message.get("params", {})
            if message["method"] == "Network.requestWillBeSent":
                self.urls[params["requestId"]] = params["request"]["url"]
            elif message["method"] == "Network.loadingFinished" and params["requestId"] in self.urls:
                self.bytes[self.urls[params["requestId"]]] = params.get("encodedDataLength", 0)
        return self

    def total(self, exclude=()):
        return sum(size for url, size in self.bytes.items() if url not in exclude)


def status(driver):
    return driver.execute_script(
        "var s = document.querySelector('#search-results + [role=status]'); return s ? s.textContent : ''"
    )


def test_typing_a_query_loads_little_of_the_index(network_driver, large_site):
    driver = network_driver
    browser = Browser(driver, large_site)
    article = sorted((large_site / "articles").glob("*.html"))[1].relative_to(large_site)
    browser.open(str(article))
    network = Network(driver).drain()
    page = browser.url(str(article))
    page_bytes = network.total(exclude=[page])
    driver.find_element(By.ID, "search-input").click()
    figures = []
    for n in range(1, len(QUERY) + 1):
        ActionChains(driver).send_keys(QUERY[n - 1]).perform()
        typed = QUERY[:n]
        browser.wait(30).until(
            lambda d: status(d).endswith("\u201c" + typed + "\u201d"), f"no results rendered for {typed!r}"
        )
        total = network.drain().total(exclude=[page])
        figures.append((typed, total))
        if n == 1:
            assert not status(driver).startswith("No results"), status(driver)
            assert total <= FIRST_RESULT_BUDGET, f"{total} bytes loaded before the first result"
    print(f"\nbytes loaded (the page's own scripts and styles: {page_bytes}):")
    print(", ".join(f"{t!r} {b}" for t, b in figures))
    assert total <= TYPED_QUERY_BUDGET, f"{total} bytes loaded after typing {QUERY!r}"
    assert any("/search/p-" in url for url in network.bytes), "no posting chunk was loaded"
    assert not any(url.endswith("search-index.json") for url in network.bytes)
    # The results are real: the first links to a page of the site, with the words marked in its snippet.
    first = driver.find_element(By.CSS_SELECTOR, "#search-results li[role=option] a")
    assert first.get_attribute("href").startswith("file://")
    marks = [m.text.lower() for m in driver.find_elements(By.CSS_SELECTOR, "#search-results mark")]
    assert any(m.startswith("partition") or m.startswith("merge") for m in marks), marks
    browser.assert_no_console_errors()
