// Recomputes the bounds the scheduler benchmark measures against, with the
// HiGHS solver: the integer optimum for S and M (the LP relaxation when the
// integer programme takes longer than ILP_SECONDS), the LP relaxation for L
// and XL, and on S of the hard family the lexicographic fairness optimum.
// Slow (minutes); run after changing the generator:
//   npm run bench:scheduler:bounds [-- <family> [<size>]]
import { readFileSync, writeFileSync } from 'node:fs';
import { generateForum } from '@roundtable/scheduler';
import { BENCH_PLAN, BOUNDS_FILE, FAIRNESS_COST, familyOf, instanceHash, StoredBound } from './scheduler-plan';
import { toFairnessModel, toLpModel } from './scheduler-model';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadHighs = require('highs') as () => Promise<{
  solve(model: string, options: object): { Status: string; ObjectiveValue: number };
}>;

const ILP_SECONDS = Number(process.env.ILP_SECONDS ?? 600);
// LP_SOLVER=ipm: the interior-point method, far quicker than simplex on the L and XL relaxations.
const LP_SOLVER = process.env.LP_SOLVER;

/** A fresh solver per model: the WebAssembly heap does not shrink between solves. */
async function solve(model: string, seconds = Infinity): Promise<{ status: string; value: number; ms: number }> {
  const highs = await loadHighs();
  const started = Date.now();
  const options = {
    output_flag: false,
    mip_rel_gap: 0,
    ...(seconds < Infinity ? { time_limit: seconds } : {}),
    ...(LP_SOLVER && seconds === Infinity ? { solver: LP_SOLVER } : {}),
  };
  const solved = highs.solve(model, options);
  return { status: solved.Status, value: solved.ObjectiveValue, ms: Date.now() - started };
}

async function main(): Promise<void> {
  const [onlyFamily, onlySize] = process.argv.slice(2);
  const wanted = (family: string, size: string): boolean =>
    (!onlyFamily || onlyFamily === family) && (!onlySize || onlySize === size);
  const bounds: StoredBound[] = [];
  for (const { family, size, seeds, bound, fairness } of BENCH_PLAN) {
    if (!bound || !wanted(family, size)) continue;
    for (const seed of seeds) {
      const input = generateForum(size, seed, family);
      let solved = await solve(toLpModel(input, bound === 'ILP'), bound === 'ILP' ? ILP_SECONDS : Infinity);
      let kind = bound;
      if (bound === 'ILP' && solved.status !== 'Optimal') {
        console.log(`${family} ${size} seed ${seed}: ILP ${solved.status} after ${solved.ms} ms, storing the LP bound`);
        solved = await solve(toLpModel(input, false));
        kind = 'LP';
      }
      if (solved.status !== 'Optimal') throw new Error(`${family} ${size}/${seed}: solver ended with ${solved.status}`);
      const entry: StoredBound = {
        ...(family === 'standard' ? {} : { family }),
        size,
        seed,
        hash: instanceHash(input),
        kind,
        bound: solved.value,
        solveMs: solved.ms,
      };
      if (fairness && kind === 'ILP') {
        const minPlaced = Math.ceil((1 - FAIRNESS_COST) * solved.value - 1e-9);
        const fewest = await solve(toFairnessModel(input, { minimiseUnserved: { minPlaced } }));
        const most = await solve(toFairnessModel(input, { maximisePlaced: { maxUnserved: Math.round(fewest.value) } }));
        if (fewest.status !== 'Optimal' || most.status !== 'Optimal')
          throw new Error(`${family} ${size}/${seed}: fairness solves ended with ${fewest.status}, ${most.status}`);
        entry.fairness = {
          minPlaced,
          unserved: Math.round(fewest.value),
          placed: Math.round(most.value),
          solveMs: fewest.ms + most.ms,
        };
      }
      bounds.push(entry);
      console.log(
        `${family} ${size} seed ${seed}: ${kind} bound ${entry.bound.toFixed(2)} in ${entry.solveMs} ms` +
          (entry.fairness
            ? `; fairness: ${entry.fairness.unserved} unserved with ${entry.fairness.placed} meetings (≥ ${entry.fairness.minPlaced}) in ${entry.fairness.solveMs} ms`
            : ''),
      );
      // Written after every solve, so a long run keeps what it finished.
      const kept = (JSON.parse(readFileSync(BOUNDS_FILE, 'utf8')) as StoredBound[]).filter(
        (b) => !(familyOf(b) === family && b.size === size && b.seed === seed),
      );
      writeFileSync(BOUNDS_FILE, JSON.stringify([...kept, entry], null, 2) + '\n');
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
