// npm run bench:api — autocannon on loopback against an api process with a
// worker process beside it (the scale-out topology of the README: the api
// serves HTTP, the worker relays and sends the mail, so the measured HTTP side
// does not share its CPU with mail rendering), holding the demo
// forum, a 5,000-delegate forum for the directory and fresh forums for
// bookings and the registration rush; and, in the same run, the same database
// work done with raw mysql2 queries (no HTTP, no ORM, no Nest) at the same
// concurrency, as the physical limit. Prints requests/s, p50/p99 latency and
// the ratio to the raw limit for each, the server's peak RSS, and checks the
// rush (capacity exact, the waiting list in arrival order).
import 'reflect-metadata';
import { JwtService } from '@nestjs/jwt';
import { newId } from '@roundtable/common';
import { loadConfig } from '@roundtable/config';
import { SESSION_SETTINGS } from '@roundtable/database';
import { DEMO_SLUG } from '@roundtable/demo';
import { indexTerms, searchTerms } from '../../libs/registrations/src/directory-terms';
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPool, Pool, PoolConnection, RowDataPacket } from 'mysql2/promise';
import { freePort } from '../support/disposable-redis';
import { MariaDbPair } from '../support/mariadb-pair';
import { BUILT_API, BUILT_WORKER, kill, startApiProcess, startWorkerProcess } from '../support/worker-process';
import { ChildProcess, execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dropBenchDatabase } from './bench-database';
import { generateLabelledSet } from './match-labelled-set';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
/**
 * Seconds each read runs, on each side, before it is measured: the measured figures are a warm process's (the
 * JIT's first minutes are not what a forum's morning sees).
 */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** Bookings and registrations are writes that each need fresh rows: a fixed count, not a duration. */
const WRITES = Number(process.env.BENCH_WRITES ?? 1500);
/** Delegates of the forum the directory is searched in. */
const DIRECTORY = Number(process.env.BENCH_DIRECTORY ?? 5000);
/** Registrations in the rush, against a capacity of three quarters of them. */
const RUSH = Number(process.env.BENCH_RUSH ?? 2000);
const RUSH_CAPACITY = Math.round(RUSH * 0.75);
/** Only the scenarios whose names start with one of these (comma-separated), e.g. BENCH_ONLY=booking,my; all when unset. */
const ONLY = (process.env.BENCH_ONLY ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
/** When set, the bench's database is kept at the end (its name is printed first), to look into. */
const KEEP_DB = Boolean(process.env.BENCH_KEEP_DB);
/** A directory to write the measured api's and worker's CPU profiles to (node --cpu-prof), when set. */
const CPU_PROF = process.env.BENCH_CPU_PROF;
const profiled = CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`] : [];
const SLOTS = 24;
const PAIRS = 70;
/**
 * Bookings made, on each side, before the measured ones, in a forum of their own made like the measured one (at
 * most its SLOTS × PAIRS rows, all of them by default): writes warm up as reads do. With 150 the api's JIT was
 * still compiling through the measured bookings (TurboFan's threads took 13% of the machine's CPU in them, by
 * perf), and the measured figures were a cold process's.
 */
const WARMUP_WRITES = Math.min(Number(process.env.BENCH_WARMUP_WRITES ?? SLOTS * PAIRS), SLOTS * PAIRS);

type Rows = RowDataPacket[];

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  failures: number;
  ops: number;
  /** Wall-clock times (ms) of the first request sent and the last answer received. */
  startedAt: number;
  endedAt: number;
  /**
   * CPU milliseconds per operation spent by the api server, the worker process beside it, the database server
   * and this process (the load generator or the raw client).
   */
  cpu?: { server: number; worker: number | null; db: number | null; bench: number };
}

interface Scenario {
  name: string;
  http: autocannon.Options;
  raw: (conn: PoolConnection, i: number) => Promise<void>;
  /** Fixed number of operations instead of a duration. */
  amount?: number;
  /** Unmeasured writes first, on each side (reads warm up by running WARMUP seconds unmeasured). */
  warmup?: { http: autocannon.Options; raw: (conn: PoolConnection, i: number) => Promise<void>; amount: number };
  /** Runs between the HTTP side and the raw side (e.g. reads what the HTTP side wrote, for the raw side to write the same). */
  beforeRaw?: () => Promise<void>;
  /**
   * For writes that send mail: the events each side writes to. A side's time and CPU then run until its due mail is
   * sent, so both sides pay for the mail their writes cause (see untilMailSent).
   */
  mailOf?: { http: string; raw: string };
}

/** How often the bench's worker looks for due mail (the default is 1 s): a side's wait for its last mail stays short. */
const OUTBOX_POLL_MS = 100;

/**
 * Waits until the event has no due mail left to send. A write row's side ends when its last mail is sent, not
 * when its last request answers: the worker sends the mail of both sides, and a side that ended before its mail
 * was sent would leave that work outside its window (the raw side, twice as fast, left most of it: with 200
 * bookings its worker CPU per booking read 0.20 ms against the HTTP side's 1.10, for the same mails). Measured
 * this way a row is the rate the forum can keep up, mail included, and the worker's CPU per operation comes out
 * close on both sides.
 */
async function untilMailSent(pool: Pool, eventId: string): Promise<void> {
  for (;;) {
    const [[row]] = await pool.query<Rows>(
      "SELECT COUNT(*) AS n FROM outbox WHERE event_id = ? AND status IN ('pending', 'queued') AND due_at <= NOW(3)",
      [eventId],
    );
    if (Number(row.n) === 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * `run`, then (for a write row) its mail sent: throughput counts from the first request to the last answer or
 * the last of the side's mails sent (the worker's `sent_at`), whichever is later.
 */
async function untilDone(run: () => Promise<Figures>, mailOf?: { pool: Pool; eventId: string }): Promise<Figures> {
  const figures = await run();
  if (!mailOf) return figures;
  await untilMailSent(mailOf.pool, mailOf.eventId);
  const [[row]] = await mailOf.pool.query<Rows>(
    "SELECT MAX(sent_at) AS last FROM outbox WHERE event_id = ? AND status = 'sent' AND sent_at >= ?",
    [mailOf.eventId, new Date(figures.startedAt)],
  );
  const lastMail = row.last ? new Date(row.last as Date).getTime() : 0;
  figures.endedAt = Math.max(figures.endedAt, lastMail);
  figures.rps = figures.ops / ((figures.endedAt - figures.startedAt) / 1000);
  return figures;
}

/** Runs `op` from CONNECTIONS concurrent loops on a pool of that size, for SECONDS or `amount` operations. */
async function runRaw(pool: Pool, op: Scenario['raw'], amount?: number, seconds = SECONDS): Promise<Figures> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const deadline = Date.now() + seconds * 1000;
  const startedAt = Date.now();
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const conn = await pool.getConnection();
      try {
        for (;;) {
          if (amount !== undefined ? next >= amount : Date.now() >= deadline) break;
          const i = next++;
          const t0 = process.hrtime.bigint();
          try {
            await op(conn, i);
          } catch (error) {
            failures++;
            if (failures === 1) console.error('raw failure:', error);
          }
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        }
      } finally {
        conn.release();
      }
    }),
  );
  const took = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    rps: latencies.length / took,
    p50: at(0.5),
    p99: at(0.99),
    failures,
    ops: latencies.length,
    startedAt,
    endedAt: startedAt + took * 1000,
  };
}

/** CPU seconds (user + system) a process has used so far (Linux), or null when it cannot be read. */
function cpuSeconds(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** The database server's process when it runs on this machine (where CPU per operation can be read). */
function databasePid(): number | undefined {
  try {
    return Number(execSync('pgrep -x mariadbd || pgrep -x mysqld', { encoding: 'utf8' }).split('\n')[0]) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs `measure` and adds the CPU each process spent per operation: on a
 * shared, busy machine throughput swings from run to run, CPU per operation
 * much less.
 */
async function withCpu(server: ChildProcess, worker: ChildProcess, measure: () => Promise<Figures>): Promise<Figures> {
  const db = databasePid();
  const before = {
    server: cpuSeconds(server.pid) ?? 0,
    worker: cpuSeconds(worker.pid),
    db: cpuSeconds(db),
    bench: process.cpuUsage(),
  };
  const figures = await measure();
  const ops = Math.max(1, figures.ops);
  const dbAfter = cpuSeconds(db);
  const workerAfter = cpuSeconds(worker.pid);
  const bench = process.cpuUsage(before.bench);
  figures.cpu = {
    server: (((cpuSeconds(server.pid) ?? 0) - before.server) * 1000) / ops,
    worker: workerAfter !== null && before.worker !== null ? ((workerAfter - before.worker) * 1000) / ops : null,
    db: dbAfter !== null && before.db !== null ? ((dbAfter - before.db) * 1000) / ops : null,
    bench: (bench.user + bench.system) / 1000 / ops,
  };
  return figures;
}

/**
 * A window of the quiet check: longer than the worker's slowest poll (RECOMMENDATIONS_POLL_MS, 2 s), so work a
 * poll does each time lands in every window. With one-second windows, a pass of 0.8 s of database work every
 * 2.9 s could leave two windows in a row idle, and the bench measured beside it.
 */
const QUIET_WINDOW_MS = 3_000;

/**
 * Waits until the api, the worker and the database are idle (under 5% of a core each over a window, twice in a
 * row; at most `limitMs`). After a start the worker sends the demo's backlog of mail and the api warms up; after
 * the directory forum's import the worker refreshes 5,000 delegates' recommendations; after a write row it
 * sends its mail. Work left over from one row would otherwise land on the next row's measured side.
 */
async function untilQuiet(processes: ChildProcess[], limitMs = 60_000): Promise<{ seconds: number; quiet: boolean }> {
  const pids = [...processes.map((p) => p.pid), databasePid()];
  const started = Date.now();
  let quiet = 0;
  while (quiet < 2 && Date.now() - started < limitMs) {
    const before = pids.map((pid) => cpuSeconds(pid) ?? 0);
    await new Promise((r) => setTimeout(r, QUIET_WINDOW_MS));
    const busiest = Math.max(...pids.map((pid, i) => (cpuSeconds(pid) ?? 0) - before[i]));
    quiet = busiest < 0.05 * (QUIET_WINDOW_MS / 1000) ? quiet + 1 : 0;
  }
  return { seconds: (Date.now() - started) / 1000, quiet: quiet >= 2 };
}

/** Until every approved delegate (role delegate) of the event has a recommendation profile and none is marked changed. */
async function untilRecommendationsRefreshed(pool: Pool, eventId: string, limitMs: number): Promise<{ done: boolean }> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    const [[row]] = await pool.query<Rows>(
      `SELECT (SELECT COUNT(*) FROM registrations WHERE event_id = ? AND status = 'approved' AND role = 'delegate') AS approved,
              (SELECT COUNT(*) FROM recommendation_profiles WHERE event_id = ?) AS profiles,
              (SELECT COUNT(*) FROM recommendation_dirty WHERE event_id = ?) AS dirty`,
      [eventId, eventId, eventId],
    );
    if (Number(row.profiles) >= Number(row.approved) && Number(row.dirty) === 0) return { done: true };
    await new Promise((r) => setTimeout(r, 1000));
  }
  return { done: false };
}

/** `work` in one transaction on `conn`: committed, or rolled back and rethrown. */
async function inRawTransaction(conn: PoolConnection, work: () => Promise<void>): Promise<void> {
  await conn.beginTransaction();
  try {
    await work();
    await conn.commit();
  } catch (error) {
    await conn.rollback();
    throw error;
  }
}

/**
 * autocannon run for a duration, or for an amount of requests. autocannon ends an amount's run only at its next
 * one-second sample, so its own duration rounds the run up to whole seconds (1,500 bookings answered in 6.4 s
 * read as 7 s); an amount's rate is taken from the first request to the last answer instead.
 */
async function runHttp(options: autocannon.Options): Promise<Figures> {
  const startedAt = Date.now();
  let endedAt = startedAt;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ connections: CONNECTIONS, ...options }, (error, done) =>
      error ? reject(error as Error) : resolve(done),
    );
    instance.on('response', () => (endedAt = Date.now()));
  });
  if (options.amount === undefined) endedAt = startedAt + result.duration * 1000;
  return {
    rps: result.requests.total / ((endedAt - startedAt) / 1000),
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
    ops: result.requests.total,
    startedAt,
    endedAt,
  };
}

/** Copies the demo event's row under a new id with other columns: a forum of the bench's own. */
async function cloneEvent(
  pool: Pool,
  demoId: string,
  label: string,
  columns: Record<string, unknown>,
): Promise<string> {
  const eventId = newId();
  const [rows] = await pool.query<Rows>(
    "SELECT COLUMN_NAME AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'events' ORDER BY ORDINAL_POSITION",
  );
  const names = rows.map((r) => String(r.c));
  const overrides: Record<string, unknown> = {
    id: eventId,
    slug: `bench-${label}-${randomBytes(3).toString('hex')}`,
    ...columns,
  };
  const select = names.map((n) => (n in overrides ? '?' : `\`${n}\``)).join(', ');
  await pool.query(
    `INSERT INTO events (${names.map((n) => `\`${n}\``).join(', ')}) SELECT ${select} FROM events WHERE id = ?`,
    [...names.filter((n) => n in overrides).map((n) => overrides[n]), demoId],
  );
  return eventId;
}

/** Shuffles `items` in place, the same way for the same seed (mulberry32, Fisher–Yates). */
function shuffle<T>(items: T[], seed: number): void {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}

/** A forum just for bookings: accepted requests, each to be booked into its own slot. */
async function bookingForum(pool: Pool, demoId: string, passwordHash: string, label: string) {
  const windows = Array.from({ length: 3 }, (_, d) => ({ date: `2027-09-0${d + 1}`, start: '09:00', end: '13:00' }));
  const eventId = await cloneEvent(pool, demoId, label, {
    starts_at: new Date('2027-09-01T00:00:00Z'),
    ends_at: new Date('2027-09-03T12:00:00Z'),
    schedule_status: 'draft',
    meeting_settings: JSON.stringify({
      slotMinutes: 30,
      tables: PAIRS,
      windows,
      maxMeetingsPerDelegate: SLOTS,
      maxPendingRequests: 30,
      requestExpiryHours: 72,
      reminderLeadMinutes: [1440, 15],
    }),
  });
  // 2 × PAIRS delegates who share English; a round-robin gives each slot PAIRS disjoint pairs.
  const users = Array.from({ length: 2 * PAIRS }, (_, i) => ({ id: newId(), reg: newId(), i }));
  await pool.query('INSERT INTO users (id, email, password_hash, name, locale, time_zone) VALUES ?', [
    users.map((u) => [u.id, `${label}-${u.i}@bench.example`, passwordHash, `Bench Delegate ${u.i}`, 'en', 'UTC']),
  ]);
  await pool.query(
    `INSERT INTO registrations (id, event_id, user_id, role, status, languages, needs_interpreter, time_zone, share_email, badge_code, approved_at)
     VALUES ?`,
    [
      users.map((u) => [
        u.reg,
        eventId,
        u.id,
        'delegate',
        'approved',
        '["en"]',
        0,
        'UTC',
        0,
        randomBytes(12).toString('hex'),
        new Date(),
      ]),
    ],
  );
  const bookings: { requestId: string; slot: number; userId: string }[] = [];
  const rows: unknown[][] = [];
  const n = users.length;
  for (let round = 0; round < SLOTS; round++) {
    for (let k = 0; k < n / 2; k++) {
      const a = k === 0 ? 0 : ((round + k - 1) % (n - 1)) + 1;
      const b = ((round + n - 1 - k - 1) % (n - 1)) + 1;
      const [from, to] = [users[a], users[b]];
      const pairKey = [from.reg, to.reg].sort().join(':');
      const id = newId();
      rows.push([id, eventId, from.reg, to.reg, pairKey, 'accepted', new Date(Date.now() + 864e5), pairKey]);
      bookings.push({ requestId: id, slot: round, userId: from.id });
    }
  }
  for (let i = 0; i < rows.length; i += 500)
    await pool.query(
      'INSERT INTO meeting_requests (id, event_id, from_registration_id, to_registration_id, pair_key, status, expires_at, active_pair) VALUES ?',
      [rows.slice(i, i + 500)],
    );
  return { eventId, bookings };
}

async function newUsers(pool: Pool, passwordHash: string, label: string, count: number) {
  const users = Array.from({ length: count }, (_, i) => ({ id: newId(), i }));
  for (let i = 0; i < users.length; i += 500)
    await pool.query('INSERT INTO users (id, email, password_hash, name, locale, time_zone) VALUES ?', [
      users
        .slice(i, i + 500)
        .map((u) => [
          u.id,
          `${label}-${u.i}@bench.example`,
          passwordHash,
          `Новый участник ${u.i}`,
          'ru',
          'Europe/Moscow',
        ]),
    ]);
  return users;
}

/**
 * A forum of `count` approved delegates whose companies write their offers
 * and seeks in Chinese, Russian or English (bench:match's generator), written
 * straight into the tables as an import would: the api indexes them for the
 * directory when it next starts.
 */
async function directoryForum(pool: Pool, demoId: string, passwordHash: string, count: number) {
  const eventId = await cloneEvent(pool, demoId, 'directory', {});
  const companies = generateLabelledSet(11, 115, Math.ceil(count / 115) + 1).companies.slice(0, count);
  const people = companies.map((c, i) => ({ user: newId(), company: newId(), registration: newId(), c, i }));
  for (let i = 0; i < people.length; i += 500) {
    const part = people.slice(i, i + 500);
    await pool.query('INSERT INTO users (id, email, password_hash, name, locale, time_zone) VALUES ?', [
      part.map((p) => [p.user, `dir-${p.i}@bench.example`, passwordHash, `Delegate ${p.i}`, p.c.language, 'UTC']),
    ]);
    await pool.query('INSERT INTO companies (id, name, country, sectors, offers, seeks) VALUES ?', [
      part.map((p) => [
        p.company,
        `${p.c.name} ${p.i}`,
        p.c.country,
        JSON.stringify([p.c.sector]),
        p.c.offers,
        p.c.seeks,
      ]),
    ]);
    await pool.query(
      `INSERT INTO registrations (id, event_id, user_id, company_id, role, status, languages, needs_interpreter, time_zone,
         share_email, badge_code, approved_at) VALUES ?`,
      [
        part.map((p) => [
          p.registration,
          eventId,
          p.user,
          p.company,
          'delegate',
          'approved',
          JSON.stringify(p.c.languages),
          0,
          'UTC',
          0,
          randomBytes(12).toString('hex'),
          new Date(),
        ]),
      ],
    );
  }
  // searches a delegate would type: the start of a Russian word, two Chinese characters
  const ru = people
    .find((p) => p.c.language === 'ru')!
    .c.offers.split(/\s+/)
    .find((w) => w.length >= 6)!;
  const zh = [...people.find((p) => p.c.language === 'zh')!.c.offers.replace(/[^\p{Script=Han}]/gu, '')]
    .slice(0, 2)
    .join('');
  return { eventId, viewer: people[0].user, queries: { ru: ru.slice(0, 5).toLowerCase(), zh } };
}

/** A forum open for registration without approval, with room for RUSH_CAPACITY delegates. */
const rushForum = (pool: Pool, demoId: string, label: string) =>
  cloneEvent(pool, demoId, label, {
    capacity: RUSH_CAPACITY,
    requires_approval: 0,
    registration_opens_at: null,
    registration_closes_at: null,
  });

/** The rush's outcome: capacity exact, and everyone approved registered before everyone waitlisted. */
async function checkRush(pool: Pool, eventId: string): Promise<string> {
  const [rows] = await pool.query<Rows>(
    'SELECT status, COUNT(*) AS n, MIN(created_at) AS first, MAX(created_at) AS last FROM registrations WHERE event_id = ? GROUP BY status',
    [eventId],
  );
  const by = new Map(rows.map((r) => [String(r.status), r]));
  const approved = Number(by.get('approved')?.n ?? 0);
  const waitlisted = Number(by.get('waitlisted')?.n ?? 0);
  const inOrder = !by.has('waitlisted') || by.get('approved')!.last <= by.get('waitlisted')!.first;
  return `${approved} approved (capacity ${RUSH_CAPACITY}), ${waitlisted} waitlisted, ${inOrder ? 'in arrival order' : 'OUT OF ORDER'}`;
}

/** Peak resident memory of a process, in MB (Linux). */
function peakRssMb(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

const OUTBOX = `INSERT INTO outbox (id, type, dedupe_key, event_id, subject, recipient_user_id, recipient_email, recipient_name,
  recipient_locale, recipient_time_zone, event_time_zone, event_locale, payload, calendar, status, attempts, due_at) VALUES ?`;
/** Per mail type, the payload and calendar the api wrote on the HTTP side (see copyMails). */
const mailCopies = new Map<string, { payload: string; calendar: string | null }>();

/** Reads one mail of each type the api wrote for an event, for the raw side to write the same payload. */
async function copyMails(pool: Pool, eventId: string, types: string[]): Promise<void> {
  for (const type of types) {
    const [[row]] = await pool.query<Rows>(
      'SELECT payload, calendar FROM outbox WHERE event_id = ? AND type = ? ORDER BY created_at DESC LIMIT 1',
      [eventId, type],
    );
    if (!row) throw new Error(`The HTTP side wrote no ${type} mail for event ${eventId}`);
    const text = (v: unknown) => (v === null ? null : typeof v === 'string' ? v : JSON.stringify(v));
    mailCopies.set(type, { payload: text(row.payload)!, calendar: text(row.calendar) });
  }
}

const outboxRow = (type: string, key: string, eventId: string, subject: string, userId: string, dueAt: Date) => [
  newId(),
  type,
  key,
  eventId,
  subject,
  userId,
  `${userId}@bench.example`,
  'Bench',
  'en',
  'UTC',
  'Asia/Shanghai',
  'zh',
  mailCopies.get(type)?.payload ?? '{"eventName":"Bench"}',
  mailCopies.get(type)?.calendar ?? null,
  'pending',
  0,
  dueAt,
];

async function main(): Promise<void> {
  const runId = Date.now().toString(36);
  const port = await freePort();
  const env = {
    NODE_ENV: 'development',
    DB_NAME: `roundtable_bench_api_${runId}`,
    REDIS_PREFIX: `rt-bench-api-${runId}`,
    MAIL_DIR: join(tmpdir(), `roundtable-bench-api-${runId}`),
    LOG_LEVEL: 'warn',
    OUTBOX_POLL_MS: String(OUTBOX_POLL_MS),
    DEMO_SEED: 'always',
    JWT_SECRET: `bench-${randomBytes(8).toString('hex')}`,
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  };
  Object.assign(process.env, env);
  const config = loadConfig();
  console.log(`bench:api — starting the api with the demo forum (${env.DB_NAME}) …`);
  let server = await startApiProcess(port, env, { timeoutMs: 120_000, script: BUILT_API });
  let worker: ChildProcess | null = null;
  const base = `http://127.0.0.1:${port}`;
  const pool = createPool({
    host: config.db.host,
    port: config.db.port,
    user: config.db.user,
    password: config.db.password,
    database: config.db.name,
    connectionLimit: CONNECTIONS,
    timezone: 'Z',
    charset: 'utf8mb4',
  });
  // The api's session settings (UTC, READ COMMITTED): the raw transactions run at the api's isolation.
  pool.pool.on('connection', (connection) => {
    for (const sql of SESSION_SETTINGS) connection.query(sql);
  });
  try {
    const jwt = new JwtService({ secret: env.JWT_SECRET, signOptions: { algorithm: 'HS256' } });
    // One session token per person, as a browser keeps it: a delegate's bookings all carry the same token, so
    // neither side signs or checks a signature per request (0.5 ms of CPU each here).
    const tokens = new Map<string, string>();
    const token = (userId: string) => {
      let bearer = tokens.get(userId);
      if (!bearer) tokens.set(userId, (bearer = `Bearer ${jwt.sign({ sub: userId }, { expiresIn: 3600 })}`));
      return bearer;
    };
    const [[demo]] = await pool.query<Rows>('SELECT id FROM events WHERE slug = ?', [DEMO_SLUG]);
    const demoId = String(demo.id);
    const [[delegate]] = await pool.query<Rows>(
      "SELECT u.id, u.password_hash FROM users u WHERE u.email = 'cn-001@delegates.example'",
    );
    const delegateId = String(delegate.id);
    const hash = String(delegate.password_hash);
    /** A booking forum for each side; `suffix` tells the rows' forums apart (their slugs, their delegates' e-mails). */
    const bookingForums = async (suffix: string) => ({
      http: await bookingForum(pool, demoId, hash, `http${suffix}`),
      raw: await bookingForum(pool, demoId, hash, `raw${suffix}`),
    });
    // Bookings in no particular slot order (pairs booking the slots they agreed on, as a forum's opening minute
    // brings them), and bookings that all go into one slot after another (the first slot of the day, wanted by all).
    const anySlot = await bookingForums('');
    const oneSlot = await bookingForums('-1');
    // each booking row warms up on forums of its own, booked in the same order as its measured ones
    const warmAnySlot = await bookingForums('-warm');
    const warmOneSlot = await bookingForums('-1-warm');
    for (const forum of [anySlot.http, anySlot.raw, warmAnySlot.http, warmAnySlot.raw]) shuffle(forum.bookings, 21);
    const httpRush = await rushForum(pool, demoId, 'rush-http');
    const rawRush = await rushForum(pool, demoId, 'rush-raw');
    const httpRegistrants = await newUsers(pool, hash, 'reg-http', RUSH);
    const rawRegistrants = await newUsers(pool, hash, 'reg-raw', RUSH);
    // Only when its rows are chosen: the worker also refreshes recommendations for 5,000 new delegates,
    // minutes of background work (waited for below) before any row can be measured.
    const directory =
      ONLY.length === 0 || ONLY.some((prefix) => 'directory'.startsWith(prefix) || prefix.startsWith('directory'))
        ? await directoryForum(pool, demoId, hash, DIRECTORY)
        : null;
    // The directory forum was written around the api, as an import would: a restart indexes it.
    await kill(server);
    const restarted = Date.now();
    server = await startApiProcess(port, env, {
      timeoutMs: 120_000,
      nodeArgs: profiled,
      script: BUILT_API,
    });
    // As deployed past one process (README, scale-out): the worker relays and sends the mail beside the api.
    worker = await startWorkerProcess(env, { script: BUILT_WORKER, timeoutMs: 120_000, nodeArgs: profiled });
    for (; directory;) {
      const [[row]] = await pool.query<Rows>('SELECT COUNT(*) AS n FROM directory_entries WHERE event_id = ?', [
        directory.eventId,
      ]);
      if (Number(row.n) >= DIRECTORY) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    if (directory) {
      console.log(
        `directory forum: ${DIRECTORY} delegates written around the api, indexed ${((Date.now() - restarted) / 1000).toFixed(1)} s after a restart (start-up included)`,
      );
      // Their recommendations are the worker's, in batches, for minutes: measured beside them, every row
      // would share the machine with that work. Waited for up to 20 minutes; the line printed says whether
      // it ended.
      const refreshed = await untilRecommendationsRefreshed(pool, directory.eventId, 20 * 60_000);
      console.log(
        `directory forum: recommendations ${refreshed.done ? 'refreshed' : 'still refreshing'} ${((Date.now() - restarted) / 1000).toFixed(0)} s after the restart`,
      );
    }
    const slotStart = (slot: number) =>
      new Date(Date.parse(`2027-09-0${Math.floor(slot / 8) + 1}T01:00:00Z`) + (slot % 8) * 30 * 60_000);

    /** The api's booking, in raw statements: the same locks, reads and rows (its mails as the api wrote them). */
    const rawBook = async (c: PoolConnection, eventId: string, b: { requestId: string; slot: number }) => {
      await inRawTransaction(c, async () => {
        // the locks the api takes: the event shared, the two delegates, the request, the slot (the delegates
        // shared: the forum's cap is its slot count, so it cannot bind)
        await c.query('SELECT * FROM events WHERE id = ? LOCK IN SHARE MODE', [eventId]);
        const [[found]] = await c.query<Rows>('SELECT * FROM meeting_requests WHERE id = ?', [b.requestId]);
        await c.query(
          'SELECT * FROM registrations WHERE event_id = ? AND id IN (?, ?) ORDER BY id LOCK IN SHARE MODE',
          [eventId, found.from_registration_id, found.to_registration_id],
        );
        const [[r]] = await c.query<Rows>('SELECT * FROM meeting_requests WHERE id = ? FOR UPDATE', [b.requestId]);
        await c.query("SELECT 1 FROM meetings WHERE request_id = ? AND status = 'scheduled'", [b.requestId]);
        await c.query(
          'INSERT INTO meeting_slot_locks (event_id, slot_index) VALUES (?, ?) ON DUPLICATE KEY UPDATE slot_index = slot_index',
          [eventId, b.slot],
        );
        const [seats] = await c.query<Rows>(
          "SELECT kind, ref FROM meeting_seats WHERE event_id = ? AND slot_index = ? AND (kind = 't' OR ref IN (?, ?)) FOR UPDATE",
          [eventId, b.slot, r.from_registration_id, r.to_registration_id],
        );
        const taken = new Set(seats.filter((s) => s.kind === 't').map((s) => Number(s.ref)));
        let table = 1;
        while (taken.has(table)) table++;
        const id = newId();
        const start = slotStart(b.slot);
        await c.query(
          `INSERT INTO meetings (id, event_id, request_id, registration_a, registration_b, slot_index, starts_at, ends_at, table_no, status)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'scheduled')`,
          [
            id,
            eventId,
            b.requestId,
            r.from_registration_id,
            r.to_registration_id,
            b.slot,
            start,
            new Date(start.getTime() + 1_800_000),
            table,
          ],
        );
        await c.query('INSERT INTO meeting_seats (event_id, slot_index, kind, ref, meeting_id) VALUES ?', [
          [
            [eventId, b.slot, 'd', r.from_registration_id, id],
            [eventId, b.slot, 'd', r.to_registration_id, id],
            [eventId, b.slot, 't', String(table), id],
          ],
        ]);
        await c.query('UPDATE meeting_requests SET unscheduled_reason = NULL WHERE id = ?', [b.requestId]);
        await c.query(OUTBOX, [
          [
            outboxRow(
              'meeting-scheduled',
              `s:${id}`,
              eventId,
              `meeting:${id}`,
              String(r.to_registration_id),
              new Date(),
            ),
            ...[r.from_registration_id, r.to_registration_id].flatMap((who) =>
              [1440, 15].map((lead) =>
                outboxRow(
                  'meeting-reminder',
                  `r:${id}:${who}:${lead}`,
                  eventId,
                  `meeting:${id}`,
                  String(who),
                  new Date(start.getTime() - lead * 60_000),
                ),
              ),
            ),
          ],
        ]);
      });
    };
    type Booking = { requestId: string; slot: number; userId: string };
    const bookingHttp = (eventId: string, amount: number, pick: () => Booking) => ({
      url: `${base}/events/${eventId}/meetings`,
      amount,
      method: 'POST' as const,
      headers: { 'content-type': 'application/json' },
      requests: [
        {
          setupRequest: (req: autocannon.Request) => {
            const b = pick();
            return {
              ...req,
              headers: { ...req.headers, authorization: token(b.userId) },
              body: JSON.stringify({ requestId: b.requestId, slotIndex: b.slot }),
            };
          },
        },
      ],
    });
    type BookingForums = {
      http: { eventId: string; bookings: Booking[] };
      raw: { eventId: string; bookings: Booking[] };
    };
    /** A booking row: WRITES bookings on each side, after WARMUP_WRITES on the row's warm-up forums. */
    const bookingRow = (name: string, forums: BookingForums, warm: BookingForums): Scenario => {
      const { http, raw } = forums;
      let booked = 0;
      let warmed = 0;
      return {
        name,
        amount: WRITES,
        http: bookingHttp(http.eventId, WRITES, () => http.bookings[booked++ % http.bookings.length]),
        raw: (c, i) => rawBook(c, raw.eventId, raw.bookings[i]),
        // none when BENCH_WARMUP_WRITES=0: an autocannon run of amount 0 would run for its default duration
        warmup:
          WARMUP_WRITES > 0
            ? {
                amount: WARMUP_WRITES,
                http: bookingHttp(warm.http.eventId, WARMUP_WRITES, () => warm.http.bookings[warmed++]),
                raw: (c, i) => rawBook(c, warm.raw.eventId, warm.raw.bookings[i]),
              }
            : undefined,
        // the raw side writes the mails with the payload and calendar the api wrote, so the worker renders the same
        beforeRaw: () => copyMails(pool, http.eventId, ['meeting-scheduled', 'meeting-reminder']),
        mailOf: { http: http.eventId, raw: raw.eventId },
      };
    };
    let registered = 0;
    const scenarios: Scenario[] = [
      {
        name: 'public agenda',
        http: { url: `${base}/events/${demoId}/agenda`, duration: SECONDS },
        raw: async (c) => {
          await c.query('SELECT * FROM events WHERE id = ?', [demoId]);
          await c.query(
            'SELECT s.*, r.name AS room FROM sessions s LEFT JOIN rooms r ON r.id = s.room_id WHERE s.event_id = ? ORDER BY s.starts_at',
            [demoId],
          );
          await c.query('SELECT * FROM session_speakers WHERE event_id = ?', [demoId]);
        },
      },
      ...(directory === null
        ? []
        : (['ru', 'zh'] as const).map((language): Scenario => ({
            name: `directory ${DIRECTORY / 1000}k ${language}`,
            http: {
              url: `${base}/events/${directory.eventId}/delegates?q=${encodeURIComponent(directory.queries[language])}&limit=20`,
              headers: { authorization: token(directory.viewer) },
              duration: SECONDS,
            },
            raw: async (c) => {
              const eventId = directory.eventId;
              const q = directory.queries[language];
              await c.query('SELECT * FROM events WHERE id = ?', [eventId]);
              await c.query('SELECT 1 FROM event_organisers WHERE event_id = ? AND user_id = ?', [
                eventId,
                directory.viewer,
              ]);
              await c.query("SELECT * FROM registrations WHERE event_id = ? AND user_id = ? AND status = 'approved'", [
                eventId,
                directory.viewer,
              ]);
              const terms = searchTerms(q);
              const [rows] = await c.query<Rows>(
                `SELECT r.id, r.created_at, r.user_id, r.share_email, r.job_title, r.languages, r.company_id
                 FROM registrations r
                WHERE r.event_id = ? AND r.status = 'approved' AND r.role = 'delegate'
                  AND r.id IN (SELECT t.registration_id FROM directory_terms t WHERE t.event_id = ? AND t.term IN (?)
                                GROUP BY t.registration_id HAVING COUNT(*) = ?)
                  AND EXISTS (SELECT 1 FROM directory_entries e WHERE e.registration_id = r.id AND e.search_text LIKE ?)
                ORDER BY r.created_at, r.id LIMIT 21`,
                [eventId, eventId, terms, terms.length, `%${q}%`],
              );
              if (rows.length) {
                await c.query('SELECT * FROM users WHERE id IN (?)', [rows.map((r) => r.user_id as string)]);
                await c.query('SELECT * FROM companies WHERE id IN (?)', [rows.map((r) => r.company_id as string)]);
              }
            },
          }))),
      {
        name: 'my meetings',
        http: { url: `${base}/me/meetings`, headers: { authorization: token(delegateId) }, duration: SECONDS },
        // the api's two queries: the caller (the auth guard), then their meetings with everything shown, in one
        raw: async (c) => {
          await c.query('SELECT * FROM users WHERE id = ?', [delegateId]);
          const side = (own: string, other: string) =>
            `SELECT m.id, m.event_id, m.request_id, m.registration_a, m.registration_b, m.slot_index, m.starts_at,
                    m.ends_at, m.table_no, m.interpreter_id, m.status, m.locked, m.sequence, m.created_at, m.updated_at,
                    i.name AS interpreter_name, e.name AS event_name, e.time_zone AS event_time_zone,
                    o.id AS own_id, o.time_zone AS own_time_zone, x.id AS other_id, c.name AS other_company_name,
                    u.id AS contact_id, u.email AS contact_email, u.name AS contact_name, u.locale AS contact_locale,
                    u.time_zone AS contact_time_zone
               FROM meetings m
               JOIN registrations o ON o.id = m.${own} AND o.user_id = ? AND o.status = 'approved'
               JOIN registrations x ON x.id = m.${other} AND x.status = 'approved'
               JOIN users u ON u.id = x.user_id LEFT JOIN companies c ON c.id = x.company_id
               JOIN events e ON e.id = m.event_id LEFT JOIN interpreters i ON i.id = m.interpreter_id
              WHERE m.status = 'scheduled'`;
          await c.query(
            `${side('registration_a', 'registration_b')} UNION ALL ${side('registration_b', 'registration_a')}
             ORDER BY starts_at, id`,
            [delegateId, delegateId],
          );
        },
      },
      bookingRow('booking any slot', anySlot, warmAnySlot),
      bookingRow('booking one slot', oneSlot, warmOneSlot),
      {
        name: `rush ${RUSH}/${RUSH_CAPACITY}`,
        amount: RUSH,
        beforeRaw: () => copyMails(pool, httpRush, ['registration-approved', 'registration-waitlisted']),
        mailOf: { http: httpRush, raw: rawRush },
        http: {
          url: `${base}/events/${httpRush}/registrations`,
          amount: RUSH,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          requests: [
            {
              setupRequest: (req) => {
                const i = registered++;
                const u = httpRegistrants[i % httpRegistrants.length];
                return {
                  ...req,
                  headers: { ...req.headers, authorization: token(u.id) },
                  body: JSON.stringify({
                    company: {
                      name: `Bench Trading ${runId} ${i}`,
                      country: 'RU',
                      sectors: ['logistics'],
                      offers: 'Холодовая логистика',
                    },
                    languages: ['ru', 'en'],
                    jobTitle: 'Director',
                  }),
                };
              },
            },
          ],
        },
        raw: async (c, i) => {
          const u = rawRegistrants[i];
          const eventId = rawRush;
          // the caller, as the auth guard reads them (their name goes into the directory's index)
          const [[person]] = await c.query<Rows>('SELECT * FROM users WHERE id = ?', [u.id]);
          // then what the api does under the event's lock: the company, the count, the rows (a second
          // registration of one person is refused by the table's unique key, not by a read)
          await inRawTransaction(c, async () => {
            await c.query('SELECT * FROM events WHERE id = ? FOR UPDATE', [eventId]);
            const name = `Raw Trading ${runId} ${i}`;
            await c.query('SELECT id FROM companies WHERE name = ? AND country = ?', [name, 'RU']);
            const companyId = newId();
            await c.query('INSERT INTO companies (id, name, country, sectors, offers) VALUES (?, ?, ?, ?, ?)', [
              companyId,
              name,
              'RU',
              '["logistics"]',
              'Холодовая логистика',
            ]);
            const [[seats]] = await c.query<Rows>(
              "SELECT COUNT(*) AS n FROM registrations WHERE event_id = ? AND status = 'approved' AND role = 'delegate'",
              [eventId],
            );
            const status = Number(seats.n) < RUSH_CAPACITY ? 'approved' : 'waitlisted';
            const registrationId = newId();
            await c.query(
              `INSERT INTO registrations (id, event_id, user_id, company_id, role, status, job_title, languages, needs_interpreter, time_zone, share_email, badge_code, approved_at)
               VALUES (?, ?, ?, ?, 'delegate', ?, 'Director', '["ru","en"]', 0, 'Europe/Moscow', 0, ?, ?)`,
              [
                registrationId,
                eventId,
                u.id,
                companyId,
                status,
                randomBytes(12).toString('hex'),
                status === 'approved' ? new Date() : null,
              ],
            );
            // the directory index, as the api writes it in the same transaction
            const texts = [String(person.name), name, 'Холодовая логистика'];
            await c.query('INSERT INTO directory_entries (registration_id, event_id, search_text) VALUES (?, ?, ?)', [
              registrationId,
              eventId,
              texts.join('\n'),
            ]);
            await c.query('INSERT INTO directory_terms (event_id, term, registration_id) VALUES ?', [
              [...indexTerms(texts)].map((term) => [eventId, term, registrationId]),
            ]);
            await c.query(OUTBOX, [
              [
                outboxRow(
                  `registration-${status}`,
                  `rr:${registrationId}`,
                  eventId,
                  `registration:${registrationId}`,
                  u.id,
                  new Date(),
                ),
              ],
            ]);
          });
        },
      },
    ];

    const waited = await untilQuiet([server, worker], 300_000);
    console.log(
      `api, worker and database ${waited.quiet ? 'idle' : 'still busy'} after ${waited.seconds.toFixed(0)} s (start-up and import work done before measuring)`,
    );
    console.log(
      `one api process and one worker process beside it, both built (mail relayed and sent by the worker, as in the README's scale-out); ` +
        `${CONNECTIONS} connections; reads for ${SECONDS} s each after ${WARMUP} s unmeasured, ${WRITES} bookings after ${WARMUP_WRITES} unmeasured (on forums of their own), ` +
        `a rush of ${RUSH} registrations; each side starts with the api, worker and database idle; a write row's side ` +
        `runs to its last answer or its last mail sent, whichever is later (outbox polled every ${OUTBOX_POLL_MS} ms); ` +
        `latencies in ms\n`,
    );
    console.log('scenario             HTTP req/s   p50    p99  | raw ops/s   p50    p99  | ratio  non-2xx');
    const chosen = scenarios.filter((s) => ONLY.length === 0 || ONLY.some((prefix) => s.name.startsWith(prefix)));
    const running = [server, worker];
    const settle = async () => {
      const idle = await untilQuiet(running, 90_000);
      if (!idle.quiet) console.log(`  (still busy after ${idle.seconds.toFixed(0)} s)`);
    };
    for (const s of chosen) {
      if (s.warmup) {
        await runHttp(s.warmup.http);
        await runRaw(pool, s.warmup.raw, s.warmup.amount);
      } else if (s.amount === undefined && WARMUP > 0) {
        await runHttp({ ...s.http, duration: WARMUP });
        await runRaw(pool, s.raw, undefined, WARMUP);
      }
      const mailOf = (eventId: string | undefined) => (eventId ? { pool, eventId } : undefined);
      await settle();
      const viaHttp = await withCpu(server, worker, () => untilDone(() => runHttp(s.http), mailOf(s.mailOf?.http)));
      await s.beforeRaw?.();
      await settle();
      const viaRaw = await withCpu(server, worker, () =>
        untilDone(() => runRaw(pool, s.raw, s.amount), mailOf(s.mailOf?.raw)),
      );
      printRow(s.name, viaHttp, viaRaw);
    }
    if (chosen.some((s) => s.name.startsWith('rush'))) {
      console.log(`\nrush over HTTP: ${await checkRush(pool, httpRush)}`);
      console.log(`rush raw:       ${await checkRush(pool, rawRush)}`);
    }
    console.log(`api peak RSS: ${peakRssMb(server).toFixed(0)} MB, worker ${peakRssMb(worker).toFixed(0)} MB`);
    if (process.env.BENCH_REPLICA !== '0') await replicaRows(env);
  } finally {
    await pool.end();
    // both stopped, so each writes its CPU profile when asked to (BENCH_CPU_PROF)
    if (worker) await kill(worker, 'SIGTERM');
    await kill(server, 'SIGTERM');
    if (!KEEP_DB) await dropBenchDatabase(config.db);
  }
}

function printRow(name: string, viaHttp: Figures, viaRaw: Figures): void {
  console.log(
    `${name.padEnd(19)} ${viaHttp.rps.toFixed(0).padStart(10)} ${viaHttp.p50.toFixed(1).padStart(6)} ${viaHttp.p99
      .toFixed(1)
      .padStart(6)}  | ${viaRaw.rps.toFixed(0).padStart(9)} ${viaRaw.p50.toFixed(1).padStart(6)} ${viaRaw.p99
      .toFixed(1)
      .padStart(6)}  | ${(viaHttp.rps / viaRaw.rps).toFixed(2).padStart(5)}  ${viaHttp.failures}${
      viaRaw.failures ? ` (raw failures ${viaRaw.failures})` : ''
    }`,
  );
  const cpu = (f: Figures) =>
    f.cpu
      ? `api ${f.cpu.server.toFixed(2)}  worker ${f.cpu.worker === null ? '-' : f.cpu.worker.toFixed(2)}  ` +
        `db ${f.cpu.db === null ? '-' : f.cpu.db.toFixed(2)}  bench ${f.cpu.bench.toFixed(2)}`
      : '-';
  console.log(`${''.padEnd(19)}   cpu ms/op: ${cpu(viaHttp)}  | ${cpu(viaRaw)}`);
}

/**
 * The public agenda with one read replica: a MariaDB primary and a replica
 * replicating from it (both on this machine, so the replica adds routing,
 * not capacity), the server reading lag-tolerant data from the replica, the
 * raw side reading the replica directly.
 */
async function replicaRows(base: Record<string, string>): Promise<void> {
  const pair = await MariaDbPair.start();
  const port = await freePort();
  const env = {
    ...base,
    DB_HOST: '127.0.0.1',
    DB_PORT: String(pair.primary.port),
    DB_READ_HOSTS: `127.0.0.1:${pair.replica.port}`,
    REDIS_PREFIX: `${base.REDIS_PREFIX}-replica`,
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  };
  let server: ChildProcess | null = null;
  const replica = createPool({
    host: '127.0.0.1',
    port: pair.replica.port,
    user: 'root',
    database: base.DB_NAME,
    connectionLimit: CONNECTIONS,
    timezone: 'Z',
    charset: 'utf8mb4',
  });
  try {
    // the api alone: this row only reads (the demo's seeded mail is not sent during it)
    server = await startApiProcess(port, env, { timeoutMs: 120_000, script: BUILT_API });
    await pair.waitUntilCaughtUp();
    const [[demo]] = await replica.query<Rows>('SELECT id FROM events WHERE slug = ?', [DEMO_SLUG]);
    const demoId = String(demo.id);
    console.log(`\nwith one read replica (MariaDB ${pair.primary.port} → ${pair.replica.port}, same machine):`);
    printRow(
      'public agenda',
      await runHttp({ url: `http://127.0.0.1:${port}/events/${demoId}/agenda`, duration: SECONDS }),
      await runRaw(replica, async (c) => {
        await c.query('SELECT * FROM events WHERE id = ?', [demoId]);
        await c.query(
          'SELECT s.*, r.name AS room FROM sessions s LEFT JOIN rooms r ON r.id = s.room_id WHERE s.event_id = ? ORDER BY s.starts_at',
          [demoId],
        );
        await c.query('SELECT * FROM session_speakers WHERE event_id = ?', [demoId]);
      }),
    );
  } finally {
    await replica.end();
    if (server) await kill(server);
    await pair.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
