// News and official documents as a reader finds them: the news page with
// its filters and month archive, a news item with its image, the register
// of documents by type, a document's requisites and a download that is the
// file the API describes, a document missing in English, and each body's
// Atom feed. Examples are taken from the compiled API in dist/, so the test
// follows the content; what it checks is what the browser shows.

import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { startPortal, heading, assertNoPageErrors } from './harness.mjs';

const api = (path) => JSON.parse(readFileSync(new URL(`../../dist/api/v1/${path}`, import.meta.url), 'utf8'));

let portal;
before(async () => { portal = await startPortal(); });
after(async () => { await portal?.close(); });

/** Texts of the list items' meta lines (date · body · region, or type, number, status). */
const metas = (page, scope = 'main') => page.locator(`${scope} .publication-list .card-meta`).allTextContents();

test('the news page lists the latest news and filters them by body, region and month', async () => {
  const news = api('en/news.json');
  const page = await portal.open('/en/news');
  assert.equal(await heading(page), 'News from state bodies');
  const titles = await page.locator('main .publication-list .card-link').allTextContents();
  assert.deepEqual(titles, news.latest.map((n) => n.title), 'the latest items, newest first');
  // Filter by a body with more than one item; the list comes from the search index.
  const counts = new Map();
  for (const m of news.months) for (const n of api(`en/news/archive/${m.period}.json`).items) counts.set(n.agency.name, (counts.get(n.agency.name) ?? 0) + 1);
  const [body, expected] = [...counts].sort((a, b) => b[1] - a[1])[0];
  await page.getByLabel('State body').selectOption(body);
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.waitForURL((u) => u.searchParams.get('body') === body);
  await page.locator('.search-count').waitFor();
  const hits = page.locator('.search-hit');
  assert.equal(await hits.count(), expected, `every item of ${body}`);
  const bodies = await page.locator('.search-hit-meta dd').allTextContents();
  assert.ok(bodies.filter((t) => t === body).length === expected, bodies.join(' | '));
  assert.match(await page.locator('.search-count').textContent(), new RegExp(`${expected}`));
  // A region and a month narrow it further; the choices are only those with news.
  const month = news.months[0];
  await page.getByLabel('State body').selectOption('');
  await page.getByLabel('Month').selectOption(month.period);
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.waitForURL((u) => u.searchParams.get('period') === month.period && !u.searchParams.has('body'));
  await page.locator('.search-count').waitFor();
  assert.equal(await page.locator('.search-hit').count(), month.count);
  // Clearing the filters brings back the latest news.
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await page.waitForURL((u) => u.search === '');
  await page.locator('main .publication-list').waitFor();
  assertNoPageErrors(page);
  await page.context().close();
});

test('the news archive reaches every month, and a month lists its items', async () => {
  const news = api('kk/news.json');
  const page = await portal.open('/kk/news');
  await heading(page);
  const months = await page.locator('.archive-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(months, news.months.map((m) => `/kk/news/archive/${m.period}`));
  const oldest = news.months.at(-1);
  await page.locator(`.archive-list a[href="/kk/news/archive/${oldest.period}"]`).click();
  await page.waitForURL(`**/kk/news/archive/${oldest.period}`);
  assert.match(await heading(page), /^Жаңалықтар: \d{4} жылғы /);
  assert.equal(await page.locator('main .publication-list li').count(), oldest.count);
  assertNoPageErrors(page);
  await page.context().close();
});

test('a news item shows its date, body and region, and its image with a text alternative', async () => {
  const months = api('ru/news.json').months;
  const items = months.flatMap((m) => api(`ru/news/archive/${m.period}.json`).items);
  const withImage = items.map((n) => api(`ru/news/${n.slug}.json`)).find((n) => n.body.some((b) => b.type === 'image'));
  assert.ok(withImage, 'some news item has an image');
  const image = withImage.body.find((b) => b.type === 'image');
  const page = await portal.open(`/ru/news/${withImage.slug}`);
  assert.equal(await heading(page), withImage.title);
  assert.equal(await page.locator('.page-meta time').getAttribute('datetime'), withImage.published);
  assert.equal(await page.locator('.page-meta a').first().textContent(), withImage.agency.name);
  const img = page.locator('main figure img');
  assert.equal(await img.getAttribute('alt'), image.alt);
  assert.ok(image.alt.length > 10, 'a real description');
  // The image loads: it has a size in the page, not a broken icon.
  await img.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('main figure img')?.complete);
  assert.ok(await img.evaluate((i) => i.naturalWidth > 0), 'the image file loads');
  // The body's feed is linked from the item.
  assert.equal(await page.locator('.feed-link a').getAttribute('type'), 'application/atom+xml');
  assertNoPageErrors(page);
  await page.context().close();
});

test('the register lists documents by type, filters them, and a type page groups them by year', async () => {
  const register = api('ru/documents.json');
  const page = await portal.open('/ru/documents');
  assert.equal(await heading(page), 'Официальные документы');
  const types = await page.locator('main section .archive-list a').allTextContents();
  assert.equal(types.length, register.types.length);
  assert.ok(register.types.length >= 5, 'several types of document');
  // Filter by the type with most documents.
  const biggest = [...register.types].sort((a, b) => b.count - a.count)[0];
  await page.getByLabel('Вид документа').selectOption(biggest.doc_type);
  await page.getByRole('button', { name: 'Применить' }).click();
  await page.waitForURL((u) => u.searchParams.get('doctype') === biggest.doc_type);
  await page.locator('.search-count').waitFor();
  // Every document of the type, those without Russian too (under their own title).
  assert.equal(await page.locator('.search-hit').count(), biggest.count);
  // The type's own page: every document of it, under a heading per year.
  await page.goto(`${portal.base}/ru/documents/types/${biggest.doc_type}`);
  await heading(page);
  const years = await page.locator('main h2:not(#page-feedback-heading)').allTextContents();
  assert.deepEqual(years, biggest.years.map((y) => y.period));
  assert.equal(await page.locator('main .publication-list li').count(), biggest.count);
  assertNoPageErrors(page);
  await page.context().close();
});

test('a document shows its requisites and text, and its download is the file the page describes', async () => {
  const register = api('ru/documents.json');
  const slug = register.latest.find((d) => !d.title_lang).slug;
  const doc = api(`ru/documents/${slug}.json`);
  assert.ok(doc.files.length > 0, `${slug} has files`);
  const page = await portal.open(`/ru/documents/${slug}`);
  assert.equal(await heading(page), doc.title);
  const requisites = Object.fromEntries(
    await page.locator('.requisites > div').evaluateAll((divs) => divs.map((d) => [d.querySelector('dt').textContent, d.querySelector('dd').textContent])),
  );
  if (doc.number) assert.equal(requisites['Номер'], doc.number);
  assert.match(requisites['Дата принятия'], /\d{4} г\.$/);
  assert.ok(['Действует', 'Действует с изменениями', 'Утратил силу'].includes(requisites['Статус']), requisites['Статус']);
  assert.equal(requisites['Принявший орган'], doc.agency.name);
  assert.equal(requisites['Подписал'], doc.signed_by.join('; '));
  // The text is a page with its headings under the page's "Text" heading.
  assert.ok((await page.locator('.document-text h3').count()) > 0, 'the text keeps its headings');
  // Each language version: format and size shown, and the file downloads with the recorded checksum.
  const links = page.locator('.files a[download]');
  assert.equal(await links.count(), doc.files.length);
  const first = doc.files[0];
  assert.match(await links.first().textContent(), new RegExp(`PDF, \\d+ КБ`));
  const href = await links.first().getAttribute('href');
  const response = await page.request.get(new URL(href, portal.base).href);
  assert.equal(response.status(), 200);
  assert.equal(response.headers()['content-type'], 'application/pdf');
  const bytes = await response.body();
  assert.equal(bytes.length, first.bytes);
  assert.equal(createHash('sha256').update(bytes).digest('hex'), first.sha256);
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
  await page.locator('.checksum summary').first().click();
  assert.equal(await page.locator('.checksum code').first().textContent(), first.sha256);
  assertNoPageErrors(page);
  await page.context().close();
});

test('a document without English is listed in English under its own title, and its page says where it exists', async () => {
  const register = api('en/documents.json');
  const missing = register.types.flatMap((t) => api(`en/documents/types/${t.doc_type}.json`).years.flatMap((y) => y.documents)).find((d) => d.title_lang);
  assert.ok(missing, 'some document has no English version');
  const page = await portal.open(`/en/documents/types/${missing.doc_type}`);
  await heading(page);
  const link = page.locator(`main a[href="/en/documents/${missing.slug}"]`);
  assert.equal(await link.getAttribute('lang'), missing.title_lang, 'screen readers read the title in its language');
  await link.click();
  assert.equal(await heading(page), 'This page is not available in English');
  const versions = await page.locator('main li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(versions.includes(`/${missing.title_lang}/documents/${missing.slug}`), versions.join(' '));
  assertNoPageErrors(page);
  await page.context().close();
});

test("a body's page lists its news and documents and links its Atom feed", async () => {
  const news = api('en/news.json');
  const slug = news.latest[0].agency.slug;
  const body = api(`en/agencies/${slug}.json`);
  const page = await portal.open(`/en/agencies/${slug}`);
  assert.equal(await heading(page), body.name);
  const listed = await page.locator('section[aria-labelledby="body-news-heading"] .card-link').allTextContents();
  assert.deepEqual(listed, body.news.map((n) => n.title));
  // "All news from this body" opens the news page filtered by it.
  await page.getByRole('link', { name: 'All news from this body' }).click();
  await page.waitForURL((u) => u.pathname === '/en/news' && u.searchParams.get('body') === body.name);
  await page.locator('.search-count').waitFor();
  const all = news.months.flatMap((m) => api(`en/news/archive/${m.period}.json`).items).filter((n) => n.agency.slug === slug);
  assert.deepEqual(await page.locator('.search-hit-title').allTextContents(), all.map((n) => n.title), 'all its news, newest first');
  await page.goBack();
  await heading(page);
  // The feed: served as Atom, titled with the body's name, an entry per item.
  const feed = page.locator('.feed-link a');
  assert.equal(await feed.getAttribute('type'), 'application/atom+xml');
  const response = await page.request.get(new URL(await feed.getAttribute('href'), portal.base).href);
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-type'], /^application\/atom\+xml/);
  const xml = await response.text();
  assert.ok(xml.includes(`<title>${body.name.replace(/&/g, '&amp;')}</title>`), 'titled with the body');
  for (const n of body.news) assert.ok(xml.includes(`/en/news/${n.slug}</id>`), `entry for ${n.slug}`);
  assertNoPageErrors(page);
  await page.context().close();
});
