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
  function load() {
    if (loaded) return;
    loaded = true;
    var s = document.createElement('script');
    s.src = form.getAttribute('data-search-script');
    document.head.appendChild(s);
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
