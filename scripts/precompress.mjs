// Writes .gz and .br beside every text and wasm file of the build, for
// nginx's gzip_static and brotli_static (see deploy/nginx.conf). index.html
// is left alone: deployers may edit it after the build, and a stale
// compressed copy would hide their change; nginx compresses it on the fly.
//
//   node scripts/precompress.mjs dist

import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = process.argv[2] ?? 'dist';
const COMPRESSIBLE = /\.(js|mjs|css|json|wasm|svg|xml|atom|txt|webmanifest)$/;
let files = 0, before = 0, gz = 0, br = 0;

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) { walk(path); continue; }
    if (!COMPRESSIBLE.test(name)) continue;
    const data = readFileSync(path);
    const gzipped = gzipSync(data, { level: 9 });
    const brotli = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } });
    writeFileSync(path + '.gz', gzipped);
    writeFileSync(path + '.br', brotli);
    files += 1; before += data.length; gz += gzipped.length; br += brotli.length;
  }
}
walk(root);
console.log(`precompress: ${files} files, ${before} bytes -> gzip ${gz}, brotli ${br}`);
