// Small page behaviour that is not search: glossary tooltips that stay on screen, and wide tables.
(function () {
  'use strict';
  if (typeof document === 'undefined') return;

  // ---- Glossary tooltips ----
  // On hover and keyboard focus the tooltip is pure CSS; a touch has neither, so the first tap on a
  // glossary link shows its definition and a second tap follows the link. Whichever way a tip opens,
  // it is shifted left when it would cross the right edge of the viewport.
  var EDGE = 8;
  var open = null;
  function close() {
    if (open) { open.classList.remove('tip-open'); open = null; }
  }
  function place(link) {
    link.style.removeProperty('--tip-shift');
    var tip = getComputedStyle(link, '::after');
    if (tip.display === 'none') return;
    var box = link.getClientRects()[0] || link.getBoundingClientRect();
    var width = parseFloat(tip.width);  // border-box: padding included
    var viewport = document.documentElement.clientWidth;
    var shift = Math.min(0, viewport - EDGE - (box.left + width));
    shift = Math.max(shift, EDGE - box.left);
    if (shift !== 0) link.style.setProperty('--tip-shift', Math.round(shift) + 'px');
  }
  function termLink(event) {
    return event.target && event.target.closest ? event.target.closest('.term-link') : null;
  }
  document.addEventListener('mouseover', function (event) {
    var link = termLink(event);
    if (link) place(link);
  });
  document.addEventListener('focusin', function (event) {
    var link = termLink(event);
    if (link) place(link);
  });
  document.addEventListener('touchstart', function (event) {
    var link = termLink(event);
    if (!link) { close(); return; }
    if (open !== link) {
      close();
      link.classList.add('tip-open');
      open = link;
      link.dataset.tipTap = '1';
      place(link);
    }
  }, { passive: true });
  document.addEventListener('click', function (event) {
    var link = termLink(event);
    if (link && link.dataset.tipTap === '1') {
      // First tap: show the definition instead of leaving the page.
      delete link.dataset.tipTap;
      event.preventDefault();
    }
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') close();
  });

  // ---- Wide tables ----
  // A table wider than its box scrolls inside it: the box becomes a focusable, named region (so a
  // keyboard can scroll it), and a hint above it says there is more to the side.
  function updateTable(wrap) {
    var hint = wrap.previousElementSibling;
    var overflowing = wrap.scrollWidth > wrap.clientWidth + 1;
    wrap.classList.toggle('is-overflowing', overflowing);
    wrap.classList.toggle('is-scrolled', wrap.scrollLeft > 1);
    if (overflowing) {
      wrap.setAttribute('tabindex', '0');
      wrap.setAttribute('role', 'region');
      var caption = wrap.querySelector('caption');
      wrap.setAttribute('aria-label', (caption && caption.textContent.trim()) || 'Table');
    } else {
      wrap.removeAttribute('tabindex');
      wrap.removeAttribute('role');
      wrap.removeAttribute('aria-label');
    }
    if (hint && hint.classList.contains('scroll-hint')) {
      hint.hidden = !overflowing;
    } else if (overflowing) {
      hint = document.createElement('p');
      hint.className = 'scroll-hint';
      hint.setAttribute('aria-hidden', 'true');
      hint.textContent = 'Scroll sideways for the whole table \u2192';
      wrap.parentNode.insertBefore(hint, wrap);
    }
  }
  function updateTables() {
    var wraps = document.querySelectorAll('.table-wrap');
    for (var i = 0; i < wraps.length; i++) updateTable(wraps[i]);
  }
  function start() {
    updateTables();
    document.addEventListener('scroll', function (event) {
      var wrap = event.target;
      if (wrap && wrap.classList && wrap.classList.contains('table-wrap')) {
        wrap.classList.toggle('is-scrolled', wrap.scrollLeft > 1);
      }
    }, true);
    var pending = false;
    window.addEventListener('resize', function () {
      if (pending) return;
      pending = true;
      requestAnimationFrame(function () { pending = false; updateTables(); });
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();

// A "Print this kit" button works only with script, so it is hidden until script shows it.
(function () {
  'use strict';
  if (typeof document === 'undefined') return;
  function start() {
    var buttons = document.querySelectorAll('[data-print]');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener('click', function () { window.print(); });
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();

// The theme switch in the header: light, dark or the system's choice, remembered in localStorage (which
// also works from file://). The inline script in <head> applies the stored choice before first paint.
(function () {
  'use strict';
  if (typeof document === 'undefined') return;
  var KEY = 'handbook-theme';
  var LABELS = { light: 'Light theme', dark: 'Dark theme', system: 'Theme follows the system' };
  var root = document.documentElement;
  function stored() {
    try {
      var theme = localStorage.getItem(KEY);
      return theme === 'light' || theme === 'dark' ? theme : 'system';
    } catch (e) {
      return 'system';
    }
  }
  function apply(theme) {
    if (theme === 'system') root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', theme);
  }
  function start() {
    var select = document.getElementById('theme-select');
    var status = document.getElementById('theme-status');
    if (!select) return;
    function sync() {
      var theme = stored();
      apply(theme);
      select.value = theme;
    }
    sync();
    select.addEventListener('change', function () {
      var theme = LABELS[select.value] ? select.value : 'system';
      try {
        if (theme === 'system') localStorage.removeItem(KEY);
        else localStorage.setItem(KEY, theme);
      } catch (e) { /* storage off: the choice holds for this page only */ }
      apply(theme);
      if (status) status.textContent = LABELS[theme];
    });
    // Another tab changed it, or the page came back from the back/forward cache.
    window.addEventListener('storage', function (event) { if (event.key === KEY) sync(); });
    window.addEventListener('pageshow', function (event) { if (event.persisted) sync(); });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();

  // The section tree folds above the page on narrow screens and stays open beside it on wide ones.
  var tree = document.querySelector('.section-tree details');
  if (tree && window.matchMedia) {
    var wide = window.matchMedia('(min-width: 900px)');
    var summary = tree.querySelector('summary');
    var fit = function () {
      // Beside the page the tree is always open: its summary is a label, out of the tab order.
      if (wide.matches) { tree.open = true; summary.setAttribute('tabindex', '-1'); } else summary.removeAttribute('tabindex');
    };
    if (!wide.matches) tree.open = false;
    fit();
    if (wide.addEventListener) wide.addEventListener('change', fit);
    tree.addEventListener('toggle', function () { if (wide.matches && !tree.open) tree.open = true; });
  }
})();
