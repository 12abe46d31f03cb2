"""Porter2 against PyPI's snowballstemmer: the committed Tests/SearchJS/fixtures/porter2.tsv (which
the Swift and node tests read) must be snowballstemmer's output, and search-words.js must agree with
snowballstemmer on every word of the handbook as it is now. Regenerate the file with
`scripts/porter2-fixture.py Tests/SearchJS/fixtures/porter2.tsv content <benchmark corpus>/content`."""

import json
import subprocess
import sys

import snowballstemmer

from conftest import REPO

sys.path.insert(0, str(REPO / "scripts"))
porter2_fixture = __import__("porter2-fixture")

STEMMER = snowballstemmer.stemmer("english")


def js_stems(words):
    runner = (
        "const w = require(process.argv[1]);"
        "process.stdout.write(JSON.stringify(JSON.parse(require('fs').readFileSync(0, 'utf8')).map(w.stem)))"
    )
    result = subprocess.run(
        ["node", "-e", runner, str(REPO / "templates/assets/search-words.js")],
        input=json.dumps(words), capture_output=True, text=True, check=True, timeout=60,
    )
    return json.loads(result.stdout)


def test_the_committed_stems_are_snowballs():
    lines = (REPO / "Tests/SearchJS/fixtures/porter2.tsv").read_text(encoding="utf-8").splitlines()
    pairs = [line.split("\t") for line in lines]
    assert len(pairs) > 5000
    words = [w for w, _ in pairs]
    assert words == sorted(set(words))
    wrong = [(w, s, e) for (w, s), e in zip(pairs, STEMMER.stemWords(words)) if s != e]
    assert not wrong, wrong[:20]


def test_the_client_stems_the_handbook_like_snowball():
    words = porter2_fixture.words([REPO / "content"])
    assert len(words) > 2000
    wrong = [(w, j, e) for w, j, e in zip(words, js_stems(words), STEMMER.stemWords(words)) if j != e]
    assert not wrong, wrong[:20]
