"""The relevance suite (relevance_queries.py) on the real handbook, through the node API, with
success@1, success@3 and MRR printed in the test output. The bar is the issue's: the right page in
the top 3 for at least 95% of the queries."""

import json
import subprocess

from conftest import REPO
from relevance_queries import QUERIES

RUNNER = """
const { createSearcher } = require(process.argv[1]);
const index = require(process.argv[2]);
const queries = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const searcher = createSearcher(index);
process.stdout.write(JSON.stringify(queries.map((q) => searcher.search(q, { limit: 10 }).map((r) => r.url))));
"""


def rank_of(urls, expected):
    for position, url in enumerate(urls, 1):
        if url.split("#")[0] in expected:
            return position
    return None


def test_relevance(site_dir, capsys):
    assert len(QUERIES) >= 40
    result = subprocess.run(
        ["node", "-e", RUNNER, str(REPO / "templates/assets/search.js"), str(site_dir / "search-index.json")],
        input=json.dumps([q for q, _ in QUERIES]), capture_output=True, text=True, check=True, timeout=60,
    )
    ranks = [rank_of(urls, expected) for urls, (_, expected) in zip(json.loads(result.stdout), QUERIES)]
    n = len(QUERIES)
    at1 = sum(1 for r in ranks if r == 1) / n
    at3 = sum(1 for r in ranks if r is not None and r <= 3) / n
    mrr = sum(1 / r for r in ranks if r) / n
    misses = [f"  {q!r}: expected {e}, rank {r}" for (q, e), r in zip(QUERIES, ranks) if r is None or r > 3]
    with capsys.disabled():
        print(f"\nrelevance: {n} queries, success@1 {at1:.2f}, success@3 {at3:.2f}, MRR {mrr:.3f}")
        for line in misses:
            print(line)
    assert at3 >= 0.95, "\n".join(misses)


def test_the_built_index_follows_the_format(site_dir):
    """Tests/SearchJS/fixture.test.js checks a real build's index against the format contract."""
    result = subprocess.run(
        ["node", "--test", str(REPO / "Tests/SearchJS/fixture.test.js")],
        env={"HANDBOOK_SEARCH_INDEX": str(site_dir / "search-index.json"), "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert "# skipped 0" in result.stdout
