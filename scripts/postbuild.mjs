// Trunk post-build hook: finishes dist/ for a strict deployment.
//  1. Moves Trunk's inline module loader into a hashed file, so the
//     Content-Security-Policy needs no 'unsafe-inline' and no per-build hash,
//     and puts public/paint-first.js (on a prerendered page, the app is
//     requested after the first paint) and public/preload.js (the page's
//     document is fetched while the WebAssembly downloads) before it.
//  2. Minifies the app's JavaScript (wasm-bindgen's glue and its snippets,
//     which Trunk leaves as written) with esbuild, and updates their
//     integrity hashes in index.html.
//  3. On a release build, optimises the app's WebAssembly
//     (scripts/optimise-wasm.mjs) and updates its integrity hash.
//  4. Writes the service worker with this build's id and app-shell files,
//     so a new deployment is noticed and an old one is never served forever.
// Runs in TRUNK_STAGING_DIR (or the folder given as the first argument).

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { optimiseWasm } from './optimise-wasm.mjs';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('no staging folder: run as a Trunk hook or pass the folder');
const hash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);

const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (match) {
  const part = (name) => readFileSync(new URL(`../public/${name}`, import.meta.url), 'utf8');
  // Trunk imports the app's JS glue statically, which would fetch it before
  // any of the loader runs; a dynamic import lets public/paint-first.js go first.
  const trunk = match[1].trim();
  const glue = trunk.match(/^import init, \* as bindings from '([^']+)';$/m);
  if (!glue) throw new Error("Trunk's loader has changed shape: update scripts/postbuild.mjs");
  const start = trunk.replace(glue[0], `const bindings = await import('${glue[1]}');\nconst init = bindings.default;`);
  const loader = part('paint-first.js') + part('preload.js') + start + '\n';
  const name = `boot-${hash(loader)}.js`;
  writeFileSync(join(dir, name), loader);
  const publicUrl = process.env.TRUNK_PUBLIC_URL ?? '/';
  html = html.replace(inline, `<script type="module" src="${publicUrl}${name}"></script>`);
} else if (!/<script type="module" src="[^"]*boot-/.test(html)) {
  throw new Error('index.html has no module loader: has Trunk changed its output?');
}

// The app shell: index.html and every hashed asset Trunk wrote.
const assets = readdirSync(dir).filter((f) => /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css|svg)$/.test(f)).sort();
// JavaScript modules the app imports (wasm-bindgen snippets, such as the
// search bridge): without them the app cannot start offline.
const snippets = [];
const walk = (rel) => {
  for (const name of readdirSync(join(dir, rel))) {
    const path = `${rel}/${name}`;
    if (statSync(join(dir, path)).isDirectory()) walk(path);
    else if (name.endsWith('.js')) snippets.push(path);
  }
};
if (existsSync(join(dir, 'snippets'))) walk('snippets');

/** Trunk's integrity attribute for `file` in index.html, made to match `content`. */
function setIntegrity(file, content) {
  const integrity = `sha384-${createHash('sha384').update(content).digest('base64')}`;
  const link = new RegExp(`(href="[^"]*/${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*integrity=")[^"]*(")`);
  if (!link.test(html)) throw new Error(`index.html names no integrity for ${file}: has Trunk changed its output?`);
  html = html.replace(link, `$1${integrity}$2`);
}

// The glue is the one script every reader downloads before the app starts:
// minified, it is about half its size. Names of properties and exports are
// kept, so the WebAssembly's imports still find their functions.
const glue = assets.filter((f) => /^portal-[0-9a-f]+\.js$/.test(f));
if (glue.length !== 1) throw new Error(`expected one wasm-bindgen glue file, found: ${glue.join(', ') || 'none'}`);
for (const file of [...glue, ...snippets]) {
  const path = join(dir, file);
  const code = transformSync(readFileSync(path, 'utf8'), { minify: true, format: 'esm', legalComments: 'none' }).code;
  writeFileSync(path, code);
  setIntegrity(file, code);
}

const wasm = assets.filter((f) => /^portal-[0-9a-f]+_bg\.wasm$/.test(f));
if (wasm.length !== 1) throw new Error(`expected one app wasm file, found: ${wasm.join(', ') || 'none'}`);
// Only on Trunk's fresh output (its inline loader still there): a folder
// finished before has lost the function names the optimiser needs.
let optimised = match ? 'not optimised (debug build)' : 'already optimised';
if (match && process.env.TRUNK_PROFILE !== 'debug') {
  const path = join(dir, wasm[0]);
  const { replaced, before, after } = optimiseWasm(path);
  setIntegrity(wasm[0], readFileSync(path));
  optimised = `wasm ${before} -> ${after} bytes (${replaced} functions never called replaced)`;
}
writeFileSync(indexPath, html);
// Plain static hosts answer unknown paths with 404.html: there it is the
// app, which shows the page the address names (or its own not-found page).
writeFileSync(join(dir, '404.html'), html);

// Relative to the service worker, which lives at the portal's root (sub-path or not).
const shell = ['index.html', ...assets, ...snippets.sort()];
const build = hash(shell.join('\n') + html);
const template = readFileSync(new URL('../public/sw.js', import.meta.url), 'utf8');
writeFileSync(join(dir, 'sw.js'), template.replace("'__BUILD_ID__'", JSON.stringify(build)).replace("'__SHELL__'", JSON.stringify(shell)));
console.log(`postbuild: loader moved to a file, ${1 + snippets.length} scripts minified, ${optimised}, service worker for build ${build} (${shell.length} shell files)`);
