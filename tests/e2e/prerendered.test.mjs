// The prerendered pages (scripts/prerender.mjs): what a reader gets before
// the app's WebAssembly has arrived, or in a browser where it never runs,
// and the app taking the page over without anything moving or focus being
// lost. To hold the app back, some tests delay the WebAssembly response in
// the browser: a test double for a slow network, which loopback is not.

import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startPortal, appTookOver, assertNoPageErrors, hold } from './harness.mjs';

const api = (path) => JSON.parse(readFileSync(new URL(`../../dist/api/v1/${path}`, import.meta.url), 'utf8'));

let portal;
before(async () => { portal = await startPortal(); });
after(async () => { await portal?.close(); });

/** A page whose app WebAssembly is held until `release()` is called. */
async function heldPage(options = {}) {
  const page = await portal.open(null, options);
  return { page, release: await hold(page, '**/*_bg.wasm') };
}

test('without JavaScript, pages are readable and their links lead on', async () => {
  const passport = api('ru/pages/passport.json');
  const context = await portal.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const response = await page.goto(`${portal.base}/ru/pages/passport`);
  assert.equal(response.status(), 200);
  assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
  assert.equal((await page.locator('main h1').textContent()).trim(), passport.title);
  assert.match(await page.title(), new RegExp(`^${passport.title}`));
  assert.ok(await page.getByText(passport.summary).isVisible(), 'the summary is on the page');
  // The controls that need the app are not offered.
  assert.equal(await page.locator('#display-toggle').isVisible(), false);
  assert.equal(await page.locator('.header-search input').isVisible(), false);
  // Through the breadcrumb to the topic, a full page load with the topic's own content.
  await page.locator('nav.breadcrumbs a', { hasText: passport.topic.name }).click();
  await page.waitForURL(`**/ru/topics/${passport.topic.slug}`);
  assert.equal((await page.locator('main h1').textContent()).trim(), passport.topic.name);
  // The language switch works too.
  await page.locator('nav.language-switch a[hreflang=en]').click();
  await page.waitForURL(`**/en/topics/${passport.topic.slug}`);
  assert.equal((await page.locator('main h1').textContent()).trim(), api(`en/topics/${passport.topic.slug}.json`).title);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await context.close();
});

test('the page is there before the app, which takes it over without moving anything or losing focus', async () => {
  const { page, release } = await heldPage();
  await page.addInitScript(() => {
    window.__shifts = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shifts += e.value; }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${portal.base}/en/pages/passport`, { app: false, waitUntil: 'domcontentloaded' });
  const passport = api('en/pages/passport.json');
  const h1 = page.locator('main h1');
  assert.equal((await h1.textContent()).trim(), passport.title, 'the page is shown while the app is still on its way');
  assert.equal(await page.locator('html[data-prerendered]').count(), 1);
  const before = { box: await h1.boundingBox(), text: await page.locator('main').innerText() };
  // A keyboard user has already moved into the page: skip link, then the portal's name.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement.outerHTML.replace(' data-prerendered=""', ''));
  assert.match(focused, /class="brand"/);

  release();
  await appTookOver(page);
  assert.equal(await page.locator('[data-prerendered]').count(), 0, 'no copy is left');
  assert.equal(await page.locator('main').count(), 1);
  assert.equal(await page.locator('h1').count(), 1);
  assert.deepEqual(await h1.boundingBox(), before.box, 'the heading has not moved');
  assert.equal(await page.locator('main').innerText(), before.text);
  assert.equal(await page.evaluate(() => document.activeElement.outerHTML), focused, 'focus stays on the same link');
  assert.equal(await page.evaluate(() => window.__shifts), 0, 'no layout shift');
  // The app runs the page now: the display settings open, which the prerendered copy cannot do.
  await page.getByRole('button', { name: 'Version for the visually impaired' }).click();
  assert.equal(await page.locator('#display-settings').isVisible(), true);
  assertNoPageErrors(page);
  await page.context().close();
});

test('a link followed while the app is still starting leads to its page, in the app', async () => {
  const page = await portal.open(null);
  // The topic's document is held back (a test double for a slow network), so
  // the app starts but cannot take the topic page over: it stays starting.
  await page.route('**/api/v1/en/topics/documents.json', () => {});
  // What the app's live region says, and whether the prerendered copy was
  // still the page shown then (a hidden live region is not read).
  await page.addInitScript(() => {
    window.announced = [];
    new MutationObserver(() => {
      const region = document.querySelector('#route-announcer:not([data-prerendered])');
      const text = region?.textContent.trim();
      if (text && window.announced.at(-1)?.text !== text) {
        window.announced.push({ text, hidden: document.documentElement.hasAttribute('data-prerendered') });
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto(`${portal.base}/en/topics/documents`, { app: false });
  // The app's own page is there beside the prerendered one, hidden, waiting for the topic.
  await page.locator('body > main:not([data-prerendered]) .loading').waitFor({ state: 'attached' });
  await page.locator('body > footer:not([data-prerendered])').waitFor({ state: 'attached' });
  assert.equal(await page.locator('html[data-prerendered]').count(), 1, 'the prerendered page is still the one shown');
  await page.evaluate(() => { window.stillTheSameDocument = true; });
  const link = page.locator('main[data-prerendered] a.card-link').first();
  const href = await link.getAttribute('href');
  const slug = href.split('/').pop();
  await link.click();
  await appTookOver(page);
  assert.equal(new URL(page.url()).pathname, href);
  const title = api(`en/pages/${slug}.json`).title;
  assert.equal((await page.locator('main h1').textContent()).trim(), title, 'the page followed is shown');
  assert.equal(await page.evaluate(() => window.stillTheSameDocument), true, 'the app moved to the page without a reload');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1', 'focus is on the new page heading');
  await page.waitForFunction((t) => window.announced.some((a) => a.text.includes(t)), title);
  assert.deepEqual(await page.evaluate(() => window.announced.filter((a) => a.hidden)), [], 'nothing is announced while the app\'s page is hidden');
  assert.equal(await page.locator('[data-prerendered]').count(), 0);
  assert.equal(await page.locator('main').count(), 1);
  assertNoPageErrors(page);
  await page.context().close();
});

test('a reader\'s display settings apply from the first paint, before the app starts', async () => {
  const { page, release } = await heldPage();
  // Settings remembered from an earlier visit, then the page opened again.
  await page.goto(`${portal.base}/kk/pages/passport`, { app: false, waitUntil: 'domcontentloaded' });
  await page.evaluate(() => {
    localStorage.setItem('portal.display', JSON.stringify({ scheme: 'white-on-black', font_size: 200, letter_spacing: 'wider', line_height: 'normal', images: 'hidden', screen_reader: false }));
  });
  await page.reload({ app: false, waitUntil: 'domcontentloaded' });
  const html = page.locator('html');
  assert.equal(await html.getAttribute('data-prerendered'), '', 'the app has not started');
  assert.equal(await html.getAttribute('data-scheme'), 'white-on-black');
  assert.equal(await html.getAttribute('data-font-size'), '200');
  assert.equal(await html.getAttribute('data-letter-spacing'), 'wider');
  assert.equal(await html.getAttribute('data-images'), 'hidden');
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), 'rgb(0, 0, 0)');
  // A value the styles do not know falls back to the default instead of breaking the page.
  await page.evaluate(() => localStorage.setItem('portal.display', '{"scheme":"neon","font_size":999}'));
  await page.reload({ app: false, waitUntil: 'domcontentloaded' });
  assert.equal(await html.getAttribute('data-scheme'), 'standard');
  assert.equal(await html.getAttribute('data-font-size'), '100');
  release();
  await appTookOver(page);
  assertNoPageErrors(page);
  await page.context().close();
});

test('each kind of prerendered page is the whole page the app shows at the takeover', async () => {
  const news = api('kk/news.json');
  const documents = api('kk/documents.json');
  const paths = [
    '/kk/', '/kk/topics/documents', '/kk/pages/passport', '/kk/agencies', `/kk/agencies/${api('kk/agencies.json').groups[0].agencies[0].slug}`,
    '/kk/regions', '/kk/news', `/kk/news/${news.latest[0].slug}`, '/kk/documents', `/kk/documents/${documents.latest[0].slug}`, '/kk/accessibility', '/kk/quality',
  ];
  const still = await portal.browser.newContext({ javaScriptEnabled: false });
  const staticPage = await still.newPage();
  const app = await portal.open(null);
  // The app builds its copy in steps (src/prerendered.rs): what the reader
  // sees is the app's page at the moment the prerendered one goes, so it is
  // recorded then, before any later step could fill a gap.
  // The elements that make up a page (as `top_level_elements` in src/prerendered.rs).
  const PAGE_ELEMENTS = 'body > :not(script, noscript, template)';
  await app.addInitScript((selector) => {
    new MutationObserver((records, observer) => {
      if (document.documentElement?.hasAttribute('data-prerendered') !== false) return;
      observer.disconnect();
      window.atTakeover = [...document.querySelectorAll(selector)].map((e) => e.outerHTML);
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-prerendered'] });
  }, PAGE_ELEMENTS);
  // The app makes the API's addresses absolute; the prerendered copy keeps them as paths on its host.
  const normal = (html, origin) => html.replaceAll(' data-prerendered=""', '').replaceAll('<!---->', '').replaceAll(origin, '');
  const prerendered = (page) => page.evaluate((selector) => [...document.querySelectorAll(selector)].map((e) => e.outerHTML), PAGE_ELEMENTS);
  for (const path of paths) {
    const response = await staticPage.goto(portal.base + path);
    assert.equal(response.status(), 200, path);
    assert.equal(await staticPage.locator('html[data-prerendered]').count(), 1, `${path} is prerendered`);
    await app.goto(portal.base + path);
    const shown = await app.evaluate(() => window.atTakeover);
    assert.ok(shown, `${path}: the app took over the prerendered page`);
    const expected = (await prerendered(staticPage)).map((html) => normal(html, portal.base));
    assert.deepEqual(shown.map((html) => normal(html, portal.base)), expected, `${path}: at the takeover the app shows the prerendered page, all of it`);
  }
  assertNoPageErrors(app);
  await still.close();
  await app.context().close();
});
