// npm run bench:match — how good and how fast the recommendations are.
//
// 1. Quality on generated labelled sets (test/bench/match-labelled-set.ts,
//    seeded, separate from the lexicon's own tests): precision@5 and
//    recall@10, overall and for cross-language partners, of the recommender
//    and of the directory's text search as the baseline.
// 2. The demo forum: how many delegates get a suggestion, and sample reasons.
// 3. Speed at 2,000 delegates: the worker's full and incremental recompute,
//    and GET /events/:eventId/recommendations p50/p99 over HTTP on loopback
//    (a fresh database; the app in this process, as `npm start` runs it).
import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { newId } from '@roundtable/common';
import { dataSourceOptions, ensureDatabase, prepareDataSource } from '@roundtable/database';
import { loadConfig } from '@roundtable/config';
import { DEMO_SLUG, DemoSeedService } from '@roundtable/demo';
import { RecommendationRefreshService } from '@roundtable/recommendations';
import { randomBytes } from 'node:crypto';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createTestApp } from '../support/app';
import { createEventRow } from '../support/domain-factories';
import { createUser, createUsers } from '../support/factories';
import { dropBenchDatabase } from './bench-database';
import { generateLabelledSet } from './match-labelled-set';
import { QualityFigures, runLabelledSet } from './match-quality';

const SEEDS = [1, 2, 3];
const DELEGATES = Number(process.env.BENCH_DELEGATES ?? 2000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 4);
const BATCH = 200;

const pct = (n: number) => n.toFixed(3);

function quality(): void {
  console.log('1. Labelled sets (generated, seeds %s)', SEEDS.join(', '));
  const rows: Array<{ seed: number; companies: number; recommender: QualityFigures; baseline: QualityFigures }> = [];
  for (const seed of SEEDS) rows.push({ seed, ...runLabelledSet(seed) });
  const mean = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((a, r) => a + pick(r), 0) / rows.length;
  console.log('   seed companies | recommender P@5 R@10 xP@5 xR@10 | directory search P@5 R@10 xP@5 xR@10');
  for (const r of rows) {
    const f = (q: QualityFigures) =>
      [q.precisionAt5, q.recallAt10, q.crossPrecisionAt5, q.crossRecallAt10].map(pct).join(' ');
    console.log(`   ${r.seed}    ${r.companies}       | ${f(r.recommender)} | ${f(r.baseline)}`);
  }
  console.log(
    `   mean             | ${[
      mean((r) => r.recommender.precisionAt5),
      mean((r) => r.recommender.recallAt10),
      mean((r) => r.recommender.crossPrecisionAt5),
      mean((r) => r.recommender.crossRecallAt10),
    ]
      .map(pct)
      .join(' ')} | ${[
      mean((r) => r.baseline.precisionAt5),
      mean((r) => r.baseline.recallAt10),
      mean((r) => r.baseline.crossPrecisionAt5),
      mean((r) => r.baseline.crossRecallAt10),
    ]
      .map(pct)
      .join(' ')}`,
  );
  console.log('   (P@5: hits in the top 5 over min(5, true partners); x: only partners writing in another language)');
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t0 = process.hrtime.bigint();
  const result = await work();
  return [result, Number(process.hrtime.bigint() - t0) / 1e6];
}

async function refreshAll(app: INestApplication, eventId: string, ids: string[]): Promise<number> {
  const refresh = app.get(RecommendationRefreshService);
  const [, ms] = await timed(async () => {
    for (let i = 0; i < ids.length; i += BATCH) await refresh.refresh(eventId, ids.slice(i, i + BATCH));
  });
  return ms;
}

async function demoForum(app: INestApplication): Promise<void> {
  console.log('\n2. The demo forum');
  await app.get(DemoSeedService).seed();
  const ds = app.get(DataSource);
  const [event] = await ds.query<Array<{ id: string }>>('SELECT id FROM events WHERE slug = ?', [DEMO_SLUG]);
  const delegates = await ds.query<Array<{ id: string }>>(
    "SELECT id FROM registrations WHERE event_id = ? AND status = 'approved' AND role = 'delegate'",
    [event.id],
  );
  const ms = await refreshAll(
    app,
    event.id,
    delegates.map((d) => d.id),
  );
  const [covered] = await ds.query<Array<{ n: number | string }>>(
    'SELECT COUNT(DISTINCT registration_id) AS n FROM recommendation_pairs WHERE event_id = ?',
    [event.id],
  );
  const [pairs] = await ds.query<Array<{ n: number | string }>>(
    'SELECT COUNT(*) AS n FROM recommendation_pairs WHERE event_id = ?',
    [event.id],
  );
  console.log(
    `   ${delegates.length} approved delegates, ${Number(covered.n)} with at least one suggestion, ` +
      `${Number(pairs.n)} suggestions kept; computed in ${ms.toFixed(0)} ms`,
  );
  const samples = await ds.query<Array<{ details: string }>>(
    'SELECT details FROM recommendation_pairs WHERE event_id = ? ORDER BY score DESC LIMIT 3',
    [event.id],
  );
  for (const s of samples) {
    const d = JSON.parse(s.details) as { terms: Array<{ direction: string; offerClause: string; seekClause: string }> };
    console.log(
      `   e.g. ${d.terms.map((t) => `[${t.direction}] offer "${t.offerClause}" / seek "${t.seekClause}"`).join('; ')}`,
    );
  }
}

async function speed(app: INestApplication): Promise<void> {
  console.log(`\n3. Speed at ${DELEGATES} delegates (load average ${loadavg()[0].toFixed(1)} on this machine)`);
  const ds = app.get(DataSource);
  const organiser = await createUser(app);
  const event = await createEventRow(app, organiser);
  const set = generateLabelledSet(7, 115, Math.ceil(DELEGATES / 115) + 1);
  const companies = set.companies.slice(0, DELEGATES);
  const users = await createUsers(app, companies.length, { locale: 'en' });
  const ids = companies.map(() => newId());
  const companyIds = companies.map(() => newId());
  for (let i = 0; i < companies.length; i += 500) {
    const part = companies.slice(i, i + 500);
    await ds.query(
      'INSERT INTO companies (id, name, country, sectors, offers, seeks) VALUES ' +
        part.map(() => '(?, ?, ?, ?, ?, ?)').join(', '),
      part.flatMap((c, j) => [
        companyIds[i + j],
        `${c.name} ${randomBytes(3).toString('hex')}`,
        c.country,
        JSON.stringify([c.sector]),
        c.offers,
        c.seeks,
      ]),
    );
    await ds.query(
      `INSERT INTO registrations (id, event_id, user_id, company_id, role, status, languages, needs_interpreter, time_zone,
         share_email, badge_code, approved_at) VALUES ` +
        part.map(() => "(?, ?, ?, ?, 'delegate', 'approved', ?, 0, 'UTC', 0, ?, NOW(3))").join(', '),
      part.flatMap((c, j) => [
        ids[i + j],
        event.id,
        users[i + j].id,
        companyIds[i + j],
        JSON.stringify(c.languages),
        randomBytes(12).toString('hex'),
      ]),
    );
  }
  const full = await refreshAll(app, event.id, ids);
  const [pairs] = await ds.query<Array<{ n: number | string }>>(
    'SELECT COUNT(*) AS n FROM recommendation_pairs WHERE event_id = ?',
    [event.id],
  );
  console.log(`   full recompute: ${(full / 1000).toFixed(1)} s (${Number(pairs.n)} suggestions kept)`);
  const single: number[] = [];
  for (let i = 0; i < 10; i++) {
    // a delegate edits their registration: its profile is now older than its source
    await ds.query('UPDATE registrations SET needs_interpreter = NOT needs_interpreter WHERE id = ?', [ids[i * 97]]);
    const [, ms] = await timed(() => app.get(RecommendationRefreshService).refresh(event.id, [ids[i * 97]]));
    single.push(ms);
  }
  single.sort((a, b) => a - b);
  console.log(`   one changed delegate: median ${single[5].toFixed(0)} ms, max ${single[9].toFixed(0)} ms (10 runs)`);

  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < REQUESTS) {
        const i = next++;
        const viewer = (i * 7919) % users.length;
        const t0 = process.hrtime.bigint();
        const res = await fetch(`${url}/events/${event.id}/recommendations?limit=20`, {
          headers: { Authorization: `Bearer ${users[viewer].token}` },
        });
        await res.arrayBuffer();
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (res.status !== 200) failures++;
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  console.log(
    `   GET /recommendations?limit=20: ${REQUESTS} requests from ${CONNECTIONS} connections, ` +
      `${(REQUESTS / seconds).toFixed(0)} req/s, p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms, ` +
      `${failures} non-200 (load average now ${loadavg()[0].toFixed(1)})`,
  );
}

async function main(): Promise<void> {
  quality();
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  Object.assign(process.env, {
    DB_NAME: `roundtable_bench_match_${runId}`,
    REDIS_PREFIX: `rt-bench-match-${runId}`,
    MAIL_DIR: join(tmpdir(), `roundtable-bench-match-${runId}`),
    LOG_LEVEL: 'silent',
    DEMO_SEED: 'never',
    JWT_SECRET: `bench-${runId}`,
    // the bench drives the refresh itself; the background relay stays out of the way
    RECOMMENDATIONS_POLL_MS: '600000',
  });
  const db = loadConfig().db;
  const flavour = await ensureDatabase(db);
  const ds = await new DataSource(dataSourceOptions(db, flavour)).initialize();
  await prepareDataSource(ds, { runMigrations: true });
  await ds.destroy();
  const app = await createTestApp({ allInOne: true });
  try {
    await demoForum(app);
    await speed(app);
  } finally {
    await app.close();
    await dropBenchDatabase(db);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
