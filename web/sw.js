// sw.js — makes the portal work offline. Precaches the files of this version at install, answers
// from the cache first, and deletes other versions' caches once it takes over. A new version waits
// until the learner chooses to reload (the page offers it), so nothing in progress is interrupted.
// @VERSION@ and @FILES@ are filled in by tools/assemble-web.sh.
//
// A course's lessons (course-<lang>-<course>.pack) are not precached: a learner downloads only the
// courses they open. Each one fetched is kept in this version's cache, so a course opened once
// online opens offline; a new version fetches again the course packs the learner had in the old one.
// Precaching revalidates (cache: 'no-cache') rather than reloading, so a file the page has just
// downloaded costs a 304, not its bytes a second time.
'use strict';
const VERSION = '@VERSION@';
const FILES = @FILES@;
const CACHE = 'siaga-' + VERSION;
// Fetched only when needed, then kept: a course's lessons, and the right-to-left shaper with its faces
// (only Dari/Farsi and Arabic learners download those).
const isCoursePack = (name) => /^course-[A-Za-z0-9-]+\.pack$/.test(name) || /^(rtl-shaper\.(js|wasm)|NotoSansArabicUI-[A-Za-z]+\.ttf)$/.test(name);
const nameOf = (url) => new URL(url).pathname.split('/').pop();

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const kept = new Set();  // course packs the learner has in an older version's cache
    for (const key of await caches.keys()) {
      if (!key.startsWith('siaga-') || key === CACHE) continue;
      for (const request of await (await caches.open(key)).keys()) kept.add(nameOf(request.url));
    }
    const wanted = FILES.filter((f) => !isCoursePack(f) || kept.has(f));
    const cache = await caches.open(CACHE);
    await cache.addAll(wanted.map((f) => new Request(f, { cache: 'no-cache' })));
  })());
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
    const response = await fetch(request);
    if (response.ok && isCoursePack(nameOf(url.href)) && FILES.includes(nameOf(url.href)))
      await cache.put(url.href, response.clone());
    return response;
  })());
});
