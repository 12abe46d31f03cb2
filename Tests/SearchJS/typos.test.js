// The typo search walks the sorted vocab as a trie with a banded edit-distance table. Check it
// against a brute-force Damerau (optimal string alignment) distance on a dense random vocab.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { createSearcher } = require('../../templates/assets/search.js');

/**
 * Plain optimal-string-alignment distances, the slow way: `whole` from a to b, and `prefix`
 * from a to the closest prefix of b (the last row's minimum).
 */
function distances(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i].concat(new Array(b.length).fill(0)));
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return { whole: d[a.length][b.length], prefix: Math.min(...d[a.length]) };
}

function maxEdits(word) {
  return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
}

/** Does `token` match query word `word`, by the brief's rules? Typos only reach tokens of 4+ letters. */
function expectedMatch(word, token, isLast) {
  if (token === word || (isLast && token.startsWith(word))) return true;
  if (token.length < 4) return false;
  const k = maxEdits(word);
  const { whole, prefix } = distances(word, token);
  return whole <= k || (isLast && prefix <= k);
}

/** Deterministic PRNG (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A four-letter alphabet makes near neighbours plentiful. Every doc holds one token and the
// word "xyzzy", so the query "<word> xyzzy" tests <word> as a non-last word.
const next = random(7);
const randomLetter = () => 'abcd'[Math.floor(next() * 4)];
const randomWord = (max) => Array.from({ length: 1 + Math.floor(next() * max) }, randomLetter).join('');
const words = new Set();
while (words.size < 2000) words.add(randomWord(10));
const vocabWords = Array.from(words).sort();
const vocab = vocabWords.concat(['xyzzy']).sort();
const postings = vocab.map((token) =>
  token === 'xyzzy' ? [].concat(...vocabWords.map((_, docId) => [docId, 16, 1])) : [vocabWords.indexOf(token), 1, 0]
);
const index = {
  version: 1,
  fields: ['title', 'alias', 'heading', 'summary', 'body'],
  weights: [10, 8, 5, 3, 1],
  docs: vocabWords.map((title) => ({ kind: 'term', title, url: `t/${title}.html`, summary: '', aliases: [], headings: [], text: '' })),
  vocab,
  postings,
  synonyms: {},
};
const searcher = createSearcher(index);

test('matches agree with a brute-force distance (last word: exact, prefix, typo, typo in a prefix)', () => {
  for (let n = 0; n < 150; n++) {
    const word = n % 3 === 0 ? vocabWords[Math.floor(next() * vocabWords.length)] : randomWord(11);
    const expected = vocabWords.filter((token) => expectedMatch(word, token, true)).sort();
    const actual = searcher.search(word, { limit: 1000 }).map((r) => r.title).sort();
    assert.deepEqual(actual, expected, word);
  }
});

test('matches agree with a brute-force distance (other words: exact or typo)', () => {
  for (let n = 0; n < 150; n++) {
    const word = randomWord(11);
    const expected = vocabWords.filter((token) => expectedMatch(word, token, false)).sort();
    // Every doc holds "xyzzy"; the docs matching both words are those scoring above zero.
    const both = searcher.search(`${word} xyzzy`, { limit: 1000 }).filter((r) => r.score > 0);
    const actual = both.map((r) => r.title).sort();
    assert.deepEqual(actual, expected, word);
  }
});

test('fewer edits rank higher', () => {
  const results = searcher.search('abcdabcd xyzzy', { limit: 1000 }).filter((r) => r.score > 0);
  const edits = results.map((r) => distances('abcdabcd', r.title).whole);
  assert.deepEqual(edits, edits.slice().sort((a, b) => a - b));
});
