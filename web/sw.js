// sw.js — makes the portal work offline. Precaches every file of this version at install, answers
// from the cache first, and deletes other versions' caches once it takes over. A new version waits
// until the learner chooses to reload (the page offers it), so nothing in progress is interrupted.
// @VERSION@ and @FILES@ are filled in by tools/assemble-web.sh.
'use strict';
const VERSION = '@VERSION@';
const FILES = @FILES@;
const CACHE = 'siaga-' + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key.startsWith('siaga-') && key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const url = new URL(request.url);
    const key = request.mode === 'navigate' || url.pathname.endsWith('/') ? new URL('index.html', self.registration.scope).href : url.href;
    const cached = await cache.match(key, { ignoreSearch: true });
    if (cached) return cached;
    return fetch(request);
  })());
});
