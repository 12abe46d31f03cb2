/*
 * handbook search, stores: the index as the engine reads it, whole or in chunks.
 *
 * - wholeStore(index): a parsed search-index.json, or the whole search-index.js of a small site
 *   (version 2; version 1, unstemmed with postings as number arrays, is still read).
 * - chunkedStore(root): a large site's search-index.js, a root that lists the chunk scripts of
 *   search/ (see Sources/HandbookKit/Search/SearchIndexWriter.swift). A lookup that needs a chunk
 *   not loaded yet answers with what is there and notes the chunk in `needed`; the page loads the
 *   chunks and asks again. Nothing here touches the DOM: the page adds chunks with add().
 *
 * The engine sees, for a query word, a sorted word list (`wordsFor`) and reads postings by
 * position in that list, as an Int32Array of [docId, fieldMask, bodyTf, ...].
 */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory(require('./search-typos.js'));
  else (root.HandbookSearch = root.HandbookSearch || {}).store = factory(root.HandbookSearch.typos);
})(typeof self !== 'undefined' ? self : this, function (typos) {
  'use strict';

  const hasOwn = Object.prototype.hasOwnProperty;
  const EMPTY = new Int32Array(0);
  // The URL-safe base-64 alphabet of PostingsCoding.swift: 5 value bits, 32 = more follows.
  const DIGIT = new Int8Array(128).fill(-1);
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('').forEach((c, i) => {
    DIGIT[c.charCodeAt(0)] = i;
  });
  // A prefix whose terms' postings span more chunks than this matches titles and aliases only.
  const BROAD_PREFIX_CHUNKS = 2;

  /** Postings as [docId, mask, tf, ...]: from the encoded string of version 2, or a v1 array. */
  function decodePostings(value) {
    if (Array.isArray(value)) return Int32Array.from(value, (n) => Number(n) | 0);
    if (typeof value !== 'string' || value === '') return EMPTY;
    const out = [];
    let doc = 0;
    let number = 0;
    let shift = 0;
    let second = false;
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      const digit = code < 128 ? DIGIT[code] : -1;
      if (digit < 0) return EMPTY;
      number += (digit & 31) * Math.pow(2, shift);
      shift += 5;
      if (digit >= 32) continue;
      if (second) out.push(number & 127, Math.min(255, Math.floor(number / 128)));
      else out.push((doc += number));
      second = !second;
      number = 0;
      shift = 0;
    }
    return Int32Array.from(out);
  }

  function isIndex(index) {
    return (
      !!index &&
      (index.version === 1 || index.version === 2) &&
      Array.isArray(index.weights) &&
      (index.chunked === true ||
        (Array.isArray(index.docs) &&
          Array.isArray(index.vocab) &&
          Array.isArray(index.postings) &&
          index.vocab.length === index.postings.length))
    );
  }

  function objectOrEmpty(value) {
    return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  }

  function lookup(map, key) {
    const value = hasOwn.call(map, key) ? map[key] : null;
    return Array.isArray(value) ? value : null;
  }

  /** The whole index in memory: every lookup answers at once. */
  function wholeStore(index) {
    const decoded = new Map();
    const synonyms = objectOrEmpty(index.synonyms);
    const names = index.names ? objectOrEmpty(index.names) : null;
    return {
      stemmed: index.version >= 2,
      ordered: index.version >= 2,
      weights: index.weights,
      docCount: index.docs.length,
      needed: new Set(),
      version: () => 0,
      wordsFor: () => index.vocab,
      postings(list, i) {
        if (!decoded.has(i)) decoded.set(i, decodePostings(index.postings[i]));
        return decoded.get(i);
      },
      chunkOf: () => null,
      isBroadPrefix: () => false,
      synonyms: (phrase) => lookup(synonyms, phrase),
      names: names ? (key) => lookup(names, key) : null,
      doc: (id) => index.docs[id] || null,
    };
  }

  /** A large site's index: the root now, chunks (search/<name>.js) as add() brings them. */
  function chunkedStore(root) {
    const firstTerms = Array.isArray(root.postingChunks) ? root.postingChunks.map(String) : [];
    const letters = String(root.letters || '');
    const docChunk = Math.max(1, Number(root.docChunk) | 0);
    const chunks = new Map(); // name -> data
    const decoded = new Map(); // "p-n:i" or "w-c:i" -> Int32Array
    const needed = new Set();
    let version = 0;

    function chunk(name) {
      if (chunks.has(name)) return chunks.get(name);
      needed.add(name);
      return null;
    }
    function letterChunk(word) {
      const letter = String(word).charAt(0);
      return letter !== '' && letters.indexOf(letter) >= 0 ? chunk('w-' + letter) : null;
    }
    /** The posting chunk holding a term: the last whose first term is <= it. */
    function postingChunkOf(term) {
      return Math.max(0, typos.lowerBound(firstTerms, term + '\u0000') - 1);
    }
    function cached(key, value) {
      if (!decoded.has(key)) decoded.set(key, decodePostings(value));
      return decoded.get(key);
    }
    function namePostings(list, i) {
      const w = letterChunk(list[i]);
      return w && Array.isArray(w.named) ? cached('w:' + list[i], w.named[i]) : EMPTY;
    }

    return {
      stemmed: true,
      ordered: true,
      weights: root.weights,
      docCount: Math.max(0, Number(root.docCount) | 0),
      needed,
      /** Changes whenever a chunk arrives. */
      version: () => version,
      /** The sorted terms that begin with the word's first character (typos are sought there). */
      wordsFor(word) {
        const w = letterChunk(word);
        return w && Array.isArray(w.words) ? w.words : [];
      },
      /** Full postings of list[i]; until its chunk arrives, its title and alias postings. */
      postings(list, i, namesOnly) {
        if (namesOnly) return namePostings(list, i);
        const n = postingChunkOf(list[i]);
        const p = chunk('p-' + n);
        if (!p || !Array.isArray(p.words)) return namePostings(list, i);
        const at = typos.indexOfToken(p.words, list[i]);
        return at < 0 ? EMPTY : cached('p:' + list[i], p.postings[at]);
      },
      chunkOf: (term) => 'p-' + postingChunkOf(term),
      isBroadPrefix(prefix) {
        const first = postingChunkOf(prefix);
        const last = postingChunkOf(prefix + typos.PAST_PREFIX);
        return last - first + 1 > BROAD_PREFIX_CHUNKS;
      },
      synonyms(phrase) {
        const w = letterChunk(phrase);
        return w ? lookup(objectOrEmpty(w.synonyms), phrase) : null;
      },
      names(key) {
        const w = letterChunk(key);
        return w ? lookup(objectOrEmpty(w.names), key) : null;
      },
      doc(id) {
        const d = chunk('d-' + Math.floor(id / docChunk));
        return Array.isArray(d) ? d[id % docChunk] || null : null;
      },
      add(name, data) {
        chunks.set(name, data);
        needed.delete(name);
        version++;
      },
      has: (name) => chunks.has(name),
    };
  }

  /** A store for a parsed index object, or a TypeError. */
  function storeFor(index) {
    if (!isIndex(index)) throw new TypeError('handbook search: not a version 1 or 2 search index');
    return index.chunked === true ? chunkedStore(index) : wholeStore(index);
  }

  return { storeFor, decodePostings };
});
