// npm run bench:scheduler [-- <family|size|incremental>,...]: the B2B
// scheduler on generated forums of both families against the stored ILP/LP
// bounds (test/bench/scheduler-bounds.json), with the delegates it left with
// no meeting although one was possible, the lexicographic fairness ILP where
// stored (S of the hard family), and plain first-fit in request order for
// comparison. Each run is its own process so the peak memory printed is its alone.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  checkSchedule,
  firstFit,
  FORUM_FAMILIES,
  FORUM_SIZES,
  ForumFamily,
  ForumSize,
  generateForum,
  IncrementalSchedule,
  pinPlacements,
  Random,
  schedule,
  SchedulerResult,
} from '@roundtable/scheduler';
import { BENCH_PLAN, BOUNDS_FILE, familyOf, instanceHash, StoredBound } from './scheduler-plan';

interface Run {
  family: ForumFamily;
  size: ForumSize;
  seed: number;
  bound: number | null;
  boundKind: string;
  fairness: StoredBound['fairness'] | null;
  placed: number;
  ms: number;
  cpuMs: number;
  unserved: number;
  ffPlaced: number;
  ffMs: number;
  ffUnserved: number;
  peakMb: number;
}

/** Wall time and this process's CPU time (which a busy machine stretches less), in ms. */
function timed(fn: () => SchedulerResult): [SchedulerResult, number, number] {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const result = fn();
  const used = process.cpuUsage(cpu);
  return [result, Number(process.hrtime.bigint() - started) / 1e6, (used.user + used.system) / 1000];
}

/** One forum, one seed, in this process: prints a JSON line. */
function runOne(family: ForumFamily, size: ForumSize, seed: number): void {
  const input = generateForum(size, seed, family);
  const stored = (JSON.parse(readFileSync(BOUNDS_FILE, 'utf8')) as StoredBound[]).find(
    (b) => familyOf(b) === family && b.size === size && b.seed === seed,
  );
  if (stored && stored.hash !== instanceHash(input))
    throw new Error(`${family} ${size}/${seed}: the generator changed; run npm run bench:scheduler:bounds`);
  // Timed warm, as in a running worker: one schedule of another forum of the same size first.
  schedule(generateForum(size, 1000 + seed, family), { seed });
  const [result, ms, cpuMs] = timed(() => schedule(input, { seed }));
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const problems = checkSchedule(input, result);
  if (problems.length) throw new Error(`${size}/${seed}: invalid schedule: ${problems.slice(0, 3).join('; ')}`);
  const [ff, ffMs] = timed(() => firstFit(input));
  const run: Run = {
    family,
    size,
    seed,
    bound: stored?.bound ?? null,
    boundKind: stored?.kind ?? '-',
    fairness: stored?.fairness ?? null,
    placed: result.stats.placed,
    ms,
    cpuMs,
    unserved: result.stats.unservedDelegates,
    ffPlaced: ff.stats.placed,
    ffMs,
    ffUnserved: ff.stats.unservedDelegates,
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
  const [mode, family, size, seed] = process.argv.slice(2);
  if (mode === '--one') return runOne(family as ForumFamily, size as ForumSize, Number(seed));
  if (mode === '--incremental') return runIncremental();

  const only = mode ? mode.split(',') : null;
  const fmt = (n: number, d = 0): string => n.toFixed(d);
  const pct = (x: number, of: number | null): string => (of ? `${fmt((100 * x) / of, 2)}%` : '-');
  for (const family of FORUM_FAMILIES) {
    const named = (names: readonly string[], name: string): boolean =>
      !only || !only.some((x) => names.includes(x)) || only.includes(name);
    const plan = BENCH_PLAN.filter(
      (p) => p.family === family && named(FORUM_FAMILIES, family) && named(Object.keys(FORUM_SIZES), p.size),
    );
    if (plan.length === 0) continue;
    console.log(`\n${family} family`);
    console.log(
      'size  seed  placed  bound       % bound   time ms  cpu ms  peak MB  unserved  ILP placed/unserved | first-fit placed  % bound  time ms  unserved',
    );
    for (const { size, seeds } of plan) {
      const runs: Run[] = seeds.map(
        (seed) =>
          JSON.parse(
            child(['--one', family, size, String(seed)])
              .trim()
              .split('\n')
              .pop()!,
          ) as Run,
      );
      for (const r of runs) {
        const ilp = r.fairness ? `${r.fairness.placed}/${r.fairness.unserved}` : '-';
        console.log(
          `${size.padEnd(5)} ${String(r.seed).padEnd(5)} ${String(r.placed).padStart(6)}  ${(r.bound === null ? '-' : `${fmt(r.bound, 1)} ${r.boundKind}`).padEnd(11)} ${pct(r.placed, r.bound).padStart(7)}  ${fmt(r.ms).padStart(7)}  ${fmt(r.cpuMs).padStart(6)}  ${fmt(r.peakMb).padStart(7)}  ${String(r.unserved).padStart(8)}  ${ilp.padStart(19)} | ${String(r.ffPlaced).padStart(16)}  ${pct(r.ffPlaced, r.bound).padStart(7)}  ${fmt(r.ffMs).padStart(7)}  ${String(r.ffUnserved).padStart(8)}`,
        );
      }
      const bounded = runs.filter((r) => r.bound !== null);
      const fair = runs.filter((r) => r.fairness);
      if (runs.length > 1 && bounded.length > 0) {
        const optimal = bounded.filter((r) => r.placed >= Math.floor(r.bound! + 1e-6)).length;
        const worst = Math.min(...bounded.map((r) => r.placed / r.bound!));
        const asFair = fair.filter((r) => r.unserved <= r.fairness!.unserved && r.placed >= r.fairness!.minPlaced);
        console.log(
          `${family} ${size} summary: ${FORUM_SIZES[size].delegates} delegates / ${FORUM_SIZES[size].requests} requests; at the bound on ${optimal}/${bounded.length} seeds, worst ratio ${fmt(100 * worst, 2)}%, slowest ${fmt(Math.max(...runs.map((r) => r.ms)))} ms (cpu ${fmt(Math.max(...runs.map((r) => r.cpuMs)))} ms), unserved ${runs.reduce((n, r) => n + r.unserved, 0)} in all` +
            (fair.length
              ? `; as fair as the lexicographic ILP on ${asFair.length}/${fair.length} seeds (ILP unserved ${fair.reduce((n, r) => n + r.fairness!.unserved, 0)} in all)`
              : '') +
            `; first-fit worst ratio ${fmt(100 * Math.min(...bounded.map((r) => r.ffPlaced / r.bound!)), 2)}%`,
        );
      }
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
