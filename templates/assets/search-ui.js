/*
 * handbook search, page: the header search box (a combobox: "/" focuses, arrows, Enter, Esc) and,
 * on search.html, the full result list. Loads the index and its chunks as <script> tags, so it
 * works from file://.
 */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory(require('./search-engine.js'));
  else (root.HandbookSearch = root.HandbookSearch || {}).ui = factory(root.HandbookSearch.engine);
})(typeof self !== 'undefined' ? self : this, function (engine) {
  'use strict';

  const hasOwn = Object.prototype.hasOwnProperty;
  const DROPDOWN_LIMIT = 8;
  const PAGE_LIMIT = 50;
  const MAX_LOAD_ROUNDS = 8;
  // From the second query on (the reader is typing on), the heads of every document are loaded ahead
  // when they are at most this many chunks (16,384 documents, about 1 MB): then no later keystroke
  // waits for a row's title. The first result never waits for them.
  const PREFETCH_HEAD_CHUNKS = 16;
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
      if (child === null) return;
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

  // Where a wiki page is ("People operations › Onboarding"), as text; nothing for records and articles.
  function sectionNode(document, tag, result) {
    return result.section ? element(document, tag, { class: 'search-section' }, [result.section]) : null;
  }

  function kindBadge(document, kind) {
    const label = hasOwn.call(KIND_LABELS, kind) ? KIND_LABELS[kind] : kind;
    return element(document, 'span', { class: 'search-kind search-kind-' + kind }, [label]);
  }

  /**
   * Loads root + "search-index.js" once, with a <script> tag (no fetch: works from file://), and
   * returns find(query, limit): a promise of results. On a large site the index is a root, and
   * find loads the chunk scripts (search/<name>.js) the query needs first, each once.
   */
  function indexLoader(document, window, root) {
    let loading = null;
    let searched = false;
    let prefetched = false;
    const pending = new Map();
    function script(src, check) {
      return new Promise((resolve, reject) => {
        const tag = element(document, 'script', { src: root + src });
        tag.onload = () => (check() ? resolve() : reject(new Error(src + ' defined nothing')));
        tag.onerror = () => reject(new Error(src + ' could not be loaded'));
        document.head.appendChild(tag);
      });
    }
    function loadChunks(searcher, names) {
      return Promise.all(
        names.map((name) => {
          if (!pending.has(name)) {
            const chunks = () => window.HANDBOOK_SEARCH_CHUNKS || {};
            const done = script('search/' + name + '.js', () => Object.prototype.hasOwnProperty.call(chunks(), name)).then(
              () => {
                searcher.store.add(name, chunks()[name]);
                delete chunks()[name];
              }
            );
            pending.set(name, done);
            done.catch(() => pending.delete(name));
          }
          return pending.get(name);
        })
      );
    }
    /**
     * The results of a query, once their documents are in. With `rows`, a keystroke never waits for a
     * script to show something: rows from what is loaded go to rows() while the query's postings load
     * (the titles and aliases of a word's first letter are in), and rows whose snippets are still
     * loading once it is ranked (the heads of a whole site are a few scripts, loaded by the first
     * keystrokes). Each is replaced by the next; the last has every snippet.
     */
    async function find(searcher, query, limit, rows) {
      if (searched && !prefetched) {
        prefetched = true;
        const all = searcher.store.headChunks();
        // A head that fails loads again when a row needs it.
        if (all.length <= PREFETCH_HEAD_CHUNKS) loadChunks(searcher, all).catch(() => {});
      }
      searched = true;
      // Each round's chunks can name others (a typo found in the vocab needs its postings): a few rounds.
      for (let round = 0; round < MAX_LOAD_ROUNDS; round++) {
        const needed = searcher.plan(query);
        if (needed.length === 0) break;
        const atHand = rows && round === 0 ? searcher.rowsAtHand(query, { limit }) : null;
        if (atHand) rows(atHand);
        await loadChunks(searcher, needed);
      }
      const ranked = searcher.rank(query, { limit });
      const needed = searcher.planPresent(ranked);
      if (needed.length > 0 && rows) {
        const heads = searcher.planRows(ranked);
        if (heads.length > 0) await loadChunks(searcher, heads);
        rows(searcher.present(ranked));
      }
      if (needed.length > 0) await loadChunks(searcher, needed);
      return searcher.present(ranked);
    }
    return function load() {
      if (!loading) {
        loading = (window.HANDBOOK_SEARCH_INDEX
          ? Promise.resolve()
          : script('search-index.js', () => !!window.HANDBOOK_SEARCH_INDEX)
        ).then(() => {
          const searcher = engine.createSearcher(window.HANDBOOK_SEARCH_INDEX);
          return { find: (query, limit, rows) => find(searcher, query, limit, rows) };
        });
      }
      return loading;
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
      // Rows still loading (their snippets, or the postings of a word): the list is busy until they are
      // drawn again, and screen readers hear the count of the final rows only.
      const pending = results.some((result) => result.pending);
      if (pending) list.setAttribute('aria-busy', 'true');
      else list.removeAttribute('aria-busy');
      list.setAttribute('data-query', query);
      results.forEach((result, i) => {
        const link = element(document, 'a', { href: hrefOf(result), tabindex: '-1' }, [
          kindBadge(document, result.kind),
          element(document, 'span', { class: 'search-title' }, [result.title]),
          sectionNode(document, 'span', result),
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
      if (!pending) status.textContent = countMessage(results.length, query);
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
      const show = (found) => {
        if (input.value !== query) return; // a later keystroke has its own update
        const keep = active;
        results = found.filter((r) => isRelativeUrl(r.url));
        renderDropdown(query);
        if (keep >= 0 && keep < results.length) setActive(keep);
      };
      loadSearcher()
        .then((searcher) => searcher.find(query, DROPDOWN_LIMIT, show))
        .then(show, showError);
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
    function render(found) {
      const results = found.filter((r) => isRelativeUrl(r.url));
      const cards = results.map((result) =>
        element(document, 'li', { class: 'search-card' }, [
          kindBadge(document, result.kind),
          element(document, 'h2', { class: 'search-card-title' }, [
            element(document, 'a', { href: root + result.url }, [result.title]),
          ]),
          sectionNode(document, 'p', result),
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
    loadSearcher()
      .then((searcher) => searcher.find(query, PAGE_LIMIT))
      .then(render, (error) => {
        show([element(document, 'p', { class: 'search-message' }, ['Search is unavailable: ' + error.message])]);
      });
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

  return { initPage };
});
