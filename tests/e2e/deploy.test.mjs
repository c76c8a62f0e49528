// The deployment: what nginx with deploy/nginx.conf answers (status codes,
// caching, compression, security headers), that the portal runs under its
// Content-Security-Policy, and the service worker (offline revisits, new versions).

import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { startPortal, heading, assertNoPageErrors } from './harness.mjs';

let portal;
before(async () => { portal = await startPortal(); });
after(async () => { await portal?.close(); });

const get = (path, headers = {}) => fetch(portal.base + path, { headers, redirect: 'manual' });
const assetName = (pattern) => readFileSync('dist/index.html', 'utf8').match(pattern)[1];

test('app routes answer the app; missing files and documents answer 404', async () => {
  for (const path of ['/', '/kk/', '/ru/pages/passport', '/en/agencies/ministry-of-justice', '/en/no/such/page']) {
    const r = await get(path);
    assert.equal(r.status, 200, path);
    assert.match(r.headers.get('content-type'), /^text\/html/, path);
    assert.match(await r.text(), /<meta name="portal-api-base"/, path);
  }
  for (const path of ['/missing.js', '/api/v1/en/pages/no-such-page.json', '/api/v1/xx/site.json', '/portal-0000000000000000_bg.wasm']) {
    assert.equal((await get(path)).status, 404, path);
  }
  const doc = await get('/api/v1/en/pages/passport.json');
  assert.equal(doc.status, 200);
  assert.match(doc.headers.get('content-type'), /^application\/json/);
  assert.equal((await doc.json()).slug, 'passport');
});

test('hashed assets are cached for a year; the page, the API and the sitemap revalidate', async () => {
  const wasm = assetName(/href="\/(portal-[0-9a-f]{8,16}_bg\.wasm)"/);
  const immutable = await get('/' + wasm);
  assert.equal(immutable.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.equal(immutable.headers.get('content-type'), 'application/wasm');
  for (const path of ['/', '/index.html', '/api/v1/kk/site.json', '/sitemap.xml', '/sw.js']) {
    const r = await get(path);
    assert.equal(r.headers.get('cache-control'), 'no-cache', path);
    const etag = r.headers.get('etag');
    assert.ok(etag, `${path} has an ETag`);
    assert.equal((await get(path, { 'If-None-Match': etag })).status, 304, `${path} revalidates`);
  }
});

test('what counts as a hashed file is one pattern in nginx, the service worker, the post-build step and the local server, and fits every hashed file of the build', () => {
  const copies = {
    'deploy/nginx.conf': /location ~ "([^"]*\{8,16\}[^"]*)"/,
    'public/sw.js': /const HASHED = \/(.*)\/;/,
    'scripts/postbuild.mjs': /filter\(\(f\) => \/(.*)\/\.test\(f\)\)/,
    'scripts/serve.mjs': /const HASHED = \/(.*)\/;/,
  };
  const patterns = Object.entries(copies).map(([file, finder]) => {
    const found = readFileSync(file, 'utf8').match(finder);
    assert.ok(found, `${file} still names the pattern where this test looks for it`);
    return found[1];
  });
  assert.deepEqual(new Set(patterns).size, 1, `one pattern: ${patterns.join('  ')}`);
  const hashed = new RegExp(patterns[0]);
  // Every asset Trunk named with its hash (JS, wasm, CSS, the icon), as index.html links them.
  const linked = [...readFileSync('dist/index.html', 'utf8').matchAll(/(?:href|src)="\/([^"?]+\.(?:js|wasm|css|svg))"/g)].map((m) => m[1]);
  assert.ok(linked.length >= 5, linked.join(' '));
  for (const name of linked.filter((n) => !n.startsWith('snippets/') && n !== 'noscript.css')) {
    assert.match(name, hashed, `${name} is cached as a hashed file`);
  }
});

test('text and wasm are served precompressed: brotli where accepted, else gzip', async () => {
  const wasm = assetName(/href="\/(portal-[0-9a-f]{8,16}_bg\.wasm)"/);
  const raw = (await (await get('/' + wasm, { 'Accept-Encoding': 'identity' })).arrayBuffer()).byteLength;
  for (const [encoding, path] of [['br', '/' + wasm], ['gzip', '/' + wasm], ['br', '/api/v1/en/pages/passport.json'], ['gzip', '/sitemap.xml']]) {
    const r = await fetch(portal.base + path, { headers: { 'Accept-Encoding': encoding } });
    assert.equal(r.headers.get('content-encoding'), encoding, `${path} as ${encoding}`);
  }
  const compressed = Number((await fetch(portal.base + '/' + wasm, { method: 'HEAD', headers: { 'Accept-Encoding': 'br' } })).headers.get('content-length'));
  assert.ok(compressed > 0 && compressed < raw / 2, `brotli wasm ${compressed} of ${raw} bytes`);
});

test('every answer carries the security headers; the policy allows no inline script or eval', async () => {
  for (const path of ['/', '/en/pages/passport', '/api/v1/en/site.json', '/sitemap.xml', '/missing.js']) {
    const h = (await get(path)).headers;
    const csp = h.get('content-security-policy');
    assert.ok(csp, `${path} has a CSP`);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
    assert.match(csp, /connect-src 'self'/);
    assert.equal(h.get('x-content-type-options'), 'nosniff', path);
    assert.equal(h.get('referrer-policy'), 'strict-origin-when-cross-origin', path);
    assert.match(h.get('permissions-policy'), /camera=\(\)/, path);
    assert.equal(h.get('server'), 'nginx', 'no version in the Server header');
  }
  assert.doesNotMatch(readFileSync('dist/index.html', 'utf8'), /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script in index.html');
});

test('no page breaks the Content-Security-Policy', async () => {
  const context = await portal.browser.newContext({ serviceWorkers: 'allow' });
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  for (const path of ['/en/', '/en/topics/documents', '/en/pages/passport', '/en/agencies', '/en/agencies/ministry-of-justice', '/en/regions', '/en/regions/astana', '/en/accessibility', '/en/pages/temporary-registration', '/en/no-such-page']) {
    await page.goto(portal.base + path);
    await heading(page);
    await page.locator('#display-toggle').click(); // the settings panel and its styles too
    assert.deepEqual(await page.evaluate(() => window.cspViolations), [], path);
  }
  assert.deepEqual(consoleErrors.filter((e) => /Content Security Policy/i.test(e)), []);
  await context.close();
});

test('a page read before opens again offline, with a notice', async () => {
  const page = await portal.open('/en/', { serviceWorkers: 'allow' });
  await heading(page);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // Read a page while online: the worker keeps its document.
  await page.locator('main a', { hasText: 'Identity documents' }).click();
  await page.locator('main a', { hasText: 'Get a passport for travel abroad' }).click();
  assert.equal(await heading(page), 'Get a passport for travel abroad');

  await page.context().setOffline(true);
  await page.reload();
  assert.equal(await heading(page), 'Get a passport for travel abroad');
  await page.locator('.notice-offline', { hasText: 'You are offline' }).waitFor();
  // A page never read is not there: the error panel says why, with a retry.
  await page.locator('main a[href="/en/agencies/ministry-of-internal-affairs"]').first().click();
  await page.locator('[data-testid=error-panel]').waitFor({ timeout: 15000 });
  await page.context().setOffline(false);
  await page.getByRole('button', { name: 'Try again' }).click();
  assert.match(await heading(page), /Ministry of Internal Affairs/);
  await page.locator('.notice-offline').waitFor({ state: 'detached' });
  assertNoPageErrors(page);
  await page.context().close();
});

test('a new deployment is noticed and offered as a reload, never served stale', async () => {
  const original = readFileSync('dist/sw.js', 'utf8');
  const page = await portal.open('/ru/', { serviceWorkers: 'allow' });
  try {
    await heading(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    assert.equal(await page.locator('.notice-update').count(), 0);
    // The next deployment: a new service worker (every build writes a new one).
    writeFileSync('dist/sw.js', original.replace(/const BUILD = "[0-9a-f]+";/, 'const BUILD = "next-deployment";'));
    for (const copy of ['dist/sw.js.br', 'dist/sw.js.gz']) rmSync(copy, { force: true }); // the old compressed copies would hide it
    await page.locator('.main-menu a', { hasText: 'Государственные органы' }).click(); // a navigation checks for updates
    const notice = page.locator('.notice-update', { hasText: 'Доступна новая версия портала' });
    await notice.waitFor({ timeout: 15000 });
    await page.evaluate(() => { window.oldVersion = true; });
    await notice.getByRole('button', { name: 'Перезагрузить и обновить' }).click();
    await page.waitForFunction(() => window.oldVersion === undefined, null, { timeout: 15000 });
    await heading(page);
    assert.equal(await page.locator('.notice-update').count(), 0);
    assert.equal(await page.evaluate(async () => (await caches.keys()).includes('portal-shell-next-deployment')), true);
  } finally {
    writeFileSync('dist/sw.js', original);
    await import('node:child_process').then(({ execFileSync }) => execFileSync('node', ['scripts/precompress.mjs', 'dist']));
    await page.context().close();
  }
});
