// Speed on a synthetic index of 100,000 vocab tokens. Asserts only that the queries finish and
// return results; the timings are reported as test diagnostics (median and p95), never asserted.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { performance } = require('perf_hooks');
const { createSearcher } = require('../../templates/assets/search.js');

const VOCAB_SIZE = 100000;
const DOC_COUNT = 5000;
const RUNS = 5;

/** Deterministic PRNG (mulberry32), so every run measures the same index and queries. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pronounceable pseudo-words, so tokens share prefixes the way real words do. */
function syntheticIndex(next) {
  const pick = (s) => s[Math.floor(next() * s.length)];
  const syllable = () => pick('bcdfghjklmnprstvwz') + pick('aeiouy') + (next() < 0.3 ? pick('nrstlk') : '');
  const words = new Set();
  while (words.size < VOCAB_SIZE) {
    let word = '';
    for (let n = 1 + Math.floor(next() * 4); n > 0; n--) word += syllable();
    words.add(word);
  }
  const vocab = Array.from(words).sort();
  const tokensOf = Array.from({ length: DOC_COUNT }, () => []);
  const postings = vocab.map((token) => {
    const docIds = new Set();
    for (let n = 1 + Math.floor(next() * 4); n > 0; n--) docIds.add(Math.floor(next() * DOC_COUNT));
    return Array.from(docIds)
      .sort((a, b) => a - b)
      .reduce((flat, docId) => {
        tokensOf[docId].push(token);
        return flat.concat([docId, 1 << Math.floor(next() * 5), Math.floor(next() * 4)]);
      }, []);
  });
  const kinds = ['term', 'archetype', 'company', 'article', 'page'];
  const docs = tokensOf.map((tokens, i) => ({
    kind: kinds[i % kinds.length],
    title: `Doc ${i} ${tokens[0] || ''}`,
    url: `docs/${i}.html`,
    summary: tokens.slice(0, 12).join(' '),
    aliases: [],
    headings: [[tokens.slice(1, 3).join(' '), 'part']],
    text: tokens.join(' ').slice(0, 1500),
  }));
  const fields = ['title', 'alias', 'heading', 'summary', 'body'];
  const index = { version: 1, fields, weights: [10, 8, 5, 3, 1], docs, vocab, postings, synonyms: {} };
  // Through JSON, as a real index arrives: flat strings and arrays, as the browser would have them.
  return JSON.parse(JSON.stringify(index));
}

/** A query mix: whole words, typos (1–2 edits), prefixes of 1–4 letters, and 2–3 word queries. */
function queries(vocab, next) {
  const pick = () => vocab[Math.floor(next() * vocab.length)];
  const typo = (word) => {
    const i = Math.floor(next() * word.length);
    return next() < 0.5 ? word.slice(0, i) + word.slice(i + 1) : word.slice(0, i) + 'x' + word.slice(i + 1);
  };
  const list = [];
  for (let n = 0; n < 60; n++) {
    const word = pick();
    const prefix = word.slice(0, 1 + (n % 4));
    list.push(word, typo(word), prefix, `${pick()} ${word.slice(0, 3)}`, `${typo(pick())} ${pick()} ${word}`);
  }
  return list;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

test('queries on a 100k-token vocab finish (timings in the diagnostics)', (t) => {
  const next = random(20240611);
  const index = syntheticIndex(next);
  const vocab = index.vocab;
  const list = queries(vocab, next);

  let started = performance.now();
  const searcher = createSearcher(index);
  t.diagnostic(`createSearcher: ${(performance.now() - started).toFixed(2)} ms`);

  list.forEach((q) => searcher.search(q)); // warm up the JIT
  // Each query's time is the median of RUNS runs, so a busy machine skews the numbers less.
  const times = [];
  let found = 0;
  for (const q of list) {
    const runs = [];
    let results = [];
    for (let run = 0; run < RUNS; run++) {
      started = performance.now();
      results = searcher.search(q, { limit: 10 });
      runs.push(performance.now() - started);
    }
    times.push(percentile(runs.sort((a, b) => a - b), 50));
    assert.ok(Array.isArray(results));
    if (results.length > 0) found++;
  }
  times.sort((a, b) => a - b);
  t.diagnostic(
    `${times.length} queries on ${vocab.length} tokens / ${index.docs.length} docs: ` +
      `median ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms, ` +
      `max ${times[times.length - 1].toFixed(2)} ms`
  );
  assert.ok(found > list.length / 2, `most queries find something (${found}/${list.length})`);
});
