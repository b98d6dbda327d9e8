// The handbook's service worker (written by hand: it is small). The build copies it to the
// site's base path (so its scope is the whole site); pages register it as `sw.js?v=<version>`,
// the version being a hash of the whole build (offline/version.json), so every new build is a
// new worker with a cache of its own.
//
// - Pages: from the network when there is one (a reader online always gets the latest), kept
//   in the cache as they are visited, and from the cache when the network is gone (a search
//   page with any `?q=` is the same page).
// - Everything else (CSS, scripts, fonts, the search index, worksheets' files): from the
//   cache when there, else from the network and kept.
// - "Save for offline" on the home page fills the cache with a whole language and leaves a
//   marker (`offline/saved-<lang>`); a new version saves those languages again before it
//   takes over, removes the old caches and tells open pages that it is ready.
'use strict';

var VERSION = new URL(self.location.href).searchParams.get('v') || 'dev';
var CACHE = 'handbook-' + VERSION;
var SCOPE = self.registration.scope;
var SAVED = SCOPE + 'offline/saved-';

/** The languages saved for offline in any older cache of this site. */
function savedLanguages() {
  return caches.keys().then(function (names) {
    return Promise.all(
      names
        .filter(function (n) {
          return n.indexOf('handbook-') === 0 && n !== CACHE;
        })
        .map(function (n) {
          return caches.open(n).then(function (c) {
            return c.keys();
          });
        }),
    ).then(function (lists) {
      var langs = {};
      lists.forEach(function (reqs) {
        reqs.forEach(function (r) {
          if (r.url.indexOf(SAVED) === 0) langs[r.url.slice(SAVED.length)] = true;
        });
      });
      return Object.keys(langs);
    });
  });
}

/** Saves a whole language into this version's cache (its list names every file). */
function saveLanguage(cache, lang) {
  return fetch(SCOPE + 'offline/' + lang + '.json', { cache: 'no-store' })
    .then(function (r) {
      if (!r.ok) throw new Error('no list for ' + lang);
      return r.json();
    })
    .then(function (list) {
      var queue = list.files.map(function (f) {
        return f[0];
      });
      function next() {
        var url = queue.shift();
        if (!url) return Promise.resolve();
        return fetch(url, { cache: 'no-cache' }).then(function (res) {
          if (!res.ok) throw new Error(url);
          return cache.put(url, res).then(next);
        });
      }
      return Promise.all([next(), next(), next(), next()]);
    })
    .then(function () {
      return cache.put(SAVED + lang, new Response(VERSION));
    });
}

self.addEventListener('install', function (event) {
  // If saving again fails (the network dropped), the install fails and the old version,
  // with its complete cache, stays in charge.
  event.waitUntil(
    Promise.all([caches.open(CACHE), savedLanguages()])
      .then(function (both) {
        return Promise.all(
          both[1].map(function (lang) {
            return saveLanguage(both[0], lang);
          }),
        );
      })
      .then(function () {
        return self.skipWaiting();
      }),
  );
});

self.addEventListener('activate', function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (names) {
        var old = names.filter(function (n) {
          return n.indexOf('handbook-') === 0 && n !== CACHE;
        });
        return Promise.all(
          old.map(function (n) {
            return caches.delete(n);
          }),
        ).then(function () {
          return old.length > 0;
        });
      })
      .then(function (updated) {
        return self.clients.claim().then(function () {
          if (!updated) return;
          return self.clients.matchAll({ type: 'window' }).then(function (clients) {
            clients.forEach(function (c) {
              c.postMessage({ type: 'updated', version: VERSION });
            });
          });
        });
      }),
  );
});

function keep(request, response) {
  if (response && response.ok && response.type === 'basic') {
    var copy = response.clone();
    caches.open(CACHE).then(function (c) {
      return c.put(request, copy);
    });
  }
  return response;
}

self.addEventListener('fetch', function (event) {
  var req = event.request;
  if (req.method !== 'GET' || req.url.indexOf(SCOPE) !== 0) return;
  var path = req.url.slice(SCOPE.length);
  // The version and the lists always come from the server.
  if (path.indexOf('offline/') === 0) return;
  if (req.mode === 'navigate') {
    var page = req.url.split('#')[0].split('?')[0];
    event.respondWith(
      fetch(req)
        .then(function (res) {
          return res.ok ? keep(page, res) : res;
        })
        .catch(function () {
          return caches.match(page, { ignoreSearch: true }).then(function (hit) {
            return hit || caches.match(SCOPE + '404.html').then(function (nf) {
              return nf || new Response('Offline', { status: 503, headers: { 'Content-Type': 'text/plain' } });
            });
          });
        }),
    );
    return;
  }
  // "Save for offline" asks for fresh copies (`cache: 'no-cache'`): never an older version's.
  if (req.cache === 'no-cache' || req.cache === 'reload') {
    event.respondWith(
      fetch(req).catch(function () {
        return caches.match(req);
      }),
    );
    return;
  }
  event.respondWith(
    caches.match(req).then(function (hit) {
      return (
        hit ||
        fetch(req).then(function (res) {
          return keep(req, res);
        })
      );
    }),
  );
});
