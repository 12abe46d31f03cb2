// The tokenizer is a contract with the Swift index builder: lowercase, NFKD, combining marks
// dropped, then the matches of /[a-z0-9]+[+#]*/g.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
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
