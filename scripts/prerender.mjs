// Writes every page of the sitemap as finished HTML into the build, so a
// reader sees the page as soon as its HTML and CSS arrive (the app's
// WebAssembly is not on the way to the first paint any more), and can read
// it and follow its links in a browser where the app never starts.
//
// The pages are the app's own: each is opened in Chromium from the build,
// and what the app rendered is saved into {page}/index.html, with the page's
// language and title, and `data-prerendered` on <html> and on each element
// of <body>. When the app starts on such a page it takes over the copy
// without a visible change (src/prerendered.rs). Addresses outside the
// sitemap (search, filtered lists, unknown paths) still get index.html.
//
//   node scripts/prerender.mjs dist [--public-url /portal/]
//
// Fails, naming the address, when a sitemap page shows an error, a
// not-found page or no heading: such a build must not be deployed.

import { chromium } from 'playwright-core';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { startServer } from './serve.mjs';

const args = process.argv.slice(2);
const dist = resolve(args[0] ?? 'dist');
const publicUrl = args.includes('--public-url') ? args[args.indexOf('--public-url') + 1] : '/';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Two pages at a time: one per core of the build machine is enough to keep it busy.
const PARALLEL = Number(process.env.PRERENDER_PARALLEL ?? 2);

const started = Date.now();
const template = readFileSync(join(dist, 'index.html'), 'utf8');
if (!template.includes('<html lang="') || !template.includes('<body>')) {
  throw new Error(`${join(dist, 'index.html')} has changed shape: update scripts/prerender.mjs`);
}
const routes = sitemapRoutes(dist);
// The language folders hold nothing but pages from an earlier run.
for (const lang of ['kk', 'ru', 'en']) rmSync(join(dist, lang), { recursive: true, force: true });

// Serve the build from a folder above it, so that a sub-path build is served at its sub-path.
const root = publicUrl === '/' ? dist : resolve(dist, ...publicUrl.split('/').filter(Boolean).map(() => '..'));
const server = await startServer({ root, port: 0, fallback: `${publicUrl.slice(1)}index.html` });
const origin = `http://127.0.0.1:${server.address().port}`;
// A folder of this run's own, so that two builds can prerender at once.
const staging = mkdtempSync(join(tmpdir(), 'portal-prerender-'));
process.on('exit', () => rmSync(staging, { recursive: true, force: true }));

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
let bytes = 0;
try {
  // The service worker stays out: every page is what the network gives.
  const context = await browser.newContext({ serviceWorkers: 'block', locale: 'kk-KZ' });
  const queue = [...routes];
  await Promise.all(Array.from({ length: PARALLEL }, async () => {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    for (let route = queue.shift(); route !== undefined; route = queue.shift()) {
      const html = await render(page, route, errors);
      const file = join(staging, route, 'index.html');
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, html);
      bytes += Buffer.byteLength(html);
    }
    await page.close();
  }));
} finally {
  await browser.close();
  server.close();
}
// Into the build only once every page rendered.
cpSync(staging, dist, { recursive: true });
const seconds = (Date.now() - started) / 1000;
console.log(`prerender: ${routes.length} pages, ${(bytes / 1024 / 1024).toFixed(1)} MB of HTML, ${seconds.toFixed(1)} s (${Math.round((seconds * 1000) / routes.length)} ms a page)`);

/**
 * The app's page at `route` (a path such as `ru/pages/passport`), as a
 * complete HTML file. The first page of a tab is loaded; the next ones are
 * reached by a client-side navigation of the app's router, as a reader's
 * click would be (about a fifth of the time of loading the app anew).
 */
async function render(page, route, errors) {
  const url = `${origin}${publicUrl}${route}`;
  if (page.url().startsWith(origin)) {
    await page.evaluate((next) => {
      // The heading of the page before, so the wait below is for the next one.
      document.querySelector('main h1')?.setAttribute('data-prerender-seen', '');
      history.pushState(null, '', next);
      dispatchEvent(new PopStateEvent('popstate', { state: null }));
    }, url);
  } else {
    await page.goto(url);
  }
  // Shown: a new heading is there, nothing is loading, and the heading's
  // effect has named the document after it.
  await page.waitForFunction(() => {
    const h1 = document.querySelector('main h1:not([data-prerender-seen])');
    return h1 && !document.querySelector('main .loading') && document.title.startsWith(h1.textContent.trim());
  }, null, { timeout: 20_000 }).catch(() => {
    throw new Error(`prerender: ${url} showed no page heading within 20 s${errors.length ? ` (${errors.join('; ')})` : ''}`);
  });
  const shown = await page.evaluate(() => {
    const failed = document.querySelector('main [data-testid="error-panel"], main [data-testid="not-found"], main [data-testid="unavailable"]');
    const body = [...document.body.children]
      .filter((element) => !['SCRIPT', 'NOSCRIPT', 'TEMPLATE'].includes(element.tagName))
      .map((element) => {
        const copy = element.cloneNode(true);
        copy.setAttribute('data-prerendered', '');
        // What the live region said about the navigation is not part of the page.
        if (copy.id === 'route-announcer') copy.textContent = '';
        copy.querySelector('#route-announcer')?.replaceChildren();
        return copy.outerHTML;
      });
    return { lang: document.documentElement.lang, title: document.title, body, failed: failed?.textContent ?? null, h1: document.querySelector('main h1').textContent.trim() };
  });
  if (shown.failed !== null || errors.length) {
    throw new Error(`prerender: ${url} did not show its page: "${shown.h1}"${errors.length ? ` (${errors.join('; ')})` : ''}`);
  }
  const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return template
    .replace(/<html lang="[^"]*"/, `<html lang="${shown.lang}" data-prerendered`)
    // The app is requested after the first paint here (public/paint-first.js): no preloading it.
    .replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '')
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escape(shown.title)}</title>`)
    // Addresses the app made absolute from this build server (the API's
    // files and feeds) become paths on whatever host serves the build.
    .replace(/<body>[\s\S]*<\/body>/, () => `<body>\n${shown.body.join('\n').replaceAll(origin, '')}\n</body>`);
}

/** Every page address in the build's sitemap (or the parts of a sitemap index), as a route below the portal's root. */
function sitemapRoutes(dir) {
  const read = (name) => readFileSync(join(dir, name), 'utf8');
  let xml = read('sitemap.xml');
  if (xml.includes('<sitemapindex')) {
    xml = readdirSync(dir).filter((name) => /^sitemap-.*\.xml$/.test(name)).map(read).join('\n');
  }
  const routes = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => {
    const path = new URL(loc.replaceAll('&amp;', '&')).pathname;
    const route = path.match(/\/((?:kk|ru|en)\/.*)$/)?.[1];
    if (!route) throw new Error(`prerender: ${loc} in the sitemap is not a page of the portal`);
    // As the app writes it (`ru/` for a home page, `ru/pages/passport` for others): links on the page keep it.
    return route;
  });
  if (routes.length === 0) throw new Error(`prerender: no page in ${join(dir, 'sitemap.xml')}`);
  return [...new Set(routes)];
}
