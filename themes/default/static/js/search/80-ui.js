// The search page's UI: wires `form[role=search] input[name=q]` to the
// `[data-search-results]` container. The search page loads search.js when the reader first
// uses the box (or has ?q=), so the UI starts at once and runs a query already in the box or
// in ?q=.
//
// Page contract (attributes on the [data-search-results] element, or on this <script> tag):
//   data-search-index  URL of the index root (relative to the page), e.g. "../../search-index/".
//                      Default: "../search-index/" relative to this script's URL.
//   data-search-root   URL of the site root, to resolve relative document URLs.
//                      Default: the parent of the index root.
//   data-search-lang   the reader's language (default: <html lang>).
//   data-search-langs  all languages to search, space-separated (default: the reader's only).
//   data-search-limit  how many results to show (default 20).
//   data-msg-one, data-msg-other, … (any CLDR plural category), data-msg-none (count 0,
//                      optional): the result count text, with "{count}" or "%n" as the
//                      placeholder (the page writes these from one Fluent message).
//   data-msg-of-one, data-msg-of-other, …: "20 of 57 results" when more were found than are
//                      shown, by the number shown (%n), with %m for the total.
// The count is written to the [data-search-status] element, else the first [aria-live] element
// (one is created before the results if there is none); its data-msg-searching text is shown
// from the first keystroke until the results are final. Optional: a [data-search-tags] element
// holding <button data-tag="slug"> for every tag, shown for the tags of the results, to narrow
// them (?tag=); a [data-search-more] button that shows the next results; a [data-search-none]
// element shown when nothing was found, whose [data-search-words] element gets links to the
// nearest indexed words (its [data-search-suggest] parent is shown when there are some).
// While a search runs the list has aria-busy; results are shown as soon as the reader's own
// language has them, and again when every language has answered; when they are final the
// list has data-search-query="<the query>".
//
// Uses: createEngine, DEFAULT_LIMIT, uniq (60-rank.js), highlight, snippet (70-snippet.js),
// createLoader (50-load.js), nearestWords (75-suggest.js), prefetchQuery (77-prefetch.js).
// Gives: initUi, currentScript.

// How many of the first results may load their body text for a snippet.
var BODY_SNIPPETS = 10;
// Results shown first, before the full list: a phone screenful, whose records arrive sooner.
var FIRST_PAINT = 5;

var currentScript = root.document && root.document.currentScript;

function initUi() {
  var documentRef = root.document;
  var container = documentRef.querySelector('[data-search-results]');
  var form = documentRef.querySelector('form[role="search"]');
  var input = (form && form.querySelector('input[name="q"]')) || documentRef.querySelector('input[type="search"][name="q"]');
  if (!container || !input) return;
  var cfg = function (name) {
    return container.getAttribute(name) || (currentScript && currentScript.getAttribute(name)) || null;
  };
  var lang = cfg('data-search-lang') || documentRef.documentElement.lang || 'en';
  var langs = uniq([lang].concat((cfg('data-search-langs') || lang).split(/\s+/).filter(Boolean)));
  var indexAttr = cfg('data-search-index');
  var base = indexAttr ? new URL(indexAttr, documentRef.baseURI)
    : new URL('../search-index/', (currentScript && currentScript.src) || documentRef.baseURI);
  var rootAttr = cfg('data-search-root');
  var siteRoot = rootAttr ? new URL(rootAttr, documentRef.baseURI) : new URL('../', base);
  var limit = parseInt(cfg('data-search-limit') || '', 10) || DEFAULT_LIMIT;
  var engine = createEngine(base.href);
  var loader = createLoader(base.href);
  // The reader is about to search: fetch the manifests now, while they type.
  langs.forEach(function (l) { engine.manifest(l); });
  var moreButton = documentRef.querySelector('[data-search-more]');
  var noneBox = documentRef.querySelector('[data-search-none]');
  var wordsBox = noneBox && noneBox.querySelector('[data-search-words]');
  var suggestBox = noneBox && noneBox.querySelector('[data-search-suggest]');

  var list = container;
  if (!/^(OL|UL)$/.test(container.tagName)) {
    list = container.querySelector('ol,ul');
    if (!list) {
      list = documentRef.createElement('ol');
      container.appendChild(list);
    }
  }
  // Prefer the search page's own live region; a site-wide [aria-live] may exist elsewhere.
  var status = documentRef.querySelector('[data-search-status]') || container.querySelector('[aria-live]') ||
    documentRef.querySelector('[aria-live]');
  if (!status) {
    status = documentRef.createElement('p');
    status.setAttribute('aria-live', 'polite');
    status.setAttribute('role', 'status');
    container.parentNode.insertBefore(status, container);
  }
  var plural = null;
  try { plural = new Intl.PluralRules(lang); } catch (e) { plural = null; }

  function localNum(n) {
    try { return n.toLocaleString(lang); } catch (e) { return String(n); }
  }
  function countText(n) {
    var msg = null;
    if (n === 0) msg = container.getAttribute('data-msg-none');
    if (!msg && plural) msg = container.getAttribute('data-msg-' + plural.select(n));
    if (!msg) msg = container.getAttribute('data-msg-other') || '{count}';
    var num = localNum(n);
    return msg.split('{count}').join(num).split('%n').join(num);
  }
  /** "20 of 57 results"; the plain count when the page has no such message. */
  function countOfText(shown, total) {
    var msg = plural ? container.getAttribute('data-msg-of-' + plural.select(shown)) : null;
    if (!msg) msg = container.getAttribute('data-msg-of-other');
    if (!msg) return countText(shown);
    return msg.split('%n').join(localNum(shown)).split('%m').join(localNum(total));
  }
  var searchingText = status.getAttribute('data-msg-searching') || '';
  /** The searching state: shown at once, before any index file has arrived. */
  function showSearching() {
    list.setAttribute('aria-busy', 'true');
    if (searchingText) status.textContent = searchingText;
    if (noneBox) noneBox.hidden = true;
  }

  function resolveUrl(u) {
    try { return new URL(u, siteRoot).href; } catch (e) { return u; }
  }

  /** Appends highlighted pieces as text nodes and <mark>s: index text never becomes HTML. */
  function appendPieces(parent, pieces) {
    pieces.forEach(function (piece) {
      if (piece.mark) {
        var mk = documentRef.createElement('mark');
        mk.textContent = piece.text;
        parent.appendChild(mk);
      } else {
        parent.appendChild(documentRef.createTextNode(piece.text));
      }
    });
  }

  // Narrowing by tag: the page lists every tag as a hidden button; those present in the
  // results are shown with their count, and one can be chosen (?tag= in the URL).
  var tagBox = documentRef.querySelector('[data-search-tags]');
  var tagButtons = tagBox ? Array.prototype.slice.call(tagBox.querySelectorAll('button[data-tag]')) : [];
  var activeTag = null;
  try { activeTag = new URL(root.location.href).searchParams.get('tag'); } catch (e) { activeTag = null; }
  var shownCount = 0;

  function render(results) {
    while (list.firstChild) list.removeChild(list.firstChild);
    results.forEach(function (r) {
      var li = documentRef.createElement('li');
      li.setAttribute('data-tags', (r.tags || []).join(' '));
      var a = documentRef.createElement('a');
      a.href = resolveUrl(r.url);
      appendPieces(a, highlight(r.title, r));
      if (r.lang !== lang) { a.lang = r.lang; a.hreflang = r.lang; }
      li.appendChild(a);
      if (r.section) {
        li.appendChild(documentRef.createTextNode(' '));
        var sec = documentRef.createElement('span');
        sec.className = 'search-section';
        sec.textContent = r.section;
        li.appendChild(sec);
      }
      var p = documentRef.createElement('p');
      p.className = 'search-snippet';
      if (r.viaLang !== lang) p.lang = r.viaLang;
      appendPieces(p, snippet(r));
      li.appendChild(p);
      list.appendChild(li);
    });
    renderTags();
  }

  function renderTags() {
    var items = Array.prototype.slice.call(list.children);
    var counts = Object.create(null);
    items.forEach(function (li) {
      (li.getAttribute('data-tags') || '').split(' ').forEach(function (t) { if (t) counts[t] = (counts[t] || 0) + 1; });
    });
    if (activeTag && !counts[activeTag]) activeTag = null;
    var any = false;
    tagButtons.forEach(function (b) {
      var tag = b.getAttribute('data-tag');
      var n = counts[tag] || 0;
      // Only tags that narrow something: one on every result filters nothing.
      b.hidden = !(n > 0 && (n < items.length || tag === activeTag));
      b.setAttribute('aria-pressed', tag === activeTag ? 'true' : 'false');
      var c = b.querySelector('.tag-count');
      if (!c) {
        c = documentRef.createElement('span');
        c.className = 'tag-count';
        b.appendChild(documentRef.createTextNode(' '));
        b.appendChild(c);
      }
      c.textContent = '(' + n + ')';
      if (!b.hidden) any = true;
    });
    if (tagBox) tagBox.hidden = !any;
    shownCount = 0;
    items.forEach(function (li) {
      var tags = (li.getAttribute('data-tags') || '').split(' ');
      li.hidden = !!activeTag && tags.indexOf(activeTag) < 0;
      if (!li.hidden) shownCount += 1;
    });
  }

  function setUrl(query) {
    if (!root.history || !root.history.replaceState) return;
    try {
      var u = new URL(root.location.href);
      if (query) u.searchParams.set('q', query); else u.searchParams.delete('q');
      if (query && activeTag) u.searchParams.set('tag', activeTag); else u.searchParams.delete('tag');
      root.history.replaceState(null, '', u.href);
    } catch (e) { /* file:// in some browsers: keep the URL as it is */ }
  }

  tagButtons.forEach(function (b) {
    b.addEventListener('click', function () {
      var tag = b.getAttribute('data-tag');
      activeTag = activeTag === tag ? null : tag;
      renderTags();
      setUrl(input.value);
      status.textContent = statusText();
    });
  });

  // The results on screen and how many pages matched in all (for "20 of 57").
  var shownLimit = limit;
  var lastTotal = 0;
  var lastLength = 0;
  function statusText() {
    if (!activeTag && lastTotal > lastLength) return countOfText(shownCount, lastTotal);
    return countText(shownCount);
  }
  function showMore(visible) {
    if (!moreButton) return;
    moreButton.hidden = !visible;
    moreButton.disabled = false;
  }

  /** Shows the nearest indexed words for a query that found nothing (see 75-suggest.js). */
  function suggest(query, mine) {
    if (!noneBox) return;
    noneBox.hidden = false;
    if (!wordsBox) return;
    while (wordsBox.firstChild) wordsBox.removeChild(wordsBox.firstChild);
    if (suggestBox) suggestBox.hidden = true;
    nearestWords(loader, query, langs, 5).then(function (words) {
      if (mine !== seq || !words.length) return;
      words.forEach(function (w, i) {
        if (i) wordsBox.appendChild(documentRef.createTextNode(', '));
        var a = documentRef.createElement('a');
        var u = new URL(root.location.href);
        u.searchParams.set('q', w);
        u.searchParams.delete('tag');
        a.href = u.href;
        a.textContent = w;
        a.addEventListener('click', function (ev) {
          ev.preventDefault();
          input.value = w;
          run(w, true);
          input.focus();
        });
        wordsBox.appendChild(a);
      });
      if (suggestBox) suggestBox.hidden = false;
    });
  }

  var seq = 0;
  // The newest search whose results are on screen. A search overtaken by a newer one (the
  // reader typed on) still shows its results if nothing newer is shown yet: on a slow
  // connection every search takes longer than a keystroke, and results for "naukr" while
  // "naukri nahi" is being typed are better than an empty page.
  var shownSeq = 0;
  function showInterim(mine, results) {
    if (mine < shownSeq || !results.length) return;
    shownSeq = mine;
    render(results);
  }
  async function run(query, updateUrl, more) {
    var mine = ++seq;
    if (!more) shownLimit = limit;
    if (updateUrl) setUrl(query);
    if (!query.trim()) {
      shownSeq = mine;
      render([]);
      lastTotal = lastLength = 0;
      status.textContent = '';
      showMore(false);
      if (noneBox) noneBox.hidden = true;
      list.removeAttribute('aria-busy');
      list.setAttribute('data-search-query', query);
      return;
    }
    showSearching();
    list.removeAttribute('data-search-query');
    prefetchQuery(loader, query, langs);
    // Results stream in: first the best few of the reader's own language (fewer files, and
    // records for a screenful only), then every language with all the results, which
    // replaces them. Both share the loaded files.
    if (!more) {
      var early = await engine.search(query, [lang], { limit: Math.min(shownLimit, FIRST_PAINT) });
      showInterim(mine, early);
      if (mine !== seq) return; // the reader typed on: these stay until newer ones arrive
    }
    var results = await engine.search(query, langs, { limit: shownLimit });
    if (mine !== seq) {
      showInterim(mine, results);
      return;
    }
    shownSeq = mine;
    var firstNew = lastLength;
    render(results);
    lastTotal = results.total || results.length;
    lastLength = results.length;
    if (updateUrl) setUrl(query);
    status.textContent = statusText();
    showMore(lastTotal > lastLength);
    if (!results.length) suggest(query, mine);
    else if (noneBox) noneBox.hidden = true;
    if (more) {
      var l = links();
      if (l[firstNew]) l[firstNew].focus();
    }
    // Bodies for the snippets of the first results that matched only in the body: the
    // results are on screen already, the snippets follow.
    var shown = results.slice(more ? firstNew : 0, (more ? firstNew : 0) + BODY_SNIPPETS);
    if (shown.some(needsBody)) {
      await engine.withBody(shown);
      if (mine !== seq) return;
      var focused = links().indexOf(documentRef.activeElement);
      render(results);
      if (focused >= 0 && links()[focused]) links()[focused].focus();
    }
    list.removeAttribute('aria-busy');
    // Which query the list shows: a hook for themes and tests (the list is final).
    list.setAttribute('data-search-query', query);
  }

  if (moreButton) {
    moreButton.addEventListener('click', function () {
      if (moreButton.disabled) return;
      moreButton.disabled = true; // until these results are shown
      shownLimit += limit;
      run(input.value, false, true);
    });
  }

  var timer = null;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    if (input.value.trim()) showSearching();
    // Ask for this query's files now rather than after the pause that starts the search.
    prefetchQuery(loader, input.value, langs);
    timer = setTimeout(function () { run(input.value, true); }, 120);
  });
  if (form) {
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      clearTimeout(timer);
      run(input.value, true);
    });
  }
  function links() {
    return Array.prototype.slice.call(list.querySelectorAll('li:not([hidden]) > a'));
  }
  function clear() {
    input.value = '';
    clearTimeout(timer);
    run('', true);
    input.focus();
  }
  input.addEventListener('keydown', function (ev) {
    if (ev.key === 'ArrowDown') {
      var l = links();
      if (l.length) { ev.preventDefault(); l[0].focus(); }
    } else if (ev.key === 'Escape') {
      ev.preventDefault();
      clear();
    }
  });
  list.addEventListener('keydown', function (ev) {
    var l = links();
    var i = l.indexOf(documentRef.activeElement);
    if (ev.key === 'ArrowDown' && i >= 0) {
      ev.preventDefault();
      if (i + 1 < l.length) l[i + 1].focus();
    } else if (ev.key === 'ArrowUp' && i >= 0) {
      ev.preventDefault();
      if (i > 0) l[i - 1].focus(); else input.focus();
    } else if (ev.key === 'Escape') {
      ev.preventDefault();
      clear();
    }
    // Enter on a focused link follows it natively.
  });

  // search.js is loaded on first use, so the reader may have typed already; a ?q= in the
  // URL (the header's search box, a shared link) comes first.
  var initial = null;
  try { initial = new URL(root.location.href).searchParams.get('q'); } catch (e) { initial = null; }
  if (initial && !input.value) input.value = initial;
  if (input.value) run(input.value, false);
}
