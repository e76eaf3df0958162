import { Random } from './random';
import { SchedulerDelegate, SchedulerInput, SchedulerInterpreter, SchedulerRequest } from './types';

export type ForumSize = 'S' | 'M' | 'L' | 'XL';

/**
 * `standard`: a forum where tables are scarce; `hard`: tables never bind, the
 * limits are people (popular delegates, caps, one-day attendance) and a short
 * interpreter pool.
 */
export type ForumFamily = 'standard' | 'hard';

export const FORUM_FAMILIES: readonly ForumFamily[] = ['standard', 'hard'];

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
export function generateForum(size: ForumSize, seed: number, family: ForumFamily = 'standard'): SchedulerInput {
  if (family === 'hard') return generateHardForum(size, seed);
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

const range = (from: number, to: number): number[] =>
  Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

/**
 * A forum where tables never bind (one per two delegates), reproducible from
 * its seed: a few star delegates each asked by over a hundred others (by over
 * half the forum at S), 20-40% of the requests between delegates with no
 * shared language whose Chinese-Russian interpreters cover only a quarter to a
 * half of that demand, a fifth of the delegates there one day only, a third
 * with a meeting cap, others arriving late or leaving early.
 */
function generateHardForum(size: ForumSize, seed: number): SchedulerInput {
  const { delegates: D, requests: R, slots: S } = FORUM_SIZES[size];
  const rng = new Random(seed ^ 0x5bd1e995);
  const half = Math.floor(S / 2);
  const interpretedShare = 0.22 + 0.16 * rng.next();
  const coverage = 0.25 + 0.25 * rng.next();
  // Crossing the border without a shared language needs an interpreter; English is the usual bridge.
  const crossShare = 0.8;
  const english = Math.sqrt(Math.max(0, 1 - interpretedShare / crossShare));

  const country: string[] = [];
  const sector: string[] = [];
  const languages: Array<Set<string>> = [];
  const delegates: SchedulerDelegate[] = [];
  for (let i = 0; i < D; i++) {
    const cn = i % 2 === 0;
    country.push(cn ? 'CN' : 'RU');
    sector.push(rng.pick(SECTORS));
    const langs = new Set([cn ? 'zh' : 'ru']);
    if (rng.next() < english) langs.add('en');
    languages.push(langs);
    const roll = rng.next();
    let available: number[] | null = null;
    if (roll < 0.2) available = rng.next() < 0.5 ? range(0, half) : range(half, S);
    else if (roll < 0.35) available = range(1 + rng.int(Math.floor(S / 3)), S);
    else if (roll < 0.5) available = range(0, S - 1 - rng.int(Math.floor(S / 3)));
    const maxMeetings = rng.next() < 1 / 3 ? 2 + rng.int(Math.max(1, Math.floor(S / 3))) : S;
    delegates.push({ id: `d${i}`, available, maxMeetings });
  }

  const requests: SchedulerRequest[] = [];
  const pairs = new Set<string>();
  const add = (a: number, b: number): void => {
    if (a === b) return;
    const key = a < b ? `${a}:${b}` : `${b}:${a}`;
    if (pairs.has(key)) return;
    pairs.add(key);
    const shared = [...languages[a]].some((l) => languages[b].has(l));
    requests.push({
      id: `r${requests.length}`,
      a: `d${a}`,
      b: `d${b}`,
      priority: 0,
      interpreterPair: shared ? null : 'ru-zh',
    });
  };

  // The stars: each asked by 100-200 others (half the forum when it is smaller).
  const stars = Math.max(3, Math.round(D / 400));
  for (let k = 0; k < stars; k++) {
    const star = rng.int(D);
    const askers = Math.min(Math.floor((D - 1) / 2), 100 + rng.int(100));
    const before = requests.length;
    for (let n = 0; n < askers * 4 && requests.length - before < askers; n++) add(rng.int(D), star);
  }
  // Quiet delegates ask one or two popular people (a star half the time) and nobody asks them:
  // they are the ones a schedule tuned for the count alone leaves with nothing.
  const quiet = Array.from({ length: D }, () => rng.next() < 0.15);
  const starIds = requests.length > 0 ? [...new Set(requests.map((r) => Number(r.b.slice(1))))] : [];
  // Everyone else: mostly across the border, a popular minority asked three times as often.
  const weight: number[] = quiet.map((q) => (q ? 0 : rng.next() < 0.1 ? 3 : 1));
  const prefix: number[] = [];
  weight.reduce((sum, w, i) => (prefix[i] = sum + w), 0);
  const pickWeighted = (): number => {
    const x = rng.next() * prefix[D - 1];
    let lo = 0;
    let hi = D - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (prefix[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  for (let a = 0; a < D && requests.length < R; a++) {
    if (!quiet[a]) continue;
    const asks = 1 + rng.int(2);
    for (let n = 0; n < asks; n++) add(a, rng.next() < 0.5 ? rng.pick(starIds) : pickWeighted());
  }
  let guard = 0;
  while (requests.length < R && guard++ < R * 50) {
    const a = rng.int(D);
    if (quiet[a]) continue;
    const b = pickWeighted();
    if (rng.next() < crossShare && country[a] === country[b]) continue;
    add(a, b);
  }

  // Interpreters: present slots for exactly `coverage` of the interpreted requests (the last one part-time).
  const demand = requests.filter((r) => r.interpreterPair).length;
  const interpreters: SchedulerInterpreter[] = [];
  let missing = Math.max(1, Math.round(coverage * demand));
  while (missing > 0) {
    let available: number[] | null = rng.next() < 0.3 ? (rng.next() < 0.5 ? range(0, half) : range(half, S)) : null;
    const length = available ? available.length : S;
    if (length > missing) {
      const start = rng.int(S - missing + 1);
      available = range(start, start + missing);
    }
    missing -= available ? available.length : S;
    interpreters.push({ id: `i${interpreters.length}`, pairs: ['ru-zh'], available });
  }

  return { slotCount: S, tableCount: Math.ceil(D / 2), delegates, interpreters, requests, pinned: [] };
}
