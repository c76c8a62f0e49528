// The portal deployed under a sub-path (https://example.kz/portal/): built
// with `trunk build --public-url /portal/` (make dist-subpath) and served by
// nginx with the sub-path changes docs/deploy.md gives.

import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, heading, assertNoPageErrors } from './harness.mjs';

let portal;
before(async () => { portal = await startPortal({ root: 'target/subpath-root', subpath: 'portal' }); });
after(async () => { await portal?.close(); });

test('under /portal/ every link, document and the service worker stay under /portal/', async () => {
  const page = await portal.open('/portal/', { locale: 'ru-RU', serviceWorkers: 'allow' });
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.waitForURL(`${portal.base}/portal/ru/`);
  assert.equal(await heading(page), 'Портал государственных органов Республики Казахстан');
  await page.locator('main a', { hasText: 'Документы, удостоверяющие личность' }).click();
  await page.waitForURL(`${portal.base}/portal/ru/topics/documents`);
  await heading(page);
  assert.equal(await page.locator('nav.language-switch a[hreflang=en]').getAttribute('href'), '/portal/en/topics/documents');
  assert.equal(await page.locator('.brand').getAttribute('href'), '/portal/ru/');
  await page.locator('nav.language-switch a[hreflang=en]').click();
  assert.equal(await heading(page), 'Identity documents');
  assert.ok(requested.includes('/portal/api/v1/en/topics/documents.json'), requested.join(' '));
  assert.ok(requested.every((p) => p.startsWith('/portal/')), `requests outside /portal/: ${requested.filter((p) => !p.startsWith('/portal/'))}`);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, `${portal.base}/portal/`);
  // A deep link reloads into the same page.
  await page.goto(portal.base + '/portal/kk/pages/passport');
  assert.match(await heading(page), /паспорт/i);
  assert.equal((await fetch(portal.base + '/portal/api/v1/kk/pages/nope.json')).status, 404);
  assertNoPageErrors(page);
  await page.context().close();
});
