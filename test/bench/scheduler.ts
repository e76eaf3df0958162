// npm run bench:scheduler: the B2B scheduler on generated forums against the
// stored ILP/LP bounds (test/bench/scheduler-bounds.json), and plain first-fit
// in request order for comparison. Each size runs in its own process so the
// peak memory printed is that size's alone.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  checkSchedule,
  firstFit,
  FORUM_SIZES,
  ForumSize,
  generateForum,
  IncrementalSchedule,
  pinPlacements,
  Random,
  schedule,
  SchedulerResult,
} from '@roundtable/scheduler';
import { BENCH_PLAN, BOUNDS_FILE, instanceHash, StoredBound } from './scheduler-plan';

interface Run {
  size: ForumSize;
  seed: number;
  bound: number | null;
  boundKind: string;
  placed: number;
  ms: number;
  fewest: number;
  ffPlaced: number;
  ffMs: number;
  ffFewest: number;
  peakMb: number;
}

function timed(fn: () => SchedulerResult): [SchedulerResult, number] {
  const started = process.hrtime.bigint();
  const result = fn();
  return [result, Number(process.hrtime.bigint() - started) / 1e6];
}

/** One size, one seed, in this process: prints a JSON line. */
function runOne(size: ForumSize, seed: number): void {
  const input = generateForum(size, seed);
  const stored = (JSON.parse(readFileSync(BOUNDS_FILE, 'utf8')) as StoredBound[]).find(
    (b) => b.size === size && b.seed === seed,
  );
  if (stored && stored.hash !== instanceHash(input))
    throw new Error(`${size}/${seed}: the generator changed; run npm run bench:scheduler:bounds`);
  // Timed warm, as in a running worker: one schedule of another forum of the same size first.
  schedule(generateForum(size, 1000 + seed), { seed });
  const [result, ms] = timed(() => schedule(input, { seed }));
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const problems = checkSchedule(input, result);
  if (problems.length) throw new Error(`${size}/${seed}: invalid schedule: ${problems.slice(0, 3).join('; ')}`);
  const [ff, ffMs] = timed(() => firstFit(input));
  const run: Run = {
    size,
    seed,
    bound: stored?.bound ?? null,
    boundKind: stored?.kind ?? '-',
    placed: result.stats.placed,
    ms,
    fewest: result.stats.fewestMeetingsPerDelegate,
    ffPlaced: ff.stats.placed,
    ffMs,
    ffFewest: ff.stats.fewestMeetingsPerDelegate,
    peakMb,
  };
  console.log(JSON.stringify(run));
}

/** Late requests on the scheduled L forum, one at a time: latency per insert, and no meeting moved. */
function runIncremental(): void {
  const input = generateForum('L', 1);
  const result = schedule(input, { seed: 1 });
  const requests = new Map(input.requests.map((r) => [r.id, r]));
  const pinned = pinPlacements(input.requests, result.placements);
  const waiting = result.unplaced.map((u) => requests.get(u.requestId)!);
  const inc = new IncrementalSchedule({ ...input, requests: waiting, pinned });
  const before = new Map(inc.meetings().map((m) => [m.id, JSON.stringify(m)]));
  const rng = new Random(7);
  const times: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const a = rng.int(input.delegates.length);
    const b = (a + 1 + rng.int(input.delegates.length - 1)) % input.delegates.length;
    const started = process.hrtime.bigint();
    inc.insert({ id: `late${i}`, a: `d${a}`, b: `d${b}` });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  // Cancel a hundred meetings too: refills come from the waiting requests, nothing else moves.
  const cancelTimes: number[] = [];
  for (const id of [...before.keys()].slice(0, 100)) {
    const started = process.hrtime.bigint();
    inc.cancel(id);
    cancelTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
    before.delete(id);
  }
  const after = new Map(inc.meetings().map((m) => [m.id, JSON.stringify(m)]));
  let moved = 0;
  for (const [id, m] of before) if (after.get(id) !== m) moved++;
  const p = (xs: number[], q: number): number =>
    [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
  console.log(
    JSON.stringify({
      incremental: true,
      inserts: times.length,
      p50: p(times, 0.5),
      p99: p(times, 0.99),
      cancelP99: p(cancelTimes, 0.99),
      moved,
    }),
  );
}

function child(args: string[]): string {
  return execFileSync(process.execPath, [...process.execArgv, __filename, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
}

function main(): void {
  const [mode, size, seed] = process.argv.slice(2);
  if (mode === '--one') return runOne(size as ForumSize, Number(seed));
  if (mode === '--incremental') return runIncremental();

  const only = mode ? mode.split(',') : null;
  const fmt = (n: number, d = 0): string => n.toFixed(d);
  console.log(
    'size  seeds  placed  bound     ratio    time ms  peak MB  fewest | first-fit placed  ratio   time ms  fewest',
  );
  for (const { size, seeds } of BENCH_PLAN) {
    if (only && !only.includes(size)) continue;
    const runs: Run[] = seeds.map(
      (seed) =>
        JSON.parse(
          child(['--one', size, String(seed)])
            .trim()
            .split('\n')
            .pop()!,
        ) as Run,
    );
    for (const r of runs) {
      const ratio = r.bound ? `${fmt((100 * r.placed) / r.bound, 2)}%` : '-';
      const ffRatio = r.bound ? `${fmt((100 * r.ffPlaced) / r.bound, 2)}%` : '-';
      console.log(
        `${size.padEnd(5)} ${String(r.seed).padEnd(6)} ${String(r.placed).padEnd(7)} ${(r.bound === null ? '-' : `${fmt(r.bound, 1)} ${r.boundKind}`).padEnd(9)} ${ratio.padEnd(8)} ${fmt(r.ms).padStart(7)}  ${fmt(r.peakMb).padStart(7)}  ${String(r.fewest).padStart(6)} | ${String(r.ffPlaced).padStart(16)}  ${ffRatio.padEnd(7)} ${fmt(r.ffMs).padStart(7)}  ${String(r.ffFewest).padStart(6)}`,
      );
    }
    const bounded = runs.filter((r) => r.bound !== null);
    if (runs.length > 1) {
      const optimal = bounded.filter((r) => r.placed >= Math.floor(r.bound! + 1e-6)).length;
      const worst = Math.min(...bounded.map((r) => r.placed / r.bound!));
      console.log(
        `${size} summary: ${FORUM_SIZES[size].delegates} delegates / ${FORUM_SIZES[size].requests} requests; at the bound on ${optimal}/${bounded.length} seeds, worst ratio ${fmt(100 * worst, 2)}%, slowest ${fmt(Math.max(...runs.map((r) => r.ms)))} ms, first-fit worst ratio ${fmt(100 * Math.min(...bounded.map((r) => r.ffPlaced / r.bound!)), 2)}%`,
      );
    }
  }
  if (!only || only.includes('incremental')) {
    const inc = JSON.parse(child(['--incremental']).trim().split('\n').pop()!) as Record<string, number>;
    console.log(
      `incremental (L, ${inc.inserts} late requests, 100 cancellations): insert p50 ${fmt(inc.p50, 3)} ms, p99 ${fmt(inc.p99, 3)} ms; cancel+refill p99 ${fmt(inc.cancelP99, 3)} ms; existing meetings moved: ${inc.moved}`,
    );
  }
}

main();
