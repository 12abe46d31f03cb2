/*
 * handbook search, typos: lookups in a sorted word list, and the words within a few edits of a
 * query word (optimal string alignment: insertion, deletion, substitution, adjacent transposition).
 */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else (root.HandbookSearch = root.HandbookSearch || {}).typos = factory();
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  /** Typo budget of a query word (Damerau edits): 0 below 4 letters, 1 from 4, 2 from 8. */
  function maxEditsFor(word) {
    return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
  }

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

  /** [lo, hi): the entries of a sorted vocab that start with prefix. */
  function prefixRange(vocab, prefix) {
    return [lowerBound(vocab, prefix), lowerBound(vocab, prefix + PAST_PREFIX)];
  }

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

  return { maxEditsFor, lowerBound, indexOfToken, prefixRange, scanTypos, PAST_PREFIX };
});
