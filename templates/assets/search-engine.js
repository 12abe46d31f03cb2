/*
 * handbook search, engine: ranks documents for a query from a store (search-store.js).
 *
 * Ranking, in short: the query's words (stop words dropped, stemmed) form clauses: one word, a run
 * of words that is a glossary name (its synonyms count too), or two words whose joined form is a
 * term ("node js" = "nodejs"). A word matches its term exactly; the last word also as a prefix
 * (search as you type); words of 4+ letters with 1 typo, 8+ with 2. A doc scores, per clause, its
 * best token's field weights (title > alias > heading > tags > summary = facts > body) times the
 * match quality, plus a small body-frequency bonus. Docs matching every clause come first; docs
 * missing some rank below them, fewer missing first. A query that is a doc's whole title or alias
 * wins; a title holding every word comes next. Ties go by kind, then title.
 */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(
      require('./search-words.js'),
      require('./search-typos.js'),
      require('./search-store.js'),
      require('./search-snippets.js')
    );
  } else {
    const ns = root.HandbookSearch;
    ns.engine = factory(ns.words, ns.typos, ns.store, ns.snippets);
  }
})(typeof self !== 'undefined' ? self : this, function (words, typos, stores, snippets) {
  'use strict';

  const MAX_QUERY_CHARS = 200;
  const MAX_QUERY_WORDS = 10;
  // The longest joined form the index keeps (SearchTokenizer.maxJoined, search-words.js MAX_JOINED).
  const MAX_JOINED_NAME = 24;
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
  // The word being typed runs past a stem ("engineeri" past "engin"): a weak match while typing.
  const QUALITY_PAST_STEM = 0.25;

  // Small bonus for body occurrences: TF_WEIGHT * ln(1 + tf), at most ~1.4 for tf = 255.
  const TF_WEIGHT = 0.25;
  const TF_BONUS = new Float64Array(256).map((_, tf) => TF_WEIGHT * Math.log1p(tf));
  const TITLE_BIT = 1;

  // Added when the whole query is a doc's title or one of its aliases (in any word order).
  const WHOLE_NAME_BONUS = 1000;
  // A title that contains every query word (the last one as a prefix) outranks word-by-word sums.
  const TITLE_COVER_BONUS = 100;
  // Share of the weaker fields added to the strongest one.
  const EXTRA_FIELD_SHARE = 0.25;
  // Typos are only tried against index words this long: "pand" must not become "and".
  const MIN_TYPO_TOKEN = 4;
  // Subtracted per clause a doc misses: more than any doc can score, so fuller matches rank first.
  const MISSING_CLAUSE = 10000;
  // On a chunked index, typo matches come from at most this many posting chunks, the closest
  // matches' (a typo spread over the vocab would otherwise load it all).
  const TYPO_CHUNKS = 3;

  const KIND_ORDER = ['term', 'archetype', 'company', 'article', 'page'];

  /**
   * A searcher over a parsed index (or a store). search() answers at once from a whole index; on a
   * chunked one, the page calls plan() and loads store.needed until it is empty, then rank(); once
   * planRows()' chunks (the hits' heads) are in, present() gives rows to show, and once planPresent()'s
   * (the hits' documents) are in, rows with snippets and deep links. While plan()'s chunks load,
   * rowsAtHand() ranks what is there.
   */
  function createSearcher(index) {
    const store = index && index.isStore ? index : stores.storeFor(index);
    const weights = store.weights;
    const maskWeight = new Float64Array(1 << weights.length);
    for (let mask = 1; mask < maskWeight.length; mask++) {
      let max = 0;
      let sum = 0;
      for (let bit = 0; bit < weights.length; bit++) {
        if (!(mask & (1 << bit))) continue;
        const weight = Number(weights[bit]) || 0;
        sum += weight;
        if (weight > max) max = weight;
      }
      maskWeight[mask] = max + EXTRA_FIELD_SHARE * (sum - max);
    }
    const termOf = store.stemmed ? words.term : (token) => token;

    // Per-doc arrays, reused from search to search: a large site has tens of thousands of docs.
    const pool = [];
    function scratch(Type) {
      for (let i = 0; i < pool.length; i++) {
        if (pool[i] instanceof Type) return pool.splice(i, 1)[0].fill(0);
      }
      return new Type(store.docCount);
    }
    function release(array) {
      if (pool.length < 64) pool.push(array);
    }

    /**
     * The query's words: [{ raw, term, isLast }], stop words dropped unless nothing else is left. Then a query of
     * two or more stop words is their joined form, as the index holds a title of stop words alone ("How to" as
     * "howto", SearchTokenizer.stopWordName); a single one stays as it is typed, matched as a prefix (the index holds
     * a title of one stop word, "About", as that word).
     */
    function queryWords(query) {
      const text = typeof query === 'string' ? query.slice(0, MAX_QUERY_CHARS) : '';
      const tokens = words.tokenize(text).slice(0, MAX_QUERY_WORDS);
      const kept = tokens.map((raw, i) => ({ raw, term: termOf(raw), isLast: i === tokens.length - 1 }));
      if (!store.stemmed) return kept;
      const content = kept.filter((word) => !words.isStopWord(word.raw));
      if (content.length > 0 || kept.length === 0) return content;
      const joined = kept.map((word) => word.raw).join('');
      if (kept.length >= 2 && joined.length <= MAX_JOINED_NAME) return [{ raw: joined, term: termOf(joined), isLast: true }];
      return [kept[kept.length - 1]];
    }

    /**
     * A term: matched tokens as Map(token -> { quality, namesOnly, typed, whole }); `typed`: not a
     * typo; `whole`: the word itself or a typo of it, not a prefix.
     */
    function addMatch(term, token, quality, namesOnly, typed, whole) {
      const old = term.get(token);
      if (!old || old.quality < quality) term.set(token, { quality, namesOnly, typed, whole: !!whole });
    }

    function exactTerm(token, quality) {
      const term = new Map();
      const list = store.wordsFor(token);
      const i = typos.indexOfToken(list, token);
      if (i >= 0) addMatch(term, token, quality, false, false);
      return term;
    }

    function matchWord(word) {
      const term = new Map();
      const list = store.wordsFor(word.term);
      const exact = typos.indexOfToken(list, word.term);
      if (exact >= 0) addMatch(term, word.term, QUALITY_EXACT, false, true, true);
      if (word.isLast) {
        for (const prefix of word.raw === word.term ? [word.raw] : [word.term, word.raw]) {
          const [lo, hi] = typos.prefixRange(list, prefix);
          const namesOnly = store.isBroadPrefix(prefix);
          for (let i = lo; i < hi; i++) {
            const typed = Math.min(1, word.raw.length / list[i].length);
            addMatch(term, list[i], QUALITY_PREFIX_BASE + QUALITY_PREFIX_SPAN * typed, namesOnly, true);
          }
        }
        // While a word is typed it can run past its stem: "engineeri" is on its way to "engineering".
        if (store.stemmed && term.size === 0 && /^[a-z]{5,}$/.test(word.raw)) {
          for (let k = word.raw.length - 1; k >= Math.max(4, word.raw.length >> 1); k--) {
            const i = typos.indexOfToken(list, word.raw.slice(0, k));
            if (i >= 0) {
              addMatch(term, list[i], QUALITY_PAST_STEM, false, true);
              break;
            }
          }
        }
      }
      const maxEdits = typos.maxEditsFor(word.term);
      if (maxEdits > 0) {
        const found = [];
        // A word the stemmer shortened was typed to its end: its typos are whole words, not prefixes.
        const typoPrefix = word.isLast && word.raw === word.term;
        // Every term, whatever its first letter: "ypthon" is one edit from "python".
        const vocab = store.allWords();
        typos.scanTypos(vocab, word.term, maxEdits, typoPrefix, (i, edits, whole) => {
          if (vocab[i].length >= MIN_TYPO_TOKEN && !term.has(vocab[i])) found.push([i, edits, whole]);
        });
        // Fewest edits first; the chunks of the first TYPO_CHUNKS give the matches.
        found.sort((a, b) => a[1] - b[1] || (a[2] === b[2] ? 0 : a[2] ? -1 : 1) || a[0] - b[0]);
        const chunks = new Set();
        for (const [i, edits, whole] of found) {
          const chunk = store.chunkOf(vocab[i]);
          if (chunk !== null && !chunks.has(chunk) && chunks.size < TYPO_CHUNKS) chunks.add(chunk);
          if (chunk !== null && !chunks.has(chunk)) continue;
          addMatch(term, vocab[i], (whole ? QUALITY_TYPO : QUALITY_TYPO_PREFIX)[edits], false, false, whole);
        }
      }
      return term;
    }

    /** Whether a term of the joined words exists: "node" + "js" -> "nodejs". */
    function joinedTerm(a, b) {
      const token = termOf(a.raw + b.raw);
      const term = exactTerm(token, QUALITY_EXACT);
      return term.size > 0 ? term : null;
    }

    /**
     * The clause at words[start]: alternatives (lists of terms that must all match; the best
     * counts) and `end`, the index of the word after it.
     */
    function clauseAt(list, start) {
      let end = list.length;
      let values = null;
      for (; end > start; end--) {
        values = store.synonyms(list.slice(start, end).map((w) => w.term).join(' '));
        if (values) break;
      }
      if (!values) end = start + 1;
      let joined = null;
      if (!values && start + 1 < list.length) {
        joined = joinedTerm(list[start], list[start + 1]);
        if (joined) end = start + 2;
      }
      const alternatives = [{ terms: list.slice(start, end).map(matchWord), scale: 1 }];
      if (joined) alternatives.push({ terms: [joined], scale: 2 });
      for (const value of values || []) {
        const tokens = String(value).split(' ').filter((t) => t !== '');
        if (tokens.length > 0) {
          alternatives.push({
            terms: tokens.map((t) => exactTerm(t, QUALITY_SYNONYM)),
            scale: (end - start) / tokens.length,
          });
        }
      }
      return { alternatives, end };
    }

    function clausesOf(list) {
      const clauses = [];
      for (let start = 0; start < list.length; start = clauses[clauses.length - 1].end) {
        clauses.push(clauseAt(list, start));
      }
      return clauses;
    }

    /** Per-doc best score of a term, and whether a typed word matched in the title. */
    function scoreTerm(term) {
      const scores = scratch(Float64Array);
      const titles = scratch(Uint8Array);
      term.forEach((match, token) => {
        const list = store.postings(token, match.namesOnly);
        for (let k = 0; k + 2 < list.length; k += 3) {
          const docId = list[k];
          if (docId >= scores.length) continue;
          const s = match.quality * (maskWeight[list[k + 1] & (maskWeight.length - 1)] + TF_BONUS[list[k + 2] & 255]);
          if (s > scores[docId]) scores[docId] = s;
          if (match.typed && list[k + 1] & TITLE_BIT) titles[docId] = 1;
        }
      });
      return { scores, titles };
    }

    /** Per-doc score of a clause (its best alternative) and whether the typed words all hit the title. */
    function scoreClause(clause) {
      const best = scratch(Float64Array);
      const inTitle = scratch(Uint8Array);
      clause.alternatives.forEach((alternative, a) => {
        alternative.scores = alternative.terms.map(scoreTerm);
        for (let docId = 0; docId < best.length; docId++) {
          let sum = 0;
          let titled = 1;
          for (const term of alternative.scores) {
            if (!(term.scores[docId] > 0)) {
              sum = 0;
              break;
            }
            sum += term.scores[docId];
            titled &= term.titles[docId];
          }
          if (sum * alternative.scale > best[docId]) best[docId] = sum * alternative.scale;
          if (a === 0 && sum > 0 && titled) inTitle[docId] = 1;
        }
      });
      return { best, inTitle };
    }

    /** Asks the store for everything the query reads; on a chunked store, fills store.needed. */
    // The last query's words and clauses, while the store has not changed: plan() and rank() share them.
    let parsed = { query: null, version: -1 };
    function parse(query) {
      const version = store.version();
      if (parsed.query !== query || parsed.version !== version) {
        const list = queryWords(query);
        parsed = { query, version, list, clauses: clausesOf(list) };
      }
      return parsed;
    }

    function plan(query) {
      store.needed.clear();
      const { list, clauses } = parse(query);
      clauses.forEach((clause) =>
        clause.alternatives.forEach((alternative) =>
          alternative.terms.forEach((term) => term.forEach((m, token) => store.postings(token, m.namesOnly)))
        )
      );
      nameKeys(list, clauses).forEach((quality, key) => wholeNames(key));
      return Array.from(store.needed);
    }

    /** The best `limit` documents: { hits: [{ docId, score }], clauses }. */
    function rank(query, options) {
      const limit = clampLimit(options && options.limit);
      const { list, clauses } = parse(query);
      if (list.length === 0 || limit === 0) return { hits: [], clauses: [] };
      const total = scratch(Float64Array);
      const matched = scratch(Uint8Array);
      const titled = scratch(Uint8Array);
      for (const clause of clauses) {
        const { best, inTitle } = scoreClause(clause);
        for (let docId = 0; docId < best.length; docId++) {
          if (!(best[docId] > 0)) continue;
          total[docId] += best[docId];
          matched[docId]++;
          titled[docId] += inTitle[docId];
        }
        release(best);
        release(inTitle);
      }
      const named = new Map(); // docId -> the best whole-name bonus
      nameKeys(list, clauses).forEach((quality, key) =>
        wholeNames(key).forEach((docId) => named.set(docId, Math.max(named.get(docId) || 0, WHOLE_NAME_BONUS * quality)))
      );
      const top = [];
      for (let docId = 0; docId < total.length; docId++) {
        if (matched[docId] === 0) continue;
        let score = total[docId] - MISSING_CLAUSE * (clauses.length - matched[docId]);
        if (matched[docId] === clauses.length) {
          if (named.has(docId)) score += named.get(docId);
          else if (titled[docId] === clauses.length) score += TITLE_COVER_BONUS;
        }
        insertTop(top, { docId, score, order: orderOf(docId) }, limit);
      }
      // What present() needs of the per-doc arrays, taken now so that they can be reused.
      top.forEach((hit) => (hit.clauseTerms = termsInDoc(clauses, hit.docId)));
      clauses.forEach((clause) =>
        clause.alternatives.forEach((alternative) => {
          alternative.scores.forEach((term) => {
            release(term.scores);
            release(term.titles);
          });
          alternative.scores = null;
        })
      );
      [total, matched, titled].forEach(release);
      return { hits: top, clauses };
    }

    /**
     * Names the query may be, as bag keys -> match quality: the words as typed (quality 1), and, for
     * a short query, the words' typo corrections ("pyhton" may be "python": 0.5).
     */
    function nameKeys(list, clauses) {
      const keys = new Map([[bagKey(list.map((w) => w.term)), 1]]);
      if (list.length > 3) return keys;
      const options = [];
      for (const clause of clauses) {
        for (const term of clause.alternatives[0].terms) {
          // Typo corrections only stand in for a word the index does not have.
          const typed = [];
          const whole = [];
          term.forEach((match, token) => {
            if (match.whole) (match.typed ? typed : whole).push([token, match.quality]);
          });
          if (typed.length > 0) {
            options.push(typed);
            continue;
          }
          whole.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
          options.push(whole.slice(0, 3));
        }
      }
      let combos = [[[], 1]];
      for (const choices of options) {
        const next = [];
        for (const [tokens, quality] of combos) for (const [t, q] of choices) next.push([tokens.concat([t]), quality * q]);
        combos = next;
      }
      for (const [tokens, quality] of combos) {
        const key = bagKey(tokens);
        if (!(keys.get(key) >= quality)) keys.set(key, quality);
      }
      return keys;
    }

    // Version 1 indexes carry no names; their docs are not in tie order either.
    let v1Names = null;
    function wholeNames(key) {
      if (store.names) return store.names(key) || [];
      if (!v1Names) {
        v1Names = new Map();
        for (let id = 0; id < store.docCount; id++) {
          const doc = store.doc(id) || {};
          const names = [doc.title].concat(Array.isArray(doc.aliases) ? doc.aliases : []);
          for (const name of names) {
            const k = bagKey(words.tokenize(String(name)));
            if (!v1Names.has(k)) v1Names.set(k, []);
            v1Names.get(k).push(id);
          }
        }
      }
      return v1Names.get(key) || [];
    }

    function orderOf(docId) {
      if (store.ordered) return docId;
      const doc = store.doc(docId) || {};
      return String.fromCharCode(48 + kindRank(doc.kind)) + String(doc.title).toLowerCase() + '\u0000' + doc.url;
    }

    /**
     * Results for ranked hits. A hit whose document is not in the store yet, only its head, is a row
     * without snippet or deep link, marked `pending`; present() again once planPresent's chunks are in.
     */
    function present(ranked) {
      const known = new Map();
      return ranked.hits.map((hit) => toResult(hit, ranked.clauses, known));
    }

    /** The chunks the rows of present() need: the hits' heads (nothing on a whole store). */
    function planRows(ranked) {
      store.needed.clear();
      ranked.hits.forEach((hit) => store.head(hit.docId));
      return Array.from(store.needed);
    }

    /**
     * While a query's chunks load: rows from what the store holds already (titles and aliases of the
     * words whose postings are not in yet), all `pending`, or null when there are none or their heads
     * are not in either. The page shows them at once and replaces them when the chunks are in.
     */
    function rowsAtHand(query, options) {
      const ranked = rank(query, options);
      if (ranked.hits.length === 0 || planRows(ranked).length > 0) return null;
      return present(ranked).map((row) => Object.assign(row, { pending: true }));
    }

    /** The chunks present() still needs for snippets and deep links (nothing on a whole store). */
    function planPresent(ranked) {
      store.needed.clear();
      ranked.hits.forEach((hit) => store.doc(hit.docId));
      return Array.from(store.needed);
    }

    /** Each clause's terms from the alternatives that match this doc: the words to highlight. */
    function termsInDoc(clauses, docId) {
      return clauses.map((clause) =>
        [].concat.apply(
          [],
          clause.alternatives
            .filter((a) => a.scores.every((term) => term.scores[docId] > 0))
            .map((a) => a.terms)
        )
      );
    }

    function toResult(hit, clauses, known) {
      const doc = store.doc(hit.docId);
      if (!doc) {
        const head = store.head(hit.docId) || { url: '', title: '', kind: 'page', section: '' };
        const row = { url: String(head.url), title: String(head.title), kind: String(head.kind), section: String(head.section || '') };
        return Object.assign(row, { snippet: '', score: hit.score, highlights: [], pending: true });
      }
      const clauseTerms = hit.clauseTerms;
      const isMatch = (run) => {
        let hits = known.get(run);
        if (hits === undefined) {
          const tokens = words.tokenize(run).map(termOf);
          hits = clauseTerms.map((terms) => tokens.some((t) => terms.some((term) => term.has(t))));
          known.set(run, hits);
        }
        return hits;
      };
      const snippet = snippets.makeSnippet(doc, (run) => isMatch(run).some(Boolean));
      const anchor = snippets.anchorFor(doc, (text) => countClauses(text, isMatch), clauses.length, snippet.at);
      return {
        url: String(doc.url) + (anchor ? '#' + anchor : ''),
        title: String(doc.title),
        kind: String(doc.kind),
        section: String(doc.section || ''),
        snippet: snippet.text,
        score: hit.score,
        highlights: snippet.highlights,
      };
    }

    /** How many clauses the words of a text match, each counted once. */
    function countClauses(text, isMatch) {
      const found = [];
      (String(text).match(snippets.WORD_RUN) || []).forEach((run) =>
        isMatch(run).forEach((hit, i) => {
          if (hit) found[i] = true;
        })
      );
      return found.filter(Boolean).length;
    }

    /** Results, best first: [{ url, title, kind, snippet, score, highlights }], at most options.limit. */
    function search(query, options) {
      return present(rank(query, options));
    }

    return { search, plan, rank, rowsAtHand, planRows, planPresent, present, store };
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

  /** Higher score first; ties by order (kind, title, url). */
  function ranksBefore(a, b) {
    return a.score > b.score || (a.score === b.score && a.order < b.order);
  }

  /** Keeps `top` the best `limit` hits in rank order, in one pass over the candidates. */
  function insertTop(top, hit, limit) {
    if (top.length === limit && !ranksBefore(hit, top[limit - 1])) return;
    let i = top.length === limit ? limit - 1 : top.length;
    for (; i > 0 && ranksBefore(hit, top[i - 1]); i--) top[i] = top[i - 1];
    top[i] = hit;
  }

  return { createSearcher };
});
