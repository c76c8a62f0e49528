// A state body's profile as a reader finds it: leadership, structure,
// contacts and reception of citizens, and the acts that set its powers.
// The bundled content has no sourced leadership or reception yet (the
// quality report shows that gap), so the body's API document is given a
// profile here: a test double for what a body's editors would publish,
// served by the browser's request routing. Everything else is the real
// build: the page, its navigation and its accessibility.

import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startPortal, openInApp, heading, assertNoPageErrors, axeAudit } from './harness.mjs';

const api = (path) => JSON.parse(readFileSync(new URL(`../../dist/api/v1/${path}`, import.meta.url), 'utf8'));

let portal;
before(async () => { portal = await startPortal(); });
after(async () => { await portal?.close(); });

const source = { url: 'https://ministry.example/leadership', checked: '2026-11-20' };

/** The real document of a ministry with committees, given a profile. */
function withProfile(lang, slug) {
  const item = api(`${lang}/agencies/${slug}.json`);
  const register = api(`${lang}/documents.json`);
  Object.assign(item, {
    leaders: [
      { role: 'head', name: 'Test Head', position: 'Minister', areas: 'General leadership', career: null, appointed: '2024-02-06', source },
      { role: 'deputy', name: 'Test Deputy', position: 'Vice Minister', areas: null, career: null, appointed: null, source },
    ],
    departments: [{ name: 'Budget Department', tasks: 'Plans the budget.', source }],
    reception: { schedule: 'The minister: the first Tuesday of the month', sign_up: 'Through e-Otinish', source },
    regulation: [register.latest[0]],
    // A body with more ended drafts than its page lists: the rest are counted.
    drafts: api(`${lang}/drafts.json`).drafts.slice(0, 2),
    drafts_archived: 7,
  });
  Object.assign(item.contacts, { address: '8 Mangilik El Avenue, Astana', hours: 'Monday to Friday, 9:00 to 18:30', press_phone: '+7 7172 00 00 01' });
  return { item, document: register.latest[0] };
}

test('a body shows its leadership, structure, contacts, reception and regulation', async () => {
  const slug = 'ministry-of-finance';
  const { item, document } = withProfile('en', slug);
  const page = await portal.open(null);
  assertNoPageErrors(page);
  await page.route(`**/api/v1/en/agencies/${slug}.json`, (route) => route.fulfill({ json: item }));
  await openInApp(page, portal.base, `/en/agencies/${slug}`);
  assert.equal(await heading(page), item.name);

  const leadership = page.getByRole('region', { name: 'Leadership' });
  assert.deepEqual(await leadership.getByRole('heading', { level: 3 }).allTextContents(), ['Test Head', 'Test Deputy']);
  assert.match(await leadership.locator('.leader').first().textContent(), /Minister.*Oversees.*General leadership.*Appointed.*6 February 2024/s);

  const structure = page.getByRole('region', { name: 'Structure' });
  assert.match(await structure.textContent(), /Departments.*Budget Department.*Plans the budget\./s);
  // The committees under the ministry, each a link to its page.
  const committees = await structure.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(committees.length > 0 && committees.every((h) => h.startsWith('/en/agencies/')), committees.join());

  const contacts = page.getByRole('region', { name: 'Contacts' });
  assert.match(await contacts.textContent(), /Working hours.*Monday to Friday/s);
  assert.equal(await contacts.getByRole('link', { name: '+7 7172 00 00 01' }).getAttribute('href'), 'tel:+77172000001');
  // The address opens in the reader's map service; the page loads no map.
  const osm = await contacts.getByRole('link', { name: /OpenStreetMap/ }).getAttribute('href');
  assert.equal(osm, 'https://www.openstreetmap.org/search?query=8%20Mangilik%20El%20Avenue%2C%20Astana');
  assert.equal(await page.locator('main iframe, main canvas').count(), 0);
  assert.equal(await contacts.getByRole('heading', { name: 'Reception of citizens', level: 3 }).count(), 1);
  assert.match(await contacts.textContent(), /first Tuesday of the month.*How to sign up.*Through e-Otinish/s);

  const regulation = page.getByRole('region', { name: "Acts that set the body's powers" });
  assert.equal(await regulation.getByRole('link').first().textContent(), document.title);

  const lawMaking = page.getByRole('region', { name: 'Law-making: draft acts' });
  assert.equal(await lawMaking.locator('li.card').count(), item.drafts.length);
  const audit = await axeAudit(page);
  assert.deepEqual(audit.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);

  // The drafts the page does not list are a link away, in the archive by year.
  await lawMaking.getByRole('link', { name: 'Earlier draft acts of this body are in the archive by year' }).click();
  await page.waitForURL(/\/en\/drafts#drafts-archive-heading$/);
  assert.equal(await heading(page), 'Draft acts for public discussion');
  // Focus lands on the section the link names, as it would without scripts, and the page is announced.
  await page.waitForFunction(() => document.activeElement?.id === 'drafts-archive-heading');
  assert.equal(await page.getByRole('heading', { name: 'Archive by year', level: 2 }).isVisible(), true);
  await page.locator('#route-announcer', { hasText: 'Draft acts for public discussion' }).waitFor();
  await page.context().close();
});

test('the quality report names each body that lacks what the law requires it to publish', async () => {
  const report = api('ru/quality.json');
  const gaps = report.problems.filter((p) => p.kind === 'mandatory-information');
  assert.ok(gaps.length > 0);
  const page = await portal.open('/ru/quality');
  await heading(page);
  const column = page.getByRole('columnheader', { name: 'Нет разделов, обязательных по закону' });
  assert.equal(await column.count(), 1);
  // Each gap is listed under its body, the sections named as the body's page names them.
  const first = gaps.find((g) => g.detail.startsWith('leadership'));
  const item = page.locator('main .problem-list li', { has: page.locator(`a[href="/ru${first.path}"]`) })
    .filter({ hasText: 'Нет разделов, обязательных по закону' });
  assert.match(await item.textContent(), /обязательных по закону: Руководство, /);
  assert.match(await item.textContent(), new RegExp(first.file.replace(/[.]/g, '[.]')));
  await page.context().close();
});

test("an appointment is found from its body's page and with the news page's Type filter", async () => {
  const slug = 'ministry-of-defence';
  const news = api('en/news.json');
  const all = news.months.flatMap((m) => api(`en/news/archive/${m.period}.json`).items);
  const appointments = all.filter((n) => n.category === 'appointment');
  const ofBody = appointments.filter((n) => n.agency.slug === slug);
  assert.ok(ofBody.length >= 2 && appointments.length >= 10, `${ofBody.length} of the body, ${appointments.length} in all`);
  const body = api(`en/agencies/${slug}.json`);
  const page = await portal.open(`/en/agencies/${slug}`);
  assertNoPageErrors(page);
  assert.equal(await heading(page), body.name);
  await page.getByRole('link', { name: "This body's appointments and dismissals" }).click();
  await page.waitForURL((u) => u.pathname === '/en/news' && u.searchParams.get('category') === 'appointment');
  await page.locator('.search-count').waitFor();
  assert.deepEqual(await page.locator('.search-hit-title').allTextContents(), ofBody.map((n) => n.title), 'its appointments, newest first');
  // The filter form shows the choice; taking the body away lists every body's appointments.
  assert.equal(await page.getByLabel('Type').inputValue(), 'appointment');
  await page.getByLabel('State body').selectOption('');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.waitForURL((u) => u.searchParams.get('category') === 'appointment' && !u.searchParams.has('body'));
  await page.locator('.search-count').waitFor();
  await page.waitForFunction((n) => document.querySelectorAll('.search-hit').length === n, appointments.length);
  // An item says what it is, and keeps where its facts were read for editors, not readers.
  const first = ofBody[0];
  await page.getByRole('link', { name: first.title }).click();
  assert.equal(await heading(page), first.title);
  assert.match(await page.locator('main .page-meta').textContent(), /Type\s*Appointments and dismissals/);
  const item = api(`en/news/${first.slug}.json`);
  assert.match(item.source.url, /^https:\/\//);
  assert.equal(await page.locator(`main a[href="${item.source.url}"]`).count(), 0);
  await page.context().close();
});
