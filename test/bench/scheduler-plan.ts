import { createHash } from 'node:crypto';
import { ForumFamily, ForumSize, SchedulerInput } from '@roundtable/scheduler';

/**
 * Which generated forums the benchmark runs, and how each one's bound is
 * computed; `fairness`: also solve the lexicographic ILP (most meetings, then
 * fewest servable delegates left with none at a cost of at most 0.5%).
 */
export const BENCH_PLAN: Array<{
  family: ForumFamily;
  size: ForumSize;
  seeds: number[];
  bound: 'ILP' | 'LP' | null;
  fairness?: boolean;
}> = [
  { family: 'standard', size: 'S', seeds: Array.from({ length: 20 }, (_, i) => i + 1), bound: 'ILP' },
  { family: 'standard', size: 'M', seeds: [1, 2, 3], bound: 'ILP' },
  { family: 'standard', size: 'L', seeds: [1], bound: 'LP' },
  { family: 'standard', size: 'XL', seeds: [1], bound: null },
  { family: 'hard', size: 'S', seeds: Array.from({ length: 10 }, (_, i) => i + 1), bound: 'ILP', fairness: true },
  { family: 'hard', size: 'M', seeds: [1, 2, 3], bound: 'ILP' },
  { family: 'hard', size: 'L', seeds: [1], bound: 'LP' },
  { family: 'hard', size: 'XL', seeds: [1], bound: 'LP' },
];

/** At most this share of the meetings may be given up to leave fewer servable delegates with none. */
export const FAIRNESS_COST = 0.005;

export const BOUNDS_FILE = `${__dirname}/scheduler-bounds.json`;

export interface StoredBound {
  /** Absent in entries written before there were families: `standard`. */
  family?: ForumFamily;
  size: ForumSize;
  seed: number;
  /** SHA-256 of the generated instance, so a changed generator invalidates the bound. */
  hash: string;
  /** LP where the integer programme did not solve within the time limit. */
  kind: 'ILP' | 'LP';
  bound: number;
  solveMs: number;
  /** The lexicographic ILP: with at least `minPlaced` meetings, `unserved` is the fewest possible; then `placed` the most. */
  fairness?: { minPlaced: number; unserved: number; placed: number; solveMs: number };
}

export const familyOf = (b: StoredBound): ForumFamily => b.family ?? 'standard';

export function instanceHash(input: SchedulerInput): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex');
}
