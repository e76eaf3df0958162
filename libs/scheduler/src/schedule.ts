/**
 * The scheduling search: most-constrained-first greedy, ejection chains and
 * large-neighbourhood moves over a SchedulerBoard.
 * Size (~600 lines): one algorithm whose phases share the same scoring and
 * undo state; it is pure and covered by scheduler.spec and bench:scheduler.
 */
import { SchedulerBoard, popcount } from './scheduler-board';
import { Random } from './random';
import { SchedulerInput, SchedulerOptions, SchedulerResult, Unplaced } from './types';

const NONE = -1;
/** Weight of a slot's table pressure against the requests a placement would block. */
const TABLE_PRESSURE = 0.5;
/** Ejection chains: how deep, and how many meetings or requests tried at each step. */
const CHAIN_DEPTH = 3;
const CHAIN_BRANCH = 3;
/**
 * Share of failed ejection chains followed by a large-neighbourhood move: chains
 * find the improvements, the occasional wider shake-up gets them off plateaus.
 */
const NEIGHBOURHOOD_SHARE = 0.2;
/**
 * The search stops after this many iterations without a gain (still a count,
 * so still reproducible): small forums stop early, large ones search on while
 * they still improve, up to the iteration bound.
 */
const STALL = 1600;
/** Large neighbourhoods: meeting partners of each delegate of the unplaced request also freed. */
const PARTNERS = 2;
/** Randomisation of the greedy's order when re-adding inside the search. */
const NOISE = 0.3;
/** The iteration bound: large forums still gain at a few thousand; XL stays inside five seconds. */
const DEFAULT_ITERATIONS = 8000;
/** Share of the meetings the second objective (fewest servable delegates with none) may cost. */
const DEFAULT_FAIRNESS_COST = 0.005;
/** The fairness pass: how often each of its passes repeats while it serves someone, and how many tries it keeps the best of. */
const FAIR_ROUNDS = 3;
const FAIR_TRIES = 3;

/**
 * Place as many accepted requests as possible: a dynamic most-constrained-first
 * greedy (the request with the fewest feasible slots goes next, into the slot
 * that blocks the fewest other pending requests), then a large-neighbourhood
 * search that drops the meetings of a few delegates around an unplaced request
 * and re-adds them, keeping the result when it is not worse. Bounded by an
 * iteration count, so the same seed always gives the same schedule.
 */
export function schedule(input: SchedulerInput, options: SchedulerOptions = {}): SchedulerResult {
  const board = new SchedulerBoard(input);
  const search = new Search(board, new Random(options.seed ?? 1));
  const all: number[] = [];
  for (let r = 0; r < board.requestCount; r++) if (!board.staticReason[r]) all.push(r);
  search.greedy.run(all, null);
  const done = search.improve(options.iterations ?? DEFAULT_ITERATIONS, STALL);
  search.serveTheUnserved(Math.floor((options.fairnessCost ?? DEFAULT_FAIRNESS_COST) * placedCount(board)));
  return result(board, done);
}

export function result(board: SchedulerBoard, iterations: number): SchedulerResult {
  const unplaced: Unplaced[] = [];
  for (let r = 0; r < board.requestCount; r++) {
    if (board.slotOf[r] === NONE) unplaced.push({ requestId: board.requestIds[r], reason: board.reasonUnplaced(r) });
  }
  const placements = board.placements();
  return {
    placements,
    unplaced,
    stats: {
      placed: placements.length,
      unplaced: unplaced.length,
      fewestMeetingsPerDelegate: board.fewestMeetings(),
      unservedDelegates: board.unservedDelegates().length,
      iterations,
    },
  };
}

/** The search's working state: the board, its random generator, and which requests the current ejection chain has tried. */
class Search {
  readonly greedy: Greedy;
  /** The ejection chain in which each request was last a target: one chain never tries a request twice. */
  private readonly tried: Int32Array;
  /** Scratch marks for the large-neighbourhood move's request set. */
  private readonly inSet: Uint8Array;
  private chain = 0;
  /** Whether a chain skips requests it already tried (the fast search) or may revisit them (the thorough fairness pass). */
  private pruned = true;

  constructor(
    private readonly board: SchedulerBoard,
    private readonly rng: Random,
  ) {
    this.greedy = new Greedy(board);
    this.tried = new Int32Array(board.requestCount);
    this.inSet = new Uint8Array(board.requestCount);
  }

  /**
   * The large-neighbourhood search: pick an unplaced request, free the meetings
   * of its two delegates and of one partner of theirs, and re-place everything
   * touching them with a randomised greedy. Only choosing *which* meetings the
   * full delegates keep helps here, which is exactly what this move explores.
   */
  improve(iterations: number, stall: number): number {
    const { board, rng } = this;
    let it = 0;
    const ceiling = board.simpleBound();
    let best = placedCount(board);
    let improvedAt = 0;
    const unplaced: number[] = [];
    while (it < iterations && best < ceiling && it - improvedAt < stall) {
      const now = placedCount(board);
      if (now > best) {
        best = now;
        improvedAt = it;
      }
      unplaced.length = 0;
      for (let r = 0; r < board.requestCount; r++)
        if (board.slotOf[r] === NONE && !board.staticReason[r]) unplaced.push(r);
      if (unplaced.length === 0) break;
      // Several attempts per scan of the unplaced list: the scan is the costly part on big forums.
      const batch = Math.min(unplaced.length, 16);
      for (let k = 0; k < batch && it < iterations; k++) {
        it++;
        const u = rng.pick(unplaced);
        if (board.slotOf[u] !== NONE || this.augment(u, CHAIN_DEPTH)) continue;
        if (rng.next() < NEIGHBOURHOOD_SHARE) this.shake(u);
      }
    }
    return it;
  }

  /**
   * One large-neighbourhood move around the unplaced request `u`: free the
   * meetings of its two delegates and of up to two partners of each, re-add
   * them all with the randomised greedy, and keep the result unless it has
   * fewer meetings (or as many of lower priority).
   */
  private shake(u: number): void {
    const { board, rng, inSet } = this;
    const delegates = new Set<number>([board.requestA[u], board.requestB[u]]);
    for (const d of [board.requestA[u], board.requestB[u]]) {
      const placed = rng.sample(
        board.incident[d].filter((q) => board.slotOf[q] !== NONE),
        PARTNERS,
      );
      for (const q of placed) delegates.add(board.requestA[q] === d ? board.requestB[q] : board.requestA[q]);
    }
    const removed: number[] = [];
    const candidates: number[] = [];
    for (const d of delegates) {
      for (const q of board.incident[d]) {
        if (inSet[q] || board.staticReason[q]) continue;
        inSet[q] = 1;
        candidates.push(q);
        if (board.slotOf[q] !== NONE) removed.push(q);
      }
    }
    for (const q of candidates) inSet[q] = 0;
    const saved: number[] = [];
    for (const q of removed) saved.push(board.snapshot(q));
    const before = placedPriority(board, candidates);
    for (const q of removed) board.unplace(q);
    const placed = this.greedy.run(candidates, rng);
    // Fewer meetings never stay; as many stay unless they favour lower priorities.
    if (placed < removed.length || (placed === removed.length && placedPriority(board, candidates) < before)) {
      for (const q of candidates) board.unplace(q);
      for (let i = 0; i < removed.length; i++) board.restore(removed[i], saved[i]);
    }
  }

  /**
   * The second objective: fewest delegates left with no meeting although one
   * was possible. For each such delegate, one of their requests goes in by an
   * ejection chain (one meeting more, nobody loses one), else in place of a
   * meeting whose two delegates keep another (the count unchanged), else, while
   * `budget` allows, in place of two such meetings (one fewer). Whatever was
   * taken out then looks for a new place by an ejection chain.
   */
  serveTheUnserved(budget: number): void {
    const board = this.board;
    this.pruned = false;
    const start = this.placedNow();
    let best = start;
    let bestUnserved = Infinity;
    let bestPlaced = -1;
    for (let attempt = 0; attempt < FAIR_TRIES; attempt++) {
      if (attempt > 0) this.resetTo(start);
      this.serveOnce(budget);
      const unserved = board.unservedDelegates().length;
      const placed = placedCount(board);
      if (unserved < bestUnserved || (unserved === bestUnserved && placed > bestPlaced)) {
        bestUnserved = unserved;
        bestPlaced = placed;
        best = this.placedNow();
      }
      if (unserved === 0) break;
    }
    this.resetTo(best);
  }

  /** Every placed request with where it sits, as pairs in one list. */
  private placedNow(): number[] {
    const board = this.board;
    const out: number[] = [];
    for (let r = 0; r < board.requestCount; r++) if (board.slotOf[r] !== NONE) out.push(r, board.snapshot(r));
    return out;
  }

  /** Go back to a schedule `placedNow` saved. */
  private resetTo(saved: number[]): void {
    const board = this.board;
    for (let r = 0; r < board.requestCount; r++) board.unplace(r);
    for (let i = 0; i < saved.length; i += 2) board.restore(saved[i], saved[i + 1]);
  }

  private serveOnce(budget: number): void {
    const { board, rng } = this;
    const waitingOf = (d: number): number[] =>
      rng.shuffle(board.incident[d].filter((r) => board.slotOf[r] === NONE && !board.staticReason[r]));
    const atNoCost = (): void => {
      for (const d of rng.shuffle(board.unservedDelegates())) {
        const requests = waitingOf(d);
        if (!requests.some((r) => this.augment(r, CHAIN_DEPTH))) requests.some((r) => this.swapIn(r, 1) === 0);
      }
    };
    // Each pass changes the schedule the next one starts from, so passes repeat while they serve someone.
    const repeat = (pass: () => void): void => {
      for (let round = 0; round < FAIR_ROUNDS; round++) {
        const before = board.unservedDelegates().length;
        pass();
        if (board.unservedDelegates().length >= before) break;
      }
    };
    repeat(atNoCost);
    // Only then what costs a meeting, so no meeting is spent on a delegate an exchange could serve.
    let spent = 0;
    const atACost = (): void => {
      for (const d of rng.shuffle(board.unservedDelegates())) {
        if (spent >= budget) break;
        if (board.meetings[d] > 0) continue;
        for (const r of waitingOf(d)) {
          const cost = this.swapIn(r, 2);
          if (cost !== NONE) {
            spent += cost;
            break;
          }
        }
      }
      if (spent > 0) repeat(atNoCost);
    };
    repeat(atACost);
  }

  /**
   * Place `r` by taking out `count` (1 or 2) placed meetings whose delegates all
   * keep at least one meeting: one of its partner's (freeing their cap or a
   * slot) and, for two, one holding the table or interpreter `r` lacks in a
   * slot both can make. Returns the meetings it cost (after trying to re-place
   * those taken out), or -1 with nothing changed when no such exchange works.
   */
  private swapIn(r: number, count: 1 | 2): number {
    const { board, rng } = this;
    // Those taken out must leave each of their delegates a meeting (r's two get r).
    const keepsOne = (m: number, without: number[]): boolean =>
      [board.requestA[m], board.requestB[m]].every(
        (x) =>
          x === board.requestA[r] ||
          x === board.requestB[r] ||
          board.meetings[x] - without.filter((q) => board.requestA[q] === x || board.requestB[q] === x).length >= 1,
      );
    const partnerMeetings: number[] = [];
    for (const x of [board.requestA[r], board.requestB[r]])
      for (const m of board.incident[x]) if (board.slotOf[m] !== NONE) partnerMeetings.push(m);
    const trySet = (out: number[]): number => {
      const saved: number[] = [];
      for (const m of out) saved.push(board.snapshot(m));
      for (const m of out) board.unplace(m);
      const s = board.earliestSlot(r);
      if (s !== NONE) {
        board.place(r, s);
        let regained = 0;
        for (const m of out) if (this.augment(m, CHAIN_DEPTH - 1)) regained++;
        // Never below zero: -1 would read as "nothing changed" although `r` is now placed.
        return Math.max(0, out.length - 1 - regained);
      }
      for (let i = 0; i < out.length; i++) board.restore(out[i], saved[i]);
      return NONE;
    };
    if (count === 1) {
      const single = partnerMeetings.slice();
      for (let s = 0; s < board.slots; s++)
        if (board.bothFree(r, s)) for (const m of board.blockers(r, s)) single.push(m);
      for (const m of rng.sample(single, CHAIN_BRANCH * 4)) {
        if (!keepsOne(m, [m])) continue;
        const cost = trySet([m]);
        if (cost !== NONE) return cost;
      }
      return NONE;
    }
    for (const m1 of rng.sample(partnerMeetings, CHAIN_BRANCH * 2)) {
      if (!keepsOne(m1, [m1])) continue;
      const slots: number[] = [];
      for (let s = 0; s < board.slots; s++) if (s !== board.slotOf[m1] && board.bothFree(r, s)) slots.push(s);
      if (board.slotOf[m1] !== NONE) slots.push(board.slotOf[m1]);
      for (const s of rng.sample(slots, CHAIN_BRANCH)) {
        for (const m2 of rng.sample(board.blockers(r, s), CHAIN_BRANCH)) {
          if (m2 === m1 || !keepsOne(m2, [m1, m2]) || !keepsOne(m1, [m1, m2])) continue;
          const cost = trySet([m1, m2]);
          if (cost !== NONE) return cost;
        }
      }
    }
    return NONE;
  }

  /**
   * An ejection chain (an augmenting path with time slots): place `u` by taking
   * the slot of one of its delegates' meetings, then find a new home for the
   * meeting's other delegate: the ejected meeting in another slot, or another
   * of their waiting requests, recursively. Succeeds only with one more meeting
   * placed than before; otherwise every change is undone. Within one chain a
   * request is a target at most once: a second try from another branch
   * repeats work and rarely succeeds where the first failed.
   */
  private augment(u: number, depth: number, first = true): boolean {
    const board = this.board;
    if (first) this.chain++;
    else if (this.pruned && this.tried[u] === this.chain) return false;
    this.tried[u] = this.chain;
    const direct = board.earliestSlot(u);
    if (direct !== NONE) {
      board.place(u, direct);
      return true;
    }
    if (depth === 0) return false;
    const aFirst = this.rng.next() < 0.5;
    const x = aFirst ? board.requestA[u] : board.requestB[u];
    const y = aFirst ? board.requestB[u] : board.requestA[u];
    return this.viaMeetingOf(u, x, depth) || this.viaMeetingOf(u, y, depth) || this.viaBlockers(u, depth);
  }

  /** Place `u` in the slot of one of `x`'s meetings, and that meeting (or its other delegate's waiting request) elsewhere. */
  private viaMeetingOf(u: number, x: number, depth: number): boolean {
    const { board, rng } = this;
    const meetings = rng.sample(
      board.incident[x].filter((m) => m !== u && board.slotOf[m] !== NONE),
      CHAIN_BRANCH,
    );
    for (const m of meetings) {
      const saved = board.snapshot(m);
      board.unplace(m);
      const s = board.earliestSlot(u);
      if (s !== NONE) {
        board.place(u, s);
        if (this.rehome(m, x, depth)) return true;
        board.unplace(u);
      }
      board.restore(m, saved);
    }
    return false;
  }

  /** The ejected meeting `m` (of `x`) in another slot, or one of its other delegate's waiting requests in its place. */
  private rehome(m: number, x: number, depth: number): boolean {
    const { board, rng } = this;
    const s = board.earliestSlot(m);
    if (s !== NONE) {
      board.place(m, s);
      return true;
    }
    const z = board.requestA[m] === x ? board.requestB[m] : board.requestA[m];
    const waiting = rng.sample(
      board.incident[z].filter((q) => q !== m && board.slotOf[q] === NONE && !board.staticReason[q]),
      CHAIN_BRANCH,
    );
    for (const q of waiting) if (this.augment(q, depth - 1, false)) return true;
    return false;
  }

  /**
   * Both could meet but a table or an interpreter is missing: take it from a
   * meeting in that slot and find that meeting another place.
   */
  private viaBlockers(u: number, depth: number): boolean {
    const { board, rng } = this;
    if (!board.underCaps(u)) return false;
    const slots: number[] = [];
    for (let s = 0; s < board.slots; s++) if (board.bothFree(u, s)) slots.push(s);
    for (const s of rng.sample(slots, CHAIN_BRANCH)) {
      for (const m of rng.sample(board.blockers(u, s), CHAIN_BRANCH)) {
        const saved = board.snapshot(m);
        board.unplace(m);
        if (board.fits(u, s)) {
          board.place(u, s);
          if (this.augment(m, depth - 1, false)) return true;
          board.unplace(u);
        }
        board.restore(m, saved);
      }
    }
    return false;
  }
}

/** The priority these requests' placed ones sum to. */
function placedPriority(board: SchedulerBoard, requests: number[]): number {
  let sum = 0;
  for (const q of requests) if (board.slotOf[q] !== NONE) sum += board.priority[q];
  return sum;
}

function placedCount(board: SchedulerBoard): number {
  let n = 0;
  for (let r = 0; r < board.requestCount; r++) if (board.slotOf[r] !== NONE) n++;
  return n;
}

/**
 * Most-constrained-first greedy over a set of pending requests. Keys only fall
 * while it runs (placements use up slots), so after each placement it
 * re-keys the requests that could have lost a slot: those of the same two
 * delegates, and those that fitted the slot when its last floating table or
 * last interpreter of a pair went.
 */
export class Greedy {
  private readonly feasible: Int32Array;
  /** Bit s set when the request fits slot s, as of its last re-key (forums of up to 32 slots). */
  private readonly masks: Uint32Array;
  private readonly pending: Uint8Array;
  /** Pending requests per delegate in the current run. */
  private readonly pendingOf: Int32Array;
  /** Each pending request's random factor on its key, drawn once per run. */
  private readonly noise: Float64Array;
  private readonly heap: Heap;

  constructor(private readonly board: SchedulerBoard) {
    this.feasible = new Int32Array(board.requestCount);
    this.masks = new Uint32Array(board.slots <= 32 ? board.requestCount : 0);
    this.pending = new Uint8Array(board.requestCount);
    this.pendingOf = new Int32Array(board.delegateCount);
    this.noise = new Float64Array(board.requestCount);
    this.heap = new Heap(board.requestCount);
  }

  /** Place what it can of `requests` (all unplaced); returns how many were placed. */
  run(requests: number[], rng: Random | null): number {
    const board = this.board;
    const heap = this.heap;
    heap.clear();
    const list: number[] = [];
    for (const q of requests) {
      if (board.slotOf[q] !== NONE) continue;
      this.pending[q] = 1;
      this.pendingOf[board.requestA[q]]++;
      this.pendingOf[board.requestB[q]]++;
      this.noise[q] = rng ? 1 + NOISE * rng.next() : 1;
      list.push(q);
    }
    for (const q of list) this.rekey(q);
    const useMask = this.masks.length > 0;
    let placed = 0;
    while (heap.size > 0) {
      const q = heap.pop();
      if (!this.pending[q]) continue;
      const s = this.chooseSlot(q);
      if (s === NONE) continue;
      const floating = board.needsFloating(q, s);
      board.place(q, s);
      this.pending[q] = 0;
      this.pendingOf[board.requestA[q]]--;
      this.pendingOf[board.requestB[q]]--;
      placed++;
      const a = board.requestA[q];
      const b = board.requestB[q];
      const tablesGone = floating && board.floatingUsed[s] >= board.floatingCapacity;
      const interpretersGone = board.interpretersExhausted(q, s);
      if ((tablesGone || interpretersGone) && !useMask) {
        for (const p of list) if (this.pending[p]) this.rekey(p);
        continue;
      }
      for (const p of board.incident[a]) if (this.pending[p]) this.rekey(p);
      for (const p of board.incident[b]) if (this.pending[p]) this.rekey(p);
      if (tablesGone || interpretersGone) {
        // Only those that fitted `s` can have lost it: any of them when the tables went, those of
        // the same language pair when the interpreters did.
        const pair = board.requestPair[q];
        for (const p of list)
          if (this.pending[p] && (this.masks[p] >>> s) & 1 && (tablesGone || board.requestPair[p] === pair))
            this.rekey(p);
      }
    }
    for (const q of list) {
      if (!this.pending[q]) continue;
      this.pending[q] = 0;
      this.pendingOf[board.requestA[q]]--;
      this.pendingOf[board.requestB[q]]--;
    }
    return placed;
  }

  private rekey(q: number): void {
    const board = this.board;
    const f = this.countFeasible(q);
    this.feasible[q] = f;
    if (f > 0) {
      const la = this.load(board.requestA[q]);
      const lb = this.load(board.requestB[q]);
      this.heap.set(q, f * (la + lb) * this.noise[q], -board.priority[q]);
    } else {
      this.heap.remove(q);
    }
  }

  /**
   * How oversubscribed a delegate is: pending requests per meeting they can
   * still take. At or below 1 they need every request; above it they will
   * have to turn some down, so their requests can wait for the ones that matter more.
   */
  private load(d: number): number {
    const room = this.board.room(d);
    return room === 0 ? Infinity : Math.max(1, this.pendingOf[d] / room);
  }

  private countFeasible(q: number): number {
    const board = this.board;
    const useMask = this.masks.length > 0;
    if (useMask) this.masks[q] = 0;
    if (!board.underCaps(q)) return 0;
    if (!useMask) return board.countFits(q);
    const mask = board.fitBits(q, 0);
    this.masks[q] = mask;
    return popcount(mask);
  }

  /**
   * The least-constraining slot: the one whose use removes the least from the
   * other pending requests of the same two delegates (each weighted by how few
   * options it has left), plus how full the slot's tables already are; the
   * earliest wins ties.
   */
  private chooseSlot(q: number): number {
    const board = this.board;
    const a = board.requestA[q];
    const b = board.requestB[q];
    let best = NONE;
    let bestCost = Infinity;
    // The other pending requests of the two delegates, with the slots they fitted at their last
    // re-key (every placement re-keys the requests it can affect) and their weight.
    const useMask = this.masks.length > 0;
    const others: number[] = [];
    if (useMask) {
      for (const p of board.incident[a]) if (p !== q && this.pending[p] && this.masks[p]) others.push(p);
      for (const p of board.incident[b]) if (p !== q && this.pending[p] && this.masks[p]) others.push(p);
    }
    for (let s = 0; s < board.slots; s++) {
      if (!board.fits(q, s)) continue;
      let cost = 0;
      if (useMask) {
        for (const p of others) if ((this.masks[p] >>> s) & 1) cost += 1 / this.feasible[p];
      } else {
        for (const p of board.incident[a])
          if (p !== q && this.pending[p] && board.fits(p, s)) cost += 1 / this.feasible[p];
        for (const p of board.incident[b])
          if (p !== q && this.pending[p] && board.fits(p, s)) cost += 1 / this.feasible[p];
      }
      if (board.needsFloating(q, s))
        cost += (TABLE_PRESSURE * board.floatingUsed[s]) / Math.max(1, board.floatingCapacity);
      if (cost < bestCost - 1e-9) {
        bestCost = cost;
        best = s;
      }
    }
    return best;
  }
}

/**
 * An indexed binary min-heap of requests by (key, secondary, request index):
 * each request is in it at most once, and re-keying moves it in place, so


/**
 * An indexed binary min-heap of requests by (key, secondary, request index):
 * each request is in it at most once, and re-keying moves it in place, so
 * nothing stale piles up while the greedy re-keys after every placement.
 */
class Heap {
  private readonly heap: Int32Array;
  private readonly position: Int32Array;
  private readonly keys: Float64Array;
  private readonly seconds: Float64Array;
  private count = 0;

  constructor(capacity: number) {
    this.heap = new Int32Array(capacity);
    this.position = new Int32Array(capacity).fill(NONE);
    this.keys = new Float64Array(capacity);
    this.seconds = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  clear(): void {
    for (let i = 0; i < this.count; i++) this.position[this.heap[i]] = NONE;
    this.count = 0;
  }

  /** Insert `item`, or move it to its new key. */
  set(item: number, key: number, second: number): void {
    this.keys[item] = key;
    this.seconds[item] = second;
    let i = this.position[item];
    if (i === NONE) {
      i = this.count++;
      this.heap[i] = item;
      this.position[item] = i;
    }
    this.down(this.up(i));
  }

  remove(item: number): void {
    const i = this.position[item];
    if (i === NONE) return;
    const last = --this.count;
    this.position[item] = NONE;
    if (i === last) return;
    const moved = this.heap[last];
    this.heap[i] = moved;
    this.position[moved] = i;
    this.down(this.up(i));
  }

  pop(): number {
    const top = this.heap[0];
    this.remove(top);
    return top;
  }

  private less(a: number, b: number): boolean {
    if (this.keys[a] !== this.keys[b]) return this.keys[a] < this.keys[b];
    if (this.seconds[a] !== this.seconds[b]) return this.seconds[a] < this.seconds[b];
    return a < b;
  }

  private up(i: number): number {
    const item = this.heap[i];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = this.heap[parent];
      if (!this.less(item, above)) break;
      this.heap[i] = above;
      this.position[above] = i;
      i = parent;
    }
    this.heap[i] = item;
    this.position[item] = i;
    return i;
  }

  private down(i: number): void {
    const item = this.heap[i];
    const n = this.count;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && this.less(this.heap[r], this.heap[l]) ? r : l;
      if (!this.less(this.heap[child], item)) break;
      this.heap[i] = this.heap[child];
      this.position[this.heap[i]] = i;
      i = child;
    }
    this.heap[i] = item;
    this.position[item] = i;
  }
}
