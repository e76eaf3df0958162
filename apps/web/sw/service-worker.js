// The web app's service worker (served as /app/sw.js, scope /app/). The build
// (the `offline` plugin in ../vite.config.mts) replaces the two placeholders
// with the build's files and a version. What it does:
// - keeps the app itself (index.html, scripts, styles, fonts) so it opens
//   without a network, and drops the previous build's copy when a new one
//   takes over;
// - answers the reads a delegate needs at the venue (an event and its agenda,
//   my meetings, my registrations and sessions, my badge and its QR code) from the network when there is
//   one, keeping the last answer, and from that copy when there is none; the
//   copy's `Date` header tells the app how old it is;
// - forgets those answers when the app asks (logging out).
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const APP_CACHE = `rt-app-${VERSION}`;
const API_CACHE = 'rt-api';
const NETWORK_TIMEOUT_MS = 4000;
/** The API reads kept for offline use (GET only; everything else always goes to the network). */
const OFFLINE_READS = [
  /^\/events\/[^/]+$/,
  /^\/events\/[^/]+\/agenda$/,
  /^\/events\/[^/]+\/registrations\/[^/]+\/badge\.pdf$/,
  /^\/events\/[^/]+\/registrations\/[^/]+\/badge$/,
  /^\/me$/,
  /^\/me\/meetings$/,
  /^\/me\/registrations$/,
  /^\/me\/sessions$/,
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(APP_CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((file) => `/app/${file}`)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((key) => key.startsWith('rt-app-') && key !== APP_CACHE).map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'forget-reads') event.waitUntil(caches.delete(API_CACHE));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && url.pathname.startsWith('/app')) {
    event.respondWith(fetch(request).catch(() => caches.match('/app/')));
  } else if (url.pathname.startsWith('/app/assets/')) {
    event.respondWith(caches.match(request).then((hit) => hit ?? fetch(request)));
  } else if (OFFLINE_READS.some((pattern) => pattern.test(url.pathname))) {
    event.respondWith(networkThenCopy(request));
  }
});

/** The network's answer (kept when it is a success), or the kept copy when the network fails or is too slow. */
async function networkThenCopy(request) {
  const cache = await caches.open(API_CACHE);
  try {
    const response = await withTimeout(fetch(request), NETWORK_TIMEOUT_MS);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const copy = await cache.match(request);
    if (copy) return copy;
    throw error;
  }
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('network timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
