// npm run bench:web — the web app's weight and page scores: the gzip size of
// what a first visit loads before any screen (the entry, what index.html
// preloads, and one language's texts; screens are split and come later), and
// Lighthouse 12.8 performance and accessibility scores (Debian's chromium,
// headless) on the demo forum's public agenda, the forum list and a delegate's
// My schedule, served by the all-in-one server on a throw-away database.
//
// Lighthouse runs its default mobile profile with simulated throttling (slow
// 4G, a CPU four times slower than this one), named explicitly so every run
// is the same. The simulation still scales the CPU time this machine took, so
// a busy machine scores lower: each page is measured three times and the
// median printed, with Lighthouse's benchmark index of the machine at the
// time (higher is faster). Run it under `flock /tmp/roundtable-bench.lock`
// when `uptime` shows the machine quiet.
import 'reflect-metadata';
import { loadConfig } from '@roundtable/config';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import puppeteer, { type Browser } from 'puppeteer-core';
import { freePort } from '../support/disposable-redis';
import { kill, startApiProcess } from '../support/worker-process';
import { dropBenchDatabase } from './bench-database';
import { benchGrid } from './web-grid';

const WEB = resolve(__dirname, '../../dist/web');
const INITIAL_JS_BUDGET_KB = 250;
const SCORE_TARGET = 90;
const RUNS = 3;
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
/** A demo delegate (libs/demo): every demo account has the password DEMO_PASSWORD. */
const DELEGATE = { email: 'cn-001@delegates.example', password: 'roundtable-demo' };

function gzipKb(file: string): { raw: number; gzip: number } {
  const bytes = readFileSync(join(WEB, file));
  return { raw: bytes.length / 1024, gzip: gzipSync(bytes, { level: 9 }).length / 1024 };
}

/** The scripts index.html loads or preloads, and the largest language chunk (one is loaded before the first paint). */
function initialJs(): { files: string[]; gzipKb: number; rawKb: number; cssGzipKb: number } {
  const index = readFileSync(join(WEB, 'index.html'), 'utf8');
  const scripts = [...index.matchAll(/(?:src|href)="\/app\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const languages = readdirSync(join(WEB, 'assets'))
    .filter((file) => /^(zh|ru|en)-[\w-]+\.js$/.test(file))
    .map((file) => `assets/${file}`)
    .sort((a, b) => gzipKb(b).gzip - gzipKb(a).gzip);
  const files = [...scripts, ...languages.slice(0, 1)];
  const sizes = files.map(gzipKb);
  const css = [...index.matchAll(/href="\/app\/(assets\/[^"]+\.css)"/g)].map((m) => gzipKb(m[1]).gzip);
  return {
    files,
    gzipKb: sizes.reduce((sum, s) => sum + s.gzip, 0),
    rawKb: sizes.reduce((sum, s) => sum + s.raw, 0),
    cssGzipKb: css.reduce((sum, s) => sum + s, 0),
  };
}

interface Scores {
  performance: number;
  accessibility: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  benchmarkIndex: number;
}

async function lighthouse(url: string, debuggingPort: number, keepStorage: boolean): Promise<Scores> {
  const bin = resolve(__dirname, '../../node_modules/.bin/lighthouse');
  const { stdout } = await promisify(execFile)(
    bin,
    [
      url,
      `--port=${debuggingPort}`,
      '--output=json',
      '--quiet',
      '--only-categories=performance,accessibility',
      '--form-factor=mobile',
      '--throttling-method=simulate',
      // My schedule needs the session put in localStorage beforehand (see signIn).
      ...(keepStorage ? ['--disable-storage-reset'] : []),
    ],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 << 20 },
  );
  const report = JSON.parse(stdout) as {
    categories: Record<string, { score: number }>;
    audits: Record<string, { numericValue?: number }>;
    environment: { benchmarkIndex: number };
  };
  const ms = (audit: string) => Math.round(report.audits[audit]?.numericValue ?? NaN);
  return {
    performance: Math.round(report.categories.performance.score * 100),
    accessibility: Math.round(report.categories.accessibility.score * 100),
    fcpMs: ms('first-contentful-paint'),
    lcpMs: ms('largest-contentful-paint'),
    tbtMs: ms('total-blocking-time'),
    benchmarkIndex: Math.round(report.environment.benchmarkIndex),
  };
}

/**
 * A first visit of a signed-in delegate: nothing of the app cached, no service worker, only the session in
 * localStorage (set from an API page of the same origin, so no app file is fetched on the way).
 */
async function signIn(browser: Browser, base: string, session: unknown): Promise<void> {
  const page = await browser.newPage();
  try {
    const cdp = await page.createCDPSession();
    await cdp.send('Storage.clearDataForOrigin', { origin: base, storageTypes: 'all' });
    await cdp.send('Network.clearBrowserCache');
    await page.goto(`${base}/events`);
    await page.evaluate(
      (value) =>
        (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(
          'rt.session',
          value,
        ),
      JSON.stringify(session),
    );
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  statSync(join(WEB, 'index.html')); // built by `npm run build:web` first (the script does)
  const js = initialJs();
  console.log(
    `initial JS: ${js.gzipKb.toFixed(1)} kB gzip (${js.rawKb.toFixed(0)} kB raw, ${js.files.length} file(s)); budget ${INITIAL_JS_BUDGET_KB} kB: ${js.gzipKb <= INITIAL_JS_BUDGET_KB ? 'within' : 'OVER'}; CSS ${js.cssGzipKb.toFixed(1)} kB gzip`,
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
  const debuggingPort = await freePort();
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--remote-debugging-port=${debuggingPort}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
    ],
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    const events = (await (await fetch(`${base}/events`)).json()) as { items: { id: string }[] };
    const eventId = events.items[0].id;
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(DELEGATE),
    });
    if (!login.ok) throw new Error(`demo delegate login: ${login.status}`);
    const { accessToken, user } = (await login.json()) as { accessToken: string; user: unknown };

    const pages: { name: string; url: string; signedIn: boolean }[] = [
      { name: 'public agenda', url: `${base}/app/events/${eventId}`, signedIn: false },
      { name: 'forum list', url: `${base}/app/`, signedIn: false },
      { name: 'my schedule', url: `${base}/app/events/${eventId}/schedule`, signedIn: true },
    ];
    // BENCH_WEB=grid measures only the organisers' grid (the page scores take minutes)
    for (const { name, url, signedIn } of process.env.BENCH_WEB === 'grid' ? [] : pages) {
      const runs: Scores[] = [];
      for (let run = 0; run < RUNS; run++) {
        if (signedIn) await signIn(browser, base, { token: accessToken, user });
        runs.push(await lighthouse(url, debuggingPort, signedIn));
      }
      runs.sort((a, b) => a.performance - b.performance);
      const median = runs[Math.floor(RUNS / 2)];
      const ok = median.performance >= SCORE_TARGET && median.accessibility >= SCORE_TARGET;
      console.log(
        `${name}: performance ${median.performance} (runs ${runs.map((r) => r.performance).join('/')}), accessibility ${median.accessibility}; FCP ${median.fcpMs} ms, LCP ${median.lcpMs} ms, TBT ${median.tbtMs} ms; benchmark index ${median.benchmarkIndex}; target ${SCORE_TARGET}: ${ok ? 'met' : 'NOT met'}`,
      );
    }
    await benchGrid(base, loadConfig().db, { email: 'organiser@roundtable.example', password: 'roundtable-demo' });
  } finally {
    await browser.close();
    await kill(server);
    await dropBenchDatabase(loadConfig().db);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
