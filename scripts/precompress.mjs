// Writes .gz and .br beside every text and wasm file of the build, for
// nginx's gzip_static and brotli_static (see deploy/nginx.conf). index.html
// is left alone: deployers may edit it after the build, and a stale
// compressed copy would hide their change; nginx compresses it on the fly.
// A file whose copies are newer than it is skipped, and copies whose file
// is gone are removed.
//
//   node scripts/precompress.mjs dist
//   node scripts/precompress.mjs dist --written .dist.written
//
// With --written (the compiler's record of what it wrote, digest and path a
// line: make publish), only the files it lists are looked at, and only those
// whose digest changed since they were last compressed: at the size of the
// whole state, walking half a million files takes longer than the rest of a
// publication. What was compressed, by digest, is kept in .{name}.compressed
// beside the folder; a file it does not know is judged by its copies' times,
// as the walk does.

import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = process.argv[2] ?? 'dist';
const writtenAt = process.argv.indexOf('--written');
const written = writtenAt > 0 ? process.argv[writtenAt + 1] : undefined;
const COMPRESSIBLE = /\.(js|mjs|css|json|wasm|svg|xml|atom|txt|webmanifest)$/;
let files = 0, before = 0, gz = 0, br = 0, skipped = 0, removed = 0;

/** Writes the compressed copies of the file at `path`, unless they are newer than it. */
function compress(path, stat = statSync(path), force = false) {
  const fresh = (copy) => existsSync(copy) && statSync(copy).mtimeMs >= stat.mtimeMs;
  if (!force && fresh(path + '.gz') && fresh(path + '.br')) { skipped += 1; return; }
  const data = readFileSync(path);
  const gzipped = gzipSync(data, { level: 9 });
  const brotli = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } });
  // Beside their place first, so nginx never serves a half-written copy.
  for (const [suffix, bytes] of [['.gz', gzipped], ['.br', brotli]]) {
    writeFileSync(path + suffix + '.partial', bytes);
    renameSync(path + suffix + '.partial', path + suffix);
  }
  files += 1; before += data.length; gz += gzipped.length; br += brotli.length;
}

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) { walk(path); continue; }
    const copyOf = name.match(/^(.*)\.(gz|br)$/)?.[1];
    if (copyOf !== undefined) {
      if (COMPRESSIBLE.test(copyOf) && !existsSync(join(dir, copyOf))) { rmSync(path); removed += 1; }
      continue;
    }
    if (COMPRESSIBLE.test(name)) compress(path, stat);
  }
}

/** Digest by path, from a file of `digest<TAB>path` lines; empty if there is none. */
function digests(file) {
  const map = new Map();
  if (!existsSync(file)) return map;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) map.set(line.slice(tab + 1), line.slice(0, tab));
  }
  return map;
}

/** Compresses what the compiler's record lists and changed; drops the copies of what left it. */
function fromRecord() {
  const state = join(dirname(root), `.${basename(root)}.compressed`);
  const done = digests(state);
  const now = digests(written);
  let kept = '';
  for (const [path, digest] of now) {
    if (!COMPRESSIBLE.test(path)) continue;
    // A digest the record does not have is compressed again, whatever the
    // copies' times; a path it does not know at all is judged by them.
    if (done.get(path) === digest) skipped += 1; else compress(join(root, path), undefined, done.has(path));
    kept += `${digest}\t${path}\n`;
  }
  for (const path of done.keys()) {
    if (now.has(path)) continue;
    for (const suffix of ['.gz', '.br']) {
      if (existsSync(join(root, path + suffix))) { rmSync(join(root, path + suffix)); removed += 1; }
    }
  }
  writeFileSync(state + '.partial', kept);
  renameSync(state + '.partial', state);
}

if (written) fromRecord();
else {
  walk(root);
  // The walk may have rewritten copies the record describes: the next
  // publication starts from the copies' times again.
  rmSync(join(dirname(root), `.${basename(root)}.compressed`), { force: true });
}
console.log(`precompress: ${files} files, ${before} bytes -> gzip ${gz}, brotli ${br}; ${skipped} unchanged, ${removed} stale copies removed`);
