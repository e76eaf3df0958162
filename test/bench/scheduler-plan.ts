import { createHash } from 'node:crypto';
import { ForumSize, SchedulerInput } from '@roundtable/scheduler';

/** Which generated forums the benchmark runs, and how each one's bound is computed. */
export const BENCH_PLAN: Array<{ size: ForumSize; seeds: number[]; bound: 'ILP' | 'LP' | null }> = [
  { size: 'S', seeds: Array.from({ length: 20 }, (_, i) => i + 1), bound: 'ILP' },
  { size: 'M', seeds: [1, 2, 3], bound: 'ILP' },
  { size: 'L', seeds: [1], bound: 'LP' },
  { size: 'XL', seeds: [1], bound: null },
];

export const BOUNDS_FILE = `${__dirname}/scheduler-bounds.json`;

export interface StoredBound {
  size: ForumSize;
  seed: number;
  /** SHA-256 of the generated instance, so a changed generator invalidates the bound. */
  hash: string;
  kind: 'ILP' | 'LP';
  bound: number;
  solveMs: number;
}

export function instanceHash(input: SchedulerInput): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex');
}
