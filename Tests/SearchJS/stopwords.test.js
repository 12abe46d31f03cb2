// A query of stop words alone finds the page titled by them ("How to", "What we do"), as a wiki's pages often are:
// the Swift index holds such a title as its words joined (SearchTokenizer.stopWordName), and so does the query.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { createSearcher } = require('../../templates/assets/search.js');
const words = require('../../templates/assets/search-words.js');

const titles = ['How to', 'How to hire', 'What we do', 'Tools we use', 'Topics', 'About', 'Abouts and more'];

/** A version 2 index of `titles` as SearchIndex writes it: title terms, the pairs of adjacent title words, the joined
 *  form of a title of stop words alone, and the names map (postings as arrays, which the store also reads). */
function index() {
  const byTerm = new Map();
  const names = {};
  const add = (term, doc) => {
    if (!byTerm.has(term)) byTerm.set(term, new Set());
    byTerm.get(term).add(doc);
  };
  titles.forEach((title, doc) => {
    const tokens = words.tokenize(title);
    const content = tokens.filter((t) => !words.isStopWord(t));
    content.forEach((t) => add(words.term(t), doc));
    for (let i = 1; i < tokens.length; i++) add(words.term(tokens[i - 1] + tokens[i]), doc);
    const key = content.length > 0 ? content.map(words.term).sort().join(' ') : words.term(tokens.join(''));
    if (content.length === 0) add(key, doc);
    names[key] = (names[key] || []).concat([doc]);
  });
  const vocab = Array.from(byTerm.keys()).sort();
  const postings = vocab.map((term) => [].concat(...Array.from(byTerm.get(term)).sort((a, b) => a - b).map((doc) => [doc, 1, 0])));
  const docs = titles.map((title, i) => ({
    kind: 'article', title, url: `articles/${i}.html`, summary: '', aliases: [], headings: [], tags: [], text: title,
  }));
  return { version: 2, fields: ['title', 'alias', 'heading', 'summary', 'body'], weights: [10, 8, 5, 3, 1], docs, vocab, postings,
    synonyms: {}, names };
}

const searcher = createSearcher(index());
const found = (query) => searcher.search(query).map((r) => r.title);

test('a title of stop words alone comes first for its own words', () => {
  assert.equal(found('How to')[0], 'How to');
  assert.equal(found('how TO')[0], 'How to');
  assert.equal(found('what we do')[0], 'What we do');
});

test('titles that begin with those words still come up after it', () => {
  assert.ok(found('how to').includes('How to hire'), found('how to').join(', '));
});

test('a title of one stop word comes first for that word', () => {
  assert.equal(found('about')[0], 'About');
  assert.equal(found('About')[0], 'About');
});

test('a single stop word is still searched as typed, a prefix', () => {
  const results = found('to');
  assert.ok(results.includes('Tools we use') && results.includes('Topics'), results.join(', '));
});

test('stop words beside another word are dropped as before', () => {
  assert.equal(found('how to hire')[0], 'How to hire');
});
