// The feedback service's figures (a benchmark, not a test): reports a
// second it accepts and stores from many readers at once, the time each
// answer takes, and the service's memory, on SQLite and, when run under
// scripts/postgres.sh (PORTAL_TEST_POSTGRES set), on PostgreSQL.
//
//   make bench-feedback          (REPORTS=5000 CLIENTS=50 by default)

import { spawn } from 'node:child_process';
import { readFileSync, rmSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const BIN = resolve(ROOT, process.env.FEEDBACK_BIN ?? 'target/native/portal-feedback');
const REPORTS = Number(process.env.REPORTS ?? 5000);
const CLIENTS = Number(process.env.CLIENTS ?? 50);

const freePort = () => new Promise((ok) => {
  const probe = createServer().listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => ok(port)); });
});

function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(status.match(new RegExp(`${name}:\\s+(\\d+) kB`))[1]);
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

async function run(name, database) {
  const port = await freePort();
  const child = spawn(BIN, ['--database', database, 'serve', '--api', resolve(ROOT, 'dist/api/v1'),
    '--listen', `127.0.0.1:${port}`, '--per-minute', '1000000'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}/feedback`;
  for (let i = 0; i < 200; i++) {
    try { if ((await fetch(`${base}/health`)).ok) break; } catch { await new Promise((ok) => setTimeout(ok, 50)); }
  }
  const idle = memory(child.pid);
  const routes = ['/pages/passport', '/agencies/ministry-of-justice', '/', '/news'];
  const times = [];
  let next = 0;
  let refused = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, async (_, client) => {
    while (next < REPORTS) {
      const n = next++;
      const body = JSON.stringify({
        id: `bench-${Date.now().toString(36)}-${n}`, route: routes[n % routes.length], lang: ['kk', 'ru', 'en'][n % 3],
        reason: 'outdated', text: `Ақпарат ескірген, телефон +7 701 123 45 67 (${client}/${n})`,
      });
      const t = performance.now();
      const answer = await fetch(`${base}/report`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      await answer.arrayBuffer();
      times.push(performance.now() - t);
      if (answer.status !== 201) refused += 1;
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  const loaded = memory(child.pid);
  child.kill('SIGTERM');
  await new Promise((ok) => child.once('exit', ok));
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
  console.log(`${name.padEnd(10)} ${REPORTS} reports from ${CLIENTS} clients: ${(REPORTS / seconds).toFixed(0)} reports/s, ` +
    `answer p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms; not stored: ${refused}; ` +
    `memory idle ${(idle.rss / 1024).toFixed(1)} MB, peak ${(loaded.peak / 1024).toFixed(1)} MB`);
}

const dir = resolve(ROOT, 'target/bench-feedback');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
await run('SQLite', `sqlite://${dir}/feedback.db`);
if (process.env.PORTAL_TEST_POSTGRES) {
  await run('PostgreSQL', `${process.env.PORTAL_TEST_POSTGRES}/postgres`);
} else {
  console.log('PostgreSQL: not run (run under scripts/postgres.sh, as make bench-feedback does)');
}
