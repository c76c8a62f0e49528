// `make bench`: how fast the portal is for a citizen on a cheap phone and a
// slow network, measured against an anchor in the same run: a static page
// with the same content built with GOV.UK Frontend (its CSS and JS), served
// by the same nginx configuration. Prints a table and writes
// target/bench/results.json and target/bench/results.md. A script, not a test:
// it asserts nothing.
//
// Lighthouse runs BENCH_RUNS times a page (3 unless set); the table gives the
// median of each figure and the range of the blocking time, which varies most
// between runs.

import { chromium } from 'playwright-core';
import lighthouse from 'lighthouse';
import { launch } from 'chrome-launcher';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import os from 'node:os';
import { appTookOver, startNginx } from '../tests/e2e/harness.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const OUT = 'target/bench';
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
mkdirSync(OUT, { recursive: true });

// ---- The anchor: the passport page as a static GOV.UK Frontend page ----------
function anchorPage() {
  const doc = JSON.parse(readFileSync('dist/api/v1/en/pages/passport.json', 'utf8'));
  const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const inl = (list) => list.map((i) => {
    switch (i.type) {
      case 'text': return esc(i.text);
      case 'strong': return `<strong>${inl(i.content)}</strong>`;
      case 'emphasis': return `<em>${inl(i.content)}</em>`;
      case 'link': return `<a class="govuk-link" href="/${i.to.route}/${i.to.slug ?? ''}">${inl(i.content)}</a>`;
      case 'external_link': return `<a class="govuk-link" href="${esc(i.href)}">${inl(i.content)}</a>`;
      default: return '';
    }
  }).join('');
  const blocks = (list) => list.map((b) => {
    switch (b.type) {
      case 'heading': return `<h${b.level} class="govuk-heading-${b.level === 2 ? 'm' : 's'}">${inl(b.text)}</h${b.level}>`;
      case 'paragraph': return `<p class="govuk-body">${inl(b.text)}</p>`;
      case 'list': return `<${b.ordered ? 'ol' : 'ul'} class="govuk-list govuk-list--${b.ordered ? 'number' : 'bullet'}">${b.items.map((it) => `<li>${it.map((x) => (x.type === 'paragraph' ? inl(x.text) : blocks([x]))).join('')}</li>`).join('')}</${b.ordered ? 'ol' : 'ul'}>`;
      case 'table': return `<table class="govuk-table"><thead class="govuk-table__head"><tr class="govuk-table__row">${b.head.map((c) => `<th scope="col" class="govuk-table__header">${inl(c)}</th>`).join('')}</tr></thead><tbody class="govuk-table__body">${b.rows.map((r) => `<tr class="govuk-table__row">${r.map((c) => `<td class="govuk-table__cell">${inl(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
      case 'callout': return `<div class="govuk-inset-text">${blocks(b.body)}</div>`;
      default: return '';
    }
  }).join('\n');
  return `<!DOCTYPE html>
<html lang="en" class="govuk-template">
<head><meta charset="utf-8"><title>${esc(doc.title)} — Portal of state bodies of Kazakhstan</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${esc(doc.summary)}">
<link rel="stylesheet" href="/govuk-frontend.min.css"></head>
<body class="govuk-template__body">
<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
<header class="govuk-header" data-module="govuk-header"><div class="govuk-header__container govuk-width-container">
<div class="govuk-header__logo"><a href="/" class="govuk-header__link govuk-header__link--homepage">Portal of state bodies of Kazakhstan</a></div></div></header>
<div class="govuk-width-container">
<nav class="govuk-breadcrumbs" aria-label="Breadcrumb"><ol class="govuk-breadcrumbs__list"><li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="/">Home</a></li><li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="/topics/documents">${esc(doc.topic.name)}</a></li></ol></nav>
<main class="govuk-main-wrapper" id="main-content"><div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-xl">${esc(doc.title)}</h1><p class="govuk-body-l">${esc(doc.summary)}</p>
${blocks(doc.body)}
<p class="govuk-body">Responsible state body: <a class="govuk-link" href="/agencies/${doc.agency.slug}">${esc(doc.agency.name)}</a></p>
</div></div></main></div>
<footer class="govuk-footer"><div class="govuk-width-container"><p class="govuk-body-s">Demonstration content.</p></div></footer>
<script type="module" src="/init.js"></script>
</body></html>`;
}

function buildAnchor() {
  const root = `${OUT}/anchor`;
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const govuk = 'node_modules/govuk-frontend/dist/govuk';
  cpSync(`${govuk}/govuk-frontend.min.css`, `${root}/govuk-frontend.min.css`);
  cpSync(`${govuk}/govuk-frontend.min.js`, `${root}/govuk-frontend.min.js`);
  cpSync(`${govuk}/assets`, `${root}/assets`, { recursive: true });
  writeFileSync(`${root}/init.js`, "import { initAll } from '/govuk-frontend.min.js';\ninitAll();\n");
  writeFileSync(`${root}/index.html`, anchorPage());
  writeFileSync(`${root}/robots.txt`, '');
  writeFileSync(`${root}/favicon.ico`, ''); // so the anchor is not marked down for a missing icon
  execFileSync('node', ['scripts/precompress.mjs', root]);
  return root;
}

// ---- Lighthouse: mobile defaults (simulated slow 4G, 4x CPU slowdown) ----------
/** Lighthouse `RUNS` times: the median of each figure, the range of TBT, the lowest scores. */
async function measure(url) {
  const runs = [];
  for (let run = 1; run <= RUNS; run++) runs.push(await runLighthouse(url, run));
  const median = (key) => {
    const values = runs.map((r) => r[key]).filter(Number.isFinite).sort((a, b) => a - b);
    return values.length ? values[Math.floor((values.length - 1) / 2)] : NaN;
  };
  const lowest = (key) => Math.min(...runs.map((r) => r[key] ?? 0));
  const all = (key) => [...new Set(runs.flatMap((r) => r[key]))];
  const tbts = runs.map((r) => r.tbt).filter(Number.isFinite);
  return {
    runs: runs.length,
    lcp: median('lcp'), fcp: median('fcp'), tbt: median('tbt'), tti: median('tti'), cls: median('cls'), bytes: median('bytes'),
    tbtMin: Math.min(...tbts), tbtMax: Math.max(...tbts),
    performance: lowest('performance'), accessibility: lowest('accessibility'), bestPractices: lowest('bestPractices'), seo: lowest('seo'),
    failing: all('failing'), layoutShifts: all('layoutShifts'), errors: all('errors'),
  };
}

async function runLighthouse(url, run) {
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  try {
    const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
    // The whole report, for looking into a figure (long tasks, the LCP element).
    const { pathname, port } = new URL(url);
    writeFileSync(`${OUT}/lighthouse-${pathname.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}-${port}-${run}.json`, JSON.stringify(lhr));
    const a = lhr.audits;
    return {
      lcp: a['largest-contentful-paint'].numericValue,
      fcp: a['first-contentful-paint'].numericValue,
      tbt: a['total-blocking-time'].numericValue,
      // When the app has started and the main thread is quiet: the page works fully.
      tti: a['interactive'].numericValue,
      cls: a['cumulative-layout-shift'].numericValue,
      bytes: a['total-byte-weight'].numericValue,
      performance: lhr.categories.performance.score,
      accessibility: lhr.categories.accessibility.score,
      bestPractices: lhr.categories['best-practices'].score,
      seo: lhr.categories.seo.score,
      // What kept a category below 1, for the reader of the table.
      failing: ['accessibility', 'best-practices', 'seo'].flatMap((c) => lhr.categories[c].auditRefs
        .filter((ref) => ref.weight > 0 && a[ref.id].score !== null && a[ref.id].score < 1)
        .map((ref) => `${c}: ${ref.id}`)),
      layoutShifts: (a['layout-shifts']?.details?.items ?? []).map((i) => `${i.node?.selector ?? i.node?.snippet ?? '?'} (${(i.score ?? 0).toFixed(3)})`),
      // Lighthouse sometimes cannot measure a metric (NO_LCP, a trace error): say why.
      errors: [lhr.runtimeError?.message, ...['largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift'].map((id) => a[id]?.errorMessage)].filter(Boolean),
    };
  } finally {
    await chrome.kill();
  }
}

// ---- Critical path weight and wasm size -----------------------------------------
// Two paths since pages are prerendered: what the first paint of a page
// waits for (its HTML and the render-blocking CSS and script in <head>), and
// what the app needs on top to run (loader, JS glue, WebAssembly).
function criticalPath() {
  const page = 'en/pages/passport/index.html';
  const html = readFileSync(`dist/${page}`);
  // The app's files are named in the shell (index.html); a prerendered page requests them after its first paint.
  const shell = readFileSync('dist/index.html', 'utf8');
  const names = [...(html.toString() + shell).matchAll(/(?:src|href)="\/([^"]+\.(?:js|wasm|css))"/g)].map((m) => m[1]);
  const files = [...new Set(names)];
  const row = (name, raw, gz, br, path) => ({ name, raw, gzip: gz, brotli: br, path });
  const blocking = (f) => f.endsWith('.css') || f.startsWith('display-early-');
  const rows = [row(`${page} (prerendered)`, html.length, gzipSync(html, { level: 9 }).length, brotliCompressSync(html).length, 'page')];
  for (const f of files) {
    const size = (p) => statSync(p).size;
    rows.push(row(f, size(`dist/${f}`), size(`dist/${f}.gz`), size(`dist/${f}.br`), blocking(f) ? 'page' : 'app'));
  }
  const sum = (name, list) => list.reduce((t, r) => ({ ...t, raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { name, raw: 0, gzip: 0, brotli: 0 });
  rows.sort((a, b) => (a.path === b.path ? 0 : a.path === 'page' ? -1 : 1));
  const firstPaint = sum('to the first paint (HTML and render-blocking files)', rows.filter((r) => r.path === 'page'));
  return { rows, firstPaint, total: sum('with the app (all of the above)', rows) };
}

function wasmSizes() {
  const cargoOut = 'target/wasm32-unknown-unknown/release/portal.wasm';
  const dir = `${OUT}/bindgen`;
  execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', dir, cargoOut]);
  const before = statSync(`${dir}/portal_bg.wasm`).size;
  const wasm = readFileSync('dist/index.html', 'utf8').match(/\/(portal-[0-9a-f]+_bg\.wasm)/)[1];
  return { cargo: statSync(cargoOut).size, beforeWasmOpt: before, afterWasmOpt: statSync(`dist/${wasm}`).size };
}

// ---- Client-side navigation and memory, in Chromium with the API on loopback ------
async function navigation(base) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS.slice(1) });
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.wasmMemory = e.detail.wasm.memory; }));
  const page = await context.newPage();
  await page.goto(base + '/en/pages/passport');
  // The app has taken over the prerendered page: links are the app's now.
  await appTookOver(page);
  await page.waitForFunction(() => window.wasmMemory);
  const walk = (n) => page.evaluate(async (n) => {
    const painted = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    const until = (ready) => new Promise((ok) => { const tick = () => (ready() ? ok() : requestAnimationFrame(tick)); tick(); });
    const times = [];
    for (let i = 0; i < n; i++) {
      const target = i % 2 === 0 ? 'identity-card' : 'passport';
      const before = document.querySelector('main h1').textContent;
      const t0 = performance.now();
      document.querySelector(`main a[href$="/pages/${target}"]`).click();
      await until(() => { const h = document.querySelector('main h1'); return h && h.textContent !== before; });
      await painted();
      times.push(performance.now() - t0);
    }
    return times;
  }, n);
  const cdp = await context.newCDPSession(page);
  const memory = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    const wasm = await page.evaluate(() => window.wasmMemory.buffer.byteLength);
    return { heap, wasm };
  };
  const times = (await walk(50)).sort((a, b) => a - b);
  const start = await memory();
  await walk(1000);
  const end = await memory();
  await browser.close();
  return {
    medianMs: times[Math.floor(times.length / 2)],
    p90Ms: times[Math.floor(times.length * 0.9)],
    heapGrowth: end.heap - start.heap,
    wasmGrowth: end.wasm - start.wasm,
  };
}

// ---- Run ------------------------------------------------------------------------
const portal = await startNginx();
// `--navigation` measures only client-side navigation and memory: the quick
// check after a change to the app's reactive code (a leak shows as wasm growth).
if (process.argv.includes('--navigation')) {
  try {
    const n = await navigation(portal.base);
    console.log(`client-side navigation: median ${n.medianMs.toFixed(1)} ms, 90th percentile ${n.p90Ms.toFixed(1)} ms`);
    console.log(`growth over 1,000 navigations: JS heap ${n.heapGrowth} bytes, wasm memory ${n.wasmGrowth} bytes`);
  } finally {
    await portal.stop();
  }
  process.exit(0);
}
const anchorRoot = buildAnchor();
const anchor = await startNginx({ root: anchorRoot });
try {
  const pages = {
    'portal home': `${portal.base}/en/`,
    'portal topic': `${portal.base}/en/topics/documents`,
    'portal service page': `${portal.base}/en/pages/passport`,
    'anchor (GOV.UK Frontend, same service page)': `${anchor.base}/`,
  };
  const lh = {};
  for (const [name, url] of Object.entries(pages)) lh[name] = await measure(url);
  const results = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}`,
    lighthouse: lh,
    criticalPath: criticalPath(),
    wasm: wasmSizes(),
    navigation: await navigation(portal.base),
  };
  writeFileSync(`${OUT}/results.json`, JSON.stringify(results, null, 2));
  const md = table(results);
  writeFileSync(`${OUT}/results.md`, md);
  console.log(md);
} finally {
  await portal.stop();
  await anchor.stop();
}

function table(r) {
  // A metric Lighthouse could not measure shows as a dash, with the reason below the table.
  const ms = (v) => (Number.isFinite(v) ? `${Math.round(v)} ms` : '—');
  const kb = (v) => `${(v / 1024).toFixed(1)} KB`;
  const fixed = (v, n) => (Number.isFinite(v) ? v.toFixed(n) : '—');
  const anchorRow = r.lighthouse['anchor (GOV.UK Frontend, same service page)'];
  const lines = [
    `Measured ${r.date.slice(0, 10)} on ${r.machine}.`,
    `Lighthouse ran ${anchorRow.runs} times a page: medians, the range of TBT, and the lowest scores.`,
    '',
    '| page | LCP | FCP | TBT | TBT range | CLS | TTI | transferred | LCP / anchor | bytes / anchor | perf | a11y | best pr. | SEO |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const [name, x] of Object.entries(r.lighthouse)) {
    lines.push(`| ${name} | ${ms(x.lcp)} | ${ms(x.fcp)} | ${ms(x.tbt)} | ${Math.round(x.tbtMin)}–${Math.round(x.tbtMax)} ms | ${fixed(x.cls, 3)} | ${ms(x.tti)} | ${kb(x.bytes)} | ${fixed(x.lcp / anchorRow.lcp, 2)} | ${fixed(x.bytes / anchorRow.bytes, 2)} | ${x.performance} | ${x.accessibility} | ${x.bestPractices} | ${x.seo} |`);
  }
  for (const [name, x] of Object.entries(r.lighthouse)) {
    if (x.failing.length) lines.push('', `${name}, audits below 1: ${x.failing.join(', ')}`);
    if (x.errors?.length) lines.push('', `${name}, not measured: ${x.errors.join('; ')}`);
    if (x.layoutShifts.length) lines.push('', `${name}, layout shifts: ${x.layoutShifts.join('; ')}`);
  }
  lines.push('', '| critical path file | raw | gzip | brotli |', '|---|---|---|---|');
  for (const f of [...r.criticalPath.rows, r.criticalPath.firstPaint, r.criticalPath.total]) lines.push(`| ${f.name} | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} |`);
  lines.push('', `wasm: ${kb(r.wasm.cargo)} from cargo, ${kb(r.wasm.beforeWasmOpt)} after wasm-bindgen, ${kb(r.wasm.afterWasmOpt)} after the never-called entry points were removed and wasm-opt -Oz (scripts/optimise-wasm.mjs).`);
  lines.push(`client-side navigation (click to new heading painted, 50 navigations): median ${r.navigation.medianMs.toFixed(1)} ms, 90th percentile ${r.navigation.p90Ms.toFixed(1)} ms.`);
  lines.push(`memory growth over 1,000 navigations: JS heap ${kb(r.navigation.heapGrowth)}, wasm memory ${kb(r.navigation.wasmGrowth)}.`);
  return lines.join('\n') + '\n';
}
