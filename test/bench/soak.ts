// npm run soak — a bounded soak of a scaled-out deployment with faults (issue 15):
// 2 api and 2 worker processes on one MySQL and one Redis, an SMTP sink, mixed load
// (reads, meeting requests, accepts, moves, registrations and their cancellations),
// one worker and one api killed with SIGKILL mid-run and restarted. Prints requests by
// status, p50/p99 per kind, mails expected/received/lost/doubled, booking invariants
// and RSS per process. Target: 0 5xx, 0 lost, at most 1 doubled per crash.
//
// SOAK_SECONDS (90), SOAK_CONCURRENCY (6 requests in flight), SOAK_DELEGATES (30),
// SOAK_SPARES (20 accounts that register during the run). Not part of `npm test`.
import 'reflect-metadata';
import { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { INestApplication } from '@nestjs/common';
import { loadConfig } from '@roundtable/config';
import { redisOptions } from '@roundtable/queue';
import Redis from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { SMTPServer } from 'smtp-server';
import { createTestApp } from '../support/app';
import { freePort } from '../support/disposable-redis';
import { createDelegate, createEventRow, DEFAULT_MEETING_SETTINGS } from '../support/domain-factories';
import { createUser, TestUser } from '../support/factories';
import { BUILT_API, BUILT_WORKER, kill, startProcess } from '../support/worker-process';
import { dropBenchDatabase } from './bench-database';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 90);
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 6);
const DELEGATES = Number(process.env.SOAK_DELEGATES ?? 30);
const SPARES = Number(process.env.SOAK_SPARES ?? 20);
const SLOTS = 14; // DEFAULT_MEETING_SETTINGS: 8 + 6 half-hour slots

/** Counts every message the sink accepts by its Message-ID (the sender derives it from the outbox row id). */
class CountingSink {
  readonly byMessageId = new Map<string, number>();
  private server!: SMTPServer;
  port = 0;

  async start(): Promise<void> {
    this.server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      authOptional: true,
      logger: false,
      onData: (stream, _session, callback) => {
        let head = '';
        stream.on('data', (chunk: Buffer) => {
          if (head.length < 8192) head += chunk.toString('utf8');
        });
        stream.on('end', () => {
          const id = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? `(none ${randomBytes(4).toString('hex')})`;
          this.byMessageId.set(id, (this.byMessageId.get(id) ?? 0) + 1);
          callback();
        });
      },
    });
    this.server.on('error', () => undefined); // a worker killed mid-conversation resets its socket
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as { port: number }).port;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

interface Member {
  token: string;
  registrationId: string;
}

interface Proc {
  name: string;
  child: ChildProcess;
  rss: number[];
  restarts: number;
  /** RSS samples of the process it replaced (a restart starts a new series). */
  previous: number[][];
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const pick = <T>(items: T[]): T | undefined => items[Math.floor(Math.random() * items.length)];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rssMb(pid: number | undefined): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : 0;
  } catch {
    return 0;
  }
}

async function main(): Promise<void> {
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const sink = new CountingSink();
  await sink.start();
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    DB_NAME: `roundtable_soak_${runId}`,
    REDIS_PREFIX: `rt-soak-${runId}`,
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    DEMO_SEED: 'never',
    OUTBOX_POLL_MS: '200',
    JWT_SECRET: `soak-${runId}-${randomBytes(16).toString('hex')}`,
    LOGIN_RATE_LIMIT: '1000',
  };
  Object.assign(process.env, env);
  const config = loadConfig();
  const loadBefore = loadavg();

  // ---- the forum: an organiser, approved delegates, accounts that will register during the run
  process.stdout.write(`soak: setting up ${DELEGATES} delegates and ${SPARES} spare accounts…\n`);
  const setup: INestApplication = await createTestApp();
  const organiser = await createUser(setup);
  const event = await createEventRow(setup, organiser, {
    meetingSettings: { ...DEFAULT_MEETING_SETTINGS, tables: 6, maxMeetingsPerDelegate: SLOTS, maxPendingRequests: 40 },
  });
  const members: Member[] = [];
  for (let i = 0; i < DELEGATES; i++) {
    const d = await createDelegate(setup, event);
    members.push({ token: d.user.token, registrationId: d.registration.id });
  }
  const spares: TestUser[] = [];
  for (let i = 0; i < SPARES; i++) spares.push(await createUser(setup));
  await setup.close();

  // ---- the deployment
  process.stdout.write('soak: starting 2 api and 2 worker processes…\n');
  const apiPorts = [await freePort(), await freePort()];
  const apiUp = [true, true];
  // the built apps (`npm run soak` builds them first): a restart takes seconds, not a ts-node compile
  const startApi = (i: number) =>
    startProcess(
      BUILT_API,
      'is up:',
      { ...env, PORT: String(apiPorts[i]), PUBLIC_URL: `http://127.0.0.1:${apiPorts[i]}` },
      [],
      180_000,
    );
  const startWorker = () => startProcess(BUILT_WORKER, 'Roundtable worker is up', env, [], 180_000);
  const procs: Proc[] = [];
  const [a0, a1, w0, w1] = await Promise.all([startApi(0), startApi(1), startWorker(), startWorker()]);
  for (const [name, child] of [
    ['api-1', a0],
    ['api-2', a1],
    ['worker-1', w0],
    ['worker-2', w1],
  ] as const)
    procs.push({ name, child, rss: [], restarts: 0, previous: [] });
  const sample = () =>
    procs.forEach((p) => {
      const mb = rssMb(p.child.pid);
      if (mb > 0 && p.child.exitCode === null && p.child.signalCode === null) p.rss.push(mb);
    });
  const sampler = setInterval(sample, 5_000);

  // ---- the load
  const statuses = new Map<string, Map<string, number>>();
  const latencies = new Map<string, number[]>();
  const count = (kind: string, status: string) => {
    const byStatus = statuses.get(kind) ?? new Map<string, number>();
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    statuses.set(kind, byStatus);
  };
  const failures: string[] = [];
  let turn = 0;

  /** One request through the "load balancer": an api that is down is skipped, a refused connection retried on the other. */
  async function call(kind: string, method: string, path: string, token: string, body?: object) {
    for (let attempt = 0; attempt < 2; attempt++) {
      let i = turn++ % 2;
      if (!apiUp[i]) i = 1 - i;
      const started = performance.now();
      try {
        const res = await fetch(`http://127.0.0.1:${apiPorts[i]}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
          body: body ? JSON.stringify(body) : undefined,
          signal: AbortSignal.timeout(30_000),
        });
        const text = await res.text();
        const ms = performance.now() - started;
        count(kind, String(res.status));
        (latencies.get(kind) ?? latencies.set(kind, []).get(kind)!).push(ms);
        if (res.status >= 500 && failures.length < 20) failures.push(`${kind} ${res.status} ${text.slice(0, 300)}`);
        let json: unknown = null;
        try {
          json = JSON.parse(text);
        } catch {
          // not JSON (a 5xx from a proxy, an HTML page)
        }
        return { status: res.status, body: json as Record<string, unknown> | null };
      } catch {
        // a killed api: what a load balancer sees, and retries once on the other api
        count(kind, attempt === 0 ? 'conn-error(retried)' : 'conn-error');
        if (attempt === 0) continue;
      }
    }
    return { status: 0, body: null };
  }

  const pending: { id: string; to: Member }[] = [];
  const meetings: { id: string; by: Member }[] = [];
  const registered: { user: TestUser; registrationId: string }[] = [];
  const unregistered = [...spares];

  const operations: [number, () => Promise<void>][] = [
    [14, async () => void (await call('read:event', 'GET', `/events/${event.id}`, pick(members)!.token))],
    [12, async () => void (await call('read:my-meetings', 'GET', '/me/meetings', pick(members)!.token))],
    [
      12,
      async () => {
        const [me, other] = [pick(members)!, pick(members)!];
        if (me === other) return;
        await call('read:slots', 'GET', `/events/${event.id}/slots?with=${other.registrationId}`, me.token);
      },
    ],
    [12, async () => void (await call('read:delegates', 'GET', `/events/${event.id}/delegates`, pick(members)!.token))],
    [
      18,
      async () => {
        const [from, to] = [pick(members)!, pick(members)!];
        if (from === to) return;
        const res = await call('request', 'POST', `/events/${event.id}/meeting-requests`, from.token, {
          toRegistrationId: to.registrationId,
        });
        if (res.status === 201 && res.body) pending.push({ id: String(res.body.id), to });
      },
    ],
    [
      14,
      async () => {
        const request = pending.splice(Math.floor(Math.random() * pending.length), 1)[0];
        if (!request) return;
        const res = await call(
          'accept',
          'POST',
          `/events/${event.id}/meeting-requests/${request.id}/accept`,
          request.to.token,
        );
        const meeting = res.body?.meeting as { id: string } | null | undefined;
        if (res.status === 200 && meeting) meetings.push({ id: meeting.id, by: request.to });
      },
    ],
    [
      10,
      async () => {
        const meeting = pick(meetings);
        if (!meeting) return;
        await call('move', 'PATCH', `/events/${event.id}/meetings/${meeting.id}`, meeting.by.token, {
          slotIndex: Math.floor(Math.random() * SLOTS),
        });
      },
    ],
    [
      5,
      async () => {
        const user = unregistered.pop();
        if (!user) return;
        const res = await call('register', 'POST', `/events/${event.id}/registrations`, user.token, {
          company: {
            name: `Soak Company ${user.id.slice(-6)}`,
            country: Math.random() < 0.5 ? 'CN' : 'RU',
            sectors: ['logistics'],
            offers: 'Rail freight',
            seeks: 'Partners',
          },
        });
        if (res.status === 201 && res.body) {
          const registrationId = String(res.body.id);
          registered.push({ user, registrationId });
          members.push({ token: user.token, registrationId });
        } else unregistered.push(user);
      },
    ],
    [
      3,
      async () => {
        const r = registered.shift();
        if (!r) return;
        // cancelled: its requests and meetings stay in this driver's lists, so later accepts and moves
        // touch a delegate that is gone (issue 15, item 12: never a 5xx)
        const index = members.findIndex((m) => m.registrationId === r.registrationId);
        if (index >= 0) members.splice(index, 1);
        await call(
          'cancel-registration',
          'POST',
          `/events/${event.id}/registrations/${r.registrationId}/cancel`,
          r.user.token,
        );
      },
    ],
  ];
  const totalWeight = operations.reduce((s, [w]) => s + w, 0);
  const nextOperation = () => {
    let r = Math.random() * totalWeight;
    for (const [w, op] of operations) if ((r -= w) < 0) return op;
    return operations[0][1];
  };

  const started = Date.now();
  const deadline = started + SECONDS * 1000;
  const faults: string[] = [];
  const at = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

  async function crash(index: number, restart: () => Promise<ChildProcess>, onDown?: () => void, onUp?: () => void) {
    const proc = procs[index];
    onDown?.();
    await kill(proc.child);
    faults.push(`${at()}: SIGKILL ${proc.name} (pid ${proc.child.pid})`);
    const child = await restart();
    proc.previous.push(proc.rss);
    Object.assign(proc, { child, rss: [], restarts: proc.restarts + 1 });
    onUp?.();
    faults.push(`${at()}: ${proc.name} restarted (pid ${child.pid})`);
  }
  const faultPlan = (async () => {
    await sleep(SECONDS * 350);
    await crash(2, startWorker);
    await sleep(Math.max(0, started + SECONDS * 550 - Date.now()));
    await crash(
      0,
      () => startApi(0),
      () => (apiUp[0] = false),
      () => (apiUp[0] = true),
    );
  })();

  process.stdout.write(`soak: ${SECONDS} s of load, ${CONCURRENCY} requests in flight…\n`);
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < deadline) await nextOperation()();
    }),
  );
  const loadSeconds = (Date.now() - started) / 1000;
  await faultPlan;
  const loadDuring = loadavg();

  // ---- drain: every mail that is due must leave
  const db = await createConnection({
    host: config.db.host,
    port: config.db.port,
    user: config.db.user,
    password: config.db.password,
    database: config.db.name,
  });
  const drainStarted = Date.now();
  for (;;) {
    const [[row]] = (await db.query(
      "SELECT COUNT(*) AS n FROM outbox WHERE status IN ('pending', 'queued') AND due_at <= NOW(3)",
    )) as unknown as [{ n: number }[]];
    if (Number(row.n) === 0 || Date.now() - drainStarted > 180_000) break;
    await sleep(500);
  }
  await sleep(1_000);
  clearInterval(sampler);
  sample();

  const [sentRows] = (await db.query("SELECT id FROM outbox WHERE status = 'sent'")) as unknown as [{ id: string }[]];
  const [stuck] = (await db.query(
    "SELECT COUNT(*) AS n FROM outbox WHERE status IN ('pending', 'queued') AND due_at <= NOW(3)",
  )) as unknown as [{ n: number }[]];
  const [byStatus] = (await db.query('SELECT status, COUNT(*) AS n FROM outbox GROUP BY status')) as unknown as [
    { status: string; n: number }[],
  ];
  const expectedIds = new Set(sentRows.map((r) => `<${r.id}@roundtable>`));
  let received = 0;
  let doubled = 0;
  let unexpected = 0;
  for (const [id, n] of sink.byMessageId) {
    if (expectedIds.has(id)) received++;
    else unexpected += n;
    doubled += n - 1;
  }
  const expected = expectedIds.size + Number(stuck[0].n);
  const lost = expected - received;

  // ---- invariants
  const scalar = async (sql: string, params: string[] = [event.id]) => {
    const [[row]] = (await db.query(sql, params)) as unknown as [{ n: number }[]];
    return Number(row.n);
  };
  const delegateClashes = await scalar(
    `SELECT COUNT(*) AS n FROM (
      SELECT slot_index, r, COUNT(*) AS c FROM (
        SELECT slot_index, registration_a AS r FROM meetings WHERE event_id = ? AND status = 'scheduled'
        UNION ALL SELECT slot_index, registration_b FROM meetings WHERE event_id = ? AND status = 'scheduled'
      ) seats GROUP BY slot_index, r HAVING c > 1) clashes`,
    [event.id, event.id],
  );
  const tableClashes = await scalar(`SELECT COUNT(*) AS n FROM (
      SELECT slot_index, table_no, COUNT(*) AS c FROM meetings WHERE event_id = ? AND status = 'scheduled'
      GROUP BY slot_index, table_no HAVING c > 1) clashes`);
  const withGone = await scalar(`SELECT COUNT(*) AS n FROM meetings m WHERE m.event_id = ? AND m.status = 'scheduled'
      AND EXISTS (SELECT 1 FROM registrations r WHERE r.id IN (m.registration_a, m.registration_b) AND r.status <> 'approved')`);
  const scheduled = await scalar(`SELECT COUNT(*) AS n FROM meetings WHERE event_id = ? AND status = 'scheduled'`);
  await db.end();

  // ---- report
  const allStatuses = new Map<string, number>();
  for (const byStatus of statuses.values())
    for (const [s, n] of byStatus) allStatuses.set(s, (allStatuses.get(s) ?? 0) + n);
  const total = [...allStatuses.values()].reduce((s, n) => s + n, 0);
  const fiveXx = [...allStatuses].filter(([s]) => s.startsWith('5')).reduce((s, [, n]) => s + n, 0);
  const out: string[] = [];
  out.push('', `soak — ${loadSeconds.toFixed(0)} s, ${CONCURRENCY} in flight, 2 api + 2 worker processes (built)`);
  out.push(
    `  load average (1/5/15 min) before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, at the end of the load ${loadDuring.map((l) => l.toFixed(2)).join(' ')}`,
  );
  out.push(...faults.map((f) => `  fault: ${f}`));
  out.push(
    `  requests: ${total} (${(total / loadSeconds).toFixed(1)}/s) by status: ${[...allStatuses]
      .sort()
      .map(([s, n]) => `${s}: ${n}`)
      .join(', ')}`,
  );
  out.push('  kind                  count      p50 ms   p99 ms   statuses');
  for (const [kind, values] of [...latencies].sort()) {
    const sorted = [...values].sort((x, y) => x - y);
    out.push(
      `  ${kind.padEnd(20)} ${String(values.length).padStart(6)} ${percentile(sorted, 50).toFixed(0).padStart(10)} ${percentile(sorted, 99).toFixed(0).padStart(8)}   ${[
        ...statuses.get(kind)!,
      ]
        .map(([s, n]) => `${s}:${n}`)
        .join(' ')}`,
    );
  }
  out.push(
    `  mails: expected ${expected}, received ${received}, lost ${lost}, doubled ${doubled}, unexpected ${unexpected} (outbox: ${byStatus.map((r) => `${r.status} ${r.n}`).join(', ')}; drained in ${((Date.now() - drainStarted) / 1000).toFixed(0)} s)`,
  );
  out.push(
    `  invariants: ${scheduled} meetings scheduled; delegate double bookings ${delegateClashes}, table double bookings ${tableClashes}, scheduled meetings of a registration no longer approved ${withGone}`,
  );
  out.push('  RSS MB per process (first → max → last; a restart starts a new series):');
  for (const p of procs) {
    const series = [...p.previous, p.rss].map((s) =>
      s.length ? `${s[0]} → ${Math.max(...s)} → ${s[s.length - 1]}` : '(no sample)',
    );
    out.push(`    ${p.name.padEnd(9)} ${series.join('  |restart|  ')}`);
  }
  out.push(
    `  verdict: 5xx ${fiveXx} (target 0), lost ${lost} (target 0), doubled ${doubled} (target ≤ 2 for 2 crashes)`,
  );
  if (failures.length) out.push('  first 5xx bodies:', ...failures.map((f) => `    ${f}`));
  process.stdout.write(`${out.join('\n')}\n`);

  await Promise.all(procs.map((p) => kill(p.child)));
  await sink.stop();
  await dropBenchDatabase(config.db);
  const redis = new Redis(redisOptions(config.redis));
  const keys = await redis.keys(`${config.redis.prefix}:*`);
  for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
  redis.disconnect();
  process.exit(fiveXx === 0 && lost === 0 && doubled <= 2 && delegateClashes + tableClashes === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  process.stderr.write(`soak failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
});
