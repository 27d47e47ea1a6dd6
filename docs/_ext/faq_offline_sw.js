/* The handbook's service worker, written by faq_offline at build time (docs/_ext/faq_offline_sw.js).
   One cache per build and per scope (each Read the Docs version has its own scope): the worker of a
   new build fills its own cache, checking every file's hash, and serves it only after the reader
   accepts the update; then the caches of older builds of this scope are deleted. */
"use strict";

const VERSION = "__VERSION__";
const SCOPE = self.registration.scope;
const PREFIX = `faq-offline ${SCOPE} `;
const CACHE = PREFIX + VERSION;
const LIST = new URL("offline-files.json", SCOPE).href;
const PARALLEL = 4;
// Read the Docs serves a version's PDF and ePub under /_/downloads/, outside the scope.
const DOWNLOAD = /\/_\/downloads\/|\.(pdf|epub)$/;

let listing = null;

/** The build's file list: from its cache once installed, else from the network. */
async function files() {
  if (!listing) {
    const cached = await caches.match(LIST, { cacheName: CACHE });
    const response = cached || (await fetch(LIST, { cache: "no-cache" }));
    const data = await response.json();
    if (data.version !== VERSION) throw new Error(`offline-files.json is from build ${data.version}`);
    data.urls = new Map(data.files.map(([url, size, hash, shell]) => [new URL(url, SCOPE).href, { size, hash, shell }]));
    listing = data;
  }
  return listing;
}

async function sha256(buffer) {
  const digest = await crypto.subtle.digest("SHA-256", buffer);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Fetch `urls` not yet in the cache, each checked against its hash; `progress(bytes)` after each. */
async function store(urls, progress) {
  const { urls: known } = await files();
  const cache = await caches.open(CACHE);
  const queue = [...urls];
  const worker = async () => {
    while (queue.length) {
      const url = queue.shift();
      const { size, hash } = known.get(url);
      if (!(await cache.match(url))) {
        const response = await fetch(url, { cache: "no-cache" });
        const body = await response.arrayBuffer();
        // A file of another build (a server or CDN mid-update) must never join this one.
        if (!response.ok || (await sha256(body)) !== hash) throw new Error(`${url} is not from build ${VERSION}`);
        await cache.put(url, new Response(body, { headers: response.headers }));
      }
      if (progress) progress(size);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}

async function status() {
  const data = await files();
  const stored = new Set((await (await caches.open(CACHE)).keys()).map((r) => r.url));
  let saved = 0;
  for (const [url, { size }] of data.urls) if (stored.has(url)) saved += size;
  // The handbook's own pages (those with a title), for the offline page's list.
  const pages = [...data.urls.keys()]
    .filter((url) => stored.has(url) && data.titles[url.slice(SCOPE.length)])
    .map((url) => ({ url, title: data.titles[url.slice(SCOPE.length)] }));
  return { type: "status", version: VERSION, mode: data.mode, total: data.total, saved, pages };
}

async function broadcast(message) {
  for (const client of await self.clients.matchAll({ includeUncontrolled: true })) client.postMessage(message);
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      listing = null;
      const data = await files();
      const cache = await caches.open(CACHE);
      await cache.put(LIST, new Response(JSON.stringify(data), { headers: { "Content-Type": "application/json" } }));
      try {
        await store([...data.urls].filter(([, f]) => data.mode === "all" || f.shell).map(([url]) => url));
      } catch (error) {
        // Installation fails as a whole (the browser tries again on a later visit): no half cache stays.
        await caches.delete(CACHE);
        throw error;
      }
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
      await broadcast(await status());
    })(),
  );
});

self.addEventListener("message", (event) => {
  const reply = (message) => event.source && event.source.postMessage(message);
  const type = event.data && event.data.type;
  if (type === "activate") {
    self.skipWaiting();
  } else if (type === "status") {
    event.waitUntil(status().then(reply));
  } else if (type === "save") {
    event.waitUntil(
      (async () => {
        const data = await files();
        const stored = new Set((await (await caches.open(CACHE)).keys()).map((r) => r.url));
        const missing = [...data.urls.keys()].filter((url) => !stored.has(url));
        const total = missing.reduce((sum, url) => sum + data.urls.get(url).size, 0);
        let done = 0;
        await broadcast({ type: "progress", done, total });
        try {
          await store(missing, (size) => broadcast({ type: "progress", done: (done += size), total }));
        } catch (error) {
          await broadcast({ type: "save-failed", message: String(error) });
          self.registration.update();
          return;
        }
        await broadcast(await status());
      })(),
    );
  }
});

/** The cache key of a request in this scope: folders are their index.html, fragments dropped. */
function key(url) {
  const clean = new URL(url);
  clean.hash = "";
  if (clean.pathname.endsWith("/")) clean.pathname += "index.html";
  return clean;
}

async function respond(request) {
  const url = key(request.url);
  const cache = await caches.open(CACHE);
  // Assets with Sphinx's checksum query (?v=…) match exactly: a page of another build never gets
  // this build's copy. Pages match without their query (search.html?q=…).
  const versioned = url.searchParams.has("v");
  const hit = await cache.match(url.href, { ignoreSearch: !versioned });
  if (hit) return hit;
  try {
    const response = await fetch(request);
    const { urls } = await files();
    const plain = url.origin + url.pathname;
    // Question pages (above the budget) are stored as they are read, with any asset they bring.
    if (response.ok && (urls.has(plain) || urls.has(url.href) || url.pathname.includes("/_static/"))) {
      await cache.put(versioned ? url.href : plain, response.clone());
    }
    return response;
  } catch (error) {
    if (request.mode === "navigate") {
      const page = encodeURIComponent(url.pathname.slice(new URL(SCOPE).pathname.length));
      return Response.redirect(new URL(`offline.html?halaman=${page}`, SCOPE).href, 302);
    }
    const fallback = versioned && (await cache.match(url.href, { ignoreSearch: true }));
    if (fallback) return fallback;
    throw error;
  }
}

/** PDF and ePub: stored the first time they are opened, from the cache afterwards. */
async function download(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (DOWNLOAD.test(url.pathname)) event.respondWith(download(request));
  else if (request.url.startsWith(SCOPE) && !url.pathname.endsWith("/sw.js")) event.respondWith(respond(request));
});
