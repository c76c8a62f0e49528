// The old sites the portal replaces, through nginx with deploy/nginx.conf and
// the maps the compiler wrote from content/transition/: each request is
// sent with the old host's name, as a reader's browser following an old
// link or bookmark would send it.

import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { startPortal, axeAudit } from './harness.mjs';

let server;
before(async () => { server = await startPortal(); });
after(async () => { await server?.close(); });

// The portal's public address the build was made for (robots.txt names it).
const SITE = readFileSync('dist/robots.txt', 'utf8').match(/^Sitemap: (.*)\/sitemap\.xml$/m)[1];

/** What nginx answers for `path` asked of `host`: status, headers and body. */
function ask(host, path) {
  const { port } = new URL(server.base);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Host: host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { body += chunk; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function assertMoved(host, path, to) {
  const r = await ask(host, path);
  assert.equal(r.status, 301, `${host}${path}`);
  assert.equal(r.headers.location, SITE + to, `${host}${path}`);
}

test('an old address answers 301 to its page on the portal, in the language the address implied', async () => {
  await assertMoved('www.minjust.gov.kz', '/ru/node/1101', '/ru/pages/marriage-registration');
  await assertMoved('www.minjust.gov.kz', '/kk/node/1107', '/kk/pages/apostille');
  await assertMoved('www.minjust.gov.kz', '/en/content/contacts', '/en/agencies/ministry-of-justice');
  await assertMoved('minjust.gov.kz', '/ru/node/1109', '/ru/pages/register-legal-entity'); // the host's other name
  await assertMoved('www.miid.gov.kz', '/kk/uslugi/registraciya-ts', '/kk/pages/vehicle-registration');
  await assertMoved('bostandyk.almaty.gov.kz', '/kz/uslugi/asp', '/kk/pages/targeted-social-assistance'); // `kz` meant Kazakh there
});

test('everything under a mapped prefix goes where the prefix does', async () => {
  await assertMoved('kgd.gov.kz', '/en/news/4242', '/en/news');
  await assertMoved('www.miid.gov.kz', '/ru/documents/123', '/ru/documents');
  await assertMoved('bostandyk.almaty.gov.kz', '/ru/novosti/2019/05/12/99', '/ru/news');
});

test('where the query chose the page and the language, the mapping of the whole address is followed', async () => {
  await assertMoved('www.almaty.gov.kz', '/page.php?page_id=311&lang=2', '/kk/pages/first-grade-enrollment');
  await assertMoved('www.almaty.gov.kz', '/page.php?page_id=311&lang=1', '/ru/pages/first-grade-enrollment');
  await assertMoved('www.almaty.gov.kz', '/news.php?news_id=7001&lang=3', '/en/news'); // a prefix, the language from the query
  await assertMoved('www.almaty.gov.kz', '/?lang=2', '/kk/agencies/almaty-akimat');
  await assertMoved('www.almaty.gov.kz', '/', '/ru/agencies/almaty-akimat');
});

test('an address that has gone answers 410 with a page in three languages: the body, the archived copy, the portal, search', async () => {
  const r = await ask('www.minjust.gov.kz', '/ru/node/2203');
  assert.equal(r.status, 410);
  assert.match(r.headers['content-type'], /^text\/html/);
  assert.match(r.headers['content-security-policy'] ?? '', /default-src/, 'with the security headers');
  for (const title of ['Бұл бет жоқ', 'Этой страницы больше нет', 'This page has gone']) assert.ok(r.body.includes(`>${title}</h1>`), title);
  for (const lang of ['kk', 'ru', 'en']) {
    assert.ok(r.body.includes(`href="${SITE}/${lang}/agencies/ministry-of-justice"`), `the body's page in ${lang}`);
    assert.ok(r.body.includes(`action="${SITE}/${lang}/search"`), `search in ${lang}`);
  }
  assert.ok(r.body.includes('Министерство юстиции'), 'the body by its name');
  assert.ok(r.body.includes('href="https://web.archive.org/web/2019/https://www.minjust.gov.kz/ru/node/2203"'), 'its archived copy');
  const other = await ask('kgd.gov.kz', (readFileSync('content/transition/kgd.gov.kz.toml', 'utf8').match(/old = "(\/ru\/content\/arhiv-\d+)"/))[1]);
  assert.equal(other.status, 410);
  assert.ok(other.body.includes('href="https://web.archive.org/web/2019/https://kgd.gov.kz/ru/content/arhiv-'), 'each address its own copy');
});

test('any other address on an old host goes to its body\'s page, in the language it implied', async () => {
  await assertMoved('bostandyk.almaty.gov.kz', '/kz/fotogalereya', '/kk/agencies/almaty-bostandyk-district-akimat');
  await assertMoved('bostandyk.almaty.gov.kz', '/ru/no/such/page', '/ru/agencies/almaty-bostandyk-district-akimat');
  await assertMoved('www.kgd.gov.kz', '/en/calculator', '/en/agencies/state-revenue-committee');
  await assertMoved('www.kgd.gov.kz', '/somewhere', '/ru/agencies/state-revenue-committee'); // the site's default language
  await assertMoved('www.almaty.gov.kz', '/map.php?lang=3', '/en/agencies/almaty-akimat');
});

test('the portal\'s own host is untouched, and the old hosts\' files are not served on it', async () => {
  const page = await ask('127.0.0.1', '/ru/pages/passport');
  assert.equal(page.status, 200);
  for (const path of ['/_transition/paths.map', '/_transition/hosts.conf', '/_transition/gone/www.minjust.gov.kz/1.html']) {
    assert.equal((await ask('127.0.0.1', path)).status, 404, path);
  }
  assert.equal((await ask('www.minjust.gov.kz', '/gone/www.minjust.gov.kz/1.html')).status, 404, 'the pages are only answers, never addresses');
});

test('the page of an address that has gone reads well in the browser: axe, headings, keyboard to its links and search', async () => {
  // The old host's name cannot resolve here: the browser's requests to it go
  // to nginx with the host's name in the Host header, as DNS would send them.
  const page = await server.open(null);
  await page.route(/^https?:\/\/www\.minjust\.gov\.kz\//, async (route) => {
    const { pathname, search } = new URL(route.request().url());
    const r = await ask('www.minjust.gov.kz', pathname + search);
    await route.fulfill({ status: r.status, headers: r.headers, body: r.body });
  });
  const response = await page.goto('http://www.minjust.gov.kz/ru/node/2202', { app: false });
  assert.equal(response.status(), 410);
  assert.deepEqual(await page.locator('h1').allTextContents(), ['Бұл бет жоқ', 'Этой страницы больше нет', 'This page has gone']);
  assert.deepEqual(await page.locator('section').evaluateAll((s) => s.map((e) => e.lang)), ['kk', 'ru', 'en']);
  const result = await axeAudit(page);
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.length}`), []);
  // The first stop of the keyboard is the body's page; the search box takes a query.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), `${SITE}/kk/agencies/ministry-of-justice`);
  assert.match(response.headers()['content-security-policy'], new RegExp(`form-action ${SITE.replace(/[.]/g, '\\.')};`), 'the form may go to the portal, and nowhere else');
  // The portal the build names is not this test's server: its search page is stood in for.
  await page.route(`${SITE}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><title>search</title>' }));
  const search = page.getByRole('searchbox', { name: 'Search the portal' });
  await search.fill('apostille');
  await Promise.all([page.waitForURL(`${SITE}/en/search?q=apostille`), search.press('Enter')]);
  await page.context().close();
});

test('the addresses still asked for that reached no new page are listed per host from the server\'s log', async () => {
  await ask('bostandyk.almaty.gov.kz', '/ru/fotogalereya');
  await ask('bostandyk.almaty.gov.kz', '/ru/fotogalereya');
  await ask('www.minjust.gov.kz', '/ru/node/2204');
  const { port } = new URL(server.base);
  const log = `target/nginx-test-${port}/old-sites.log`;
  // Built by `make test-e2e` (the e2e-variant step runs it).
  const run = spawnSync('target/debug/portal-compiler', ['old-addresses', '--log', log], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^bostandyk\.almaty\.gov\.kz: \d+ requests/m, run.stdout);
  assert.match(run.stdout, /^ +[2-9]\d*  \/ru\/fotogalereya  \(body's page\)$/m, run.stdout);
  assert.match(run.stdout, /^ +\d+  \/ru\/node\/2204  \(gone\)$/m, run.stdout);
  assert.doesNotMatch(run.stdout, /\/ru\/node\/1101/, 'an address that reached its new page is not listed');
});
