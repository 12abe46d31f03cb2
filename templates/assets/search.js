/*
 * handbook search: the client for the prebuilt index (search-index.json / search-index.js).
 * No dependencies, no build step (ES2019). The files, each one concern, load in this order:
 *
 *   search-words.js     tokenizer, stop words, joined forms, Porter2 stemmer (shared with Swift)
 *   search-typos.js     sorted-vocabulary lookups and typo matching
 *   search-store.js     the index whole, or as a root plus chunks loaded on demand
 *   search-snippets.js  snippets with matches marked, and the anchor a result links to
 *   search-engine.js    clauses, scoring, ranking: createSearcher
 *   search-ui.js        the search box and search.html
 *   search.js           this entry
 *
 * In node, `require()` gives `{ createSearcher, tokenize }`; createSearcher(JSON.parse(
 * search-index.json)).search(query, { limit }) returns [{ url, title, kind, snippet, score }].
 * In a page, it wires the search box. The index format is written by Sources/HandbookKit/Search.
 */
(function () {
  'use strict';
  if (typeof module === 'object' && module.exports) {
    const engine = require('./search-engine.js');
    const words = require('./search-words.js');
    module.exports = { createSearcher: engine.createSearcher, tokenize: words.tokenize };
  } else if (typeof window === 'object' && window.document && window.HandbookSearch) {
    const init = () => window.HandbookSearch.ui.initPage(window);
    if (window.document.readyState === 'loading') window.document.addEventListener('DOMContentLoaded', init);
    else init();
  }
})();
