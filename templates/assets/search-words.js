/*
 * handbook search, words: how text becomes index terms. A contract with the Swift index builder
 * (Sources/HandbookKit/Search/SearchTokenizer.swift and PorterStemmer.swift), rule for rule:
 *
 * - tokenize: lowercase, Unicode NFKD with combining marks dropped, then the matches of
 *   /[a-z0-9]+[+#]*\/ ("C++ and Node.js" -> c++, and, node, js).
 * - joined forms: letter-only tokens joined by one "." "/" "-" "_" or "&" ("Node.js", "CI/CD",
 *   "scikit-learn") also give their concatenation (nodejs, cicd, scikitlearn).
 * - stop words ("the", "does", ...) are not terms.
 * - stem: English Snowball (Porter2), as PyPI's snowballstemmer 3 writes it, on letter-only tokens.
 */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else (root.HandbookSearch = root.HandbookSearch || {}).words = factory();
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  const TOKEN_PATTERN = /[a-z0-9]+[+#]*/g;
  const COMBINING_MARKS = /[\u0300-\u036f]/g;
  const ASCII_ONLY = /^[\x00-\x7f]*$/;
  const LETTERS_ONLY = /^[a-z]+$/;
  const JOINERS = './-_&';
  const MAX_JOINED = 24;

  /** Lowercase, Unicode NFKD, combining marks dropped: "Résumé" -> "resume". */
  function normalize(text) {
    // ASCII is its own NFKD: skip the costly part for most text.
    if (ASCII_ONLY.test(text)) return text.toLowerCase();
    return text.toLowerCase().normalize('NFKD').replace(COMBINING_MARKS, '');
  }

  /** Splits text into raw tokens: "C++ and Node.js" -> ["c++", "and", "node", "js"]. */
  function tokenize(text) {
    return normalize(String(text)).match(TOKEN_PATTERN) || [];
  }

  /**
   * Raw tokens with their joined forms: [{ token, joined }], where `joined` is the concatenation
   * of this token and the ones before it when they were joined by single joiners ("ci/cd" gives
   * ci, then cd with joined "cicd").
   */
  function tokensWithJoins(text) {
    const folded = normalize(String(text));
    const out = [];
    let run = ''; // letter-only tokens joined so far
    let end = -1; // where the previous token ended
    TOKEN_PATTERN.lastIndex = 0;
    let found;
    while ((found = TOKEN_PATTERN.exec(folded)) !== null) {
      const token = found[0];
      const letters = LETTERS_ONLY.test(token);
      const joinedToPrevious =
        letters && run !== '' && found.index === end + 1 && JOINERS.indexOf(folded[end]) >= 0;
      const entry = { token, joined: null };
      if (joinedToPrevious && run.length + token.length <= MAX_JOINED) {
        run += token;
        entry.joined = run;
      } else {
        run = letters ? token : '';
      }
      out.push(entry);
      end = found.index + token.length;
    }
    return out;
  }

  // Function words that say nothing about a page. Not "it" (IT) nor "us" (US).
  const STOP_WORDS = new Set(
    (
      'a about above after again against all am an and any are as at be because been before being ' +
      'below between both but by can could did do does doing down during each few for from further ' +
      'had has have having he her here hers herself him himself his how i if in into is its itself ' +
      'just me more most my myself no nor not now of off on once only or other our ours ourselves ' +
      'out over own same she should so some such than that the their theirs them themselves then ' +
      'there these they this those through to too under until up very was we were what when where ' +
      'which while who whom why will with would you your yours yourself yourselves'
    ).split(' ')
  );

  function isStopWord(token) {
    return STOP_WORDS.has(token);
  }

  /** The index term of a raw token: its stem if it is letters only, else itself ("c++", "k8s"). */
  function term(token) {
    return LETTERS_ONLY.test(token) ? stem(token) : token;
  }

  /** Index terms of a text, in order: stop words dropped, joined forms after their last part. */
  function terms(text) {
    const out = [];
    for (const entry of tokensWithJoins(text)) {
      if (!STOP_WORDS.has(entry.token)) out.push(term(entry.token));
      if (entry.joined) out.push(term(entry.joined));
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Porter2 (English Snowball), on an array of char codes; 'Y' (89) marks a consonant y.
  // ---------------------------------------------------------------------------------------------

  const Y = 89;
  const isVowel = (c) => c === 97 || c === 101 || c === 105 || c === 111 || c === 117 || c === 121;
  // Not a vowel, nor w, x or Y: what may end a short syllable.
  const isShortEnd = (c) => !isVowel(c) && c !== 119 && c !== 120 && c !== Y;
  const VALID_LI = 'cdeghkmnrt';

  const EXCEPTIONS = {
    andes: 'andes', atlas: 'atlas', bias: 'bias', cosmos: 'cosmos', early: 'earli', gently: 'gentl',
    howe: 'howe', idly: 'idl', news: 'news', only: 'onli', singly: 'singl', skies: 'sky', skis: 'ski',
    sky: 'sky', ugly: 'ugli',
  };
  const REGION_PREFIXES = ['arsen', 'commun', 'emerg', 'gener', 'inter', 'later', 'organ', 'past', 'univers'];

  // Suffix tables, longest first where one ends another: [suffix, replacement or rule].
  const STEP1A = ['sses', 'ied', 'ies', 'ss', 'us', 's'];
  const STEP1B = ['eedly', 'ingly', 'edly', 'eed', 'ing', 'ed'];
  const STEP2 = [
    ['ization', 'ize'], ['ational', 'ate'], ['fulness', 'ful'], ['ousness', 'ous'], ['iveness', 'ive'],
    ['tional', 'tion'], ['biliti', 'ble'], ['lessli', 'less'], ['entli', 'ent'], ['ation', 'ate'],
    ['alism', 'al'], ['aliti', 'al'], ['ousli', 'ous'], ['iviti', 'ive'], ['fulli', 'ful'],
    ['ogist', 'og'], ['enci', 'ence'], ['anci', 'ance'], ['abli', 'able'], ['izer', 'ize'],
    ['ator', 'ate'], ['alli', 'al'], ['bli', 'ble'], ['ogi', 'og'], ['li', ''],
  ];
  const STEP3 = [
    ['ational', 'ate'], ['tional', 'tion'], ['alize', 'al'], ['icate', 'ic'], ['iciti', 'ic'],
    ['ative', ''], ['ical', 'ic'], ['ness', ''], ['ful', ''],
  ];
  const STEP4 = [
    'ement', 'ance', 'ence', 'able', 'ible', 'ment', 'ant', 'ent', 'ism', 'ate', 'iti', 'ous', 'ive',
    'ize', 'ion', 'al', 'er', 'ic',
  ];

  /** The longest entry of `table` that `w` ends with (entries are strings or [suffix, ...]). */
  function longestSuffix(w, table) {
    for (const entry of table) {
      const suffix = typeof entry === 'string' ? entry : entry[0];
      if (endsWith(w, suffix)) return entry;
    }
    return null;
  }

  function endsWith(w, suffix) {
    const n = w.length - suffix.length;
    if (n < 0) return false;
    for (let i = 0; i < suffix.length; i++) if (w[n + i] !== suffix.charCodeAt(i)) return false;
    return true;
  }

  function startsWith(w, prefix) {
    if (w.length < prefix.length) return false;
    for (let i = 0; i < prefix.length; i++) if (w[i] !== prefix.charCodeAt(i)) return false;
    return true;
  }

  function setSuffix(w, length, replacement) {
    w.length -= length;
    for (let i = 0; i < replacement.length; i++) w.push(replacement.charCodeAt(i));
  }

  function hasVowel(w, from, to) {
    for (let i = from; i < to; i++) if (isVowel(w[i])) return true;
    return false;
  }

  /** Does w[0..<end] end in a short syllable? */
  function endsShort(w, end) {
    if (end >= 3 && isShortEnd(w[end - 1]) && isVowel(w[end - 2]) && !isVowel(w[end - 3])) return true;
    if (end === 2 && !isVowel(w[1]) && isVowel(w[0])) return true;
    return end >= 4 && w[end - 4] === 112 && w[end - 3] === 97 && w[end - 2] === 115 && w[end - 1] === 116;
  }

  /** The start of the region after the first non-vowel that follows a vowel, from `from`. */
  function regionAfter(w, from) {
    let i = from;
    while (i < w.length && !isVowel(w[i])) i++;
    while (i < w.length && isVowel(w[i])) i++;
    return i < w.length ? i + 1 : w.length;
  }

  /** The English Snowball stem of a lowercase letter-only word. */
  function stem(word) {
    if (Object.prototype.hasOwnProperty.call(EXCEPTIONS, word)) return EXCEPTIONS[word];
    if (word.length < 3) return word;
    const w = [];
    for (let i = 0; i < word.length; i++) w.push(word.charCodeAt(i));

    // Prelude: a y at the start or after a vowel is a consonant.
    let foundY = false;
    for (let i = 0; i < w.length; i++) {
      if (w[i] === 121 && (i === 0 || isVowel(w[i - 1]))) {
        w[i] = Y;
        foundY = true;
      }
    }

    // Regions.
    let p1 = -1;
    for (const prefix of REGION_PREFIXES) if (startsWith(w, prefix)) p1 = prefix.length;
    if (p1 < 0) p1 = regionAfter(w, 0);
    const p2 = p1 >= w.length ? w.length : regionAfter(w, p1);

    step1a(w);
    step1b(w, p1);
    step1c(w);
    replaceInRegion(w, STEP2, p1, p2, true);
    replaceInRegion(w, STEP3, p1, p2, false);
    step4(w, p2);
    step5(w, p1, p2);

    let out = '';
    for (const c of w) out += String.fromCharCode(foundY && c === Y ? 121 : c);
    return out;
  }

  function step1a(w) {
    const suffix = longestSuffix(w, STEP1A);
    if (suffix === 'sses') setSuffix(w, 4, 'ss');
    else if (suffix === 'ied' || suffix === 'ies') setSuffix(w, 3, w.length > 4 ? 'i' : 'ie');
    else if (suffix === 's' && hasVowel(w, 0, w.length - 2)) w.length -= 1;
  }

  function step1b(w, p1) {
    const suffix = longestSuffix(w, STEP1B);
    if (suffix === null) return;
    const start = w.length - suffix.length;
    if (suffix === 'eed' || suffix === 'eedly') {
      if (start >= p1 && !(start <= 4 && ['succ', 'proc', 'exc'].some((p) => p.length === start && startsWith(w, p)))) {
        setSuffix(w, suffix.length, 'ee');
      }
      return;
    }
    if (suffix === 'ing') {
      if (start === 2 && w[1] === 121 && !isVowel(w[0])) {
        setSuffix(w, 4, 'ie'); // dying -> die
        return;
      }
      const stay = ['even', 'cann', 'inn', 'earr', 'herr', 'out'];
      if (stay.some((p) => p.length === start && startsWith(w, p))) return;
    }
    if (!hasVowel(w, 0, start)) return;
    w.length = start;
    if (endsWith(w, 'at') || endsWith(w, 'bl') || endsWith(w, 'iz')) {
      w.push(101);
    } else if (endsInDouble(w)) {
      if (!(w.length === 3 && 'aeo'.indexOf(String.fromCharCode(w[0])) >= 0)) w.length -= 1;
    } else if (w.length === p1 && endsShort(w, w.length)) {
      w.push(101);
    }
  }

  function endsInDouble(w) {
    const n = w.length;
    return n >= 2 && w[n - 1] === w[n - 2] && 'bdfgmnprt'.indexOf(String.fromCharCode(w[n - 1])) >= 0;
  }

  function step1c(w) {
    const n = w.length;
    if (n > 2 && (w[n - 1] === 121 || w[n - 1] === Y) && !isVowel(w[n - 2])) w[n - 1] = 105;
  }

  function replaceInRegion(w, table, p1, p2, isStep2) {
    const entry = longestSuffix(w, table);
    if (entry === null) return;
    const [suffix, replacement] = entry;
    const start = w.length - suffix.length;
    if (start < p1) return;
    if (isStep2 && suffix === 'ogi') {
      if (start > 0 && w[start - 1] === 108) setSuffix(w, 3, 'og');
    } else if (isStep2 && suffix === 'li') {
      if (start > 0 && VALID_LI.indexOf(String.fromCharCode(w[start - 1])) >= 0) w.length = start;
    } else if (!isStep2 && suffix === 'ative') {
      if (start >= p2) w.length = start;
    } else {
      setSuffix(w, suffix.length, replacement);
    }
  }

  function step4(w, p2) {
    const suffix = longestSuffix(w, STEP4);
    if (suffix === null) return;
    const start = w.length - suffix.length;
    if (start < p2) return;
    if (suffix === 'ion') {
      if (start > 0 && (w[start - 1] === 115 || w[start - 1] === 116)) w.length = start;
    } else {
      w.length = start;
    }
  }

  function step5(w, p1, p2) {
    const n = w.length;
    if (n === 0) return;
    if (w[n - 1] === 101) {
      if (n - 1 >= p2 || (n - 1 >= p1 && !endsShort(w, n - 1))) w.length -= 1;
    } else if (w[n - 1] === 108 && n - 1 >= p2 && n >= 2 && w[n - 2] === 108) {
      w.length -= 1;
    }
  }

  return { normalize, tokenize, tokensWithJoins, isStopWord, stem, term, terms };
});
