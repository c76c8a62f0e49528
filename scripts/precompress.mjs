// Writes .gz and .br beside every text and wasm file of the build, for
// nginx's gzip_static and brotli_static (see deploy/nginx.conf). index.html
// is left alone: deployers may edit it after the build, and a stale
// compressed copy would hide their change; nginx compresses it on the fly.
// A file whose copies are newer than it is skipped, and copies whose file
// is gone are removed, so a publication (make publish) compresses only what
// it changed.
//
//   node scripts/precompress.mjs dist

import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = process.argv[2] ?? 'dist';
const COMPRESSIBLE = /\.(js|mjs|css|json|wasm|svg|xml|atom|txt|webmanifest)$/;
let files = 0, before = 0, gz = 0, br = 0, skipped = 0, removed = 0;

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
    if (!COMPRESSIBLE.test(name)) continue;
    const fresh = (copy) => existsSync(copy) && statSync(copy).mtimeMs >= stat.mtimeMs;
    if (fresh(path + '.gz') && fresh(path + '.br')) { skipped += 1; continue; }
    const data = readFileSync(path);
    const gzipped = gzipSync(data, { level: 9 });
    const brotli = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } });
    writeFileSync(path + '.gz', gzipped);
    writeFileSync(path + '.br', brotli);
    files += 1; before += data.length; gz += gzipped.length; br += brotli.length;
  }
}
walk(root);
console.log(`precompress: ${files} files, ${before} bytes -> gzip ${gz}, brotli ${br}; ${skipped} unchanged, ${removed} stale copies removed`);
