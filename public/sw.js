// The portal's service worker. scripts/postbuild.mjs fills in the build id
// and the app-shell files; every deployment therefore has a new sw.js, which
// the browser notices and the app offers to load ("new version, reload").
//
// - App shell (index.html, wasm, JS, CSS, the app's JS modules): cached at
//   install, served when the network fails. Hashed files never change, so
//   they come from the cache first.
// - Content API documents: network first, so readers always see current
//   content; the copy of each document read is kept for offline use.

const BUILD = '__BUILD_ID__';
const SHELL = '__SHELL__'.map((path) => new URL(path, self.registration.scope).href);
const INDEX = new URL('index.html', self.registration.scope).href;
const SHELL_CACHE = `portal-shell-${BUILD}`;
const CONTENT_CACHE = 'portal-content-v1';
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css|svg)$/;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.addAll(SHELL)));
  // The first version takes over at once; later ones wait for the reader to choose to reload.
  if (!self.registration.active) self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('portal-shell-') && key !== SHELL_CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(() => caches.match(INDEX, { cacheName: SHELL_CACHE })));
  } else if (HASHED.test(url.pathname)) {
    event.respondWith(caches.match(request, { cacheName: SHELL_CACHE }).then((hit) => hit ?? fetch(request)));
  } else if (SHELL.includes(url.href)) {
    // Shell files without a hash in their name (the app's JavaScript
    // modules): current when online, the cached copy offline.
    event.respondWith(fetch(request).catch(() => caches.match(request, { cacheName: SHELL_CACHE })));
  } else if (url.pathname.includes('/api/')) {
    event.respondWith(networkThenCache(request));
  }
});

async function networkThenCache(request) {
  const cache = await caches.open(CONTENT_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (offline) {
    const copy = await cache.match(request);
    if (copy) return copy;
    throw offline;
  }
}
