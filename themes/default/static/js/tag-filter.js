// Narrows the tips list by tag, in place. Progressive enhancement: without this script every
// tag chip is a plain link to the tag's own page. With it, a chip filters the list, the URL gets
// ?tag=<slug> (so a filtered list can be shared), and the count is announced to screen readers.
(function () {
  'use strict';
  var nav = document.querySelector('[data-tag-filter]');
  var list = document.querySelector('[data-filter-list]');
  if (!nav || !list || !window.history || !window.URLSearchParams) return;
  var items = Array.prototype.slice.call(list.querySelectorAll(':scope > li'));
  var chips = Array.prototype.slice.call(nav.querySelectorAll('a[data-tag]'));
  var status = nav.querySelector('.filter-status');
  var allChip = nav.querySelector('a[data-tag=""]');
  var known = chips.map(function (c) { return c.getAttribute('data-tag'); });
  var rules = window.Intl && Intl.PluralRules ? new Intl.PluralRules(document.documentElement.lang || 'en') : null;

  function message(count) {
    var form = rules ? rules.select(count) : (count === 1 ? 'one' : 'other');
    var text = nav.getAttribute(form === 'one' ? 'data-msg-one' : 'data-msg-other') || '';
    return text.replace('%n', String(count));
  }

  function apply(tag, announce) {
    var shown = 0;
    items.forEach(function (li) {
      var tags = (li.getAttribute('data-tags') || '').split(/\s+/);
      var visible = !tag || tags.indexOf(tag) !== -1;
      li.hidden = !visible;
      if (visible) shown += 1;
    });
    chips.forEach(function (c) {
      var on = c.getAttribute('data-tag') === (tag || '');
      if (on) c.setAttribute('aria-current', 'true'); else c.removeAttribute('aria-current');
    });
    if (allChip) allChip.hidden = !tag;
    if (status) status.textContent = tag || announce ? message(shown) : '';
  }

  function current() {
    var tag = new URLSearchParams(window.location.search).get('tag') || '';
    return known.indexOf(tag) === -1 ? '' : tag;
  }

  chips.forEach(function (chip) {
    chip.addEventListener('click', function (event) {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      var tag = chip.getAttribute('data-tag');
      if (tag === current()) tag = '';
      var url = new URL(window.location.href);
      if (tag) url.searchParams.set('tag', tag); else url.searchParams.delete('tag');
      window.history.pushState({ tag: tag }, '', url.toString());
      apply(tag, true);
    });
  });
  window.addEventListener('popstate', function () { apply(current(), true); });
  apply(current(), false);
})();
