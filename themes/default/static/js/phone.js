// Small helps for a reader on a phone, each doing nothing where its markup is absent; every
// page works without them. The theme toggle, sharing a page, opening the contents on a wide
// screen, the 404 page in the reader's language, and the service worker: registering it,
// "Save for offline" on the home page, and the notice that a newer version is ready.
(function () {
  'use strict';
  var doc = document;
  var root = doc.documentElement;

  // Theme: the toggle says whether dark is on; a choice is remembered (theme.js applies it).
  var toggle = doc.querySelector('[data-theme-toggle]');
  if (toggle) {
    var dark = function () {
      var t = root.getAttribute('data-theme');
      return t ? t === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
    };
    toggle.setAttribute('aria-pressed', String(dark()));
    toggle.hidden = false;
    toggle.addEventListener('click', function () {
      var next = dark() ? 'light' : 'dark';
      root.setAttribute('data-theme', next);
      toggle.setAttribute('aria-pressed', String(next === 'dark'));
      try {
        localStorage.setItem('handbook-theme', next);
      } catch (e) {
        /* not remembered, still applied */
      }
    });
  }

  // Share: the phone's share sheet (WhatsApp, messages), else the link copied.
  var shareBox = doc.querySelector('[data-share-box]');
  if (shareBox) {
    var status = shareBox.querySelector('.share-status');
    var url = (doc.querySelector('link[rel=canonical]') || {}).href || location.href;
    if (/^https?:/.test(location.protocol) && url.indexOf(location.origin) !== 0) url = location.href;
    shareBox.hidden = false;
    shareBox.querySelector('[data-share]').addEventListener('click', function () {
      if (navigator.share) {
        navigator.share({ title: doc.title, url: url }).catch(function () {});
        return;
      }
      var shown = function () {
        status.textContent = shareBox.getAttribute('data-failed') + ' ';
        var input = doc.createElement('input');
        input.readOnly = true;
        input.value = url;
        input.setAttribute('aria-label', shareBox.getAttribute('data-failed'));
        status.appendChild(input);
        input.select();
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(function () {
          status.textContent = shareBox.getAttribute('data-copied');
        }, shown);
      } else {
        shown();
      }
    });
  }

  // Contents: collapsed on a phone, open where there is room.
  var toc = doc.querySelector('[data-toc]');
  if (toc && matchMedia('(min-width: 60rem)').matches) toc.open = true;

  // 404: one file for every missing address; the language in the address goes first.
  var nf = doc.querySelector('[data-not-found]');
  if (nf) {
    var base = nf.getAttribute('data-base') || '/';
    var rest = location.pathname.indexOf(base) === 0 ? location.pathname.slice(base.length) : '';
    var lang = rest.split('/')[0];
    var mine = nf.querySelector('[data-lang="' + lang.replace(/[^a-z-]/g, '') + '"]');
    if (lang && mine && mine !== nf.firstElementChild) {
      var h1 = nf.querySelector('h1');
      var h2 = mine.querySelector('h2');
      var swap = function (el, tag) {
        var n = doc.createElement(tag);
        n.textContent = el.textContent;
        el.replaceWith(n);
      };
      swap(h1, 'h2');
      swap(h2, 'h1');
      nf.insertBefore(mine, nf.firstElementChild);
      root.lang = lang;
    }
  }

  // Offline: only in a build that has a service worker (not portable, not `serve`).
  var body = doc.body;
  var sw = body.getAttribute('data-sw');
  if (!sw || !('serviceWorker' in navigator) || !window.caches) return;
  var scope = body.getAttribute('data-sw-scope');
  var notice = doc.querySelector('[data-update-notice]');
  var hadController = !!navigator.serviceWorker.controller;

  // A newer build: the new worker has taken over (and replaced the cache); offer to show it.
  navigator.serviceWorker.addEventListener('message', function (e) {
    if (e.data && e.data.type === 'updated' && hadController && notice) notice.hidden = false;
  });
  if (notice) {
    notice.querySelector('[data-update-reload]').addEventListener('click', function () {
      location.reload();
    });
  }

  // The version of the build on the server (never from a cache); registering the worker with
  // it makes a new build a new worker. Offline, the worker already there stays.
  fetch(body.getAttribute('data-sw-version'), { cache: 'no-store' })
    .then(function (r) {
      return r.ok ? r.json() : null;
    })
    .then(function (v) {
      if (v && v.version) {
        return navigator.serviceWorker.register(sw + '?v=' + encodeURIComponent(v.version), { scope: scope });
      }
    })
    .catch(function () {});

  // "Save for offline" on the home page.
  var save = doc.querySelector('[data-offline-save]');
  if (!save) return;
  var button = save.querySelector('[data-offline-button]');
  var out = save.querySelector('[data-offline-status]');
  var msg = function (name, args) {
    var s = save.getAttribute('data-msg-' + name) || '';
    Object.keys(args || {}).forEach(function (k) {
      s = s.split('%' + k).join(args[k]);
    });
    return s;
  };
  var size = function (bytes) {
    var lang = root.lang || 'en';
    var mb = bytes / 1048576;
    var n = mb >= 1 ? mb.toLocaleString(lang, { maximumFractionDigits: 1 }) + ' MB'
      : Math.max(1, Math.round(bytes / 1024)).toLocaleString(lang) + ' KB';
    return n;
  };
  var list = null;
  fetch(save.getAttribute('data-list'), { cache: 'no-store' })
    .then(function (r) {
      return r.json();
    })
    .then(function (l) {
      list = l;
      out.textContent = msg('size', { size: size(l.bytes) });
      save.hidden = false;
    })
    .catch(function () {});
  button.addEventListener('click', function () {
    if (!list) return;
    button.disabled = true;
    // Ask the browser not to clear the saved handbook when the phone runs short of room.
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(function () {});
    var cacheName = 'handbook-' + list.version;
    var total = list.files.length;
    var done = 0;
    var saved = 0;
    caches.open(cacheName).then(function (cache) {
      var queue = list.files.slice();
      var failed = false;
      var worker = function () {
        var f = queue.shift();
        if (!f || failed) return Promise.resolve();
        return fetch(f[0], { cache: 'no-cache' })
          .then(function (r) {
            if (!r.ok) throw new Error(f[0]);
            return r.clone().arrayBuffer().then(function (b) {
              saved += b.byteLength;
              return cache.put(f[0], r);
            });
          })
          .then(function () {
            done += 1;
            out.textContent = msg('saving', { done: done, total: total });
            return worker();
          });
      };
      // A few at a time: a slow phone network does not gain from more.
      return Promise.all([worker(), worker(), worker(), worker()]).then(function () {
        // The worker saves this language again when a newer version replaces the cache.
        return cache.put(scope + 'offline/saved-' + list.lang, new Response(list.version));
      });
    }).then(function () {
      out.textContent = msg('saved', { size: size(saved) });
      button.disabled = false;
    }, function () {
      out.textContent = msg('failed');
      button.disabled = false;
    });
  });
})();
