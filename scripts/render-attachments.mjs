// Renders the PDF files the bundled sample documents list under [[files]],
// from the same language's Markdown text, with headless Chromium. The
// bodies' editors upload their own originals; this only makes the sample
// content's downloads real files that open. An extract is marked as one on
// its first page, so nobody takes it for the official text.
//
//   node scripts/render-attachments.mjs            render the files that are missing
//   node scripts/render-attachments.mjs --force    render them all again
import { chromium } from 'playwright-core';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const DOCUMENTS = join(ROOT, 'content', 'documents');
const force = process.argv.includes('--force');

const NOTICE = {
  kk: 'Порталдың үлгі мазмұнына арналған қысқартылған мәтін. Ресми мәтін емес.',
  ru: 'Сокращённый текст для демонстрационного содержания портала. Не является официальным текстом.',
  en: 'Abridged text for the portal’s sample content. Not the official text.',
};

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/// Inline Markdown the sample texts use: bold, emphasis and links (shown as their text).
const inline = (s) =>
  escape(s)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/\*(.+?)\*/g, '<em>$1</em>')
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1');

/// The Markdown of a document as simple HTML: headings, lists, paragraphs.
function toHtml(markdown) {
  const out = [];
  let list = null;
  let paragraph = [];
  const flush = () => {
    if (paragraph.length) out.push(`<p>${inline(paragraph.join(' '))}</p>`);
    paragraph = [];
  };
  const closeList = () => {
    if (list) out.push(`</${list}>`);
    list = null;
  };
  for (const line of markdown.split('\n')) {
    const heading = line.match(/^(#{2,4})\s+(.*)$/);
    const item = line.match(/^\s*(?:(\d+)[.)]|[-*])\s+(.*)$/);
    if (heading) {
      flush();
      closeList();
      out.push(`<h${heading[1].length}>${inline(heading[2])}</h${heading[1].length}>`);
    } else if (item) {
      flush();
      const kind = item[1] ? 'ol' : 'ul';
      if (list !== kind) {
        closeList();
        out.push(`<${kind}>`);
        list = kind;
      }
      out.push(`<li>${inline(item[2])}</li>`);
    } else if (line.trim() === '') {
      flush();
      closeList();
    } else {
      paragraph.push(line.trim().replace(/^>\s*(\[!\w+\]\s*)?/, ''));
    }
  }
  flush();
  closeList();
  return out.join('\n');
}

/// The front matter fields the rendering needs.
function front(text) {
  const [, matter = '', body = ''] = text.match(/^\+\+\+\n([\s\S]*?)\n\+\+\+\n?([\s\S]*)$/) ?? [];
  const field = (name) => matter.match(new RegExp(`^${name}\\s*=\\s*"((?:[^"\\\\]|\\\\.)*)"`, 'm'))?.[1] ?? '';
  const signed = [...(matter.match(/^signed_by\s*=\s*\[([\s\S]*?)\]/m)?.[1] ?? '').matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
  return { title: field('title'), signed, body };
}

/// The [[files]] entries and the fields of meta.toml the page header shows.
function meta(text) {
  const files = [...text.matchAll(/\[\[files\]\]\s*\n\s*lang\s*=\s*"(\w+)"\s*\n\s*file\s*=\s*"([^"]+)"/g)].map((m) => ({ lang: m[1], file: m[2] }));
  const field = (name) => text.match(new RegExp(`^${name}\\s*=\\s*"?([^"\\n]*)"?`, 'm'))?.[1] ?? '';
  return { files, number: field('number'), adopted: field('adopted'), extract: field('text') === 'extract' };
}

const jobs = [];
for (const slug of readdirSync(DOCUMENTS).sort()) {
  const dir = join(DOCUMENTS, slug);
  if (!existsSync(join(dir, 'meta.toml'))) continue;
  const m = meta(readFileSync(join(dir, 'meta.toml'), 'utf8'));
  for (const { lang, file } of m.files) {
    if (!file.endsWith('.pdf') || !existsSync(join(dir, `${lang}.md`))) continue;
    if (existsSync(join(dir, file)) && !force) continue;
    jobs.push({ dir, lang, file, meta: m, text: front(readFileSync(join(dir, `${lang}.md`), 'utf8')) });
  }
}
if (jobs.length === 0) {
  console.log('render-attachments: every listed file exists (use --force to render again)');
  process.exit(0);
}
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const page = await browser.newPage();
for (const job of jobs) {
  const { title, signed, body } = job.text;
  const requisites = [job.meta.number && `№ ${escape(job.meta.number)}`, escape(job.meta.adopted)].filter(Boolean).join(' · ');
  const html = `<!doctype html><html lang="${job.lang}"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font-family:"DejaVu Serif",serif;font-size:11pt;line-height:1.45;margin:0}h1{font-size:15pt}h2{font-size:13pt}h3{font-size:11.5pt}
.requisites{color:#333}.notice{border:1px solid #555;padding:6pt;font-size:9.5pt}</style></head><body>
${job.meta.extract ? `<p class="notice">${escape(NOTICE[job.lang] ?? NOTICE.en)}</p>` : ''}
<h1>${escape(title)}</h1><p class="requisites">${requisites}</p>
${toHtml(body)}
${signed.length ? `<p>${signed.map(escape).join('<br>')}</p>` : ''}
</body></html>`;
  await page.setContent(html);
  await page.pdf({ path: join(job.dir, job.file), format: 'A4', margin: { top: '20mm', bottom: '20mm', left: '20mm', right: '15mm' }, tagged: true });
  console.log(`render-attachments: ${join(job.dir, job.file).slice(ROOT.length)}`);
}
await browser.close();
