// The pages the build renders (crates/render): what a reader gets before
// the app's WebAssembly has arrived, or in a browser where it never runs,
// and the app hydrating the page in place: the same nodes, nothing moved,
// nothing the reader did lost. To hold the app back, some tests delay the
// WebAssembly response in the browser: a test double for a slow network,
// which loopback is not.

import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startPortal, appTookOver, assertNoPageErrors, hold, everyKindOfPage } from './harness.mjs';

const api = (path) => JSON.parse(readFileSync(new URL(`../../dist/api/v1/${path}`, import.meta.url), 'utf8'));

let portal;
before(async () => { portal = await startPortal(); });
after(async () => { await portal?.close(); });

/** A page whose app WebAssembly is held until `release()` is called. */
async function heldPage(options = {}) {
  const page = await portal.open(null, options);
  return { page, release: await hold(page, '**/*_bg.wasm') };
}

/** What the console said while the page ran, warnings and errors. */
function recordConsole(page) {
  const said = [];
  page.on('console', (message) => {
    if (['error', 'warning'].includes(message.type()) && !/Service Worker registration blocked/.test(message.text())) {
      said.push(`${message.type()}: ${message.text()}`);
    }
  });
  return said;
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

test('the app hydrates the page in place: the same nodes, nothing moved, focus kept, no request for its document', async () => {
  const { page, release } = await heldPage();
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
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
  // The served nodes, marked, to see that the app keeps them.
  await page.evaluate(() => { document.querySelector('main h1').servedNode = true; });
  // A keyboard user has already moved into the page: skip link, then the portal's name.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement.outerHTML);
  assert.match(focused, /class="brand"/);

  release();
  await appTookOver(page);
  assert.equal(await page.evaluate(() => document.querySelector('main h1').servedNode), true, 'the heading is the node the page came with');
  assert.equal(await page.locator('main').count(), 1);
  assert.equal(await page.locator('h1').count(), 1);
  assert.deepEqual(await h1.boundingBox(), before.box, 'the heading has not moved');
  assert.equal(await page.locator('main').innerText(), before.text);
  assert.equal(await page.evaluate(() => document.activeElement.outerHTML), focused, 'focus stays on the same link');
  assert.equal(await page.evaluate(() => window.__shifts), 0, 'no layout shift');
  assert.ok(!requested.includes('/api/v1/en/pages/passport.json'), 'the page carried its document');
  // The app runs the page now: the display settings open, which the page without the app cannot do.
  await page.getByRole('button', { name: 'Version for the visually impaired' }).click();
  assert.equal(await page.locator('#display-settings').isVisible(), true);
  assertNoPageErrors(page);
  await page.context().close();
});

test('a link followed before the app has started leads to its page, which the app then takes over', async () => {
  const { page, release } = await heldPage();
  await page.goto(`${portal.base}/en/topics/documents`, { app: false, waitUntil: 'domcontentloaded' });
  const link = page.locator('main a.card-link').first();
  const href = await link.getAttribute('href');
  await link.click();
  await page.waitForURL(`**${href}`);
  const title = api(`en/pages/${href.split('/').pop()}.json`).title;
  assert.equal((await page.locator('main h1').textContent()).trim(), title, 'the page followed is shown at once');
  release();
  await appTookOver(page);
  assert.equal((await page.locator('main h1').textContent()).trim(), title);
  assertNoPageErrors(page);
  await page.context().close();
});

test('words typed and the settings asked for before the app has started are not lost', async () => {
  const { page, release } = await heldPage();
  await page.goto(`${portal.base}/ru/pages/passport`, { app: false, waitUntil: 'domcontentloaded' });
  await page.locator('#display-toggle').click();
  await page.locator('#search-input').fill('паспорт');
  // Still before the app: the request is only noted, the settings are not open.
  assert.equal(await page.locator('html[data-prerendered][data-display-requested]').count(), 1);
  assert.equal(await page.locator('#display-settings').isVisible(), false);
  release();
  await appTookOver(page);
  assert.equal(await page.locator('#search-input').inputValue(), 'паспорт', 'the words are still in the field');
  // The app looks them up as if they had been typed now.
  await page.locator('#search-suggestions [role=option]').first().waitFor();
  assert.equal(await page.locator('#search-input').getAttribute('aria-expanded'), 'true');
  // The settings the reader asked for are open.
  assert.equal(await page.locator('#display-settings').isVisible(), true);
  assert.equal(await page.locator('#display-toggle').getAttribute('aria-expanded'), 'true');
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

for (const lang of ['kk', 'ru', 'en']) {
  test(`every kind of page in ${lang}: the DOM after hydration is the HTML served, with nothing in the console`, async () => {
    const paths = everyKindOfPage(lang);
    const page = await portal.open(null);
    const said = recordConsole(page);
    for (const path of paths) {
      const served = await (await fetch(portal.base + path)).text();
      assert.ok(served.includes('<html lang="' + lang + '" data-prerendered'), `${path} is rendered by the build`);
      await page.goto(portal.base + path);
      const [now, then] = await page.evaluate((html) => [
        document.body.innerHTML,
        new DOMParser().parseFromString(html, 'text/html').body.innerHTML,
      ], served);
      assert.equal(now, then, `${path}: after hydration the page is the HTML it came as`);
    }
    assert.deepEqual(said, [], 'no hydration warning or error in the console');
    assertNoPageErrors(page);
    await page.context().close();
  });
}
