// npm run bench:web — the web app's weight and page scores: the gzip size of
// the JavaScript a first visit loads (the entry and what index.html preloads;
// routes are split and come later), and Lighthouse 12.8 performance and
// accessibility scores (Debian's chromium, headless) on the public agenda of
// the demo forum served by the all-in-one server on a throw-away database.
import 'reflect-metadata';
import { loadConfig } from '@roundtable/config';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { freePort } from '../support/disposable-redis';
import { kill, startApiProcess } from '../support/worker-process';
import { dropBenchDatabase } from './bench-database';

const WEB = resolve(__dirname, '../../dist/web');
const INITIAL_JS_BUDGET_KB = 250;
const SCORE_TARGET = 90;

function initialJs(): { files: string[]; gzipKb: number; rawKb: number } {
  const index = readFileSync(join(WEB, 'index.html'), 'utf8');
  const files = [...index.matchAll(/(?:src|href)="\/app\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  let gzip = 0;
  let raw = 0;
  for (const file of files) {
    const bytes = readFileSync(join(WEB, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, gzipKb: gzip / 1024, rawKb: raw / 1024 };
}

async function lighthouse(url: string): Promise<{ performance: number; accessibility: number; lcpMs: number }> {
  const bin = resolve(__dirname, '../../node_modules/.bin/lighthouse');
  const { stdout } = await promisify(execFile)(
    bin,
    [
      url,
      '--output=json',
      '--quiet',
      '--only-categories=performance,accessibility',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking',
    ],
    { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }, maxBuffer: 64 << 20 },
  );
  const report = JSON.parse(stdout) as {
    categories: Record<string, { score: number }>;
    audits: Record<string, { numericValue?: number }>;
  };
  return {
    performance: Math.round(report.categories.performance.score * 100),
    accessibility: Math.round(report.categories.accessibility.score * 100),
    lcpMs: Math.round(report.audits['largest-contentful-paint']?.numericValue ?? NaN),
  };
}

async function main(): Promise<void> {
  statSync(join(WEB, 'index.html')); // built by `npm run build:web` first (the script does)
  const js = initialJs();
  console.log(
    `initial JS: ${js.gzipKb.toFixed(1)} kB gzip (${js.rawKb.toFixed(0)} kB raw, ${js.files.length} file(s)); budget ${INITIAL_JS_BUDGET_KB} kB: ${js.gzipKb <= INITIAL_JS_BUDGET_KB ? 'within' : 'OVER'}`,
  );

  const runId = randomBytes(3).toString('hex');
  const env = {
    DB_NAME: `roundtable_bench_web_${runId}`,
    REDIS_PREFIX: `rt-bench-web-${runId}`,
    MAIL_DIR: join(tmpdir(), `roundtable-bench-web-${runId}`),
    DEMO_SEED: 'always',
    LOG_LEVEL: 'warn',
  };
  Object.assign(process.env, env);
  const port = await freePort();
  const server = await startApiProcess(port, env, { allInOne: true, timeoutMs: 300_000 });
  try {
    const base = `http://127.0.0.1:${port}`;
    const events = (await (await fetch(`${base}/events`)).json()) as { items: { id: string }[] };
    const pages = [
      ['public agenda', `${base}/app/events/${events.items[0].id}`],
      ['forum list', `${base}/app/`],
    ];
    for (const [name, url] of pages) {
      const scores = await lighthouse(url);
      const ok = scores.performance >= SCORE_TARGET && scores.accessibility >= SCORE_TARGET;
      console.log(
        `${name}: performance ${scores.performance}, accessibility ${scores.accessibility} (LCP ${scores.lcpMs} ms); target ${SCORE_TARGET}: ${ok ? 'met' : 'NOT met'}`,
      );
    }
  } finally {
    await kill(server);
    await dropBenchDatabase(loadConfig().db);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
