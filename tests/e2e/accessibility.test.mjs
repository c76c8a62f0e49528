// Accessibility in a real browser: axe-core with the WCAG 2.2 AA rules on
// every kind of page, in every language and every colour scheme at the
// largest text size; reflow and text spacing; keyboard journeys; the
// display settings; and what a (virtual) screen reader says.

import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startPortal, heading, assertNoPageErrors, axeAudit } from './harness.mjs';

const LANGS = ['kk', 'ru', 'en'];
const SCHEMES = ['black-on-white', 'white-on-black', 'dark-blue-on-light-blue', 'brown-on-beige', 'green-on-dark-brown'];
/** One address of every kind of page the portal has. */
const PAGE_KINDS = {
  home: '/',
  topic: '/topics/documents',
  page: '/pages/passport',
  directory: '/agencies',
  body: '/agencies/state-revenue-committee',
  // Split in 2022: its notice, and the history on a body that took its work on.
  'former body': '/agencies/ministry-of-education-and-science',
  'body with a history': '/agencies/ministry-of-science-and-higher-education',
  regions: '/regions',
  region: '/regions/astana',
  'not found': '/pages/no-such-page',
  'accessibility statement': '/accessibility',
  'not in this language': '/pages/temporary-registration',
  'quality report': '/quality',
  'search results': '/search?q=egov',
  'search, nothing found': '/search?q=zzqqxx',
  news: '/news',
  'news filtered': '/news?period=2026-01',
  'news month': '/news/archive/2024-01',
  // With a chart and its text alternative.
  'news item': '/news/population-on-1-october-2025',
  documents: '/documents',
  'documents filtered': '/documents?doctype=law',
  'document type': '/documents/types/code',
  document: '/documents/public-services-law',
  // Kazakh and Russian only: in English, the page that says so.
  'document, two languages': '/documents/order-124-nk-internet-resources',
  'draft acts': '/drafts',
  'life situations': '/life',
  'life situation': '/life/birth-of-a-child',
};

let portal;
let audits = 0;
// The bundled content with one translation removed (make e2e-variant), so
// that the page saying an item is not in this language exists to audit.
before(async () => { portal = await startPortal({ root: 'target/e2e-variant' }); });
after(async () => {
  console.log(`axe audits run: ${audits}`);
  await portal?.close();
});

/** A browser profile whose remembered display settings are `settings`. */
async function profile(settings, options = {}) {
  const context = await portal.browser.newContext({ serviceWorkers: 'block', ...options });
  if (settings) {
    await context.addInitScript((json) => localStorage.setItem('portal.display', json), JSON.stringify(settings));
  }
  return context;
}

async function audit(page, label) {
  const result = await axeAudit(page);
  audits += 1;
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(found, [], `${label}: axe found violations`);
}

async function visit(page, path) {
  await page.goto(portal.base + path);
  await heading(page);
  await page.locator('main .loading').waitFor({ state: 'detached' });
}

// Two browser profiles at a time (both cores busy): the 18 runs take 6 min
// 11 s instead of about 7 min 50 s.
describe('every kind of page, language and display mode', { concurrency: 2 }, () => {
  for (const lang of LANGS) {
    const configurations = [['standard colours at normal size', null], ...SCHEMES.map((scheme) => [`${scheme} at 200%`, { scheme, font_size: 200 }])];
    for (const [name, settings] of configurations) {
      test(`axe finds nothing on every kind of page: ${lang}, ${name}`, async () => {
        const context = await profile(settings);
        const page = await context.newPage();
        for (const [kind, path] of Object.entries(PAGE_KINDS)) {
          await visit(page, `/${lang}${path}`);
          if (settings) assert.equal(await page.getAttribute('html', 'data-scheme'), settings.scheme);
          await audit(page, `${lang} ${kind} (${name})`);
        }
        // The settings panel itself, open.
        await page.locator('#display-toggle').click();
        await page.locator('#display-settings').waitFor();
        await audit(page, `${lang} display settings panel (${name})`);
        // The search suggestions, open.
        await page.locator('#search-input').fill('egov');
        await page.locator('#search-suggestions [role=option]').first().waitFor();
        await audit(page, `${lang} search suggestions (${name})`);
        await context.close();
      });
    }
  }
});

// The audit above passes only if it can fail: a missing text alternative and
// low-contrast text, put into a real page, are found.
test('the audit finds a missing text alternative and low-contrast text', async () => {
  const context = await profile(null);
  const page = await context.newPage();
  await visit(page, '/en/pages/passport');
  await page.evaluate(() => {
    const main = document.querySelector('main');
    main.insertAdjacentHTML('beforeend', '<img src=""><p id="faint">Faint text</p>');
    // Through the CSSOM: the page's CSP ignores inline style attributes.
    Object.assign(document.getElementById('faint').style, { color: '#bbb', background: '#fff' });
  });
  const found = (await axeAudit(page)).violations.map((v) => v.id).sort();
  assert.deepEqual(found, ['color-contrast', 'image-alt']);
  await context.close();
});

test('pages reflow at 320 CSS pixels, at normal and at the largest text, without horizontal scrolling', async () => {
  for (const settings of [null, { font_size: 200, letter_spacing: 'widest', line_height: 'largest' }]) {
    const context = await profile(settings, { viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    for (const [kind, path] of Object.entries(PAGE_KINDS)) {
      for (const lang of ['kk', 'en']) {
        await visit(page, `/${lang}${path}`);
        const overflow = await page.evaluate(overflowing);
        assert.deepEqual(overflow, [], `${lang} ${kind} ${JSON.stringify(settings)}: content wider than the screen`);
      }
    }
    // The open settings panel too.
    await page.locator('#display-toggle').click();
    assert.deepEqual(await page.evaluate(overflowing), [], 'settings panel at 320 px');
    await context.close();
  }
});

test('text spacing as WCAG 1.4.12 sets it clips nothing', async () => {
  // The spacing comes as a user style sheet would, which the page's CSP does not govern.
  const context = await profile(null, { viewport: { width: 1024, height: 768 }, bypassCSP: true });
  const page = await context.newPage();
  for (const [kind, path] of Object.entries(PAGE_KINDS)) {
    await visit(page, `/ru${path}`);
    await page.addStyleTag({ content: '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }' });
    assert.deepEqual(await page.evaluate(overflowing), [], `${kind}: overflow with text spacing`);
    assert.deepEqual(await page.evaluate(clipped), [], `${kind}: text clipped with text spacing`);
  }
  await context.close();
});

/** Elements (other than hidden helpers) that stick out past the right edge of the window. */
function overflowing() {
  const width = document.documentElement.clientWidth;
  const out = [];
  if (document.documentElement.scrollWidth > width) out.push(`document is ${document.documentElement.scrollWidth}px wide in a ${width}px window`);
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('.visually-hidden, .skip-link, [hidden], .table-wrap')) continue;
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 1) out.push(`${el.tagName.toLowerCase()}.${el.className} ends at ${Math.round(box.right)}px`);
  }
  return out.slice(0, 5);
}

/** Text elements whose content is cut off by their own box. */
function clipped() {
  const out = [];
  for (const el of document.querySelectorAll('h1, h2, h3, p, li, a, button, label, dt, dd, legend')) {
    if (el.closest('.visually-hidden, .skip-link, [hidden]')) continue;
    const style = getComputedStyle(el);
    const clips = style.overflow !== 'visible' || style.overflowX !== 'visible' || style.overflowY !== 'visible';
    if (clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) out.push(el.tagName + ': ' + el.textContent.slice(0, 40));
  }
  return out.slice(0, 5);
}

test('display settings apply at once, survive a reload and a language switch, and reset', async () => {
  const page = await portal.open('/en/pages/passport');
  await heading(page);
  const toggle = page.getByRole('button', { name: 'Version for the visually impaired' });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const panel = page.getByRole('region', { name: 'Display settings' });
  await panel.getByRole('radio', { name: 'White on black' }).check();
  await panel.getByRole('radio', { name: '200%' }).check();
  await panel.getByRole('radio', { name: 'Widest' }).check();
  await panel.getByRole('group', { name: 'Line height' }).getByRole('radio', { name: 'Largest' }).check();
  await panel.getByRole('radio', { name: 'Hidden, with their descriptions' }).check();
  const html = page.locator('html');
  const expected = { 'data-scheme': 'white-on-black', 'data-font-size': '200', 'data-letter-spacing': 'widest', 'data-line-height': 'largest', 'data-images': 'hidden' };
  const check = async (where) => {
    for (const [name, value] of Object.entries(expected)) assert.equal(await html.getAttribute(name), value, `${where}: ${name}`);
    const colours = await page.evaluate(() => [getComputedStyle(document.body).color, getComputedStyle(document.documentElement).backgroundColor]);
    assert.deepEqual(colours, ['rgb(255, 255, 255)', 'rgb(0, 0, 0)'], `${where}: colours`);
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '32px', `${where}: text size`);
  };
  await check('at once');
  await page.reload();
  await heading(page);
  await check('after a reload');
  await page.locator('nav.language-switch a[hreflang=kk]').click();
  await page.waitForURL('**/kk/pages/passport');
  await check('after switching to Kazakh');
  await page.getByRole('button', { name: 'Көру қабілеті нашар адамдарға арналған нұсқа' }).click();
  await page.getByRole('button', { name: 'Әдеттегі нұсқаға қайту' }).click();
  assert.equal(await html.getAttribute('data-scheme'), 'standard');
  assert.equal(await html.getAttribute('data-font-size'), '100');
  assert.equal(await page.evaluate(() => localStorage.getItem('portal.display')), null);
  await page.locator('#route-announcer', { hasText: 'Әдеттегі нұсқа қалпына келтірілді' }).waitFor();
  assertNoPageErrors(page);
  await page.context().close();
});

test('screen-reader mode lays the page out in one column without decoration', async () => {
  const context = await profile({ screen_reader: true });
  const page = await context.newPage();
  await visit(page, '/en/');
  assert.equal(await page.getAttribute('html', 'data-mode'), 'screen-reader');
  const cards = page.locator('main .card-list').first().locator('li');
  const [a, b] = [await cards.nth(0).boundingBox(), await cards.nth(1).boundingBox()];
  assert.ok(b.y > a.y && Math.abs(a.x - b.x) < 1, 'topics are one under another');
  assert.equal(await page.locator('.brand-mark').isVisible(), false);
  await context.close();
});

test('the operating system contrast and colour settings are followed without any setting', async () => {
  const context = await portal.browser.newContext({ forcedColors: 'active', reducedMotion: 'reduce' });
  const page = await context.newPage();
  await visit(page, '/en/pages/passport');
  assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true);
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.display-toggle')).borderStyle), 'solid');
  await audit(page, 'forced colours');
  await context.close();
  const contrast = await portal.browser.newContext({ contrast: 'more' });
  const more = await contrast.newPage();
  await visit(more, '/en/');
  const muted = await more.evaluate(() => getComputedStyle(document.querySelector('.card-summary')).color);
  assert.equal(muted, 'rgb(11, 12, 12)', 'muted text is full contrast when more contrast is asked for');
  await contrast.close();
});

test('by keyboard alone: skip link first, then home to a service page with Tab and Enter', async () => {
  const page = await portal.open('/en/');
  await heading(page);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to main content');
  assert.equal(await page.evaluate(() => getComputedStyle(document.activeElement).left), '0px', 'the skip link shows when focused');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main-content');

  async function tabTo(text) {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement.textContent.trim());
      if (focused === text) return;
    }
    assert.fail(`never reached "${text}" by Tab`);
  }
  await tabTo('Identity documents');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).backgroundColor);
  assert.equal(outline, 'rgb(255, 221, 0)', 'focus is visible');
  await page.keyboard.press('Enter');
  assert.equal(await heading(page), 'Identity documents');
  await tabTo('Get a passport for travel abroad');
  await page.keyboard.press('Enter');
  assert.equal(await heading(page), 'Get a passport for travel abroad');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1');
  await page.context().close();
});

test('by keyboard alone: the display settings open with Tab and Enter', async () => {
  const page = await portal.open('/ru/');
  await heading(page);
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement.id === 'display-toggle')) break;
  }
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Версия для слабовидящих');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#display-settings').isVisible(), true);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.closest('#display-settings') !== null), true, 'focus enters the settings');
  await page.keyboard.press('ArrowDown'); // radios move with arrows, as everywhere
  assert.equal(await page.getAttribute('html', 'data-scheme'), 'black-on-white');
  await page.context().close();
});

test('a screen reader reads a service page in screen-reader mode: landmarks, heading, the steps in order', async () => {
  const context = await profile({ screen_reader: true });
  const page = await context.newPage();
  const reader = readFileSync('node_modules/@guidepup/virtual-screen-reader/lib/esm/index.browser.js');
  await page.route('**/__virtual-screen-reader.js', (route) => route.fulfill({ body: reader, contentType: 'text/javascript' }));
  await visit(page, '/en/pages/passport');
  const spoken = await page.evaluate(async () => {
    const { virtual } = await import('/__virtual-screen-reader.js');
    await virtual.start({ container: document.body });
    for (let i = 0; i < 400; i++) {
      await virtual.next();
      const last = (await virtual.lastSpokenPhrase()) ?? '';
      if (last.includes('end of contentinfo')) break;
    }
    const log = await virtual.spokenPhraseLog();
    await virtual.stop();
    return log;
  });
  const at = (pattern) => {
    const i = spoken.findIndex((p) => pattern.test(p));
    assert.ok(i >= 0, `never spoken: ${pattern} in\n${spoken.join('\n')}`);
    return i;
  };
  const order = [
    at(/Skip to main content/),
    at(/^banner$/),
    at(/navigation, Main menu/),
    at(/^main$/),
    at(/^heading, Get a passport for travel abroad, level 1$/),
    at(/Go to a Public Service Centre/),
    at(/Fill in the application/),
    at(/Pay the state duty/),
    at(/Collect the passport/),
    at(/^contentinfo$/),
  ];
  assert.deepEqual(order, [...order].sort((a, b) => a - b), `spoken out of order:\n${spoken.join('\n')}`);
  assert.ok(spoken.some((p) => /position 1, set size 5/.test(p)), 'the steps are a list of five');
  assert.ok(!spoken.some((p) => /↗/.test(p)), 'no decoration is spoken');
  await context.close();
});
