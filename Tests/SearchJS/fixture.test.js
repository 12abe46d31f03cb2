// The index format contract. Checks the committed fixture, and is ready for a real build:
//   HANDBOOK_SEARCH_INDEX=public/search-index.json node --test Tests/SearchJS/
// also checks that index and its search-index.js twin.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const { tokenize } = require('../../templates/assets/search.js');
const { decodePostings, decodeVocab } = require('../../templates/assets/search-store.js');
const { buildIndex, formatIndex, FIXTURE_DOCS, FIXTURE_PATH } = require('./build-fixture.js');

const KINDS = ['article', 'term', 'archetype', 'company', 'page'];
const BODY_BIT = 16;

/** Asserts everything the client relies on in a search-index.json object. */
function checkIndex(index) {
  assert.ok(index.version === 1 || index.version === 2);
  const fields = ['title', 'alias', 'heading', 'summary', 'body'].concat(index.version === 2 ? ['facts', 'tags'] : []);
  assert.deepEqual(index.fields, fields);
  assert.equal(index.weights.length, index.fields.length);
  index.weights.forEach((w) => assert.ok(typeof w === 'number' && w > 0));

  index.docs.forEach((doc, docId) => {
    const where = `docs[${docId}]`;
    assert.ok(KINDS.includes(doc.kind), `${where}.kind ${doc.kind}`);
    for (const field of ['title', 'url', 'summary', 'text']) {
      assert.equal(typeof doc[field], 'string', `${where}.${field}`);
    }
    assert.ok(doc.title !== '' && doc.url !== '', where);
    assert.ok(!/^([a-z][a-z0-9+.-]*:|[/\\])/i.test(doc.url), `${where}.url must be relative: ${doc.url}`);
    assert.ok(!doc.url.includes('#'), `${where}.url has no anchor: ${doc.url}`);
    assert.ok(Array.isArray(doc.aliases) && doc.aliases.every((a) => typeof a === 'string'), `${where}.aliases`);
    if (doc.kind !== 'term') assert.deepEqual(doc.aliases, [], `${where}.aliases is [] for non-terms`);
    if (index.version === 2) {
      assert.ok(Array.isArray(doc.sections), `${where}.sections`);
      for (const [offset, anchor] of doc.sections) {
        assert.ok(Number.isInteger(offset) && offset >= 0 && offset <= doc.text.length, `${where}.sections offset`);
        assert.equal(typeof anchor, 'string', `${where}.sections anchor`);
      }
    }
    assert.ok(Array.isArray(doc.headings), `${where}.headings`);
    for (const heading of doc.headings) {
      const [text, anchor] = heading;
      assert.ok(heading.length === 2 && typeof text === 'string' && typeof anchor === 'string', `${where}.headings`);
      assert.notEqual(anchor, '', `${where}.headings: an anchor id`);
    }
    // The body cut at about 1500 characters, record fields after it, all cut at 8000.
    assert.ok(Array.from(doc.text).length <= 8000, `${where}.text is a snippet source, not the whole body`);
  });

  const { vocab, postings } = index;
  assert.equal(postings.length, vocab.length);
  vocab.forEach((token, i) => {
    assert.deepEqual(tokenize(token), [token], `vocab[${i}] is a token`);
    if (i > 0) assert.ok(vocab[i - 1] < token, `vocab sorted and unique at ${i}: ${vocab[i - 1]} ${token}`);
  });
  const fieldMasks = (1 << index.fields.length) - 1;
  postings.forEach((encoded, i) => {
    const list = Array.from(decodePostings(encoded));
    const where = `postings[${i}] (${vocab[i]})`;
    assert.ok(list.length > 0 && list.length % 3 === 0, where);
    for (let k = 0; k < list.length; k += 3) {
      const [docId, mask, tf] = list.slice(k, k + 3);
      assert.ok(Number.isInteger(docId) && docId >= 0 && docId < index.docs.length, `${where} doc id`);
      if (k > 0) assert.ok(list[k - 3] < docId, `${where} doc ids ascending`);
      assert.ok(Number.isInteger(mask) && mask > 0 && mask <= fieldMasks, `${where} mask`);
      assert.ok(Number.isInteger(tf) && tf >= 0 && tf <= 255, `${where} tf`);
      assert.equal(tf > 0, (mask & BODY_BIT) !== 0, `${where}: tf > 0 exactly when the body bit is set`);
    }
  });

  for (const [key, values] of Object.entries(index.synonyms)) {
    assert.equal(tokenize(key).join(' '), key, `synonym key "${key}" is normalized`);
    assert.ok(Array.isArray(values) && values.length > 0, `synonyms["${key}"]`);
    for (const value of values) {
      assert.equal(tokenize(value).join(' '), value, `synonym "${value}" is normalized`);
      assert.notEqual(value, key);
    }
  }
}

test('the committed fixture is what build-fixture.js builds', () => {
  const expected = formatIndex(buildIndex(FIXTURE_DOCS));
  assert.equal(fs.readFileSync(FIXTURE_PATH, 'utf8'), expected, 'run: node Tests/SearchJS/build-fixture.js');
});

test('the fixture follows the index format', () => {
  checkIndex(JSON.parse(fs.readFileSync(FIXTURE_PATH, 'utf8')));
});

test('the fixture has the pages the brief asks for', () => {
  const index = JSON.parse(fs.readFileSync(FIXTURE_PATH, 'utf8'));
  const kinds = index.docs.map((d) => d.kind);
  for (const kind of KINDS) assert.ok(kinds.includes(kind), kind);
  assert.deepEqual(index.synonyms.postgres, ['postgresql']);
  assert.deepEqual(index.synonyms['w b'], ['weights biases']);
});

const built = process.env.HANDBOOK_SEARCH_INDEX;
const skipBuilt = !built && 'set HANDBOOK_SEARCH_INDEX=public/search-index.json';
test('a built index follows the format, and search-index.js holds the same index', { skip: skipBuilt }, () => {
  const index = JSON.parse(fs.readFileSync(built, 'utf8'));
  checkIndex(index);
  const folder = path.dirname(built);
  const sandbox = { self: {} };
  vm.runInNewContext(fs.readFileSync(path.join(folder, 'search-index.js'), 'utf8'), sandbox);
  const script = JSON.parse(JSON.stringify(sandbox.self.HANDBOOK_SEARCH_INDEX));
  if (!script.chunked) {
    assert.deepEqual(script, index);
    return;
  }
  // A root and chunks: together they hold exactly the JSON's index.
  const chunks = path.join(folder, 'search');
  for (const name of fs.readdirSync(chunks).sort()) vm.runInNewContext(fs.readFileSync(path.join(chunks, name), 'utf8'), sandbox);
  const loaded = sandbox.self.HANDBOOK_SEARCH_CHUNKS;
  assert.equal(script.docCount, index.docs.length);
  const docs = [];
  for (let n = 0; loaded['d-' + n]; n++) docs.push(...loaded['d-' + n]);
  assert.deepEqual(JSON.parse(JSON.stringify(docs)), index.docs);
  const vocab = [];
  const postings = [];
  script.postingChunks.forEach((first, n) => {
    const chunk = loaded['p-' + n];
    assert.equal(chunk.words[0], first);
    vocab.push(...chunk.words);
    postings.push(...chunk.postings);
  });
  assert.deepEqual(vocab, index.vocab);
  assert.deepEqual(postings, index.postings);
  const letters = [];
  for (const letter of script.letters) letters.push(...loaded['w-' + letter].words);
  assert.deepEqual(letters, index.vocab);
  assert.deepEqual(decodeVocab(loaded.vocab), index.vocab);
  assert.deepEqual(script.postingChunks, index.postingChunks);
});
