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
from selenium.webdriver.common.keys import Keys

from conftest import CHROMEDRIVER, CHROMIUM, HANDBOOK, REPO, Browser

ROOT_BUDGET = 100_000
FIRST_RESULT_BUDGET = 1_000_000
TYPED_QUERY_BUDGET = 3_000_000
QUERY = "partition merge"  # 15 characters, two common words of the corpus
# Typos of the corpus's words with their first letter wrong (swapped, dropped, added, replaced), then
# typos, prefixes and words the whole index and the chunks must answer alike.
TYPO_QUERY = "aprtition"
SAME_AS_WHOLE = [
    "aprtition", "eplica", "xsnapshot", "qournal merge", "rpelica quorum", "cahce invalidation",
    "partition merge", "p", "re", "snaps", "journal", "quroum", "invalidaton",
]

# Searches search-index.json whole, and the root with its chunks the way the page loads them
# (plan, load what is missing, again; rank; load the results' documents; present).
NODE_RUNNER = """
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const [assets, site] = process.argv.slice(1);
const { createSearcher } = require(path.join(assets, 'search.js'));
const queries = JSON.parse(fs.readFileSync(0, 'utf8'));
const whole = createSearcher(JSON.parse(fs.readFileSync(path.join(site, 'search-index.json'), 'utf8')));
const sandbox = { self: {} };
vm.runInNewContext(fs.readFileSync(path.join(site, 'search-index.js'), 'utf8'), sandbox);
const load = (searcher, names) => names.forEach((name) => {
  vm.runInNewContext(fs.readFileSync(path.join(site, 'search', name + '.js'), 'utf8'), sandbox);
  searcher.store.add(name, sandbox.self.HANDBOOK_SEARCH_CHUNKS[name]);
});
const out = queries.map((query) => {
  const chunked = createSearcher(sandbox.self.HANDBOOK_SEARCH_INDEX);
  let rounds = 0;
  for (let needed = chunked.plan(query); needed.length > 0 && rounds < 8; needed = chunked.plan(query), rounds++) load(chunked, needed);
  const ranked = chunked.rank(query, { limit: 8 });
  load(chunked, chunked.planPresent(ranked));
  return { query, rounds, whole: whole.search(query, { limit: 8 }), chunked: chunked.present(ranked) };
});
process.stdout.write(JSON.stringify(out));
"""


def node_search(site, queries):
    result = subprocess.run(
        ["node", "-e", NODE_RUNNER, str(REPO / "templates/assets"), str(site)],
        input=json.dumps(queries), capture_output=True, text=True, check=True, timeout=300,
    )
    return json.loads(result.stdout)


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
    assert kinds == {"w", "p", "h", "d", "vocab.js"}, kinds
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


def shown(driver, typed):
    """The results for `typed` are on screen with their snippets (rows wait for them with aria-busy)."""
    busy = driver.execute_script("return document.getElementById('search-results').hasAttribute('aria-busy')")
    return status(driver).endswith("\u201c" + typed + "\u201d") and not busy


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
        browser.wait(30).until(lambda d: shown(d, typed), f"no results rendered for {typed!r}")
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


def test_the_chunks_answer_as_the_whole_index_does(large_site):
    for answer in node_search(large_site, SAME_AS_WHOLE):
        assert answer["rounds"] < 8, answer["query"]
        assert answer["chunked"] == answer["whole"], answer["query"]
    # Typos whatever their first letter: "aprtition" is two edits from "partition".
    [typo] = node_search(large_site, [TYPO_QUERY])
    assert typo["whole"] and "partition" in typo["whole"][0]["snippet"].lower(), typo["whole"][:1]


def test_a_typo_of_the_first_letter_finds_the_word_in_the_browser(network_driver, large_site):
    driver = network_driver
    browser = Browser(driver, large_site)
    article = sorted((large_site / "articles").glob("*.html"))[1].relative_to(large_site)
    browser.open(str(article))
    network = Network(driver).drain()
    page = browser.url(str(article))
    driver.find_element(By.ID, "search-input").click()
    ActionChains(driver).send_keys(TYPO_QUERY).perform()
    browser.wait(30).until(lambda d: shown(d, TYPO_QUERY), f"no results rendered for {TYPO_QUERY!r}")
    hrefs = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#search-results li[role=option] a")]
    [expected] = node_search(large_site, [TYPO_QUERY])
    assert [h[len(large_site.as_uri()) + 1:] for h in hrefs] == [r["url"] for r in expected["whole"]]
    network.drain()
    assert any(url.endswith("/search/vocab.js") for url in network.bytes)
    print(f"\nbytes loaded after typing {TYPO_QUERY!r}: {network.total(exclude=[page])}")
    assert network.total(exclude=[page]) <= TYPED_QUERY_BUDGET
    browser.assert_no_console_errors()


def test_rows_come_first_and_the_keyboard_opens_a_result(network_driver, large_site):
    """Typing on: rows show before their snippets (the list aria-busy, the count not yet announced), the
    final rows replace them, and ArrowDown + Enter opens the first result from file://."""
    driver = network_driver
    browser = Browser(driver, large_site)
    article = sorted((large_site / "articles").glob("*.html"))[2].relative_to(large_site)
    browser.open(str(article))
    driver.execute_script("""
      window.__rows = [];
      const list = document.getElementById('search-results');
      new MutationObserver(() => window.__rows.push([list.getAttribute('data-query'), list.hasAttribute('aria-busy'),
        list.querySelectorAll('li[role=option] .search-title').length])).observe(list, { childList: true });
    """)
    driver.find_element(By.ID, "search-input").click()
    query = "replica"
    for n in range(1, len(query) + 1):
        ActionChains(driver).send_keys(query[n - 1]).perform()
        browser.wait(30).until(lambda d: shown(d, query[:n]), f"no results rendered for {query[:n]!r}")
    rows = driver.execute_script("return window.__rows")
    # Some keystroke showed titled rows while their snippets (or postings) were still loading.
    assert any(busy and count > 0 for _, busy, count in rows), rows
    first = driver.find_element(By.CSS_SELECTOR, "#search-results li[role=option] a").get_attribute("href")
    ActionChains(driver).send_keys(Keys.ARROW_DOWN).send_keys(Keys.ENTER).perform()
    browser.wait(30).until(lambda d: d.current_url == first, f"Enter did not open {first}")
    browser.assert_no_console_errors()
