// What the reader sees when the content API fails. The network cannot be
// made to fail on demand here, so these tests intercept the API requests in
// the browser (a test double for the network) and answer them badly. A page
// loaded from its address carries its document, so the pages under test
// are reached inside the app (openInApp), as a reader following a link.

import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, heading, assertNoPageErrors, hold, openInApp } from './harness.mjs';

let portal;
before(async () => { portal = await startPortal(); });
after(async () => { await portal?.close(); });

const PASSPORT = '**/api/v1/*/pages/passport.json';

test('a failed request shows a translated error with a retry that works', async () => {
  const page = await portal.open(null);
  await page.route(PASSPORT, (route) => route.abort('internetdisconnected'));
  await openInApp(page, portal.base, '/en/pages/passport');
  const panel = page.locator('[data-testid=error-panel]');
  await panel.waitFor();
  assert.equal(await heading(page), 'This page could not be loaded');
  assert.match(await panel.textContent(), /Check your internet connection/);
  await page.unroute(PASSPORT);
  await panel.getByRole('button', { name: 'Try again' }).click();
  assert.equal(await heading(page), 'Get a passport for travel abroad');
  assert.equal(await panel.count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus moves to the loaded page');
  assertNoPageErrors(page);
  await page.context().close();
});

test('malformed JSON shows the error in the page language, never a blank page or a panic', async () => {
  const page = await portal.open(null);
  await page.route(PASSPORT, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"status":"available","slug":' }));
  await openInApp(page, portal.base, '/ru/pages/passport');
  await page.locator('[data-testid=error-panel]').waitFor();
  assert.equal(await heading(page), 'Не удалось загрузить страницу');
  assert.match(await page.locator('[data-testid=error-panel]').textContent(), /повреждённым/);
  assert.equal(await page.getByRole('button', { name: 'Попробовать снова' }).count(), 1);
  // The frame still works: the reader can go elsewhere.
  await page.locator('.main-menu a', { hasText: 'Государственные органы' }).click();
  assert.equal(await heading(page), 'Государственные органы');
  assertNoPageErrors(page);
  await page.context().close();
});

test('a document of the wrong shape is an error, not a half-drawn page', async () => {
  const page = await portal.open(null);
  await page.route(PASSPORT, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"status":"available","slug":"passport","title":42}' }));
  await openInApp(page, portal.base, '/kk/pages/passport');
  await page.locator('[data-testid=error-panel]').waitFor();
  assert.equal(await heading(page), 'Бетті жүктеу мүмкін болмады');
  assert.equal(await page.getByRole('button', { name: 'Қайталау' }).count(), 1);
  assertNoPageErrors(page);
  await page.context().close();
});

test('a server error names its code', async () => {
  const page = await portal.open(null);
  await page.route(PASSPORT, (route) => route.fulfill({ status: 503, body: 'busy' }));
  await openInApp(page, portal.base, '/en/pages/passport');
  await page.locator('[data-testid=error-panel]').waitFor();
  assert.match(await page.locator('[data-testid=error-panel]').textContent(), /code 503/);
  await page.context().close();
});

test('a new page never shows the previous page while it loads', async () => {
  const page = await portal.open('/en/pages/identity-card');
  const first = await heading(page);
  const release = await hold(page, PASSPORT);
  await page.locator('main a[href="/en/pages/passport"]').first().click();
  await page.waitForURL(`${portal.base}/en/pages/passport`);
  await page.locator('main [role=status]', { hasText: 'Loading…' }).waitFor();
  assert.equal(await page.locator('main h1', { hasText: first }).count(), 0, 'the old page is still shown');
  release();
  assert.equal(await heading(page), 'Get a passport for travel abroad');
  await page.context().close();
});

test('a request that fails for a moment is retried before any error shows', async () => {
  const page = await portal.open(null);
  let calls = 0;
  await page.route(PASSPORT, (route) => {
    calls += 1;
    return calls <= 2 ? route.abort('connectionreset') : route.continue();
  });
  await openInApp(page, portal.base, '/en/pages/passport');
  assert.equal(await heading(page), 'Get a passport for travel abroad');
  assert.equal(calls, 3, 'two automatic retries');
  assert.equal(await page.locator('[data-testid=error-panel]').count(), 0);
  await page.context().close();
});

test('a malformed document is not retried: it would come back the same', async () => {
  const page = await portal.open(null);
  let calls = 0;
  await page.route(PASSPORT, (route) => { calls += 1; return route.fulfill({ status: 200, body: 'not json' }); });
  await openInApp(page, portal.base, '/en/pages/passport');
  await page.locator('[data-testid=error-panel]').waitFor();
  assert.equal(calls, 1);
  await page.context().close();
});

test('a document from a newer API version shows what this version knows and skips the rest', async () => {
  const page = await portal.open(null);
  await page.route(PASSPORT, async (route) => {
    const response = await route.fetch();
    const doc = await response.json();
    doc.audience = 'citizens'; // a field this app does not know
    doc.body.unshift({ type: 'video', src: 'intro.mp4' }); // a block type it does not know
    doc.body.push({ type: 'paragraph', text: [{ type: 'text', text: 'Known text after the unknown.' }, { type: 'sparkle' }] });
    await route.fulfill({ response, json: doc });
  });
  await openInApp(page, portal.base, '/en/pages/passport');
  assert.equal(await heading(page), 'Get a passport for travel abroad');
  await page.locator('main p', { hasText: 'Known text after the unknown.' }).waitFor();
  assert.equal(await page.locator('[data-testid=error-panel]').count(), 0);
  assertNoPageErrors(page);
  await page.context().close();
});

test('a page left while its document is on the way stops downloading it', async () => {
  const page = await portal.open(null);
  // The answer never comes (a test double for a very slow network).
  await page.route(PASSPORT, () => {});
  const stopped = page.waitForEvent('requestfailed', { predicate: (r) => r.url().endsWith('/en/pages/passport.json'), timeout: 10_000 });
  await openInApp(page, portal.base, '/en/pages/passport');
  await page.locator('main [role=status]', { hasText: 'Loading…' }).waitFor();
  // The reader moves on.
  await page.evaluate(() => {
    history.pushState(null, '', '/en/agencies');
    dispatchEvent(new PopStateEvent('popstate', { state: null }));
  });
  const request = await stopped;
  assert.match(request.failure().errorText, /ABORTED/i);
  assertNoPageErrors(page);
  await page.context().close();
});
