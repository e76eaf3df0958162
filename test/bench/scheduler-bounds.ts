// Recomputes the bounds the scheduler benchmark measures against, with the
// HiGHS solver: the integer optimum for S and M, the LP relaxation for L.
// Slow (minutes); run after changing the generator: npm run bench:scheduler:bounds
import { readFileSync, writeFileSync } from 'node:fs';
import { generateForum } from '@roundtable/scheduler';
import { BENCH_PLAN, BOUNDS_FILE, instanceHash, StoredBound } from './scheduler-plan';
import { toLpModel } from './scheduler-model';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadHighs = require('highs') as () => Promise<{
  solve(model: string, options: object): { Status: string; ObjectiveValue: number };
}>;

async function main(): Promise<void> {
  const only = process.argv[2];
  const bounds: StoredBound[] = [];
  for (const { size, seeds, bound } of BENCH_PLAN) {
    if (!bound || (only && only !== size)) continue;
    for (const seed of seeds) {
      // A fresh solver per model: the WebAssembly heap does not shrink between solves.
      const highs = await loadHighs();
      const input = generateForum(size, seed);
      const started = Date.now();
      const solved = highs.solve(toLpModel(input, bound === 'ILP'), { output_flag: false, mip_rel_gap: 0 });
      if (solved.Status !== 'Optimal') throw new Error(`${size}/${seed}: solver ended with ${solved.Status}`);
      const entry: StoredBound = {
        size,
        seed,
        hash: instanceHash(input),
        kind: bound,
        bound: solved.ObjectiveValue,
        solveMs: Date.now() - started,
      };
      bounds.push(entry);
      console.log(`${size} seed ${seed}: ${bound} bound ${entry.bound.toFixed(2)} in ${entry.solveMs} ms`);
    }
  }
  // With a size named, only that size's entries are replaced.
  const kept = only
    ? (JSON.parse(readFileSync(BOUNDS_FILE, 'utf8')) as StoredBound[]).filter((b) => b.size !== only)
    : [];
  writeFileSync(BOUNDS_FILE, JSON.stringify([...kept, ...bounds], null, 2) + '\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
