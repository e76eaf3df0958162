import { Random } from './random';
import { SchedulerDelegate, SchedulerInput, SchedulerInterpreter, SchedulerRequest } from './types';

export type ForumSize = 'S' | 'M' | 'L' | 'XL';

export const FORUM_SIZES: Record<ForumSize, { delegates: number; requests: number; slots: number; tables: number }> = {
  S: { delegates: 100, requests: 400, slots: 16, tables: 20 },
  M: { delegates: 500, requests: 2500, slots: 24, tables: 80 },
  L: { delegates: 2000, requests: 10000, slots: 24, tables: 250 },
  XL: { delegates: 5000, requests: 30000, slots: 32, tables: 600 },
};

const SECTORS = ['agriculture', 'automotive', 'food-retail', 'logistics'];

/**
 * A realistic China-Russia forum, reproducible from its seed: two countries,
 * four sectors, a few popular delegates who get many requests, partial
 * attendance (one day only, arriving late, leaving early), per-delegate caps,
 * and about one pair in ten with no shared language, needing a Chinese-Russian
 * interpreter from a small pool. The slot grid is two days, half each.
 */
export function generateForum(size: ForumSize, seed: number): SchedulerInput {
  const { delegates: D, requests: R, slots: S, tables: T } = FORUM_SIZES[size];
  const rng = new Random(seed);
  const half = Math.floor(S / 2);
  const range = (from: number, to: number): number[] =>
    Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

  const country: string[] = [];
  const sector: string[] = [];
  const languages: Array<Set<string>> = [];
  const weight: number[] = [];
  const delegates: SchedulerDelegate[] = [];
  for (let i = 0; i < D; i++) {
    const cn = i % 2 === 0;
    country.push(cn ? 'CN' : 'RU');
    sector.push(rng.pick(SECTORS));
    const langs = new Set([cn ? 'zh' : 'ru']);
    if (rng.next() < 0.93) langs.add('en');
    if (rng.next() < 0.04) langs.add(cn ? 'ru' : 'zh');
    languages.push(langs);
    weight.push(rng.next() < 0.05 ? 12 : 1);
    const roll = rng.next();
    let available: number[] | null = null;
    if (roll < 0.15) available = rng.next() < 0.5 ? range(0, half) : range(half, S);
    else if (roll < 0.25) available = range(Math.floor(S / 4), S);
    else if (roll < 0.35) available = range(0, S - Math.floor(S / 4));
    else if (roll < 0.4) available = range(0, S).filter(() => rng.next() < 0.6);
    const maxMeetings = rng.next() < 0.3 ? 4 + rng.int(Math.max(1, Math.floor(S / 2) - 3)) : S;
    delegates.push({ id: `d${i}`, available, maxMeetings });
  }

  // Weighted choice by prefix sums: popular delegates are asked far more often.
  const prefix: number[] = [];
  weight.reduce((sum, w, i) => (prefix[i] = sum + w), 0);
  const total = prefix[D - 1];
  const pickWeighted = (): number => {
    const x = rng.next() * total;
    let lo = 0;
    let hi = D - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (prefix[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };

  const requests: SchedulerRequest[] = [];
  const pairs = new Set<string>();
  let guard = 0;
  while (requests.length < R && guard++ < R * 50) {
    const a = rng.int(D);
    let b = pickWeighted();
    // Most requests cross the border and stay in the requester's sector.
    if (rng.next() < 0.75 && country[b] === country[a]) continue;
    if (rng.next() < 0.6 && sector[b] !== sector[a]) b = pickWeighted();
    if (a === b) continue;
    const key = a < b ? `${a}:${b}` : `${b}:${a}`;
    if (pairs.has(key)) continue;
    pairs.add(key);
    const shared = [...languages[a]].some((l) => languages[b].has(l));
    requests.push({
      id: `r${requests.length}`,
      a: `d${a}`,
      b: `d${b}`,
      priority: 0,
      interpreterPair: shared ? null : 'ru-zh',
    });
  }

  const interpreted = requests.filter((r) => r.interpreterPair).length;
  const poolSize = Math.max(2, Math.round(interpreted / S / 1.5));
  const interpreters: SchedulerInterpreter[] = Array.from({ length: poolSize }, (_, i) => ({
    id: `i${i}`,
    pairs: ['ru-zh'],
    available: rng.next() < 0.25 ? (rng.next() < 0.5 ? range(0, half) : range(half, S)) : null,
  }));

  return { slotCount: S, tableCount: T, delegates, interpreters, requests, pinned: [] };
}
