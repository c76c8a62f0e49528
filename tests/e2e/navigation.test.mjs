// What a citizen does first: arrives, is sent to their language, moves
// between pages without reloads, reloads deep links, switches language.

import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, heading, assertNoPageErrors } from './harness.mjs';

let portal;
before(async () => { portal = await startPortal(); });
after(async () => { await portal?.close(); });

test('the root address sends each visitor to their browser language, else Kazakh', async () => {
  for (const [locale, lang] of [['ru-RU', 'ru'], ['en-GB', 'en'], ['kk-KZ', 'kk'], ['de-DE', 'kk']]) {
    const page = await portal.open('/', { locale });
    await page.waitForURL(`${portal.base}/${lang}/`);
    assert.equal(await page.getAttribute('html', 'lang'), lang, locale);
    await heading(page);
    assertNoPageErrors(page);
    await page.context().close();
  }
});

test('the root address remembers the language chosen before', async () => {
  const page = await portal.open('/en/', { locale: 'ru-RU' });
  await heading(page);
  await page.goto(portal.base + '/');
  await page.waitForURL(`${portal.base}/en/`);
  assert.equal(await heading(page), 'Portal of state bodies of Kazakhstan');
  await page.context().close();
});

test('every language has its home page, title and html lang', async () => {
  const expected = {
    kk: 'Қазақстан Республикасы мемлекеттік органдарының порталы',
    ru: 'Портал государственных органов Республики Казахстан',
    en: 'Portal of state bodies of Kazakhstan',
  };
  for (const [lang, name] of Object.entries(expected)) {
    const page = await portal.open(`/${lang}/`);
    assert.equal(await heading(page), name);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.equal(await page.title(), name);
    // Topics, the directory and the regions are all linked from the home page.
    assert.ok(await page.locator(`main a[href="/${lang}/topics/documents"]`).count() >= 1);
    assert.ok(await page.locator(`main a[href="/${lang}/agencies"]`).count() >= 1);
    assert.ok(await page.locator(`main a[href="/${lang}/regions"]`).count() >= 1);
    assertNoPageErrors(page);
    await page.context().close();
  }
});

test('moving from home to a topic to a page happens without a reload, with focus and an announcement', async () => {
  const page = await portal.open('/en/');
  await heading(page);
  await page.evaluate(() => { window.sameDocument = true; });

  await page.locator('main a', { hasText: 'Identity documents' }).click();
  await page.waitForURL(`${portal.base}/en/topics/documents`);
  assert.equal(await heading(page), 'Identity documents');

  await page.locator('main a', { hasText: 'Get a passport for travel abroad' }).click();
  await page.waitForURL(`${portal.base}/en/pages/passport`);
  assert.equal(await heading(page), 'Get a passport for travel abroad');
  assert.equal(await page.evaluate(() => window.sameDocument), true, 'the page was reloaded');

  assert.equal(await page.title(), 'Get a passport for travel abroad — Portal of state bodies of Kazakhstan');
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
  await page.locator('#route-announcer', { hasText: 'Get a passport for travel abroad, page loaded' }).waitFor();
  assert.equal(await page.locator('[role=status][aria-live=polite]#route-announcer').count(), 1);
  assertNoPageErrors(page);
  await page.context().close();
});

test('a content page shows summary, body, responsible body, date, breadcrumbs and related links', async () => {
  const page = await portal.open('/ru/pages/passport');
  await heading(page);
  const main = page.locator('main');
  assert.ok((await main.locator('.lead').textContent()).length > 20);
  assert.ok(await main.locator('article h2').count() >= 2, 'body sections');
  const crumbs = page.locator('nav.breadcrumbs a');
  assert.deepEqual(await crumbs.allTextContents(), ['Главная', 'Документы, удостоверяющие личность']);
  assert.equal(await crumbs.nth(1).getAttribute('href'), '/ru/topics/documents');
  const body = main.locator('.page-meta a');
  assert.equal(await body.getAttribute('href'), '/ru/agencies/ministry-of-internal-affairs');
  assert.match(await main.locator('.page-meta time').textContent(), /^\d{1,2} [а-я]+ 2026 г\.$/);
  assert.ok(await main.locator('.related a').count() >= 1);
  await page.context().close();
});

test('a deep link opens the same page after a reload', async () => {
  const page = await portal.open('/kk/agencies/ministry-of-justice');
  const first = await heading(page);
  await page.reload();
  assert.equal(await heading(page), first);
  assert.equal(page.url(), `${portal.base}/kk/agencies/ministry-of-justice`);
  assert.equal(await page.getAttribute('html', 'lang'), 'kk');
  await page.context().close();
});

test('the language switch is a set of links that keep the page', async () => {
  const page = await portal.open('/kk/pages/passport');
  await heading(page);
  const links = page.locator('nav.language-switch a');
  assert.deepEqual(await links.allTextContents(), ['Қазақша', 'Русский', 'English']);
  for (const [i, code] of ['kk', 'ru', 'en'].entries()) {
    assert.equal(await links.nth(i).getAttribute('hreflang'), code);
    assert.equal(await links.nth(i).getAttribute('lang'), code);
    assert.equal(await links.nth(i).getAttribute('href'), `/${code}/pages/passport`);
  }
  assert.equal(await links.nth(0).getAttribute('aria-current'), 'true');

  await page.evaluate(() => { window.sameDocument = true; });
  await links.nth(2).click();
  await page.waitForURL(`${portal.base}/en/pages/passport`);
  assert.equal(await heading(page), 'Get a passport for travel abroad');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.title(), 'Get a passport for travel abroad — Portal of state bodies of Kazakhstan');
  assert.equal(await page.locator('.main-menu a').first().textContent(), 'Services and information');
  assert.equal(await page.evaluate(() => window.sameDocument), true);
  assertNoPageErrors(page);
  await page.context().close();
});

test('unknown addresses get a real not-found page in the current language', async () => {
  for (const [path, text] of [
    ['/ru/no/such/place', 'Страница не найдена'],
    ['/en/pages/no-such-page', 'Page not found'],
    ['/kk/agencies/no-such-body', 'Бет табылмады'],
  ]) {
    const page = await portal.open(path);
    assert.equal(await heading(page), text, path);
    assert.equal(await page.locator('[data-testid=not-found]').count(), 1);
    assertNoPageErrors(page);
    await page.context().close();
  }
  const page = await portal.open('/xx/pages/passport', { locale: 'en-US' });
  assert.equal(await heading(page), 'Page not found');
  await page.context().close();
});

test('the directory, a state body, the regions and a region are all reachable', async () => {
  const page = await portal.open('/en/');
  await heading(page);
  await page.locator('.main-menu a', { hasText: 'State bodies' }).click();
  assert.equal(await heading(page), 'State bodies');
  await page.locator('main a', { hasText: 'State Revenue Committee' }).first().click();
  assert.match(await heading(page), /State Revenue Committee/);
  assert.ok(await page.locator('main a[href="/en/agencies/ministry-of-finance"]').count() >= 1, 'parent body linked');
  await page.locator('.main-menu a', { hasText: 'Regions' }).click();
  assert.equal(await heading(page), 'Regions and cities');
  await page.locator('main a', { hasText: 'Astana' }).first().click();
  assert.equal(await heading(page), 'Astana');
  assert.equal(await page.locator('main a[href="/en/agencies/astana-akimat"]').count(), 1);
  assertNoPageErrors(page);
  await page.context().close();
});

test('pointing at a link fetches its page ahead, so it opens at once', async () => {
  const page = await portal.open('/en/topics/documents');
  await heading(page);
  const fetched = [];
  page.on('requestfinished', (r) => fetched.push(new URL(r.url()).pathname));
  await page.locator('main a', { hasText: 'Get a passport for travel abroad' }).hover();
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/api/v1/en/pages/passport.json')));
  // From now on the network would fail: the page still opens, from what was fetched ahead.
  await page.route('**/api/v1/en/pages/passport.json', (route) => route.abort('internetdisconnected'));
  await page.locator('main a', { hasText: 'Get a passport for travel abroad' }).click();
  assert.equal(await heading(page), 'Get a passport for travel abroad');
  assert.equal(fetched.filter((p) => p.endsWith('/pages/passport.json')).length, 1);
  assertNoPageErrors(page);
  await page.context().close();
});
