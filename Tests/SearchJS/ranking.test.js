// Ranking rules on the committed fixture (a dozen handbook pages) and on small inline indexes.
'use strict';

const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const { createSearcher } = require('../../templates/assets/search.js');
const { buildIndex } = require('./build-fixture.js');
const fixture = require('./fixtures/handbook-index.json');

const searcher = createSearcher(fixture);
const titles = (query, options) => searcher.search(query, options).map((r) => r.title);
const first = (query) => searcher.search(query)[0];

/** A one-section source document for inline indexes. */
function doc(kind, title, text, extra) {
  const url = `${kind}s/${title.toLowerCase().replace(/\W+/g, '-')}.html`;
  return Object.assign({ kind, title, url, summary: '', aliases: [], sections: [['About', 'about', text]] }, extra);
}

describe('exact and prefix matches', () => {
  test('a whole word finds its page first, linked without an anchor', () => {
    const { title, kind, url } = first('django');
    assert.deepEqual({ title, kind, url }, { title: 'Django', kind: 'term', url: 'terms/django.html' });
    assert.equal(first('Flask').title, 'Flask');
    assert.equal(first('C++').url, 'terms/cpp.html');
  });

  test('the last word also matches as a prefix (search as you type)', () => {
    assert.equal(first('djan').title, 'Django');
    assert.equal(first('fast').title, 'FastAPI');
    assert.equal(first('data eng').title, 'Data Engineer');
  });

  test('words before the last one do not match as prefixes', () => {
    // "djan" matches nothing, so "djan web" ranks exactly as "web" does, every result partial.
    assert.deepEqual(titles('djan web', { limit: 50 }), titles('web', { limit: 50 }));
    assert.ok(searcher.search('djan web', { limit: 50 }).every((r) => r.score < 0));
    assert.equal(first('django web').title, 'Django');
    assert.ok(first('django web').score > 0);
  });

  test('exact ranks above prefix, prefix above typo', () => {
    const index = buildIndex([
      doc('term', 'Tenzor', 'One edit away.'),
      doc('term', 'Tensors', 'Longer.'),
      doc('term', 'Tensor', 'Exact.'),
    ]);
    assert.deepEqual(createSearcher(index).search('tensor').map((r) => r.title), ['Tensor', 'Tensors', 'Tenzor']);
  });
});

describe('typo tolerance', () => {
  test('one edit from 4 letters, a transposition counting as one', () => {
    assert.equal(first('djnago').title, 'Django');
    assert.equal(first('flsak').title, 'Flask');
    assert.equal(first('postgrsql').title, 'PostgreSQL');
    assert.equal(first('pnadas').title, 'pandas');
  });

  test('two edits from 8 letters', () => {
    // "kuebrnetis": a transposition and a substitution away from "kubernetes".
    assert.deepEqual(titles('kuebrnetis'), ['Hiring a backend developer']);
    assert.equal(first('postgrsqk').title, 'PostgreSQL');
  });

  test('two edits are too many below 8 letters', () => {
    assert.deepEqual(titles('djnagp'), []);
  });

  test('words under 4 letters match exactly (or as a prefix), never with a typo', () => {
    assert.deepEqual(titles('sq1'), []);
    assert.ok(titles('sql').includes('PostgreSQL'));
  });

  test('typos are allowed in every word, and in the prefix being typed', () => {
    assert.equal(first('djnago framewrk').title, 'Django');
    // "kubere" is one substitution from "kubern", the start of "kubernetes".
    assert.deepEqual(titles('kubere'), ['Hiring a backend developer']);
  });
});

describe('aliases as synonyms', () => {
  test('an alias finds its term first', () => {
    assert.equal(first('postgres').title, 'PostgreSQL');
    assert.equal(first('Postgres').url, 'terms/postgresql.html');
    assert.equal(first('spark').title, 'Apache Spark');
    assert.equal(first('W&B').title, 'Weights & Biases');
    assert.equal(first('weights and biases').title, 'Weights & Biases');
  });

  test('a multi-word alias finds pages that only use the other name', () => {
    // The article says "Weights & Biases", never "W&B".
    assert.ok(titles('w&b').includes('Machine learning roles'));
  });

  test('a name finds pages that only use its alias', () => {
    const index = buildIndex([
      doc('term', 'Kubernetes', 'Runs containers.', { aliases: ['K8s'] }),
      doc('article', 'Deploying', 'We run everything on k8s.'),
    ]);
    assert.deepEqual(createSearcher(index).search('kubernetes').map((r) => r.title), ['Kubernetes', 'Deploying']);
  });
});

describe('words, kinds and ties', () => {
  test('word order does not matter', () => {
    const forward = searcher.search('data engineer');
    const backward = searcher.search('engineer data');
    assert.equal(forward[0].title, 'Data Engineer');
    assert.equal(backward[0].title, 'Data Engineer');
    // The pages holding both words are the same (the last word is a prefix, so anchors may differ).
    const both = (results) => results.filter((r) => r.score > 0).map((r) => r.url.split('#')[0]).sort();
    assert.deepEqual(both(backward), both(forward));
  });

  test('pages matching every word come first; pages missing some follow, fewer missing first', () => {
    const results = searcher.search('pandas spark postgresql', { limit: 50 });
    assert.equal(results[0].title, 'Data Engineer');
    assert.ok(results[0].score > 0);
    assert.ok(results.slice(1).every((r) => r.score < 0), 'no other page holds all three');
    const missing = (r) => ['pandas', 'spark', 'postgresql'].filter((w) => !searcher.search(w, { limit: 50 }).some((x) => x.url.split('#')[0] === r.url.split('#')[0])).length;
    const counts = results.map(missing);
    assert.deepEqual(counts, counts.slice().sort((a, b) => a - b));
  });

  test('an unknown word never empties the results of the others', () => {
    assert.equal(first('django zzzqqq').title, 'Django');
    assert.ok(titles('django spark').length > 0);
  });

  test('results carry their kind', () => {
    assert.equal(first('instagram').kind, 'company');
    assert.equal(first('data engineer').kind, 'archetype');
    assert.equal(first('machine learning').kind, 'article');
    assert.equal(first('question bank').kind, 'page');
    assert.equal(first('pandas').kind, 'term');
  });

  test('ties break by kind (term, archetype, company, article, page), then title', () => {
    const index = buildIndex([
      doc('page', 'Onboarding', 'x'),
      doc('article', 'Onboarding', 'x'),
      doc('company', 'Onboarding', 'x'),
      doc('term', 'Onboarding', 'x'),
      doc('archetype', 'Onboarding', 'x'),
      doc('term', 'Beta notes', 'x'),
      doc('term', 'Alpha notes', 'x'),
    ]);
    const s = createSearcher(index);
    assert.deepEqual(s.search('onboarding').map((r) => r.kind), ['term', 'archetype', 'company', 'article', 'page']);
    assert.deepEqual(s.search('notes').map((r) => r.title), ['Alpha notes', 'Beta notes']);
  });

  test('results are sorted by score, best first', () => {
    for (const query of ['data', 'python', 'a', 'ask']) {
      const scores = searcher.search(query, { limit: 50 }).map((r) => r.score);
      assert.deepEqual(scores, scores.slice().sort((a, b) => b - a), query);
    }
  });
});

describe('deep links', () => {
  test('a query word in a heading links to that heading', () => {
    assert.equal(first('experiment tracking').url, 'articles/machine-learning-roles.html#experiment-tracking');
    const urls = searcher.search('frameworks').map((r) => r.url);
    assert.ok(urls.includes('articles/hiring-backend-developers.html#frameworks-to-look-for'), urls.join(' '));
  });

  test('the heading matching the most words wins', () => {
    const index = buildIndex([
      doc('article', 'Guide', '', {
        sections: [['Hiring', 'hiring', 'a'], ['Hiring data people', 'hiring-data-people', 'b']],
      }),
    ]);
    assert.equal(createSearcher(index).search('data hiring')[0].url, 'articles/guide.html#hiring-data-people');
  });

  test('accents do not stop a heading from matching', () => {
    assert.equal(first('resume').url.split('#')[1], 'on-a-resume');
  });

  test('no anchor when the title already matches every word', () => {
    assert.equal(first('data engineer').url, 'archetypes/data-engineer.html');
    assert.equal(first('spark').url, 'terms/apache-spark.html');
  });
});

describe('limits and determinism', () => {
  test('limit caps the results; the default is 10', () => {
    assert.equal(searcher.search('a').length, 10);
    assert.equal(searcher.search('a', { limit: 3 }).length, 3);
    assert.equal(searcher.search('a', { limit: 2.7 }).length, 2);
    assert.equal(searcher.search('a', { limit: 100 }).length, fixture.docs.length);
    assert.deepEqual(searcher.search('a', { limit: 0 }), []);
    assert.deepEqual(searcher.search('a', { limit: -5 }), []);
    assert.equal(searcher.search('a', { limit: 'x' }).length, 10);
  });

  test('a smaller limit returns the start of the longer list', () => {
    const all = searcher.search('python', { limit: 50 });
    assert.deepEqual(searcher.search('python', { limit: 4 }), all.slice(0, 4));
  });

  test('the same query gives the same results, whatever was searched before', () => {
    const queries = ['djnago', 'w&b', 'data engineer', 'resume', 'c', 'postgres', 'kuebrnetis'];
    const fresh = queries.map((q) => createSearcher(fixture).search(q, { limit: 50 }));
    const reused = queries.map((q) => searcher.search(q, { limit: 50 }));
    assert.deepEqual(reused, fresh);
    assert.deepEqual(queries.map((q) => searcher.search(q, { limit: 50 })), fresh);
  });

  test('results have exactly the documented fields', () => {
    for (const r of searcher.search('python', { limit: 50 })) {
      assert.deepEqual(Object.keys(r).sort(), ['highlights', 'kind', 'score', 'section', 'snippet', 'title', 'url']);
      assert.equal(typeof r.score, 'number');
      assert.ok(r.score > 0);
    }
  });
});

// Found by the browser tests on the real handbook: an alias repeating the title's word ("data
// pipelines") must not outweigh a title that holds every query word.
test('a title holding every query word beats word-by-word sums', () => {
  const index = {
    version: 1, fields: ['title', 'alias', 'heading', 'summary', 'body'], weights: [10, 8, 5, 3, 1],
    docs: [
      { kind: 'term', title: 'data pipeline', url: 'terms/data-pipeline.html', summary: 'Moves data.', aliases: ['data pipelines'], headings: [], text: 'data data data engineers' },
      { kind: 'archetype', title: 'Data Engineer', url: 'archetypes/data-engineer.html', summary: 'Builds pipelines.', aliases: [], headings: [], text: 'engineering' },
    ],
    vocab: ['builds', 'data', 'engineer', 'engineering', 'engineers', 'moves', 'pipeline', 'pipelines'],
    postings: [[1, 8, 0], [0, 1 | 2 | 8 | 16, 3, 1, 1, 0], [1, 1, 0], [1, 16, 1], [0, 16, 1], [0, 8, 0], [0, 1 | 2, 0], [0, 2, 0, 1, 8, 0]],
    synonyms: {},
  };
  const results = createSearcher(index).search('data eng', { limit: 5 });
  assert.deepStrictEqual(results.map((r) => r.title), ['Data Engineer', 'data pipeline']);
});

test('a short index word is never reached by a typo', () => {
  const index = {
    version: 1, fields: ['title', 'alias', 'heading', 'summary', 'body'], weights: [10, 8, 5, 3, 1],
    docs: [
      { kind: 'article', title: 'AI and ML', url: 'articles/a.html', summary: '', aliases: [], headings: [], text: '' },
      { kind: 'term', title: 'pandas', url: 'terms/pandas.html', summary: '', aliases: [], headings: [], text: '' },
    ],
    vocab: ['ai', 'and', 'ml', 'pandas'],
    postings: [[0, 1, 0], [0, 1, 0], [0, 1, 0], [1, 1, 0]],
    synonyms: {},
  };
  assert.deepStrictEqual(createSearcher(index).search('pand', { limit: 5 }).map((r) => r.title), ['pandas']);
});
