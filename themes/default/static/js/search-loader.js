// Loads search.js only when the reader first uses the search box, or at once when the page
// was opened with ?q= (from the header box or a shared link). A file of its own, not an
// inline script: the pages' Content-Security-Policy runs scripts from the site's files only.
// From the first keystroke the page says it is searching, even before search.js has arrived
// (on a slow phone that takes a while); search.js takes the status over once it runs.
(function () {
  'use strict';
  var form = document.querySelector('form[data-search-script]');
  var box = form && form.querySelector('input[name="q"]');
  if (!box) return;
  var loaded = false;
  function tag(src) {
    var s = document.createElement('script');
    s.src = src;
    s.async = true;
    document.head.appendChild(s);
    return s;
  }
  function load() {
    if (loaded) return;
    loaded = true;
    tag(form.getAttribute('data-search-script'));
    preloadManifests();
  }
  // The index manifests come in parallel with search.js rather than after it: one round trip
  // less before the first result. They call `__hbSearch.manifest`, which search.js defines;
  // until it runs, a small stand-in keeps what they give, and search.js's loader waits for
  // the ones still on their way instead of asking again (js/search/50-load.js).
  function preloadManifests() {
    var list = document.querySelector('[data-search-results]');
    var index = list && list.getAttribute('data-search-index');
    if (!index || window.__hbSearch) return;
    var store = {};
    var preloading = {};
    window.__hbSearch = {
      _store: store,
      _preloading: preloading,
      manifest: function (lang, m) { store[lang + '|m'] = m; }
    };
    (list.getAttribute('data-search-langs') || '').split(/\s+/).filter(Boolean).forEach(function (lang) {
      var url = new URL(index + lang + '/manifest.js', document.baseURI).href;
      preloading[url] = new Promise(function (resolve) {
        var s = tag(url);
        s.onload = s.onerror = function () { resolve(); };
      });
    });
  }
  function searching(ev) {
    if (window.__hbSearch && window.__hbSearch.lib) return; // search.js runs the status now
    var status = document.querySelector('[data-search-status]');
    var list = document.querySelector('[data-search-results]');
    var text = status && status.getAttribute('data-msg-searching');
    if (!text || (ev && !box.value.trim())) return;
    status.textContent = text;
    if (list) list.setAttribute('aria-busy', 'true');
  }
  box.addEventListener('input', searching);
  if (/[?&]q=[^&]/.test(window.location.search)) {
    load();
    searching();
  } else ['focus', 'input', 'keydown', 'pointerdown'].forEach(function (e) { box.addEventListener(e, load); });
})();
