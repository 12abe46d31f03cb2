"""A large site's search from file://: the index carries no snippet text, which arrives in shards."""

import subprocess
import sys

import pytest
from selenium.webdriver.common.by import By

from conftest import HANDBOOK, REPO, Browser


@pytest.fixture(scope="module")
def large_site(tmp_path_factory):
    """1,600 generated articles: over 2 MB of snippet text, so the browser index is sharded."""
    root = tmp_path_factory.mktemp("large")
    subprocess.run(
        [sys.executable, str(REPO / "Benchmarks/generate_site.py"), str(root / "content"),
         "--articles", "1600", "--terms", "60"],
        check=True, timeout=120,
    )
    output = root / "public"
    result = subprocess.run(
        [str(HANDBOOK), "build", "--quiet", "--content", str(root / "content"),
         "--templates", str(REPO / "templates"), "--output", str(output)],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return output


def test_the_index_is_sharded(large_site):
    index = (large_site / "search-index.js").read_text()
    assert '"textShards":4' in index and '"textShardSize":500' in index
    assert sorted(p.name for p in large_site.glob("search-text-*.js")) == [f"search-text-{n}.js" for n in range(4)]
    # The JSON file for node keeps every document's text.
    assert '"textShards"' not in (large_site / "search-index.json").read_text()


def test_results_get_their_snippet_text_from_shards(driver, large_site):
    browser = Browser(driver, large_site)
    driver.get_log("browser")
    driver = browser.open("search.html", q="section 3 of article 1234")
    browser.wait().until(lambda d: d.find_elements(By.CSS_SELECTOR, ".search-card"))
    first = driver.find_element(By.CSS_SELECTOR, ".search-card")
    assert first.find_element(By.CSS_SELECTOR, "a").text == "Article 1234"
    # At first the snippet falls back to the summary; once search-text-N.js has loaded, it quotes the body.
    snippet = lambda d: d.find_element(By.CSS_SELECTOR, ".search-card .search-snippet").text
    browser.wait().until(
        lambda d: "of article 1234" in snippet(d) and "Synthetic article" not in snippet(d),
        "the snippet never showed body text from a shard",
    )
    loaded = driver.execute_script("return Object.keys(self.HANDBOOK_SEARCH_TEXT || {}).sort()")
    assert loaded and len(loaded) < 4, f"shards should load on demand, not all at once: {loaded}"
    browser.assert_no_console_errors()
