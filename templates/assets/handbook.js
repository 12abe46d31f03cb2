// Small page behaviour that is not search: glossary tooltips on touch screens.
// On hover and keyboard focus the tooltip is pure CSS; a touch has neither, so the first tap on a
// glossary link shows its definition and a second tap follows the link.
(function () {
  'use strict';
  if (typeof document === 'undefined') return;
  var open = null;
  function close() {
    if (open) { open.classList.remove('tip-open'); open = null; }
  }
  document.addEventListener('touchstart', function (event) {
    var link = event.target.closest && event.target.closest('.term-link');
    if (!link) { close(); return; }
    if (open !== link) {
      close();
      link.classList.add('tip-open');
      open = link;
      link.dataset.tipTap = '1';
    }
  }, { passive: true });
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('.term-link');
    if (link && link.dataset.tipTap === '1') {
      // First tap: show the definition instead of leaving the page.
      delete link.dataset.tipTap;
      event.preventDefault();
    }
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') close();
  });
})();
