// Loads search.js only when the reader first uses the search box, or at once when the page
// was opened with ?q= (from the header box or a shared link). A file of its own, not an
// inline script: the pages' Content-Security-Policy runs scripts from the site's files only.
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
  if (/[?&]q=[^&]/.test(window.location.search)) load();
  else ['focus', 'input', 'keydown', 'pointerdown'].forEach(function (e) { box.addEventListener(e, load); });
})();
