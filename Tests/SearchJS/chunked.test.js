// The chunked index (a root, then search/<name>.js chunks as words are typed) answers every query
// exactly as the whole index does: typos whatever their first letter ("ypthon"), broad prefixes,
// typo matches spread over many posting chunks. The chunks here are cut from a version 2 index the
// way Sources/HandbookKit/Search/SearchIndexWriter.swift cuts them, with tiny chunks so that a query
// spans many; Tests/Browser/test_chunked_search.py checks the Swift writer's real chunks.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const { createSearcher } = require('../../templates/assets/search.js');
const words = require('../../templates/assets/search-words.js');
const { decodePostings, decodeVocab } = require('../../templates/assets/search-store.js');
const { FIXTURE_PATH } = require('./build-fixture.js');

const NAME_MASK = 1 | 2; // title, alias

/** The version 1 fixture as a version 2 index: stop words dropped, tokens stemmed, postings merged by doc. */
function version2(v1) {
  const byTerm = new Map(); // term -> Map(docId -> [mask, tf])
  v1.vocab.forEach((token, i) => {
    if (words.isStopWord(token)) return;
    const term = words.term(token);
    if (!byTerm.has(term)) byTerm.set(term, new Map());
    const docs = byTerm.get(term);
    const list = Array.from(decodePostings(v1.postings[i]));
    for (let k = 0; k < list.length; k += 3) {
      const old = docs.get(list[k]) || [0, 0];
      docs.set(list[k], [old[0] | list[k + 1], Math.min(255, old[1] + list[k + 2])]);
    }
  });
  const vocab = Array.from(byTerm.keys()).sort();
  const postings = vocab.map((term) =>
    [].concat(...Array.from(byTerm.get(term)).sort((a, b) => a[0] - b[0]).map(([doc, [mask, tf]]) => [doc, mask, tf]))
  );
  const phrase = (text) => words.terms(text).join(' ');
  const synonyms = {};
  for (const [key, values] of Object.entries(v1.synonyms)) synonyms[phrase(key)] = values.map(phrase);
  const names = {};
  v1.docs.forEach((doc, id) => {
    for (const name of [doc.title].concat(doc.aliases)) {
      const key = words.terms(name).sort().join(' ');
      if (key !== '' && !(names[key] || []).includes(id)) names[key] = (names[key] || []).concat([id]);
    }
  });
  return { version: 2, fields: v1.fields, weights: v1.weights, docs: v1.docs, vocab, postings, synonyms, names };
}

/** SearchIndexWriter.frontCoded: "<'0' + shared prefix length><rest>" per term, separated by spaces. */
function frontCoded(vocab) {
  let previous = '';
  return vocab
    .map((term) => {
      let shared = 0;
      while (shared < Math.min(previous.length, term.length, 41) && previous[shared] === term[shared]) shared++;
      previous = term;
      return String.fromCharCode(48 + shared) + term.slice(shared);
    })
    .join(' ');
}

/**
 * Root and chunks as SearchIndexWriter cuts them (postings left as arrays, which the store also
 * reads): w-<c> per first character, p-<n> per run of about `runBytes`, h-<n> per `headChunk` docs'
 * heads, d-<n> per `docChunk` docs, and vocab. The whole index gains the runs' first terms, as
 * search-index.json does on a chunked site.
 */
function cut(index, runBytes, docChunk, headChunk) {
  const chunks = {};
  const letters = [];
  for (const term of index.vocab) {
    const letter = term.charAt(0);
    if (!letters.includes(letter)) {
      letters.push(letter);
      const first = (key) => key.charAt(0) === letter;
      const pick = (map) => Object.fromEntries(Object.entries(map).filter(([key]) => first(key)));
      chunks['w-' + letter] = { words: [], named: [], synonyms: pick(index.synonyms), names: pick(index.names) };
    }
    const i = index.vocab.indexOf(term);
    const named = [];
    for (let k = 0; k < index.postings[i].length; k += 3) {
      if (index.postings[i][k + 1] & NAME_MASK) named.push(...index.postings[i].slice(k, k + 3));
    }
    chunks['w-' + letter].words.push(term);
    chunks['w-' + letter].named.push(named);
  }
  const postingChunks = [];
  for (let start = 0; start < index.vocab.length; ) {
    let end = start;
    let size = 0;
    while (end < index.vocab.length && (end === start || size + index.postings[end].length <= runBytes)) {
      size += index.postings[end].length + index.vocab[end].length + 6;
      end++;
    }
    chunks['p-' + postingChunks.length] = { words: index.vocab.slice(start, end), postings: index.postings.slice(start, end) };
    postingChunks.push(index.vocab[start]);
    start = end;
  }
  for (let n = 0; n * docChunk < index.docs.length; n++) chunks['d-' + n] = index.docs.slice(n * docChunk, (n + 1) * docChunk);
  for (let n = 0; n * headChunk < index.docs.length; n++) {
    chunks['h-' + n] = index.docs.slice(n * headChunk, (n + 1) * headChunk).map((d) => [d.kind, d.title, d.url]);
  }
  chunks.vocab = frontCoded(index.vocab);
  const root = {
    version: 2,
    fields: index.fields,
    weights: index.weights,
    chunked: true,
    docCount: index.docs.length,
    docChunk,
    headChunk,
    letters: letters.join(''),
    postingChunks,
  };
  return { root, chunks, whole: Object.assign({}, index, { postingChunks }) };
}

// The page's loop (search-ui.js): plan, load what it needs, again until nothing is missing; rank;
// load the results' heads and show rows (`rows`), then their documents; present.
const MAX_ROUNDS = 8;
function searchChunked(searcher, chunks, query, limit, rows) {
  let rounds = 0;
  for (let needed = searcher.plan(query); needed.length > 0; needed = searcher.plan(query)) {
    assert.ok(++rounds < MAX_ROUNDS, `${query}: chunks still missing after ${rounds} rounds`);
    needed.forEach((name) => {
      assert.ok(name in chunks, `${query}: asks for a chunk that does not exist: ${name}`);
      searcher.store.add(name, chunks[name]);
    });
  }
  const ranked = searcher.rank(query, { limit });
  const needed = searcher.planPresent(ranked);
  if (needed.length > 0 && rows) {
    searcher.planRows(ranked).forEach((name) => {
      assert.match(name, /^h-\d+$/, `${query}: rows ask for ${name}`);
      searcher.store.add(name, chunks[name]);
    });
    rows(searcher.present(ranked));
  }
  needed.forEach((name) => searcher.store.add(name, chunks[name]));
  return searcher.present(ranked);
}

const index = version2(JSON.parse(fs.readFileSync(FIXTURE_PATH, 'utf8')));
// About a dozen terms per posting chunk, three docs per doc chunk and five per head chunk: queries span many of each.
const { root, chunks, whole } = cut(index, 60, 3, 5);

const QUERIES = [
  // typos whose first letter is wrong: swapped, replaced, dropped, added
  'ypthon', 'jdango', 'sjango', 'jango', 'lfask', 'ostgresql', 'apndas', 'xdjango', 'pfastapi', 'astapi',
  'machine lerning', 'data ngineer', 'instagarm', 'nistagram', 'qata engineer',
  // exact words, prefixes (broad and narrow), typos keeping the first letter, names and synonyms
  'django', 'p', 'd', 'da', 'pos', 'djnago', 'postgers', 'postgres', 'w&b', 'weights and biases', 'c++',
  'apache spark', 'interview questions', 'hiring backend', 'kaggle', 'orm', 'djang', 'pyth',
];

test('the fixture cut into chunks spans many chunks', () => {
  assert.ok(root.postingChunks.length >= 20, `${root.postingChunks.length} posting chunks`);
  assert.ok(root.letters.length >= 15, root.letters);
});

test('each query gives the same results from the chunks as from the whole index', () => {
  const wholeSearcher = createSearcher(whole);
  for (const query of QUERIES) {
    const expected = wholeSearcher.search(query, { limit: 10 });
    // A fresh page: nothing loaded yet.
    const actual = searchChunked(createSearcher(root), chunks, query, 10);
    assert.deepEqual(actual, expected, query);
  }
});

test('typing letter by letter gives the same results at every step, chunks kept across keystrokes', () => {
  const wholeSearcher = createSearcher(whole);
  for (const query of ['ypthon', 'jdango rest', 'machine lerning', 'postgers indexes']) {
    const searcher = createSearcher(root);
    for (let n = 1; n <= query.length; n++) {
      const typed = query.slice(0, n);
      assert.deepEqual(searchChunked(searcher, chunks, typed, 8), wholeSearcher.search(typed, { limit: 8 }), typed);
    }
  }
});

test('rows from the heads come first, in the order and with the pages of the results', () => {
  for (const query of ['django', 'p', 'data engineer', 'ypthon', 'interview questions']) {
    const searcher = createSearcher(root);
    let shown = null;
    const results = searchChunked(searcher, chunks, query, 8, (rows) => (shown = rows));
    assert.ok(shown, `${query}: no rows before the documents`);
    assert.ok(shown.every((row) => row.pending && row.snippet === '' && row.highlights.length === 0), query);
    const page = (url) => url.split('#')[0];
    assert.deepEqual(
      shown.map((r) => [r.kind, r.title, r.url, r.score]),
      results.map((r) => [r.kind, r.title, page(r.url), r.score]),
      query
    );
    assert.ok(results.every((r) => !r.pending), query);
    // The same query again: the documents are in, nothing is pending, rows() is not called.
    shown = null;
    searchChunked(searcher, chunks, query, 8, (rows) => (shown = rows));
    assert.equal(shown, null, query);
  }
});

test('while postings load, rows come from the titles and aliases already in', () => {
  const searcher = createSearcher(root);
  assert.equal(searcher.rowsAtHand('django', { limit: 8 }), null, 'nothing is loaded yet');
  searcher.store.add('w-d', chunks['w-d']);
  assert.ok(searcher.plan('django').some((name) => name.startsWith('p-')), 'the postings are still missing');
  assert.equal(searcher.rowsAtHand('django', { limit: 8 }), null, 'no heads yet: nothing to show without a script');
  Object.keys(chunks).filter((name) => name.startsWith('h-')).forEach((name) => searcher.store.add(name, chunks[name]));
  const rows = searcher.rowsAtHand('django', { limit: 8 });
  assert.ok(rows && rows.length > 0 && rows.every((row) => row.pending), JSON.stringify(rows));
  assert.equal(rows[0].title, 'Django');
  assert.equal(searchChunked(searcher, chunks, 'django', 8)[0].title, 'Django');
  assert.equal(searcher.rowsAtHand('zzzzqq', { limit: 8 }), null, 'no rows: nothing to replace the last ones with');
});

test('a typo with a wrong first letter finds its word', () => {
  const titles = (query) => searchChunked(createSearcher(root), chunks, query, 3).map((r) => r.title);
  assert.equal(titles('jdango')[0], 'Django');
  assert.equal(titles('lfask')[0], 'Flask');
  assert.equal(titles('apndas')[0], 'pandas');
  assert.equal(titles('nistagram')[0], 'Instagram');
});

test('the vocab chunk decodes to every term', () => {
  assert.deepEqual(decodeVocab(chunks.vocab), index.vocab);
  assert.deepEqual(decodeVocab('0node 4j 0python'), ['node', 'nodej', 'python']);
  assert.deepEqual(decodeVocab(''), []);
});

test('the vocab chunk is loaded only for words long enough to have typos', () => {
  const searcher = createSearcher(root);
  searchChunked(searcher, chunks, 'pan', 8);
  assert.equal(searcher.store.has('vocab'), false);
  searchChunked(searcher, chunks, 'pand', 8);
  assert.equal(searcher.store.has('vocab'), true);
});
