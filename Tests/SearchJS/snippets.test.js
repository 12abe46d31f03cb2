// Snippets: plain text around the first match, with highlight offsets into the snippet.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { createSearcher, tokenize } = require('../../templates/assets/search.js');
const { buildIndex } = require('./build-fixture.js');
const fixture = require('./fixtures/handbook-index.json');

const searcher = createSearcher(fixture);
const marked = (result) => result.highlights.map(([start, end]) => result.snippet.slice(start, end));

function searchOne(text, query, extra) {
  const sections = [['Notes', 'notes', text]];
  const source = Object.assign({ kind: 'article', title: 'Notes', url: 'a/notes.html', summary: '', aliases: [], sections }, extra);
  return createSearcher(buildIndex([source])).search(query)[0];
}

test('highlights are ordered, disjoint ranges inside the snippet', () => {
  for (const query of ['python', 'data', 'django postgresql', 'resume', 'w&b', 'c++', 'ask']) {
    for (const result of searcher.search(query, { limit: 50 })) {
      let previousEnd = 0;
      for (const [start, end] of result.highlights) {
        assert.ok(Number.isInteger(start) && Number.isInteger(end), query);
        assert.ok(previousEnd <= start && start < end && end <= result.snippet.length, query);
        previousEnd = end;
      }
    }
  }
});

test('highlights cover whole matched words, in their original spelling', () => {
  const result = searcher.search('resume').find((r) => r.url === 'terms/flask.html#on-a-resume');
  assert.deepEqual(marked(result), ['résumé', 'résumé']);
  assert.deepEqual(marked(first('c++')), ['C++', 'C++', 'C++']);
  // A prefix highlights the word it completes; a typo the word it corrects.
  assert.deepEqual(marked(first('djan')), ['Django']);
  assert.ok(marked(first('postgrsql')).includes('PostgreSQL'));
});

test('every highlighted word matches a query word', () => {
  for (const result of searcher.search('django framework', { limit: 50 })) {
    for (const word of marked(result)) {
      const token = tokenize(word)[0];
      assert.ok(token === 'django' || token.startsWith('framework'), `${result.url}: ${word}`);
    }
  }
});

test('the snippet starts near the first match, cut at spaces, with ellipses where cut', () => {
  const before = 'Lorem ipsum dolor sit amet, '.repeat(12);
  const after = ' consectetur adipiscing elit,'.repeat(12);
  const result = searchOne(`${before}the Django admin${after}`, 'django');
  assert.ok(result.snippet.startsWith('\u2026'));
  assert.ok(result.snippet.endsWith('\u2026'));
  assert.ok(result.snippet.length <= 162, `${result.snippet.length} chars`);
  const [[start, end]] = result.highlights;
  assert.equal(result.snippet.slice(start, end), 'Django');
  assert.ok(start > 10 && start < 60, `match at ${start}`);
  assert.ok(/^\u2026[A-Za-z]/.test(result.snippet), 'begins with a whole word');
});

test('a match near the start keeps the start, without an ellipsis', () => {
  const result = searchOne('Django is a web framework.', 'framework');
  assert.equal(result.snippet, 'Notes Django is a web framework.');
  assert.deepEqual(marked(result), ['framework']);
});

test('without a match in the text, the snippet is the summary', () => {
  // "Instagram" is only in the company's title.
  const result = searcher.search('instagram')[0];
  assert.equal(result.snippet, fixture.docs.find((d) => d.title === 'Instagram').summary);
  assert.deepEqual(result.highlights, []);
  // A word only in the summary is highlighted there.
  const summaryOnly = searchOne('Nothing relevant here.', 'hiring', { summary: 'A guide to hiring.' });
  assert.equal(summaryOnly.snippet, 'A guide to hiring.');
  assert.deepEqual(marked(summaryOnly), ['hiring']);
});

test('snippets are plain text: markup in the index stays literal', () => {
  const result = searchOne('Beware <script>alert(1)</script> &amp; django', 'django');
  assert.ok(result.snippet.includes('<script>alert(1)</script> &amp; '));
});

test('whitespace in the text collapses to single spaces', () => {
  const result = searchOne('Django\n\n  is\tfast', 'fast');
  assert.equal(result.snippet, 'Notes Django is fast');
  assert.deepEqual(marked(result), ['fast']);
  const messy = searchOne('\n\n  Django\n\tis   fast  \n', 'django fast');
  assert.equal(messy.snippet, 'Notes Django is fast');
  assert.deepEqual(marked(messy), ['Django', 'fast']);
});

function first(query) {
  return searcher.search(query)[0];
}
