// Empty and hostile queries, odd options and malformed indexes.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { createSearcher } = require('../../templates/assets/search.js');
const fixture = require('./fixtures/handbook-index.json');

const searcher = createSearcher(fixture);

test('empty, blank and punctuation-only queries give no results', () => {
  for (const query of ['', ' ', '\t\n', '?!.,;:', '&&', '—–…', '++', '#']) {
    assert.deepEqual(searcher.search(query), [], JSON.stringify(query));
  }
});

test('queries that are not strings give no results', () => {
  for (const query of [undefined, null, 42, {}, [], ['django'], true]) {
    assert.deepEqual(searcher.search(query), []);
  }
});

test('odd options fall back to the default limit', () => {
  for (const options of [undefined, null, {}, { limit: 'x' }, { limit: NaN }, { limit: null }]) {
    assert.equal(searcher.search('a', options).length, 10);
  }
});

test('hostile strings neither throw nor match anything unexpected', () => {
  const hostile = [
    '__proto__',
    'constructor',
    'hasOwnProperty',
    'toString prototype',
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '(.*)+[a-z]{2,}\\',
    '$& $1 ^$ \\u0000',
    '\u0000\u0001\ufffd\ud800',
    '😀 🚀',
    'ﷺ'.repeat(200),
  ];
  for (const query of hostile) {
    const results = searcher.search(query, { limit: 50 });
    assert.ok(Array.isArray(results), query);
    for (const r of results) assert.equal(typeof r.url, 'string');
  }
  // Underscores separate words: "__proto__" is the ordinary word "proto".
  assert.deepEqual(searcher.search('__proto__'), searcher.search('proto'));
  assert.deepEqual(searcher.search('constructor'), []);
});

test('a huge query is cut to 200 characters and 10 words', () => {
  assert.deepEqual(searcher.search('x'.repeat(1000000)), []);
  // Words past the tenth, and text past 200 characters, are ignored.
  assert.equal(searcher.search('django '.repeat(10) + 'zzzzzz')[0].title, 'Django');
  assert.equal(searcher.search('django' + ' '.repeat(300) + 'zzzzzz')[0].title, 'Django');
  // The tenth word counts: Django misses it, so it only matches partly (a score below zero).
  assert.ok(searcher.search('django '.repeat(9) + 'zzzzzz')[0].score < 0);
  assert.ok(searcher.search('django '.repeat(10) + 'zzzzzz')[0].score > 0);
});

test('a long run of long typo-prone words stays fast enough to finish', () => {
  const query = Array.from({ length: 40 }, (_, i) => 'abcdefghijklmnopqrst'.slice(i % 5, 12 + (i % 5))).join(' ');
  assert.deepEqual(searcher.search(query), []);
});

test('synonym lookups use own keys only', () => {
  const index = JSON.parse(JSON.stringify(fixture));
  index.synonyms = JSON.parse('{"__proto__": ["django"], "constructor": "not a list"}');
  const s = createSearcher(index);
  assert.equal(s.search('constructor').length, 0);
  assert.equal(s.search('toString').length, 0);
});

test('an index without synonyms still searches', () => {
  const index = Object.assign({}, fixture);
  delete index.synonyms;
  assert.equal(createSearcher(index).search('django')[0].title, 'Django');
});

test('createSearcher rejects what is not a version 1 or 2 index', () => {
  const broken = [
    undefined,
    null,
    {},
    Object.assign({}, fixture, { version: 3 }),
    Object.assign({}, fixture, { vocab: 'django' }),
    Object.assign({}, fixture, { postings: fixture.postings.slice(1) }),
    Object.assign({}, fixture, { docs: null }),
  ];
  for (const index of broken) assert.throws(() => createSearcher(index), TypeError);
});
