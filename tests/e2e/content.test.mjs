// What the real content gives a reader and an editor: the directory of
// every state body with its filter, a service's cost and timing, the page
// that says an item is not in this language, and the quality report.

import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startPortal, heading, assertNoPageErrors } from './harness.mjs';

let portal;
let variant;
before(async () => {
  portal = await startPortal();
  // The bundled content with temporary-registration/en.md removed (make e2e-variant).
  variant = await startPortal({ root: 'target/e2e-variant' });
});
after(async () => {
  await portal?.close();
  await variant?.close();
});

test('the directory lists every kind of state body, grouped and labelled', async () => {
  const page = await portal.open('/en/agencies');
  await heading(page);
  const groups = await page.locator('#directory-groups .card-group h2').allTextContents();
  assert.deepEqual(groups, [
    'Ministries',
    'Central agencies',
    'Committees',
    'State corporations',
    'Akimats of regions and cities of republican significance',
    'District and city akimats',
    // Merged, renamed, split or abolished: after every current body.
    'Former state bodies',
  ]);
  const count = (group) => page.locator('#directory-groups .card-group', { has: page.locator('h2', { hasText: group }) }).locator('li.card').count();
  assert.ok((await count('Ministries')) >= 20, 'every ministry');
  assert.equal(await count('Akimats of regions and cities of republican significance'), 20, '17 regions and 3 cities');
  assert.ok((await count('District and city akimats')) >= 18, 'the districts of Astana, Almaty and Shymkent at least');
  assertNoPageErrors(page);
  await page.context().close();
});

test('the directory filter finds a body by part of its name, with Kazakh letters typed plainly, and says how many', async () => {
  const page = await portal.open('/kk/agencies');
  await heading(page);
  const shown = page.locator('#directory-groups .card-group li.card:visible');
  const all = await shown.count();
  const filter = page.getByLabel('Мемлекеттік органды атауы бойынша табу');
  // "әділет" typed without the Kazakh letters.
  await filter.fill('адилет');
  await page.waitForFunction(() => document.querySelectorAll('#directory-groups .card-group li.card:not([hidden])').length < 10);
  const names = await shown.locator('.card-link').allTextContents();
  assert.ok(names.some((n) => n.includes('Әділет министрлігі')), names.join(' | '));
  assert.ok(names.length < all);
  assert.equal(await page.locator('.filter-count').textContent(), `Көрсетілді: ${all} ішінен ${names.length}`);
  assert.equal(await page.locator('.filter-count').getAttribute('role'), 'status');
  // Groups with no match are hidden, not left as empty headings.
  for (const group of await page.locator('#directory-groups .card-group:visible').all()) {
    assert.ok((await group.locator('li.card:visible').count()) > 0);
  }
  await filter.fill('жоқ-мұндай-орган');
  await page.waitForFunction(() => document.querySelectorAll('#directory-groups .card-group li.card:not([hidden])').length === 0);
  assert.match(await page.locator('.filter-count').textContent(), /Бұл тізімнен ештеңе табылмады/);
  await filter.fill('');
  await page.waitForFunction((n) => document.querySelectorAll('#directory-groups .card-group li.card:not([hidden])').length === n, all);
  assertNoPageErrors(page);
  await page.context().close();
});

test('a state body page shows its parent, its subordinate bodies and its pages', async () => {
  const page = await portal.open('/ru/agencies/ministry-of-finance');
  await heading(page);
  const links = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(links.includes('/ru/agencies/state-revenue-committee'), 'the committee under it');
  const committee = await portal.open('/ru/agencies/state-revenue-committee');
  await heading(committee);
  assert.equal(await committee.locator('main a[href="/ru/agencies/ministry-of-finance"]').count() >= 1, true, 'its parent');
  assert.ok(await committee.locator('main a[href^="/ru/pages/"]').count() >= 2, 'the pages it owns');
  await page.context().close();
  await committee.context().close();
});

test('a service page gives its cost and timing before the text', async () => {
  const page = await portal.open('/en/pages/traffic-fines');
  await heading(page);
  const glance = page.locator('.at-a-glance');
  assert.equal(await glance.locator('dt').first().textContent(), 'Cost');
  const order = await page.evaluate(() => {
    const g = document.querySelector('.at-a-glance');
    const h2 = document.querySelector('main h2');
    return g.compareDocumentPosition(h2) & Node.DOCUMENT_POSITION_FOLLOWING;
  });
  assert.ok(order, 'cost and timing come before the first section');
  await page.context().close();
});

test('a page missing in the chosen language says so and links to its languages', async () => {
  const page = await variant.open('/en/pages/temporary-registration');
  assert.equal(await heading(page), 'This page is not available in English');
  const versions = page.locator('[data-testid=unavailable] li a');
  assert.equal(await versions.count(), 2);
  assert.equal(await versions.nth(0).getAttribute('href'), '/kk/pages/temporary-registration');
  assert.equal(await versions.nth(0).getAttribute('hreflang'), 'kk');
  assert.equal(await versions.nth(1).getAttribute('lang'), 'ru');
  await versions.nth(1).click();
  await page.waitForURL(`${variant.base}/ru/pages/temporary-registration`);
  assert.match(await heading(page), /регистрац/i);
  await page.context().close();
});

test('the quality report shows totals, a chart with the same figures as its table, and problems linked to their pages', async () => {
  const page = await variant.open('/en/quality');
  assert.equal(await heading(page), 'Content quality report');
  const total = async (label) => Number((await page.locator('.quality-totals li', { hasText: label }).locator('.quality-figure').textContent()).trim());
  // The variant misses one English text more than the bundled content: the report counts it.
  const bundled = JSON.parse(readFileSync(new URL('../../dist/api/v1/en/quality.json', import.meta.url), 'utf8'));
  const kinds = bundled.totals.map((t) => t.kind);
  for (const kind of ['dead-link', 'missing-translation', 'no-recent-news', 'mandatory-information', 'late']) assert.ok(kinds.includes(kind), `the report counts ${kind}`);
  assert.equal(await page.locator('.quality-totals li').count(), kinds.length, 'every kind of problem, news and documents included');
  const bundledTotal = (kind) => bundled.totals.find((t) => t.kind === kind).count;
  // The page, and each life situation it is a step of: a journey is only as current as its pages.
  const api = (path) => JSON.parse(readFileSync(new URL(`../../dist/api/v1/${path}`, import.meta.url), 'utf8'));
  const journeys = api('ru/life.json').journeys.filter((j) =>
    api(`ru/life/${j.slug}.json`).steps.some((s) => s.pages.some((p) => p.slug === 'temporary-registration')));
  assert.equal(await total('Missing translations'), bundledTotal('missing-translation') + 1 + journeys.length);
  assert.equal(await total('No news in the last 30 days'), bundledTotal('no-recent-news'));
  assert.equal(await total('Dead links'), 0, 'a dead link stops the build, so a published report has none');
  assert.equal(await total('More than three clicks from the home page'), 0);

  // One bar per body with problems; its figure is the row total in the table.
  const bars = await page.locator('.bar-row').evaluateAll((rows) => rows.map((r) => [r.querySelector('.bar-label').textContent, r.querySelector('.bar-value').textContent]));
  const rows = await page.locator('.quality-table tbody tr').evaluateAll((rows) => rows.map((r) => [r.querySelector('th').textContent, r.querySelector('td:last-child').textContent]));
  assert.ok(bars.length > 0);
  assert.deepEqual(bars, rows);
  assert.equal(await page.locator('.quality-chart svg[aria-hidden=true]').count(), bars.length, 'bars are drawn in SVG and hidden from screen readers');
  assert.equal(await page.locator('.quality-table th[scope=col]').count(), kinds.length + 3, 'body, items, every kind and the total');

  // The untranslated page is listed under its body and links to the page.
  const problem = page.locator('.problem-list li', { hasText: 'Missing translations' })
    .filter({ has: page.locator('a[href$="/pages/temporary-registration"]') });
  assert.equal(await problem.count(), 1);
  // And the life situation it is a step of, linked to the journey.
  const journey = page.locator('.problem-list li', { hasText: 'Missing translations' }).filter({ hasText: '/pages/temporary-registration: en' });
  assert.equal(await journey.locator(`a[href$="/life/${journeys[0].slug}"]`).count(), 1);
  assert.match(await problem.textContent(), /: en/);
  assert.match(await problem.textContent(), /pages\/temporary-registration/);
  await problem.locator('a').first().click();
  assert.equal(await heading(page), 'This page is not available in English');
  assertNoPageErrors(page);
  await page.context().close();
});

test('the quality report is linked from every page footer and speaks each language', async () => {
  for (const [lang, title] of [['kk', 'Мазмұн сапасы туралы есеп'], ['ru', 'Отчёт о качестве содержания']]) {
    const page = await portal.open(`/${lang}/pages/passport`);
    await heading(page);
    await page.locator('.site-footer a', { hasText: title }).click();
    assert.equal(await heading(page), title);
    assert.ok(await page.locator('.problem-list li').count() > 0);
    await page.context().close();
  }
});
