/*
 * handbook search, snippets and anchors: the text shown under a result, with the query's words
 * marked, and the section of the page a result links to.
 */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else (root.HandbookSearch = root.HandbookSearch || {}).snippets = factory();
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

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
   * every matched word inside it as [start, end) offsets (UTF-16) into the snippet, and `at`, the
   * offset of the first match in the doc's text (-1 if none).
   * The window is chosen in the raw text; only its gaps between matches get their whitespace
   * collapsed, so the cost does not grow with the text.
   */
  function makeSnippet(doc, isMatch) {
    let source = typeof doc.text === 'string' ? doc.text : '';
    let runs = matchedRuns(source, isMatch);
    const firstMatch = runs.length > 0 ? runs[0][0] : -1;
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
      // Cut at the last whitespace of the window (a scan back: a regex for it backtracks).
      let lastSpace = end;
      while (lastSpace > start && !/\s/.test(source[lastSpace])) lastSpace--;
      if (lastSpace - start > SNIPPET_CHARS / 2) end = lastSpace;
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
    return { text: end < source.length ? text + ELLIPSIS : text, highlights, at: firstMatch };
  }

  /**
   * The anchor a result links to: none when the title matches every clause (the page itself is the
   * answer); else the heading matching the most clauses (the first on ties); else the section whose
   * text holds the snippet's first match (a record field: "must-have", "interview-questions").
   * `clausesIn(text)` counts the clauses a text matches.
   */
  function anchorFor(doc, clausesIn, clauseCount, at) {
    if (clausesIn(doc.title) === clauseCount) return '';
    let best = 0;
    let anchor = '';
    for (const heading of Array.isArray(doc.headings) ? doc.headings : []) {
      const hits = Array.isArray(heading) ? clausesIn(heading[0]) : 0;
      if (hits > best && heading[1]) {
        best = hits;
        anchor = String(heading[1]);
      }
    }
    if (anchor !== '' || at < 0 || !Array.isArray(doc.sections)) return anchor;
    for (const section of doc.sections) {
      if (Array.isArray(section) && section[0] <= at) anchor = String(section[1] || '');
    }
    return anchor;
  }

  return { makeSnippet, anchorFor, WORD_RUN };
});
