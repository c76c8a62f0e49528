// Shared set-up of the end-to-end tests: the release build in dist/ served
// on loopback by nginx with the deployment's own configuration
// (deploy/nginx.conf, only its port changed), and Debian's Chromium driven
// by Playwright.

import { chromium } from 'playwright-core';
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import assert from 'node:assert/strict';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = resolve(new URL('../..', import.meta.url).pathname);

async function freePort() {
  return new Promise((ok, fail) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    }).on('error', fail);
  });
}

/**
 * Starts nginx on a free loopback port with deploy/nginx.conf; returns its
 * base URL and a stop function. With `subpath`, serves `root` (which holds
 * the build in a folder of that name) with the two changes docs/deploy.md
 * gives for a sub-path deployment.
 */
/** The axe-core tags of WCAG 2.2 level AA and the levels below it. */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe-core with the WCAG 2.2 AA tags on the page as it is now (or only on
 * `include`, a CSS selector); resolves to axe's result, whose `violations`
 * the tests assert empty. axe runs in the page itself: the portal has no
 * frames, and @axe-core/playwright's frame-by-frame run, with its results
 * carried to a blank page to be joined, took two to five times longer
 * (19 s against 4 s on the quality report).
 */
export async function axeAudit(page, { include = null } = {}) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(([tags, include]) => window.axe.run(include ? { include: [include] } : document, {
    runOnly: { type: 'tag', values: tags },
    resultTypes: ['violations'],
  }), [WCAG_22_AA, include]);
}
const AXE_SOURCE = readFileSync(resolve(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

export async function startNginx({ root = 'dist', subpath = null, feedbackPort = null } = {}) {
  const port = await freePort();
  // Without a service of its own, /feedback/ goes to a port nothing listens on (nginx answers 502).
  const feedback = feedbackPort ?? await freePort();
  const dir = resolve(ROOT, `target/nginx-test-${port}`);
  mkdirSync(resolve(dir, 'tmp'), { recursive: true });
  const conf = readFileSync(resolve(ROOT, 'deploy/nginx.conf'), 'utf8')
    .replaceAll('listen 127.0.0.1:8081;', `listen 127.0.0.1:${port};`)
    .replace('proxy_pass http://127.0.0.1:8090;', `proxy_pass http://127.0.0.1:${feedback};`)
    .replace('pid target/nginx/nginx.pid;', `pid ${dir}/nginx.pid;`)
    .replaceAll('target/nginx/tmp/', `${dir}/tmp/`)
    .replaceAll('include security-headers.conf;', `include ${ROOT}/deploy/security-headers.conf;`)
    .replace('root dist;', `root ${root};`)
    .replaceAll('include ../dist/_transition/', `include ${resolve(ROOT, root)}/_transition/`)
    .replace('root dist/_transition;', `root ${root}/_transition;`)
    .replace('access_log target/nginx/old-sites.log', `access_log ${dir}/old-sites.log`)
    .replace('try_files $uri $uri/index.html /index.html;', `try_files $uri $uri/index.html ${subpath ? `/${subpath}/` : '/'}index.html;`);
  assert.ok(conf.includes(`listen 127.0.0.1:${port};`) && conf.includes(`proxy_pass http://127.0.0.1:${feedback};`) && conf.includes('try_files $uri $uri/index.html'), 'deploy/nginx.conf changed shape: update the test harness');
  writeFileSync(resolve(dir, 'nginx.conf'), conf);
  const nginx = spawn('nginx', ['-p', ROOT + '/', '-c', resolve(dir, 'nginx.conf')], { stdio: ['ignore', 'inherit', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited with ${nginx.exitCode}`);
    try { await fetch(base + '/robots.txt'); break; } catch { await new Promise((ok) => setTimeout(ok, 50)); }
  }
  return {
    base,
    async stop() {
      nginx.kill('SIGQUIT');
      await new Promise((ok) => (nginx.exitCode !== null ? ok() : nginx.once('exit', ok)));
    },
  };
}

/**
 * Starts the feedback service (target/debug/portal-feedback, built by
 * `make test-e2e`) on a free port with a new SQLite file, reading the
 * content API of `root`. `stop()` ends it (as systemd would, SIGTERM);
 * `start()` starts it again on the same port and file; `reports(body)`
 * reads what it stored through the editors' export command.
 */
export async function startFeedback({ root = 'dist', port = null, perMinute = 1000 } = {}) {
  const bin = resolve(ROOT, 'target/debug/portal-feedback');
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`make test-e2e\`, which builds it first`);
  port ??= await freePort();
  const dir = resolve(ROOT, `target/feedback-test-${port}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const database = `sqlite://${dir}/feedback.db`;
  let child = null;
  const service = {
    port,
    database,
    async start() {
      if (child && child.exitCode === null) return;
      child = spawn(bin, ['--database', database, 'serve', '--api', resolve(ROOT, root, 'api/v1'),
        '--listen', `127.0.0.1:${port}`, '--per-minute', String(perMinute)], { stdio: ['ignore', 'ignore', 'inherit'] });
      for (let i = 0; i < 200; i++) {
        if (child.exitCode !== null) throw new Error(`portal-feedback exited with ${child.exitCode}`);
        try { if ((await fetch(`http://127.0.0.1:${port}/feedback/health`)).ok) return; } catch { /* not yet */ }
        await new Promise((ok) => setTimeout(ok, 50));
      }
      throw new Error('portal-feedback did not start');
    },
    async stop() {
      if (!child || child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((ok) => (child.exitCode !== null ? ok() : child.once('exit', ok)));
    },
    reports(body) {
      const out = execFileSync(bin, ['--database', database, 'export', '--body', body, '--format', 'json'], { encoding: 'utf8' });
      return JSON.parse(out);
    },
  };
  await service.start();
  return service;
}

/** Starts the server and the browser; returns helpers and a close function. */
export async function startPortal({ root = 'dist', subpath = null, feedbackPort = null } = {}) {
  const index = resolve(ROOT, root, subpath ?? '', 'index.html');
  if (!existsSync(index)) {
    throw new Error(`${index} is missing: run \`make test-e2e\`, which builds it first`);
  }
  const server = await startNginx({ root, subpath, feedbackPort });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    base: server.base,
    browser,
    /**
     * A fresh browser profile with the given browser language; records
     * uncaught errors. The service worker is blocked unless asked for, so
     * that tests intercepting requests see every request.
     */
    async open(path, { locale = 'kk-KZ', serviceWorkers = 'block' } = {}) {
      const context = await browser.newContext({ locale, serviceWorkers });
      const page = await context.newPage();
      page.errors = [];
      page.on('pageerror', (e) => page.errors.push(e.message));
      waitForAppOnLoad(page);
      if (path !== null) await page.goto(server.base + path);
      return page;
    },
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}

/**
 * A page of the sitemap arrives rendered by the build (crates/render) and
 * the app hydrates it. Tests act on the app, as a reader does once it runs,
 * so `goto` and `reload` of the harness's pages return after that takeover.
 * `page.goto(url, { app: false })` returns at once, for the tests of the
 * rendered page itself.
 */
function waitForAppOnLoad(page) {
  for (const name of ['goto', 'reload']) {
    const original = page[name].bind(page);
    page[name] = async (...args) => {
      const options = (name === 'goto' ? args[1] : args[0]) ?? {};
      const { app = true, ...rest } = options;
      const response = await (name === 'goto' ? original(args[0], rest) : original(rest));
      if (app) await appTookOver(page);
      return response;
    };
  }
}

/**
 * Holds back the responses to requests matching `pattern` until the returned
 * function is called: a test double for a slow network, which loopback is not.
 */
export async function hold(page, pattern) {
  let release;
  const released = new Promise((ok) => { release = ok; });
  await page.route(pattern, async (route) => { await released; await route.continue(); });
  return release;
}

/** Resolves once the app has hydrated the rendered page (at once on a page the app built itself). */
export async function appTookOver(page) {
  await page.waitForFunction(() => !document.documentElement.hasAttribute('data-prerendered'));
}

/**
 * Opens `path` (`/en/pages/passport`) the way a reader who follows a link
 * inside the portal does: another page of its language first, then a
 * client-side navigation, so the page's document comes from the content API
 * (a page loaded from its own address carries the document it was rendered
 * from, and asks the API for nothing).
 */
export async function openInApp(page, base, path) {
  const lang = path.split('/')[1];
  const start = path === `/${lang}/regions` ? `/${lang}/` : `/${lang}/regions`;
  await page.goto(base + start);
  await page.evaluate((next) => {
    window.startHeading = document.querySelector('main h1');
    history.pushState(null, '', next);
    dispatchEvent(new PopStateEvent('popstate', { state: null }));
  }, base + path);
  // The first page has gone: what shows now is the page's (loading, error or content).
  await page.waitForFunction(() => !window.startHeading.isConnected);
}

/** The page's main heading once the app has rendered it. */
export async function heading(page) {
  await appTookOver(page);
  const h1 = page.locator('main h1');
  await h1.waitFor();
  return (await h1.textContent()).trim();
}

/** Asserts that nothing was thrown uncaught in the page (a panic shows up here). */
export function assertNoPageErrors(page) {
  assert.deepEqual(page.errors, [], `uncaught errors in the page: ${page.errors.join('; ')}`);
}

/** A document of the built content API (`ru/pages/passport.json`). */
export function apiDocument(path) {
  return JSON.parse(readFileSync(resolve(ROOT, 'dist/api/v1', path), 'utf8'));
}

/** One address of every kind of page the build renders, in `lang` (a document that exists in it). */
export function everyKindOfPage(lang) {
  const news = apiDocument(`${lang}/news.json`);
  const documents = apiDocument(`${lang}/documents.json`);
  const agencies = apiDocument(`${lang}/agencies.json`);
  const regions = apiDocument(`${lang}/regions.json`);
  const drafts = apiDocument(`${lang}/drafts.json`);
  const appointment = news.months.map((m) => apiDocument(`${lang}/news/archive/${m.period}.json`).items)
    .flat().find((n) => n.category === 'appointment');
  return [
    `/${lang}/`, `/${lang}/topics/documents`, `/${lang}/pages/passport`, `/${lang}/agencies`,
    `/${lang}/agencies/${agencies.groups[0].agencies[0].slug}`, `/${lang}/regions`, `/${lang}/regions/${regions.groups[0].regions[0].slug}`,
    `/${lang}/news`, `/${lang}/news/archive/${news.months[0].period}`, `/${lang}/news/${news.latest[0].slug}`,
    `/${lang}/documents`, `/${lang}/documents/types/${documents.types[0].doc_type}`, `/${lang}/documents/${documents.latest.find((d) => !d.title_lang).slug}`,
    `/${lang}/accessibility`, `/${lang}/quality`, `/${lang}/drafts`, `/${lang}/life`, `/${lang}/life/${apiDocument(`${lang}/life.json`).journeys[0].slug}`,
    // A former body's page with its notice, and the page of a body that took its work on.
    ...agencies.former.slice(0, 1).flatMap((f) => [`/${lang}/agencies/${f.slug}`, `/${lang}/agencies/${f.reorganised.successors[0].slug}`]),
    // A draft act, a year of the drafts archive, and an appointment.
    `/${lang}/drafts/${drafts.drafts[0].slug}`, `/${lang}/drafts/archive/${drafts.years[0].period}`,
    `/${lang}/news/${appointment.slug}`,
  ];
}
