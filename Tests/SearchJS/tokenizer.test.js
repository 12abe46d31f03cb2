// The tokenizer is a contract with the Swift index builder: lowercase, NFKD, combining marks
// dropped, then the matches of /[a-z0-9]+[+#]*/g.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { tokenize } = require('../../templates/assets/search.js');

const CASES = [
  // The brief's examples.
  ['C++', ['c++']],
  ['Node.js', ['node', 'js']],
  ['Résumé', ['resume']],
  ['Weights & Biases', ['weights', 'biases']],
  // Plus and hash only as a suffix of a word.
  ['C# and F#', ['c#', 'and', 'f#']],
  ['x++y', ['x++', 'y']],
  ['++ # +', []],
  // Digits are word characters; dots, underscores, hyphens and apostrophes split.
  ['Python 3.12', ['python', '3', '12']],
  ['select_related', ['select', 'related']],
  ['full-featured', ['full', 'featured']],
  ["don't", ['don', 't']],
  // NFKD folds compatibility characters; marks go, other scripts are not tokens.
  ['Ｐｙｔｈｏｎ', ['python']],
  ['ﬁle', ['file']],
  ['São Paulo, Zürich, Ångström', ['sao', 'paulo', 'zurich', 'angstrom']],
  ['naïve café', ['naive', 'cafe']],
  ['東京 Tokyo', ['tokyo']],
  ['', []],
  ['  \n\t ', []],
];

for (const [text, tokens] of CASES) {
  test(`tokenize(${JSON.stringify(text)})`, () => {
    assert.deepEqual(tokenize(text), tokens);
  });
}

test('tokenize accepts any value by its string form', () => {
  assert.deepEqual(tokenize(42), ['42']);
});

// Index terms: stop words dropped, joined forms, Porter2 stems (the same as PorterStemmer.swift).
const words = require('../../templates/assets/search-words.js');

const TERMS = [
  ['Node.js and CI/CD', ['node', 'js', 'nodej', 'ci', 'cd', 'cicd']],
  ['scikit-learn', ['scikit', 'learn', 'scikitlearn']],
  ['What does a data scientist do?', ['data', 'scientist']],
  ['Salaries of streaming engineers', ['salari', 'stream', 'engin']],
  ['C++ / Python 3.12', ['c++', 'python', '3', '12']],
  ['IT in the US', ['it', 'us']],
];
for (const [text, terms] of TERMS) {
  test(`terms(${JSON.stringify(text)})`, () => assert.deepEqual(words.terms(text), terms));
}

test('Porter2 agrees with snowballstemmer on the whole vocabulary (fixtures/porter2.tsv)', () => {
  const lines = fs.readFileSync(path.join(__dirname, 'fixtures', 'porter2.tsv'), 'utf8').split('\n').filter(Boolean);
  assert.ok(lines.length > 5000);
  const wrong = lines
    .map((line) => line.split('\t'))
    .filter(([word, stem]) => words.stem(word) !== stem)
    .map(([word, stem]) => `${word} -> ${words.stem(word)}, not ${stem}`);
  assert.deepEqual(wrong.slice(0, 20), []);
});
