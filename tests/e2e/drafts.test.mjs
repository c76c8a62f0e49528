// Draft acts for public discussion as a reader finds them: the list with
// its status filter, a draft's page, the archive by year, the footer's
// link. The bundled drafts are real and all ended (their discussions ran
// in 2023-2025), so for the statuses a reader meets today (open, not yet
// open) and for a draft with files the first two tests give the API
// documents drafts: a test double for what the bodies' editors would
// publish, served by the browser's request routing. The pages, their
// navigation and their accessibility are the real build.

import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, openInApp, heading, assertNoPageErrors, apiDocument, axeAudit } from './harness.mjs';

let portal;
before(async () => { portal = await startPortal(); });
after(async () => { await portal?.close(); });

const agency = { slug: 'ministry-of-finance', name: 'Ministry of Finance of the Republic of Kazakhstan' };
const card = (slug, discussion, opens, closes) => ({ slug, title: `Draft ${slug}`, agency, doc_type: 'order', opens, closes, discussion });
const drafts = [
  card('fees-order', 'open', '2026-11-20', '2026-12-10'),
  card('queue-rules', 'upcoming', '2026-12-15', '2026-12-30'),
  card('old-rules', 'closed', '2026-10-01', '2026-10-15'),
  card('decree-draft', 'adopted', '2026-03-01', '2026-03-15'),
];

async function withDrafts(page) {
  await page.route('**/api/v1/en/drafts.json', (route) => route.fulfill({ json: { generated: '2026-12-04', drafts } }));
}

test('the list of draft acts shows each status under its heading, and its filter shows one', async () => {
  const page = await portal.open(null);
  await withDrafts(page);
  await openInApp(page, portal.base, '/en/drafts');
  assert.equal(await heading(page), 'Draft acts for public discussion');
  assert.match(await page.locator('main').textContent(), /Status as of 4 December 2026/);
  const filter = page.getByRole('navigation', { name: 'Discussion status' });
  assert.deepEqual(
    await filter.getByRole('link').allTextContents(),
    ['All (4)', 'Open for comments (1)', 'Not yet open (1)', 'Discussion closed (1)', 'Adopted (1)'],
  );
  assert.deepEqual(
    await page.locator('main h2:not(#page-feedback-heading, #drafts-archive-heading)').allTextContents(),
    ['Open for comments (1)', 'Not yet open (1)', 'Discussion closed (1)', 'Adopted (1)'],
  );
  const open = page.getByRole('region', { name: 'Open for comments (1)' });
  assert.match(await open.textContent(), /Draft fees-order.*Discussion: 20 November 2026 to 10 December 2026.*Ministry of Finance/s);

  await filter.getByRole('link', { name: 'Open for comments (1)' }).click();
  await page.waitForURL(/\/en\/drafts\?status=open$/);
  await page.waitForFunction(() => document.querySelectorAll('main h2:not(#page-feedback-heading, #drafts-archive-heading)').length === 1);
  assert.deepEqual(await page.locator('main h2:not(#page-feedback-heading, #drafts-archive-heading)').allTextContents(), ['Open for comments (1)']);
  assert.equal(await filter.getByRole('link', { name: 'Open for comments (1)' }).getAttribute('aria-current'), 'page');
  const axe = await axeAudit(page);
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), []);
  // All of them again.
  await filter.getByRole('link', { name: 'All (4)' }).click();
  await page.waitForFunction(() => document.querySelectorAll('main h2:not(#page-feedback-heading, #drafts-archive-heading)').length === 4);
  assertNoPageErrors(page);
  await page.context().close();
});

test('a draft act shows its status, its discussion, where to comment and its files', async () => {
  const register = apiDocument('en/documents.json');
  const draft = {
    status: 'available', slug: 'fees-order', title: 'On the fees of public service centres', summary: 'Changes the fees.',
    body: [{ type: 'paragraph', text: [{ type: 'text', text: 'The draft changes the fees.' }] }],
    agency, doc_type: 'order', opens: '2026-11-20', closes: '2026-12-10', discussion: 'open', generated: '2026-12-04',
    comments_url: 'https://legalacts.example/fees-order',
    files: [
      { role: 'draft', file: { lang: 'ru', href: 'files/drafts/fees-order/draft-ru.pdf', format: 'pdf', bytes: 2048, sha256: 'ab'.repeat(32) } },
      { role: 'explanatory-note', file: { lang: 'kk', href: 'files/drafts/fees-order/note-kk.docx', format: 'docx', bytes: 1024, sha256: 'cd'.repeat(32) } },
    ],
    adopted: register.latest[0],
    source: { url: 'https://legalacts.example/drafts', checked: '2026-12-01' },
    languages: ['kk', 'ru', 'en'], posted: '2026-11-20', updated: null,
  };
  const page = await portal.open(null);
  await page.route('**/api/v1/en/drafts/fees-order.json', (route) => route.fulfill({ json: draft }));
  await openInApp(page, portal.base, '/en/drafts/fees-order');
  assert.equal(await heading(page), draft.title);
  const glance = await page.locator('.at-a-glance').textContent();
  assert.match(glance, /Status\s*Open for comments.*Status as of 4 December 2026/s);
  assert.match(glance, /Discussion period\s*Discussion: 20 November 2026 to 10 December 2026/);
  assert.match(glance, /Responsible state body\s*Ministry of Finance/);
  const comment = page.getByRole('link', { name: /Send your comments/ });
  assert.equal(await comment.getAttribute('href'), draft.comments_url);
  const files = await page.locator('ul.files > li > a').allTextContents();
  assert.deepEqual(files.map((f) => f.trim()), ['Draft: Russian version (PDF, 2 KB)', 'Explanatory note: Kazakh version (DOCX, 1 KB)']);
  assert.equal(await page.getByRole('link', { name: register.latest[0].title }).first().getAttribute('href'), `/en/documents/${register.latest[0].slug}`);
  const axe = await axeAudit(page);
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), []);
  assertNoPageErrors(page);
  await page.context().close();
});

test('the list is in every footer, and says so when a status has no draft', async () => {
  const page = await portal.open('/ru/');
  await heading(page);
  await page.locator('.site-footer a', { hasText: 'Проекты нормативных правовых актов на обсуждении' }).click();
  assert.equal(await heading(page), 'Проекты нормативных правовых актов на обсуждении');
  const listed = apiDocument('ru/drafts.json').drafts.length;
  assert.equal(await page.locator('.status-filter a').first().textContent(), `Все (${listed})`);
  assertNoPageErrors(page);
  await page.context().close();
});

test('every draft is in the archive by the year its discussion opened, reached from the list', async () => {
  const list = apiDocument('en/drafts.json');
  assert.ok(list.years.length >= 2, 'the bundled drafts span several years');
  const page = await portal.open('/en/drafts');
  assertNoPageErrors(page);
  await heading(page);
  const archive = page.getByRole('region', { name: 'Archive by year' });
  assert.deepEqual(await archive.getByRole('link').allTextContents(), list.years.map((y) => `${y.period} (${y.count})`));
  const year = list.years[list.years.length - 1];
  await archive.getByRole('link', { name: `${year.period} (${year.count})` }).click();
  assert.equal(await heading(page), `Draft acts: ${year.period}`);
  const expected = apiDocument(`en/drafts/archive/${year.period}.json`).drafts;
  assert.equal(expected.length, year.count);
  assert.deepEqual(await page.locator('main .publication-list .card-link').allTextContents(), expected.map((d) => d.title));
  // Each card says its dates (only the deadline where that is all its source gave) and status.
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const day = (d) => `${Number(d.slice(8))} ${months[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;
  const dates = expected.map((d) => (d.opens ? `Discussion: ${day(d.opens)} to ${day(d.closes)}` : `Discussion: until ${day(d.closes)}`));
  const metas = await page.locator('main .publication-list .card-meta').allTextContents();
  const label = { open: 'Open for comments', upcoming: 'Not yet open', closed: 'Discussion closed', adopted: 'Adopted' };
  metas.forEach((meta, i) => assert.ok(meta.endsWith(` · ${dates[i]} · ${label[expected[i].discussion]}`), `${meta}: ${dates[i]}`));
  // The breadcrumb leads back to the list.
  await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: 'Draft acts for public discussion' }).click();
  assert.equal(await heading(page), 'Draft acts for public discussion');
  // A year's page as the build rendered it, in Kazakh.
  const served = await portal.open(`/kk/drafts/archive/${year.period}`);
  assertNoPageErrors(served);
  assert.equal(await heading(served), `Актілердің жобалары: ${year.period}`);
  const axe = await axeAudit(served);
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), []);
  await page.context().close();
  await served.context().close();
});
