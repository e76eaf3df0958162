/** A small seeded PRNG (mulberry32): the scheduler never uses Math.random, so runs are reproducible. */
export class Random {
  private state: number;

  constructor(seed: number) {
    // Kept as a signed 32-bit integer (same bits), so the field never changes representation.
    this.state = seed | 0 || 0x9e3779b9 | 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** Up to `k` distinct items in random order, as `shuffle(items).slice(0, k)` would give, with k draws instead of one per item; reorders `items`. */
  sample<T>(items: T[], k: number): T[] {
    const n = items.length;
    const m = Math.min(k, n);
    for (let i = 0; i < m; i++) {
      const j = i + this.int(n - i);
      const x = items[i];
      items[i] = items[j];
      items[j] = x;
    }
    return n === m ? items : items.slice(0, m);
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const x = items[i];
      items[i] = items[j];
      items[j] = x;
    }
    return items;
  }
}
