/*
 * handbook search: the client for the prebuilt index (search-index.json / search-index.js).
 *
 * One file, no dependencies, no build step (ES2019).
 * - In node, `require()` gives `{ createSearcher, tokenize }`.
 * - As a <script> in a page, it wires the header search box (a combobox) and, on search.html,
 *   the full result list. The index is loaded with a <script> tag, so it works from file://.
 *
 * The index is built by the Swift side (Sources/HandbookKit/Search); this file only reads it.
 * The format and the tokenizer are a shared contract: DESIGN.md "Search", and checkIndex() in
 * Tests/SearchJS/fixture.test.js, which can also check a real build.
 *
 * Ranking, in short: every query word must match some token of a doc (the last word also as a
 * prefix; words of 4+ letters with 1 typo, 8+ with 2). A doc scores, per word, its best token's
 * field weights (title > alias > heading > summary > body) times the match quality, plus a small
 * body-frequency bonus. Aliases are synonyms. A query that is a doc's whole title or alias wins.
 * Ties go by kind, then title, so results are deterministic.
 */
(function () {
  'use strict';

  // ---------------------------------------------------------------------------------------------
  // Tokenizer (must match the Swift index builder exactly)
  // ---------------------------------------------------------------------------------------------

  const TOKEN_PATTERN = /[a-z0-9]+[+#]*/g;
  const COMBINING_MARKS = /[\u0300-\u036f]/g;
  const ASCII_ONLY = /^[\x00-\x7f]*$/;

  /** Lowercase, Unicode NFKD, combining marks dropped: "Résumé" -> "resume". */
  function normalize(text) {
    // ASCII is its own NFKD: skip the costly part for most text.
    if (ASCII_ONLY.test(text)) return text.toLowerCase();
    return text.toLowerCase().normalize('NFKD').replace(COMBINING_MARKS, '');
  }

  /** Splits text into index tokens: "C++ and Node.js" -> ["c++", "and", "node", "js"]. */
  function tokenize(text) {
    return normalize(String(text)).match(TOKEN_PATTERN) || [];
  }

  // ---------------------------------------------------------------------------------------------
  // Ranking constants
  // ---------------------------------------------------------------------------------------------

  const MAX_QUERY_CHARS = 200;
  const MAX_QUERY_WORDS = 10;
  const DEFAULT_LIMIT = 10;
  const MAX_LIMIT = 1000;

  // Match quality of a query word against an index token, multiplied by the field weights.
  // The tiers never overlap: exact (1) > prefix (0.6–0.8) > typo (0.5, 0.35) > typo in a prefix.
  const QUALITY_EXACT = 1;
  const QUALITY_SYNONYM = 0.9;
  const QUALITY_PREFIX_BASE = 0.6; // plus up to 0.2 for how much of the token was typed
  const QUALITY_PREFIX_SPAN = 0.2;
  const QUALITY_TYPO = [0, 0.5, 0.35]; // by edit count
  const QUALITY_TYPO_PREFIX = [0, 0.3, 0.2];

  // Small bonus for body occurrences: TF_WEIGHT * ln(1 + tf), at most ~1.4 for tf = 255.
  const TF_WEIGHT = 0.25;
  const TF_BONUS = new Float64Array(256).map((_, tf) => TF_WEIGHT * Math.log1p(tf));

  // Added when the whole query is a doc's title or one of its aliases (in any word order).
  const WHOLE_NAME_BONUS = 1000;
  // A title that contains every query word (the last one as a prefix) outranks word-by-word sums:
  // "data eng" must find Data Engineer before pages that merely say "data" everywhere.
  const TITLE_COVER_BONUS = 100;
  // Share of the weaker fields added to the strongest one: a word in the title and in an alias
  // repeating it is still one title match, not two.
  const EXTRA_FIELD_SHARE = 0.25;
  // Typos are only tried against index words this long: "pand" must not become "and".
  const MIN_TYPO_TOKEN = 4;

  const KIND_ORDER = ['term', 'archetype', 'company', 'article', 'page'];

  /** Typo budget of a query word (Damerau edits): 0 below 4 letters, 1 from 4, 2 from 8. */
  function maxEditsFor(word) {
    return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
  }

  // ---------------------------------------------------------------------------------------------
  // Sorted-vocabulary lookups
  // ---------------------------------------------------------------------------------------------

  /** Index of the first vocab entry >= key (vocab is sorted by UTF-16 code units). */
  function lowerBound(vocab, key) {
    let lo = 0;
    let hi = vocab.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (vocab[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  // Sorts after every string that starts with a given prefix.
  const PAST_PREFIX = '\uffff';

  /** Index of a token in the vocab, or -1. */
  function indexOfToken(vocab, token) {
    const i = lowerBound(vocab, token);
    return i < vocab.length && vocab[i] === token ? i : -1;
  }

  /** Do a and b agree on their first n chars (and have that many)? */
  function sharePrefix(a, b, n) {
    if (a.length < n || b.length < n) return false;
    for (let i = n - 1; i >= 0; i--) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
    return true;
  }

  /**
   * The index past the run of tokens after vocab[from] that share its first n chars. The run is
   * usually short, so gallop forward from `from`, then bisect.
   */
  function endOfPrefixRun(vocab, from, n) {
    const token = vocab[from];
    let lo = from; // last index known to be in the run
    let step = 1;
    while (lo + step < vocab.length && sharePrefix(vocab[lo + step], token, n)) {
      lo += step;
      step *= 2;
    }
    let hi = Math.min(vocab.length, lo + step); // first index known to be past the run
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (sharePrefix(vocab[mid], token, n)) lo = mid;
      else hi = mid;
    }
    return hi;
  }

  /**
   * Calls found(vocabIndex, edits, isWholeToken) for each token within maxEdits of `word`
   * (optimal string alignment: insertion, deletion, substitution, adjacent transposition),
   * and, when `asPrefix`, for each token that starts with a string within maxEdits of `word`.
   *
   * The sorted vocab is walked as if it were a trie: rows of the edit-distance table depend only
   * on the token's prefix, so a token reuses the rows it shares with the previous one, and once
   * a row's minimum exceeds maxEdits no token with that prefix can get closer, so a galloping
   * search skips them all. Only the diagonal band |d - j| <= maxEdits of each row is computed;
   * every other cell stays at maxEdits + 1, which is all "too far" needs to say.
   */
  function scanTypos(vocab, word, maxEdits, asPrefix, found) {
    const m = word.length;
    const maxDepth = m + maxEdits; // no useful prefix is longer than this
    const chars = new Uint16Array(m);
    for (let j = 0; j < m; j++) chars[j] = word.charCodeAt(j);

    // rows[d][j] = distance between the first d chars of the token and the first j of the word,
    // capped at tooFar.
    const tooFar = maxEdits + 1;
    const rows = [];
    for (let d = 0; d <= maxDepth; d++) rows.push(new Uint8Array(m + 1).fill(tooFar));
    for (let j = 0; j <= maxEdits && j <= m; j++) rows[0][j] = j;
    // bestPrefix[d] = min over d' <= d of rows[d'][m]: the best distance of any prefix so far.
    const bestPrefix = new Uint8Array(maxDepth + 1);
    bestPrefix[0] = rows[0][m];

    let previous = ''; // the token whose first `depth` rows are filled in
    let depth = 0;
    for (let i = 0; i < vocab.length; i++) {
      const token = vocab[i];
      if (token.length < m - maxEdits || (!asPrefix && token.length > maxDepth)) continue;

      let d = 0;
      const shared = Math.min(depth, token.length);
      while (d < shared && previous.charCodeAt(d) === token.charCodeAt(d)) d++;
      previous = token;

      const end = Math.min(token.length, maxDepth);
      let dead = false;
      for (; d < end; d++) {
        const above = rows[d];
        const row = rows[d + 1];
        const c = token.charCodeAt(d);
        const before = d > 0 ? token.charCodeAt(d - 1) : -1;
        let rowMin = tooFar;
        if (d + 1 <= maxEdits) row[0] = rowMin = d + 1;
        const last = Math.min(m, d + 1 + maxEdits);
        for (let j = Math.max(1, d + 1 - maxEdits); j <= last; j++) {
          let v = above[j - 1] + (chars[j - 1] === c ? 0 : 1);
          if (above[j] + 1 < v) v = above[j] + 1;
          if (row[j - 1] + 1 < v) v = row[j - 1] + 1;
          if (j > 1 && c === chars[j - 2] && before === chars[j - 1] && rows[d - 1][j - 2] + 1 < v) {
            v = rows[d - 1][j - 2] + 1;
          }
          if (v > tooFar) v = tooFar;
          row[j] = v;
          if (v < rowMin) rowMin = v;
        }
        bestPrefix[d + 1] = Math.min(bestPrefix[d], row[m]);
        if (rowMin > maxEdits) {
          dead = true;
          depth = d + 1;
          break;
        }
      }
      if (dead) {
        // No token in the run can match whole, but if a prefix already did, they all match.
        const runEnd = endOfPrefixRun(vocab, i, depth);
        const edits = bestPrefix[depth];
        if (asPrefix && edits > 0 && edits <= maxEdits) {
          for (let j = i; j < runEnd; j++) found(j, edits, false);
        }
        i = runEnd - 1;
        continue;
      }
      depth = end;

      if (token.length <= maxDepth) {
        const edits = rows[token.length][m];
        if (edits > 0 && edits <= maxEdits) found(i, edits, true);
      }
      if (asPrefix && bestPrefix[end] > 0 && bestPrefix[end] <= maxEdits) {
        found(i, bestPrefix[end], false);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Searcher
  // ---------------------------------------------------------------------------------------------

  const hasOwn = Object.prototype.hasOwnProperty;

  /**
   * Wraps a parsed search index. Cheap: builds no inverted index, only a field-weight table;
   * per-doc name keys are computed lazily when a doc first becomes a candidate.
   */
  function createSearcher(index) {
    if (
      !index ||
      index.version !== 1 ||
      !Array.isArray(index.docs) ||
      !Array.isArray(index.vocab) ||
      !Array.isArray(index.postings) ||
      index.vocab.length !== index.postings.length ||
      !Array.isArray(index.weights)
    ) {
      throw new TypeError('handbook search: not a version 1 search index');
    }
    const docs = index.docs;
    const vocab = index.vocab;
    const postings = index.postings;
    const synonyms = index.synonyms && typeof index.synonyms === 'object' ? index.synonyms : {};

    // maskWeight[mask] = the strongest field's weight plus a share of the others set in mask.
    const maskWeight = new Float64Array(1 << index.weights.length);
    for (let mask = 1; mask < maskWeight.length; mask++) {
      let max = 0;
      let sum = 0;
      for (let bit = 0; bit < index.weights.length; bit++) {
        if (!(mask & (1 << bit))) continue;
        const weight = Number(index.weights[bit]) || 0;
        sum += weight;
        if (weight > max) max = weight;
      }
      maskWeight[mask] = max + EXTRA_FIELD_SHARE * (sum - max);
    }

    // Per doc, filled in when it first becomes a candidate: `names`, its title and aliases as
    // bag keys; `order`, a string that sorts docs by kind, then title, then url (for ties).
    const docInfos = new Array(docs.length);
    function infoOf(docId) {
      if (!docInfos[docId]) {
        const doc = docs[docId];
        const names = [doc.title].concat(Array.isArray(doc.aliases) ? doc.aliases : []);
        docInfos[docId] = {
          names: names.map((name) => bagKey(tokenize(String(name)))),
          titleTokens: tokenize(String(doc.title)),
          order: String.fromCharCode(48 + kindRank(doc.kind)) + String(doc.title).toLowerCase() + '\u0000' + doc.url,
        };
      }
      return docInfos[docId];
    }

    function synonymsOf(phrase) {
      const values = hasOwn.call(synonyms, phrase) ? synonyms[phrase] : null;
      return Array.isArray(values) ? values : null;
    }

    /**
     * The tokens a query word matches, with their quality: the vocab range [lo, hi) of the word
     * itself (or, for the last word, of every token it begins) plus a Map of typo matches.
     */
    function term(lo, hi, rangeQuality, typos) {
      return {
        has: (i) => (i >= lo && i < hi) || typos.has(i),
        /** visit(quality, vocabIndex) for every matched token. */
        forEach(visit) {
          for (let i = lo; i < hi; i++) visit(rangeQuality(i), i);
          typos.forEach(visit);
        },
      };
    }

    function matchWord(word, isLast) {
      const lo = lowerBound(vocab, word);
      let hi = lo < vocab.length && vocab[lo] === word ? lo + 1 : lo;
      if (isLast) hi = lowerBound(vocab, word + PAST_PREFIX);
      // Typos matter only outside the range: exact and prefix matches rank higher anyway.
      const typos = new Map();
      const maxEdits = maxEditsFor(word);
      if (maxEdits > 0) {
        scanTypos(vocab, word, maxEdits, isLast, (i, edits, whole) => {
          if (vocab[i].length < MIN_TYPO_TOKEN) return;
          const quality = (whole ? QUALITY_TYPO : QUALITY_TYPO_PREFIX)[edits];
          if ((i < lo || i >= hi) && !(typos.get(i) >= quality)) typos.set(i, quality);
        });
      }
      return term(lo, hi, (i) => {
        const typed = word.length / vocab[i].length;
        return typed === 1 ? QUALITY_EXACT : QUALITY_PREFIX_BASE + QUALITY_PREFIX_SPAN * typed;
      }, typos);
    }

    /** One token of a synonym phrase: exact only. */
    function matchSynonymToken(token) {
      const i = indexOfToken(vocab, token);
      return i < 0 ? term(0, 0, null, new Map()) : term(i, i + 1, () => QUALITY_SYNONYM, new Map());
    }

    /**
     * The next clause of the query, from words[start]. A doc must match every clause. A clause
     * is one word, or the longest run of words that is a synonym key; it lists alternatives (the
     * typed words, or a synonym phrase), the best of which counts. An alternative is a list of
     * terms that must all match; `end` is the index of the word after the clause.
     */
    function clauseAt(words, start) {
      let end = words.length;
      let values = null;
      for (; end > start; end--) {
        values = synonymsOf(words.slice(start, end).join(' '));
        if (values) break;
      }
      if (!values) end = start + 1;
      const typed = [];
      for (let w = start; w < end; w++) typed.push(matchWord(words[w], w === words.length - 1));
      const alternatives = [{ terms: typed, scale: 1 }];
      for (const value of values || []) {
        const tokens = tokenize(value);
        if (tokens.length > 0) {
          alternatives.push({ terms: tokens.map(matchSynonymToken), scale: (end - start) / tokens.length });
        }
      }
      return { alternatives, end };
    }

    /** Per-doc best score of one term: max over its tokens of quality * (field weights + tf bonus). */
    function scoreTerm(term) {
      const scores = new Float64Array(docs.length);
      term.forEach((quality, vocabIndex) => {
        const list = postings[vocabIndex];
        for (let k = 0; k + 2 < list.length; k += 3) {
          const docId = list[k];
          const s = quality * (maskWeight[list[k + 1]] + TF_BONUS[Math.min(list[k + 2], 255)]);
          if (s > scores[docId]) scores[docId] = s;
        }
      });
      return scores;
    }

    /**
     * Per-doc score of a clause: its best alternative (0 where none matches). Keeps each
     * alternative's per-term scores (alternative.scores) for highlighting.
     */
    function scoreClause(clause) {
      const best = new Float64Array(docs.length);
      for (const alternative of clause.alternatives) {
        alternative.scores = alternative.terms.map(scoreTerm);
        for (let docId = 0; docId < docs.length; docId++) {
          let sum = 0;
          for (const scores of alternative.scores) {
            if (!(scores[docId] > 0)) {
              sum = 0;
              break;
            }
            sum += scores[docId];
          }
          if (sum * alternative.scale > best[docId]) best[docId] = sum * alternative.scale;
        }
      }
      return best;
    }

    /** The vocab indices of the tokens of a piece of text (-1 for unknown tokens). */
    function vocabIndices(text) {
      return tokenize(text).map((token) => indexOfToken(vocab, token));
    }

    /**
     * For one doc, each clause's terms from the alternatives that match that doc: the words
     * worth highlighting there (not the synonyms or prefixes that found nothing in it).
     */
    function termsInDoc(clauses, docId) {
      return clauses.map((clause) =>
        [].concat.apply(
          [],
          clause.alternatives
            .filter((alternative) => alternative.scores.every((scores) => scores[docId] > 0))
            .map((alternative) => alternative.terms)
        )
      );
    }

    /** Does one of the vocab indices match one of the terms? */
    function anyTermMatches(terms, indices) {
      return indices.some((i) => i >= 0 && terms.some((term) => term.has(i)));
    }

    /** How many clauses (given by their terms) a piece of text matches, each counted once. */
    function countClauses(clauseTerms, text) {
      const indices = vocabIndices(text);
      return clauseTerms.filter((terms) => anyTermMatches(terms, indices)).length;
    }

    /**
     * The anchor of the heading matching the most clauses, unless the title already matches
     * them all (then the page itself is the answer). Ties go to the first heading.
     */
    function bestAnchor(doc, clauseTerms) {
      if (!Array.isArray(doc.headings) || countClauses(clauseTerms, doc.title) === clauseTerms.length) {
        return '';
      }
      let best = 0;
      let anchor = '';
      for (const heading of doc.headings) {
        const hits = Array.isArray(heading) ? countClauses(clauseTerms, heading[0]) : 0;
        if (hits > best && heading[1]) {
          best = hits;
          anchor = heading[1];
        }
      }
      return anchor;
    }

    /**
     * vocabIndices for word runs of the original text (e.g. "Résumé", "C++"), remembered for the
     * length of one search: the snippets of its results share most of their words.
     */
    function runIndexer() {
      const known = new Map();
      return (run) => {
        let indices = known.get(run);
        if (!indices) known.set(run, (indices = vocabIndices(run)));
        return indices;
      };
    }

    function toResult(docId, score, clauses, indicesOfRun) {
      const doc = docs[docId];
      const clauseTerms = termsInDoc(clauses, docId);
      const anchor = bestAnchor(doc, clauseTerms);
      const snippet = makeSnippet(doc, (run) => {
        const indices = indicesOfRun(run);
        return clauseTerms.some((terms) => anyTermMatches(terms, indices));
      });
      return {
        url: String(doc.url) + (anchor ? '#' + anchor : ''),
        title: String(doc.title),
        kind: String(doc.kind),
        snippet: snippet.text,
        score,
        highlights: snippet.highlights,
      };
    }

    /**
     * Results for a query, best first: [{ url, title, kind, snippet, score, highlights }], at
     * most options.limit (default 10). The ranking is described at the top of this file.
     */
    function search(query, options) {
      const limit = clampLimit(options && options.limit);
      const text = typeof query === 'string' ? query.slice(0, MAX_QUERY_CHARS) : '';
      const words = tokenize(text).slice(0, MAX_QUERY_WORDS);
      if (words.length === 0 || limit === 0) return [];

      // Sum of clause scores; NaN once a clause misses. Stops when no doc is left.
      const clauses = [];
      const total = new Float64Array(docs.length);
      let left = docs.length;
      for (let start = 0; start < words.length && left > 0; start = clauses[clauses.length - 1].end) {
        const clause = clauseAt(words, start);
        clauses.push(clause);
        const best = scoreClause(clause);
        left = 0;
        for (let docId = 0; docId < docs.length; docId++) {
          total[docId] = best[docId] > 0 ? total[docId] + best[docId] : NaN;
          if (total[docId] > 0) left++;
        }
      }
      if (left === 0) return [];

      const queryKey = bagKey(words);
      const top = [];
      for (let docId = 0; docId < docs.length; docId++) {
        if (!(total[docId] > 0)) continue;
        const info = infoOf(docId);
        const hit = { docId, order: info.order, score: total[docId] };
        if (info.names.indexOf(queryKey) >= 0) hit.score += WHOLE_NAME_BONUS;
        else if (titleCovers(info.titleTokens, words)) hit.score += TITLE_COVER_BONUS;
        insertTop(top, hit, limit);
      }
      const indicesOfRun = runIndexer();
      return top.map((hit) => toResult(hit.docId, hit.score, clauses, indicesOfRun));
    }

    return { search };
  }

  /** Whether every query word is a word of the title; the last may be the start of one. */
  function titleCovers(titleTokens, words) {
    return words.every((word, i) =>
      titleTokens.some((token) => token === word || (i === words.length - 1 && token.startsWith(word))));
  }

  /** Order-insensitive key of a token list: "engineer data" and "data engineer" agree. */
  function bagKey(tokens) {
    return tokens.slice().sort().join(' ');
  }

  function clampLimit(limit) {
    if (typeof limit !== 'number' || !(limit === limit)) return DEFAULT_LIMIT;
    return Math.max(0, Math.min(MAX_LIMIT, Math.floor(limit)));
  }

  function kindRank(kind) {
    const i = KIND_ORDER.indexOf(kind);
    return i < 0 ? KIND_ORDER.length : i;
  }

  /** Higher score first; ties by kind (term, archetype, company, article, page), title, url. */
  function ranksBefore(a, b) {
    return a.score > b.score || (a.score === b.score && a.order < b.order);
  }

  /**
   * Keeps `top` the best `limit` hits in rank order: one pass over the candidates instead of
   * sorting them all (a one-letter prefix can make every doc a candidate).
   */
  function insertTop(top, hit, limit) {
    if (top.length === limit && !ranksBefore(hit, top[limit - 1])) return;
    let i = top.length === limit ? limit - 1 : top.length;
    for (; i > 0 && ranksBefore(hit, top[i - 1]); i--) top[i] = top[i - 1];
    top[i] = hit;
  }

  // ---------------------------------------------------------------------------------------------
  // Snippets
  // ---------------------------------------------------------------------------------------------

  const SNIPPET_CHARS = 160;
  const SNIPPET_LEAD = 40; // context kept before the first match
  const ELLIPSIS = '\u2026';
  // A run of the original text that tokenizes to one or more tokens ("Node", "C++", "Résumé").
  const WORD_RUN = /[\p{L}\p{M}\p{N}]+[+#]*/gu;

  /**
   * [start, end) offsets of the word runs in text that `isMatch` accepts, up to where a snippet
   * beginning at the first of them must end.
   */
  function matchedRuns(text, isMatch) {
    const runs = [];
    WORD_RUN.lastIndex = 0;
    let found;
    while ((found = WORD_RUN.exec(text)) !== null) {
      if (runs.length > 0 && found.index > runs[0][0] + SNIPPET_CHARS) break;
      if (isMatch(found[0])) runs.push([found.index, found.index + found[0].length]);
    }
    return runs;
  }

  /**
   * About SNIPPET_CHARS of plain text around the first match in the doc's text (else in its
   * summary, else the text's start), cut at whitespace, with "…" where cut, and the highlights of
   * every matched word inside it as [start, end) offsets (UTF-16) into the snippet.
   * The window is chosen in the raw text; only its gaps between matches get their whitespace
   * collapsed, so the cost does not grow with the text.
   */
  function makeSnippet(doc, isMatch) {
    let source = typeof doc.text === 'string' ? doc.text : '';
    let runs = matchedRuns(source, isMatch);
    if (runs.length === 0 && typeof doc.summary === 'string' && doc.summary.trim() !== '') {
      source = doc.summary;
      runs = matchedRuns(source, isMatch);
    }

    let start = 0;
    if (runs.length > 0 && runs[0][0] > SNIPPET_LEAD) {
      // Begin at a word: after the first whitespace past the lead, if it comes before the match.
      const from = runs[0][0] - SNIPPET_LEAD;
      const space = source.slice(from, runs[0][0]).search(/\s/);
      start = space >= 0 ? from + space + 1 : runs[0][0];
    }
    let end = Math.min(source.length, start + SNIPPET_CHARS);
    if (end < source.length) {
      const lastSpace = source.slice(start, end + 1).search(/\s\S*$/);
      if (lastSpace > SNIPPET_CHARS / 2) end = start + lastSpace;
    }

    const inside = runs.filter((run) => run[0] >= start && run[1] <= end);
    let text = start > 0 ? ELLIPSIS : '';
    const highlights = [];
    let at = start;
    inside.forEach((run, i) => {
      const gap = source.slice(at, run[0]).replace(/\s+/g, ' ');
      text += i === 0 ? gap.replace(/^ /, '') : gap;
      highlights.push([text.length, text.length + run[1] - run[0]]);
      text += source.slice(run[0], run[1]);
      at = run[1];
    });
    let rest = source.slice(at, end).replace(/\s+/g, ' ');
    if (inside.length === 0) rest = rest.replace(/^ /, '');
    text += rest.replace(/ $/, '');
    return { text: end < source.length ? text + ELLIPSIS : text, highlights };
  }

  // ---------------------------------------------------------------------------------------------
  // Page UI
  // ---------------------------------------------------------------------------------------------

  const DROPDOWN_LIMIT = 8;
  const PAGE_LIMIT = 50;
  const KIND_LABELS = {
    term: 'Term',
    archetype: 'Role',
    company: 'Company',
    article: 'Article',
    page: 'Page',
  };

  /** Result urls come from the index; accept only relative ones (no scheme, no leading slash). */
  function isRelativeUrl(url) {
    return typeof url === 'string' && url !== '' && !/^([a-z][a-z0-9+.-]*:|[/\\])/i.test(url);
  }

  /** Creates an element with attributes and children (strings become text nodes). */
  function element(document, tag, attributes, children) {
    const node = document.createElement(tag);
    Object.keys(attributes || {}).forEach((name) => node.setAttribute(name, attributes[name]));
    (children || []).forEach((child) => {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  /** The snippet as text nodes with <mark> around the highlights. */
  function snippetNode(document, tag, className, result) {
    const parts = [];
    let at = 0;
    for (const range of result.highlights) {
      if (range[0] < at) continue;
      parts.push(result.snippet.slice(at, range[0]));
      parts.push(element(document, 'mark', {}, [result.snippet.slice(range[0], range[1])]));
      at = range[1];
    }
    parts.push(result.snippet.slice(at));
    return element(document, tag, { class: className }, parts.filter((p) => p !== ''));
  }

  function kindBadge(document, kind) {
    const label = hasOwn.call(KIND_LABELS, kind) ? KIND_LABELS[kind] : kind;
    return element(document, 'span', { class: 'search-kind search-kind-' + kind }, [label]);
  }

  /** Loads root + "search-index.js" once, with a <script> tag (no fetch: works from file://). */
  function indexLoader(document, window, root) {
    let loading = null;
    return function load() {
      if (!loading) {
        loading = new Promise((resolve, reject) => {
          if (window.HANDBOOK_SEARCH_INDEX) {
            resolve(window.HANDBOOK_SEARCH_INDEX);
            return;
          }
          const script = element(document, 'script', { src: root + 'search-index.js' });
          script.onload = () =>
            window.HANDBOOK_SEARCH_INDEX
              ? resolve(window.HANDBOOK_SEARCH_INDEX)
              : reject(new Error('search-index.js defined no index'));
          script.onerror = () => reject(new Error('search-index.js could not be loaded'));
          document.head.appendChild(script);
        }).then((index) => {
          const searcher = createSearcher(index);
          searcher.ensureText = textShardLoader(document, window, root, index);
          return searcher;
        });
      }
      return loading;
    };
  }

  /**
   * On a large site the browser's index carries no snippet text: it sits in search-text-<n>.js shards
   * of `textShardSize` documents, loaded (as scripts, so file:// works) only for results on screen.
   * Returns ensure(results, onText), which calls onText once new text has arrived; null otherwise.
   */
  function textShardLoader(document, window, root, index) {
    const size = index.textShardSize;
    if (!(index.textShards > 0 && size > 0)) return null;
    const requested = new Set();
    let docOfUrl = null;
    return function ensure(results, onText) {
      if (!docOfUrl) {
        docOfUrl = new Map();
        index.docs.forEach((doc, id) => docOfUrl.set(doc.url, id));
      }
      results.forEach((result) => {
        const id = docOfUrl.get(String(result.url).split('#')[0]);
        if (id === undefined) return;
        const shard = Math.floor(id / size);
        if (requested.has(shard) || shard >= index.textShards) return;
        requested.add(shard);
        const script = element(document, 'script', { src: root + 'search-text-' + shard + '.js' });
        script.onload = () => {
          const texts = window.HANDBOOK_SEARCH_TEXT && window.HANDBOOK_SEARCH_TEXT[shard];
          if (!Array.isArray(texts)) return;
          texts.forEach((text, k) => {
            const doc = index.docs[shard * size + k];
            if (doc) doc.text = String(text);
          });
          onText();
        };
        document.head.appendChild(script);
      });
    };
  }

  /** Wires the header combobox and, on search.html, the full result list. */
  function initPage(window) {
    const document = window.document;
    const input = document.getElementById('search-input');
    const list = document.getElementById('search-results');
    if (!input || !list) return;
    const form = input.form || list.parentNode;
    const root = document.body.getAttribute('data-root') || '';
    const loadSearcher = indexLoader(document, window, root);

    // Announces result counts to screen readers; the listbox itself is not a live region.
    const status = element(document, 'div', { class: 'visually-hidden', role: 'status' });
    list.parentNode.insertBefore(status, list.nextSibling);

    let results = [];
    let active = -1;

    const hrefOf = (result) => root + result.url;
    const optionId = (i) => 'search-result-' + i;

    function setOpen(open) {
      list.hidden = !open;
      input.setAttribute('aria-expanded', String(open));
      if (!open) setActive(-1);
    }

    function setActive(i) {
      const options = list.querySelectorAll('[role="option"][id]');
      if (active >= 0 && options[active]) options[active].setAttribute('aria-selected', 'false');
      active = i;
      if (i >= 0 && options[i]) {
        options[i].setAttribute('aria-selected', 'true');
        options[i].scrollIntoView({ block: 'nearest' });
        input.setAttribute('aria-activedescendant', optionId(i));
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function renderDropdown(query) {
      setActive(-1);
      list.textContent = '';
      results.forEach((result, i) => {
        const link = element(document, 'a', { href: hrefOf(result), tabindex: '-1' }, [
          kindBadge(document, result.kind),
          element(document, 'span', { class: 'search-title' }, [result.title]),
          snippetNode(document, 'span', 'search-snippet', result),
        ]);
        list.appendChild(
          element(document, 'li', { id: optionId(i), role: 'option', 'aria-selected': 'false' }, [link])
        );
      });
      if (results.length === 0) {
        list.appendChild(
          element(document, 'li', { class: 'search-empty', role: 'option', 'aria-disabled': 'true' }, [
            countMessage(0, query),
          ])
        );
      }
      status.textContent = countMessage(results.length, query);
      setOpen(true);
    }

    function showError(error) {
      results = [];
      list.textContent = '';
      setOpen(false);
      status.textContent = 'Search is unavailable: ' + error.message;
    }

    function update() {
      const query = input.value;
      if (query.trim() === '') {
        results = [];
        list.textContent = '';
        status.textContent = '';
        setOpen(false);
        return;
      }
      loadSearcher().then((searcher) => {
        if (input.value !== query) return; // a later keystroke has its own update
        const show = () => {
          const keep = active;
          results = searcher.search(query, { limit: DROPDOWN_LIMIT }).filter((r) => isRelativeUrl(r.url));
          renderDropdown(query);
          if (keep >= 0 && keep < results.length) setActive(keep);
        };
        show();
        // Snippet text that arrives later redraws the same results, keeping the active one.
        if (searcher.ensureText) searcher.ensureText(results, () => input.value === query && !list.hidden && show());
      }, showError);
    }

    function move(step) {
      if (results.length === 0) return;
      if (list.hidden) setOpen(true);
      const count = results.length;
      setActive(active < 0 ? (step > 0 ? 0 : count - 1) : (active + step + count) % count);
    }

    input.addEventListener('focus', () => loadSearcher().catch(showError));
    input.addEventListener('input', update);
    input.addEventListener('keydown', (event) => {
      if (event.isComposing) return;
      switch (event.key) {
        case 'ArrowDown':
        case 'ArrowUp':
          if (results.length === 0) return;
          event.preventDefault();
          move(event.key === 'ArrowDown' ? 1 : -1);
          break;
        case 'Enter':
          // With no active option, the form submits to search.html?q=… as usual.
          if (!list.hidden && active >= 0) {
            event.preventDefault();
            window.location.assign(hrefOf(results[active]));
          }
          break;
        case 'Escape':
          if (!list.hidden) {
            event.preventDefault();
            setOpen(false);
          } else if (input.value !== '') {
            event.preventDefault();
            input.value = '';
            update();
          }
          break;
      }
    });

    // Keep focus in the box while a result is clicked, so the click lands on the link.
    list.addEventListener('mousedown', (event) => event.preventDefault());
    document.addEventListener('pointerdown', (event) => {
      if (!form.contains(event.target)) setOpen(false);
    });
    form.addEventListener('focusout', (event) => {
      if (!form.contains(event.relatedTarget)) setOpen(false);
    });

    document.addEventListener('keydown', (event) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isEditable(event.target)) return;
      event.preventDefault();
      input.focus();
      input.select();
    });

    const page = document.getElementById('search-page');
    if (page) initResultsPage(document, window, page, input, loadSearcher, root);
  }

  /** search.html: the ?q= query in the box and its results (up to PAGE_LIMIT) as cards. */
  function initResultsPage(document, window, page, input, loadSearcher, root) {
    const query = new URLSearchParams(window.location.search).get('q') || '';
    input.value = query;
    const show = (children) => {
      page.textContent = '';
      children.forEach((child) => page.appendChild(child));
    };
    if (query.trim() === '') {
      show([element(document, 'p', { class: 'search-message' }, ['Type a word in the search box.'])]);
      return;
    }
    show([element(document, 'p', { class: 'search-message' }, ['Searching\u2026'])]);
    function render(searcher) {
      const results = searcher.search(query, { limit: PAGE_LIMIT }).filter((r) => isRelativeUrl(r.url));
      const cards = results.map((result) =>
        element(document, 'li', { class: 'search-card' }, [
          kindBadge(document, result.kind),
          element(document, 'h2', { class: 'search-card-title' }, [
            element(document, 'a', { href: root + result.url }, [result.title]),
          ]),
          snippetNode(document, 'p', 'search-snippet', result),
        ])
      );
      const message = element(document, 'p', { class: 'search-message' }, [
        results.length > 0
          ? countMessage(results.length, query)
          : countMessage(0, query) + '. Check the spelling or try fewer words.',
      ]);
      show(cards.length > 0 ? [message, element(document, 'ol', { class: 'search-cards' }, cards)] : [message]);
      return results;
    }
    loadSearcher().then(
      (searcher) => {
        const results = render(searcher);
        if (searcher.ensureText) searcher.ensureText(results, () => render(searcher));
      },
      (error) => {
        show([element(document, 'p', { class: 'search-message' }, ['Search is unavailable: ' + error.message])]);
      }
    );
  }

  function countMessage(count, query) {
    if (count === 0) return 'No results for \u201c' + query + '\u201d';
    return count + (count === 1 ? ' result' : ' results') + ' for \u201c' + query + '\u201d';
  }

  function isEditable(target) {
    return (
      !!target &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName || ''))
    );
  }

  // ---------------------------------------------------------------------------------------------
  // Entry point: a module in node, the page UI in a browser
  // ---------------------------------------------------------------------------------------------

  if (typeof module === 'object' && module.exports) {
    module.exports = { createSearcher, tokenize };
  } else if (typeof window === 'object' && window.document) {
    if (window.document.readyState === 'loading') {
      window.document.addEventListener('DOMContentLoaded', () => initPage(window));
    } else {
      initPage(window);
    }
  }
})();
