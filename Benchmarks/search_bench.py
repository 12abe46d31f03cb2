#!/usr/bin/env python3
"""Search at scale, for the notes (times are measured here, never asserted in tests).

Builds the benchmark corpus (gen_corpus.py: 10,000 articles + 2,000 terms, seed 42) with the release
binary, prints the search-index stage time and the index sizes (root, chunks, JSON), then, in headless
Chromium from file://, types queries letter by letter and prints the time from each keydown to its
results on screen (the first keystroke loads the root and chunks), and the bytes loaded (CDP Network).

usage: search_bench.py [--reuse]   (--reuse: keep an existing .build/bench-search build)
"""
import json
import pathlib
import re
import statistics
import subprocess
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

ROOT = pathlib.Path(__file__).resolve().parent.parent
SITE = ROOT / ".build" / "bench-search"
QUERIES = ["partition merge", "replica quorum", "snapshot journal", "cache invalidation"]

# Times each keydown to the first render of its query's rows (the list's data-query), and to the render
# with every snippet (the list no longer aria-busy, the count announced), in the page:
# [value, rows ms, snippets ms].
PROBE = """
window.__bench = [];
const status = document.querySelector('#search-results + [role=status]');
const list = document.getElementById('search-results');
let pending = null;
let rows = null;
document.getElementById('search-input').addEventListener('keydown', () => { pending = performance.now(); rows = null; }, true);
const observer = new MutationObserver(() => {
  const value = document.getElementById('search-input').value;
  if (pending === null || list.getAttribute('data-query') !== value) return;
  const now = performance.now() - pending;
  if (rows === null) rows = now;
  if (!list.hasAttribute('aria-busy') && status.textContent.endsWith('\\u201c' + value + '\\u201d')) {
    window.__bench.push([value, rows, now]);
    pending = null;
  }
});
observer.observe(status, { childList: true, characterData: true, subtree: true });
observer.observe(list, { attributes: true, childList: true });
"""


def build():
    content = SITE / "content"
    if not content.is_dir():
        subprocess.run([sys.executable, str(ROOT / "Benchmarks/gen_corpus.py"), str(SITE), "--articles", "10000",
                        "--terms", "2000", "--seed", "42"], check=True)
    started = time.time()
    result = subprocess.run([str(ROOT / ".build/release/handbook"), "build", "--content", str(content), "--templates",
                             str(ROOT / "templates"), "--output", str(SITE / "public"), "--verbose"],
                            check=True, capture_output=True, text=True)
    print(f"build: {time.time() - started:.2f} s wall")
    for line in (result.stdout + result.stderr).splitlines():
        if re.match(r"\s+search index", line):
            print("stage:", line.strip())


def sizes():
    public = SITE / "public"
    chunks = sorted((public / "search").iterdir()) if (public / "search").is_dir() else []
    print(f"search-index.js (root): {(public / 'search-index.js').stat().st_size / 1e3:.1f} KB")
    print(f"search-index.json: {(public / 'search-index.json').stat().st_size / 1e6:.1f} MB")
    for kind in ("w", "p", "d"):
        files = [c.stat().st_size for c in chunks if c.name.startswith(kind + "-")]
        if files:
            print(f"chunks {kind}-*: {len(files)} files, {sum(files) / 1e6:.1f} MB, largest {max(files) / 1e3:.1f} KB, "
                  f"median {statistics.median(files) / 1e3:.1f} KB")


def browse():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
    article = sorted((SITE / "public" / "articles").glob("*.html"))[1]
    try:
        for query in QUERIES:
            driver.get(article.as_uri())  # a fresh page: nothing of the index is loaded yet
            driver.get_log("performance")
            driver.execute_script(PROBE)
            driver.find_element(By.ID, "search-input").click()
            for letter in query:
                count = len(driver.execute_script("return window.__bench"))
                ActionChains(driver).send_keys(letter).perform()
                deadline = time.time() + 30
                while len(driver.execute_script("return window.__bench")) == count and time.time() < deadline:
                    time.sleep(0.005)
            bench = driver.execute_script("return window.__bench")
            times = [rows for _, rows, _ in bench]
            whole = [done for _, _, done in bench]
            loaded = {}
            urls = {}
            for entry in driver.get_log("performance"):
                message = json.loads(entry["message"])["message"]
                params = message.get("params", {})
                if message["method"] == "Network.requestWillBeSent":
                    urls[params["requestId"]] = params["request"]["url"]
                elif message["method"] == "Network.loadingFinished" and params["requestId"] in urls:
                    loaded[urls[params["requestId"]]] = params.get("encodedDataLength", 0)
            print(f"{query!r}: first result {times[0]:.0f} ms after the first keystroke; later keystrokes "
                  f"median {statistics.median(times[1:]):.1f} ms, max {max(times[1:]):.1f} ms (with snippets: "
                  f"median {statistics.median(whole[1:]):.1f} ms, max {max(whole[1:]):.1f} ms); "
                  f"{sum(loaded.values()) / 1e3:.0f} KB of index loaded ({len(loaded)} scripts)")
    finally:
        driver.quit()


if __name__ == "__main__":
    if "--reuse" not in sys.argv:
        build()
    sizes()
    browse()
