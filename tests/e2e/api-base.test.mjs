// The deploying team points the portal at another content API by editing
// one meta tag in index.html, without rebuilding.

import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, heading, assertNoPageErrors } from './harness.mjs';

let portal;
before(async () => { portal = await startPortal(); });
after(async () => { await portal?.close(); });

test('the app fetches content from the base URL in <meta name="portal-api-base">', async () => {
  const page = await portal.open(null);
  // index.html as a deployer would edit it: the API now lives under /moved/content/.
  await page.route((url) => !url.pathname.includes('.'), async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('content="api/v1/"', 'content="/moved/content/"');
    assert.ok(html.includes('content="/moved/content/"'), 'index.html carries the meta tag');
    await route.fulfill({ response, body: html });
  });
  // The other API: here the same documents, answered from their usual place.
  await page.route('**/moved/content/**', async (route) => {
    const url = new URL(route.request().url());
    const response = await route.fetch({ url: portal.base + url.pathname.replace('/moved/content/', '/api/v1/') });
    await route.fulfill({ response });
  });
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));

  // The page comes with its document; the next one is asked of the other API.
  await page.goto(portal.base + '/en/pages/identity-card');
  await page.locator('main a[href="/en/pages/passport"]').first().click();
  assert.equal(await heading(page), 'Get a passport for travel abroad');
  await page.locator('main p.lead').waitFor();
  assert.ok(requested.includes('/moved/content/en/pages/passport.json'), requested.join(' '));
  assert.ok(!requested.some((p) => p.startsWith('/api/')), `requests still went to /api/: ${requested.join(' ')}`);
  assertNoPageErrors(page);
  await page.context().close();
});
