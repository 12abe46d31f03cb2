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
 * Both answer every lookup the same way once the chunks are in: the search-index.json of a chunked
 * site names the chunks' first terms too (postingChunks), so the whole store knows which terms
 * share a chunk (typo matches and broad prefixes read whole postings of a few chunks only, and
 * title and alias postings for the rest, on either store).
 *
 * The engine sees, for a query word, a sorted word list (`wordsFor`: the terms with its first
 * character, for exact and prefix lookups; `allWords`: every term, for typos), and reads a term's
 * postings as an Int32Array of [docId, fieldMask, bodyTf, ...].
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

  /**
   * The sorted terms of a front-coded string (SearchIndexWriter.frontCoded): space-separated entries,
   * each the length of the prefix shared with the term before ("0" + n) and the rest of the term.
   */
  function decodeVocab(text) {
    if (Array.isArray(text)) return text.map(String);
    const entries = typeof text === 'string' && text !== '' ? text.split(' ') : [];
    const out = new Array(entries.length);
    let previous = '';
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      previous = previous.slice(0, Math.max(0, entry.charCodeAt(0) - 48)) + entry.slice(1);
      out[i] = previous;
    }
    return out;
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

  /**
   * Which posting chunk holds a term, from the chunks' first terms (none on a small site): typo
   * matches read whole postings of a few chunks, and a prefix spanning many reads names only.
   */
  function chunkLayout(postingChunks) {
    const firstTerms = Array.isArray(postingChunks) ? postingChunks.map(String) : [];
    /** The chunk holding a term: the last whose first term is <= it. */
    const chunkNumber = (term) => Math.max(0, typos.lowerBound(firstTerms, term + '\u0000') - 1);
    return {
      chunkNumber,
      chunkOf: (term) => (firstTerms.length > 0 ? 'p-' + chunkNumber(term) : null),
      isBroadPrefix(prefix) {
        if (firstTerms.length === 0) return false;
        return chunkNumber(prefix + typos.PAST_PREFIX) - chunkNumber(prefix) + 1 > BROAD_PREFIX_CHUNKS;
      },
    };
  }

  /** The entries of decoded postings whose field mask has a bit of nameMask: a term's title and alias postings. */
  function nameEntries(list, nameMask) {
    const out = [];
    for (let k = 0; k + 2 < list.length; k += 3) if (list[k + 1] & nameMask) out.push(list[k], list[k + 1], list[k + 2]);
    return Int32Array.from(out);
  }

  /** The whole index in memory: every lookup answers at once. */
  function wholeStore(index) {
    const decoded = new Map(); // term -> full postings; "n:" + term -> title and alias postings
    const synonyms = objectOrEmpty(index.synonyms);
    const names = index.names ? objectOrEmpty(index.names) : null;
    const layout = chunkLayout(index.postingChunks);
    const fields = Array.isArray(index.fields) ? index.fields : [];
    const nameMask = (fields.indexOf('title') >= 0 ? 1 << fields.indexOf('title') : 0) |
      (fields.indexOf('alias') >= 0 ? 1 << fields.indexOf('alias') : 0);
    const letterLists = new Map();
    function postingsOf(term) {
      if (!decoded.has(term)) {
        const i = typos.indexOfToken(index.vocab, term);
        decoded.set(term, i < 0 ? EMPTY : decodePostings(index.postings[i]));
      }
      return decoded.get(term);
    }
    return {
      stemmed: index.version >= 2,
      ordered: index.version >= 2,
      weights: index.weights,
      docCount: index.docs.length,
      needed: new Set(),
      version: () => 0,
      /** The terms that begin with the word's first character: a slice of the sorted vocab. */
      wordsFor(word) {
        const letter = String(word).charAt(0);
        if (!letterLists.has(letter)) {
          const [lo, hi] = letter === '' ? [0, 0] : typos.prefixRange(index.vocab, letter);
          letterLists.set(letter, index.vocab.slice(lo, hi));
        }
        return letterLists.get(letter);
      },
      allWords: () => index.vocab,
      postings(term, namesOnly) {
        if (!namesOnly) return postingsOf(term);
        const key = 'n:' + term;
        if (!decoded.has(key)) decoded.set(key, nameEntries(postingsOf(term), nameMask));
        return decoded.get(key);
      },
      chunkOf: layout.chunkOf,
      isBroadPrefix: layout.isBroadPrefix,
      synonyms: (phrase) => lookup(synonyms, phrase),
      names: names ? (key) => lookup(names, key) : null,
      doc: (id) => index.docs[id] || null,
      head: (id) => index.docs[id] || null,
      headChunks: () => [],
    };
  }

  /**
   * A large site's index: the root now, chunks (search/<name>.js) as add() brings them: w-<c>, the
   * terms starting with c and their title and alias postings; p-<n>, a run of terms with their
   * postings; h-<n>, the heads ([kind, title, url]) of headChunk documents, for result rows; d-<n>,
   * documents whole, for snippets and deep links; vocab, every term (for typos).
   */
  function chunkedStore(root) {
    const layout = chunkLayout(root.postingChunks);
    const letters = String(root.letters || '');
    const docChunk = Math.max(1, Number(root.docChunk) | 0);
    const headChunk = Math.max(0, Number(root.headChunk) | 0);
    const chunks = new Map(); // name -> data
    const decoded = new Map(); // "p:" or "n:" + term -> Int32Array
    const needed = new Set();
    let version = 0;
    let vocab = null; // every term, decoded from the vocab chunk

    function chunk(name) {
      if (chunks.has(name)) return chunks.get(name);
      needed.add(name);
      return null;
    }
    function letterChunk(word) {
      const letter = String(word).charAt(0);
      return letter !== '' && letters.indexOf(letter) >= 0 ? chunk('w-' + letter) : null;
    }
    function cached(key, value) {
      if (!decoded.has(key)) decoded.set(key, decodePostings(value));
      return decoded.get(key);
    }
    function namePostings(term, ask) {
      const w = ask ? letterChunk(term) : chunks.get('w-' + String(term).charAt(0));
      if (!w || !Array.isArray(w.words) || !Array.isArray(w.named)) return EMPTY;
      const at = typos.indexOfToken(w.words, term);
      return at < 0 ? EMPTY : cached('n:' + term, w.named[at]);
    }

    return {
      stemmed: true,
      ordered: true,
      weights: root.weights,
      docCount: Math.max(0, Number(root.docCount) | 0),
      needed,
      /** Changes whenever a chunk arrives. */
      version: () => version,
      /** The sorted terms that begin with the word's first character. */
      wordsFor(word) {
        const w = letterChunk(word);
        return w && Array.isArray(w.words) ? w.words : [];
      },
      /** Every term, once the vocab chunk is in. */
      allWords() {
        if (vocab === null) {
          const coded = chunk('vocab');
          if (coded === null) return [];
          vocab = decodeVocab(coded);
        }
        return vocab;
      },
      /**
       * Full postings of a term, or its title and alias postings only. Until its chunk arrives, what
       * is at hand: the title and alias postings if its letter's chunk is in (asking for it would
       * load a chunk that the full postings make useless).
       */
      postings(term, namesOnly) {
        if (namesOnly) return namePostings(term, true);
        const p = chunk('p-' + layout.chunkNumber(term));
        if (!p || !Array.isArray(p.words)) return namePostings(term, false);
        const at = typos.indexOfToken(p.words, term);
        return at < 0 ? EMPTY : cached('p:' + term, p.postings[at]);
      },
      chunkOf: layout.chunkOf,
      isBroadPrefix: layout.isBroadPrefix,
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
      /** { kind, title, url } of a document: from its whole chunk if that is in, else from its head chunk. */
      head(id) {
        const d = chunks.get('d-' + Math.floor(id / docChunk));
        if (Array.isArray(d) && d[id % docChunk]) return d[id % docChunk];
        if (headChunk === 0) return this.doc(id);
        const h = chunk('h-' + Math.floor(id / headChunk));
        const row = Array.isArray(h) ? h[id % headChunk] : null;
        return Array.isArray(row) ? { kind: row[0], title: row[1], url: row[2], section: row[3] || '' } : null;
      },
      /** The names of every head chunk. */
      headChunks() {
        const count = headChunk === 0 ? 0 : Math.ceil(Math.max(0, Number(root.docCount) | 0) / headChunk);
        return Array.from({ length: count }, (_, n) => 'h-' + n);
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

  return { storeFor, decodePostings, decodeVocab };
});
