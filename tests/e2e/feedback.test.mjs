// "Is this page useful?" and "Report a problem with this page" in Chromium,
// through nginx (deploy/nginx.conf) to the real feedback service
// (crates/feedback) on its own SQLite file: what a reader sees, and what
// the body responsible for the page gets.

import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, startFeedback, heading, assertNoPageErrors, apiDocument, openInApp, axeAudit } from './harness.mjs';

const SCHEMES = ['black-on-white', 'white-on-black', 'dark-blue-on-light-blue', 'brown-on-beige', 'green-on-dark-brown'];
const PASSPORT_BODY = 'ministry-of-internal-affairs';

let portal;
let service;
before(async () => {
  service = await startFeedback();
  portal = await startPortal({ feedbackPort: service.port });
});
after(async () => {
  await portal?.close();
  await service?.stop();
});

/** Waits until the service has stored `count` reports for `body`, and returns them. */
async function stored(body, count) {
  for (let i = 0; i < 100; i++) {
    const reports = service.reports(body);
    if (reports.length >= count) return reports;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  return service.reports(body);
}

test('"Is this page useful?": the answer reaches the body with the page and language, and the thanks takes focus', async () => {
  const before = service.reports(PASSPORT_BODY).length;
  const page = await portal.open('/ru/pages/passport');
  await heading(page);
  const feedback = page.getByRole('region', { name: 'Отзыв об этой странице' });
  await feedback.getByRole('button', { name: 'Нет эта страница не полезна' }).click();
  const thanks = feedback.locator('.feedback-done');
  await thanks.waitFor();
  assert.equal((await thanks.textContent()).trim(), 'Спасибо за отзыв.');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'feedback-done');
  const reports = await stored(PASSPORT_BODY, before + 1);
  const last = reports.at(-1);
  assert.deepEqual([last.route, last.lang, last.useful, last.reason], ['/pages/passport', 'ru', false, null]);
  assertNoPageErrors(page);
  await page.context().close();
});

test('a problem report: the reason is asked for, the count is shown and announced, personal data is removed, and the body gets it', async () => {
  const page = await portal.open('/kk/agencies/ministry-of-justice');
  await heading(page);
  await page.getByText('Осы беттегі қате туралы хабарлау').click();
  const form = page.locator('.feedback-report-form');
  // The form names the body the report goes to.
  const name = apiDocument('kk/agencies/ministry-of-justice.json').name;
  const said = `Хабарлама осы бетке жауапты органға жіберіледі: ${name}. Оған жауап берілмейді.`;
  assert.ok((await form.textContent()).includes(said), await form.textContent());
  await form.getByRole('button', { name: 'Жіберу' }).click();
  // Nothing chosen: the reason is asked for, and the message takes focus.
  const error = form.locator('.feedback-error');
  assert.equal((await error.textContent()).trim(), 'Не дұрыс емес екенін таңдаңыз.');
  await page.waitForFunction(() => document.activeElement?.classList.contains('feedback-error'));
  await form.getByLabel('Ақпарат қате немесе ескірген').check();
  const text = 'Мекенжай ескірген. Менің телефоным +7 701 123 45 67.';
  await form.getByLabel('Толығырақ (міндетті емес)').fill(text);
  assert.equal((await form.locator('#feedback-text-count').textContent()).trim(), `Қалған таңба: ${1000 - [...text].length}`);
  // Said once the reader pauses, not at every key.
  await page.waitForFunction((n) => [...document.querySelectorAll('[aria-live=polite]')].some((r) => r.textContent.includes(`Қалған таңба: ${n}`)), 1000 - [...text].length);
  await form.getByRole('button', { name: 'Жіберу' }).click();
  const done = page.locator('.feedback-done');
  await done.waitFor();
  assert.equal((await done.textContent()).trim(), 'Рахмет. Хабарлама осы бетке жауапты органға жіберілді.');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'feedback-done');
  const reports = await stored('ministry-of-justice', 1);
  const last = reports.at(-1);
  assert.deepEqual([last.route, last.lang, last.reason, last.text], ['/agencies/ministry-of-justice', 'kk', 'outdated', 'Мекенжай ескірген. Менің телефоным [phone].']);
  assertNoPageErrors(page);
  await page.context().close();
});

test('with the service down the report is kept in the browser, said so, and arrives once when the service is back', async () => {
  const body = 'ministry-of-finance';
  await service.stop();
  try {
    const page = await portal.open('/en/agencies/ministry-of-finance');
    await heading(page);
    await page.getByText('Report a problem with this page').click();
    await page.getByLabel('Spelling or grammar').check();
    await page.getByLabel('Details (optional)').fill('A typo in the second paragraph.');
    await page.getByRole('button', { name: 'Send' }).click();
    const kept = page.locator('.feedback-kept');
    await kept.waitFor();
    assert.match(await kept.textContent(), /kept in this browser and will be sent when the service can be reached again/);
    assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('portal-feedback-outbox')).length), 1);

    await service.start();
    // The next page the reader opens sends what was kept.
    await page.getByRole('link', { name: 'State bodies', exact: true }).first().click();
    await heading(page);
    const reports = await stored(body, 1);
    assert.deepEqual(reports.map((r) => [r.route, r.lang, r.reason, r.text]), [['/agencies/ministry-of-finance', 'en', 'spelling', 'A typo in the second paragraph.']]);
    await page.waitForFunction(() => localStorage.getItem('portal-feedback-outbox') === null);
    // Said in its own live region, so the new page's announcement does not cut it off.
    await page.locator('#aside-announcer', { hasText: 'A message kept in this browser has been sent.' }).waitFor();
    // Another page, and the browser coming back online: nothing is sent twice.
    await page.goBack();
    await heading(page);
    await page.evaluate(() => dispatchEvent(new Event('online')));
    await new Promise((ok) => setTimeout(ok, 500));
    assert.equal(service.reports(body).length, 1);
    assertNoPageErrors(page);
    await page.context().close();
  } finally {
    await service.start().catch(() => {});
  }
});

test('without JavaScript both forms post to the service and land on the thank-you page in the page language', async () => {
  const context = await portal.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const before = service.reports(PASSPORT_BODY).length;
  await page.goto(portal.base + '/en/pages/passport');
  await page.getByRole('button', { name: 'Yes this page is useful' }).click();
  await page.waitForURL(portal.base + '/en/feedback/sent');
  assert.equal((await page.locator('main h1').textContent()).trim(), 'Thank you for your feedback');

  await page.goto(portal.base + '/ru/pages/passport');
  await page.getByText('Сообщить о проблеме на этой странице').click();
  await page.getByLabel('Что-то не работает (ссылка, кнопка, файл)').check();
  await page.getByLabel('Подробности (необязательно)').fill('Ссылка на бланк не открывается.');
  await page.getByRole('button', { name: 'Отправить' }).click();
  await page.waitForURL(portal.base + '/ru/feedback/sent');
  assert.equal((await page.locator('main h1').textContent()).trim(), 'Спасибо за отзыв');
  const reports = (await stored(PASSPORT_BODY, before + 2)).slice(before);
  assert.deepEqual(
    reports.map((r) => [r.lang, r.useful, r.reason, r.text]),
    [['en', true, null, null], ['ru', null, 'broken', 'Ссылка на бланк не открывается.']],
  );
  await context.close();
});

test('without JavaScript and with the service down, the reader is told so in the three languages', async () => {
  await service.stop();
  const context = await portal.browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(portal.base + '/kk/pages/passport');
    const answer = page.waitForResponse((r) => r.url().endsWith('/feedback/useful'));
    await page.getByRole('button', { name: 'Иә бұл бет пайдалы' }).click();
    assert.equal((await answer).status(), 503);
    assert.equal((await page.locator('h1').textContent()).trim(), 'Кері байланыс қызметі уақытша қолжетімсіз');
    assert.ok(await page.getByText('Your message was not sent. Try again in a few minutes.').isVisible());
  } finally {
    await context.close();
    await service.start();
  }
});

test('after a move inside the app the form names the page\'s body once it has loaded, and the portal\'s editors for its own pages', async () => {
  const page = await portal.open(null);
  await openInApp(page, portal.base, '/en/pages/passport');
  await heading(page);
  await page.locator('.feedback-report summary').click();
  const name = apiDocument('en/pages/passport.json').agency.name;
  await page.waitForFunction((text) => document.querySelector('.feedback-report-form').textContent.includes(text),
    `The report goes to the body responsible for this page: ${name}. It gets no reply.`);
  await page.goto(portal.base + '/en/life');
  await heading(page);
  await page.locator('.feedback-report summary').click();
  assert.match(await page.locator('.feedback-report-form').textContent(), /The report goes to the portal's editors; it gets no reply\./);
  assertNoPageErrors(page);
  await page.context().close();
});

test('a refused report keeps what the reader wrote and chose, with the reason', async () => {
  const page = await portal.open('/en/pages/passport');
  await heading(page);
  await page.locator('.feedback-report summary').click();
  await page.getByLabel('Something else').check();
  await page.getByLabel('Details (optional)').fill('The map on this page is out of date.');
  // What a bot does: fills in the field people do not see.
  await page.locator('#feedback-website').evaluate((input) => { input.value = 'http://spam.example'; });
  await page.getByRole('button', { name: 'Send' }).click();
  const error = page.locator('.feedback-error');
  await page.waitForFunction(() => document.querySelector('.feedback-error')?.textContent.includes('A field meant to be left empty was filled in.'));
  await page.waitForFunction(() => document.activeElement?.classList.contains('feedback-error'));
  assert.equal(await page.getByLabel('Details (optional)').inputValue(), 'The map on this page is out of date.');
  assert.equal(await page.getByLabel('Something else').isChecked(), true);
  assert.match(await error.textContent(), /^The message was not accepted\. /);
  assertNoPageErrors(page);
  await page.context().close();
});

test('by keyboard alone: open the report form, choose, write and send; focus lands on the confirmation', async () => {
  const page = await portal.open('/en/pages/passport');
  await heading(page);
  await page.locator('.feedback-report summary').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'feedback-reason-broken');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'feedback-reason-spelling');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'feedback-text');
  await page.keyboard.type('Second heading misspelt.');
  // The trap field is skipped; the appeals link, then Send.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'e-Otinish');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Send');
  await page.keyboard.press('Enter');
  await page.locator('.feedback-done').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'feedback-done');
  const last = (await stored(PASSPORT_BODY, 1)).at(-1);
  assert.deepEqual([last.lang, last.reason, last.text], ['en', 'spelling', 'Second heading misspelt.']);
  await page.context().close();
});

for (const lang of ['kk', 'ru', 'en']) {
  test(`axe finds nothing on the open form, its error and its confirmation: ${lang}, every display mode`, async () => {
    for (const settings of [null, ...SCHEMES.map((scheme) => ({ scheme, font_size: 200 }))]) {
      const label = `${lang} ${settings ? settings.scheme : 'standard'}`;
      const context = await portal.browser.newContext({ serviceWorkers: 'block' });
      if (settings) await context.addInitScript((json) => localStorage.setItem('portal.display', json), JSON.stringify(settings));
      const page = await context.newPage();
      await page.goto(`${portal.base}/${lang}/pages/passport`);
      await heading(page);
      await page.locator('.feedback-report summary').click();
      await page.locator('.feedback-report-form button[type=submit]').click();
      await page.locator('.feedback-error:not(:empty)').waitFor();
      const audit = async (what) => {
        const result = await axeAudit(page, { include: '.page-feedback' });
        const found = result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        assert.deepEqual(found, [], `${label}, ${what}: axe found violations`);
      };
      await audit('open with an error');
      await page.locator('.feedback-report-form input[name=reason]').first().check();
      await page.locator('.feedback-report-form button[type=submit]').click();
      await page.locator('.feedback-done').waitFor();
      await audit('sent');
      await context.close();
    }
  });
}

test('the quality report lists the pages readers reported, from the counts the build was given', async () => {
  // target/e2e-variant is compiled with tests/e2e/feedback-counts.json (make e2e-variant).
  const variant = await startPortal({ root: 'target/e2e-variant' });
  try {
    const page = await variant.open('/ru/quality');
    await heading(page);
    const table = page.getByRole('table', { name: 'Страницы, о которых сообщили читатели, сначала с наибольшим числом сообщений' });
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
    assert.deepEqual(rows, [
      ['Получение паспорта для выезда за границу', 'Министерство внутренних дел Республики Казахстан', '4', '5', '1'],
      ['/life', 'Собственные страницы портала', '0', '0', '2'],
    ]);
    assert.equal(await table.getByRole('link', { name: 'Получение паспорта для выезда за границу' }).getAttribute('href'), '/ru/pages/passport');
    await page.context().close();
  } finally {
    await variant.close();
  }
});

test('a deployment without the service shows the responsible body\'s contacts instead of the forms', async () => {
  const variant = await startPortal({ root: 'target/e2e-variant' });
  try {
    const page = await variant.open('/ru/pages/passport');
    await heading(page);
    const feedback = page.getByRole('region', { name: 'Отзыв об этой странице' });
    assert.equal(await feedback.locator('form').count(), 0);
    const link = feedback.getByRole('link', { name: 'Министерство внутренних дел Республики Казахстан' });
    assert.equal(await link.getAttribute('href'), '/ru/agencies/ministry-of-internal-affairs#contacts-heading');
    await link.click();
    await heading(page);
    assert.equal(new URL(page.url()).pathname, '/ru/agencies/ministry-of-internal-affairs');
    await page.context().close();
  } finally {
    await variant.close();
  }
});
