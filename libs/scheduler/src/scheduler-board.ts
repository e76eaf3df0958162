/**
 * Size (~670 lines): the scheduler's array-indexed working state and its
 * incremental bookkeeping (free-slot counts, per-slot indexes, undo); every
 * method keeps the same invariants, so they stay in one class.
 */
import { PinnedMeeting, Placement, SchedulerInput, SchedulerRequest, UnplacedReason } from './types';

const NONE = -1;

/**
 * The scheduler's working state: who is busy when, which tables and
 * interpreters are taken, with every lookup an array index. Requests are
 * numbered 0..R-1 in input order; pinned meetings are applied once and never
 * touched again. (The meetings lib's EventMeetingState is what it is built
 * from: the event read from the database as SchedulerInput.)
 */
export class SchedulerBoard {
  readonly slots: number;
  readonly delegateCount: number;
  requestCount: number;

  /** delegate × slot: 1 when the delegate can make the slot. */
  private readonly available: Uint8Array;
  /** delegate × slot: 1 when the delegate already meets someone then. */
  private readonly busy: Uint8Array;
  /** Per delegate: slots they attend and are not busy in (kept as `busy` changes). */
  private readonly freeSlots: Int32Array;
  readonly meetings: Int32Array;
  readonly caps: Int32Array;
  /** Index into `fixedTables` of the delegate's reserved table, or -1. */
  private readonly fixedOf: Int32Array;
  private readonly fixedTables: number[];
  /** fixed table × slot: 1 when taken. */
  private readonly fixedBusy: Uint8Array;
  /** Tables not reserved for a company, shared by everyone else. */
  private readonly floatingTables: number[];
  readonly floatingUsed: Int32Array;
  /** Floating tables taken by pinned meetings, per slot, so new ones get other numbers. */
  private readonly pinnedFloating: Array<Set<number>>;
  /** 32-slot words per bit set below. */
  private readonly words: number;
  /** delegate × word: bit s set when the delegate attends slot s and is not busy then. */
  private readonly freeBits: Uint32Array;
  /** Per word: bit s set while a floating table is free at s. */
  private readonly floatingBits: Uint32Array;
  /** fixed table × word: bit s set while the table is free at s. */
  private readonly fixedBits: Uint32Array;
  /** Per pair: free qualified interpreters per slot, and bit s set while there is one. */
  private readonly interpretersFree: Int32Array[] = [];
  private readonly interpreterBits: Uint32Array[] = [];
  /** Pairs each interpreter covers (indices into `interpretersByPair`). */
  private readonly pairsOfInterpreter: number[][];
  private readonly interpreterIds: string[];
  private readonly interpreterAvailable: Uint8Array;
  private readonly interpreterBusy: Uint8Array;
  /** Qualified interpreters per language-pair code, least versatile first. */
  private readonly interpretersByPair: number[][];
  private readonly pairIndex = new Map<string, number>();
  private readonly delegateIndex = new Map<string, number>();
  private readonly fixedIndex = new Map<number, number>();
  private readonly interpreterIndex: Map<string, number>;
  private readonly pinnedById = new Map<string, PinnedMeeting>();

  readonly requestIds: string[];
  requestA: Int32Array;
  requestB: Int32Array;
  priority: Float64Array;
  /** Index into `interpretersByPair`, or -1 when the two share a language. */
  requestPair: Int32Array;
  /** Requests touching each delegate. */
  readonly incident: number[][];

  /** Placement of each request: slot, fixed-table index or -1 (floating), interpreter or -1. */
  slotOf: Int32Array;
  private fixedUsedBy: Int32Array;
  private interpreterOf: Int32Array;
  /**
   * What holds a floating table, and an interpreter of each pair, at each
   * slot: the placed requests there, so the search for a meeting to move out
   * of the way looks at one slot's few meetings, not at every request.
   */
  private readonly floatingAt: SlotMembers;
  private readonly pairAt: SlotMembers[] = [];
  /** Reasons a request cannot be placed at all, known before searching. */
  readonly staticReason: Array<UnplacedReason | null>;

  constructor(readonly input: SchedulerInput) {
    const S = (this.slots = input.slotCount);
    const D = (this.delegateCount = input.delegates.length);
    const delegateIndex = this.delegateIndex;
    input.delegates.forEach((d, i) => delegateIndex.set(d.id, i));

    const W = (this.words = Math.ceil(S / 32));
    this.available = new Uint8Array(D * S);
    this.busy = new Uint8Array(D * S);
    this.freeBits = new Uint32Array(D * W);
    this.freeSlots = new Int32Array(D);
    this.meetings = new Int32Array(D);
    this.caps = new Int32Array(D);
    this.fixedOf = new Int32Array(D).fill(NONE);
    const fixedIndex = this.fixedIndex;
    this.fixedTables = [];
    input.delegates.forEach((d, i) => {
      fillSlots(this.available, i * S, S, d.available);
      for (let s = 0; s < S; s++)
        if (this.available[i * S + s]) {
          this.freeSlots[i]++;
          this.freeBits[i * W + (s >> 5)] |= 1 << (s & 31);
        }
      this.caps[i] = d.maxMeetings;
      if (d.fixedTable != null && d.fixedTable >= 1 && d.fixedTable <= input.tableCount) {
        let k = fixedIndex.get(d.fixedTable);
        if (k === undefined) {
          k = this.fixedTables.length;
          fixedIndex.set(d.fixedTable, k);
          this.fixedTables.push(d.fixedTable);
        }
        this.fixedOf[i] = k;
      }
    });
    this.fixedBusy = new Uint8Array(this.fixedTables.length * S);
    this.fixedBits = new Uint32Array(this.fixedTables.length * W);
    this.floatingBits = new Uint32Array(W);
    this.floatingTables = [];
    for (let t = 1; t <= input.tableCount; t++) if (!fixedIndex.has(t)) this.floatingTables.push(t);
    this.floatingUsed = new Int32Array(S);
    for (let s = 0; s < S; s++) {
      for (let k = 0; k < this.fixedTables.length; k++) this.fixedBits[k * W + (s >> 5)] |= 1 << (s & 31);
      if (this.floatingTables.length > 0) this.floatingBits[s >> 5] |= 1 << (s & 31);
    }
    this.pinnedFloating = Array.from({ length: S }, () => new Set<number>());
    this.floatingAt = new SlotMembers(S, input.requests.length);

    const I = input.interpreters.length;
    this.interpreterIds = input.interpreters.map((x) => x.id);
    this.interpreterIndex = new Map(this.interpreterIds.map((id, i) => [id, i] as const));
    this.interpreterAvailable = new Uint8Array(I * S);
    this.interpreterBusy = new Uint8Array(I * S);
    this.interpretersByPair = [];
    const order = input.interpreters
      .map((x, i) => i)
      .sort((x, y) => input.interpreters[x].pairs.length - input.interpreters[y].pairs.length);
    input.interpreters.forEach((x, i) => fillSlots(this.interpreterAvailable, i * S, S, x.available));
    this.pairsOfInterpreter = input.interpreters.map(() => []);
    for (const i of order)
      for (const pair of input.interpreters[i].pairs) {
        const p = this.pairOf(pair);
        this.interpretersByPair[p].push(i);
        this.pairsOfInterpreter[i].push(p);
        for (let s = 0; s < S; s++) if (this.interpreterAvailable[i * S + s]) this.countInterpreter(p, s, 1);
      }

    const R = input.requests.length;
    this.requestCount = 0;
    this.requestIds = [];
    this.requestA = new Int32Array(R);
    this.requestB = new Int32Array(R);
    this.priority = new Float64Array(R);
    this.requestPair = new Int32Array(R);
    this.slotOf = new Int32Array(R);
    this.fixedUsedBy = new Int32Array(R);
    this.interpreterOf = new Int32Array(R);
    this.staticReason = [];
    this.incident = Array.from({ length: D }, () => []);

    // Pinned meetings first: they hold their delegates, table and interpreter.
    for (const m of input.pinned) this.pin(m);
    for (const r of input.requests) this.addRequest(r);
  }

  /** Add a request (unplaced); returns its index. */
  addRequest(r: SchedulerRequest): number {
    const a = this.delegateIndex.get(r.a);
    const b = this.delegateIndex.get(r.b);
    if (a === undefined || b === undefined || a === b) throw new Error(`request ${r.id} names an unknown delegate`);
    const i = this.requestCount++;
    if (i >= this.requestA.length) this.grow(Math.max(16, i * 2));
    this.requestIds.push(r.id);
    this.requestA[i] = a;
    this.requestB[i] = b;
    this.priority[i] = r.priority ?? 0;
    this.requestPair[i] = r.interpreterPair ? this.pairOf(r.interpreterPair) : NONE;
    this.slotOf[i] = this.fixedUsedBy[i] = this.interpreterOf[i] = NONE;
    this.incident[a].push(i);
    this.incident[b].push(i);
    this.staticReason.push(this.reasonBeforeSearch(i));
    return i;
  }

  /** Hold a placed meeting's delegates, table and interpreter; it never moves. */
  pin(m: PinnedMeeting): void {
    this.occupy(m, 1);
    this.pinnedById.set(m.id, m);
  }

  /** Free what a pinned meeting held (it was cancelled); false when unknown. */
  unpin(id: string): PinnedMeeting | null {
    const m = this.pinnedById.get(id);
    if (!m) return null;
    this.occupy(m, -1);
    this.pinnedById.delete(id);
    return m;
  }

  /** Every pinned meeting, as placed. */
  pinnedMeetings(): PinnedMeeting[] {
    return [...this.pinnedById.values()];
  }

  private occupy(m: PinnedMeeting, sign: 1 | -1): void {
    const flag = sign === 1 ? 1 : 0;
    for (const id of [m.a, m.b]) {
      const d = this.delegateIndex.get(id);
      if (d === undefined) throw new Error(`meeting ${m.id} names an unknown delegate`);
      this.setBusy(d, m.slot, flag);
      this.meetings[d] += sign;
    }
    const k = this.fixedIndex.get(m.table);
    if (k !== undefined) this.setFixedBusy(k, m.slot, flag);
    else {
      this.useFloating(m.slot, sign);
      if (sign === 1) this.pinnedFloating[m.slot].add(m.table);
      else this.pinnedFloating[m.slot].delete(m.table);
    }
    if (m.interpreter) {
      const i = this.interpreterIndex.get(m.interpreter);
      if (i !== undefined) this.setInterpreterBusy(i, m.slot, flag);
    }
  }

  private pairOf(pair: string): number {
    let p = this.pairIndex.get(pair);
    if (p === undefined) {
      p = this.interpretersByPair.length;
      this.pairIndex.set(pair, p);
      this.interpretersByPair.push([]);
      this.pairAt.push(new SlotMembers(this.slots, Math.max(this.input.requests.length, this.requestA?.length ?? 0)));
      this.interpretersFree.push(new Int32Array(this.slots));
      this.interpreterBits.push(new Uint32Array(this.words));
    }
    return p;
  }

  private grow(size: number): void {
    const copy = <T extends Int32Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.requestA = copy(this.requestA, (n) => new Int32Array(n));
    this.requestB = copy(this.requestB, (n) => new Int32Array(n));
    this.priority = copy(this.priority, (n) => new Float64Array(n));
    this.requestPair = copy(this.requestPair, (n) => new Int32Array(n));
    this.slotOf = copy(this.slotOf, (n) => new Int32Array(n));
    this.fixedUsedBy = copy(this.fixedUsedBy, (n) => new Int32Array(n));
    this.interpreterOf = copy(this.interpreterOf, (n) => new Int32Array(n));
    this.floatingAt.grow(size);
    for (const members of this.pairAt) members.grow(size);
  }

  private reasonBeforeSearch(r: number): UnplacedReason | null {
    const S = this.slots;
    const a = this.requestA[r] * S;
    const b = this.requestB[r] * S;
    let common = false;
    let interpreted = this.requestPair[r] === NONE;
    for (let s = 0; s < S; s++) {
      if (!this.available[a + s] || !this.available[b + s]) continue;
      common = true;
      if (!interpreted)
        interpreted = this.interpretersByPair[this.requestPair[r]].some(
          (i) => this.interpreterAvailable[i * S + s] === 1,
        );
    }
    if (!common) return 'NO_COMMON_AVAILABILITY';
    if (!interpreted) return 'NO_INTERPRETER';
    return null;
  }

  /** True when both delegates still have room under their caps. */
  underCaps(r: number): boolean {
    const a = this.requestA[r];
    const b = this.requestB[r];
    return this.meetings[a] < this.caps[a] && this.meetings[b] < this.caps[b];
  }

  /** The earliest slot where request r fits now (caps and static reasons included), or -1. */
  earliestSlot(r: number): number {
    if (this.staticReason[r] || !this.underCaps(r)) return -1;
    for (let w = 0; w < this.words; w++) {
      const bits = this.fitBits(r, w);
      if (bits !== 0) return w * 32 + 31 - Math.clz32(bits & -bits);
    }
    return -1;
  }

  /** How many more meetings a delegate can take: the lesser of cap room and free slots they attend. */
  room(d: number): number {
    const left = this.caps[d] - this.meetings[d];
    if (left <= 0) return 0;
    return Math.min(left, this.freeSlots[d]);
  }

  private setBusy(d: number, s: number, flag: 0 | 1): void {
    const i = d * this.slots + s;
    if (this.busy[i] === flag) return;
    this.busy[i] = flag;
    if (!this.available[i]) return;
    this.freeSlots[d] += flag ? -1 : 1;
    this.freeBits[d * this.words + (s >> 5)] ^= 1 << (s & 31);
  }

  private setFixedBusy(k: number, s: number, flag: 0 | 1): void {
    const i = k * this.slots + s;
    if (this.fixedBusy[i] === flag) return;
    this.fixedBusy[i] = flag;
    this.fixedBits[k * this.words + (s >> 5)] ^= 1 << (s & 31);
  }

  private useFloating(s: number, delta: 1 | -1): void {
    this.floatingUsed[s] += delta;
    const bit = 1 << (s & 31);
    if (this.floatingUsed[s] < this.floatingTables.length) this.floatingBits[s >> 5] |= bit;
    else this.floatingBits[s >> 5] &= ~bit;
  }

  private setInterpreterBusy(i: number, s: number, flag: 0 | 1): void {
    const j = i * this.slots + s;
    if (this.interpreterBusy[j] === flag) return;
    this.interpreterBusy[j] = flag;
    if (this.interpreterAvailable[j])
      for (const p of this.pairsOfInterpreter[i]) this.countInterpreter(p, s, flag ? -1 : 1);
  }

  private countInterpreter(p: number, s: number, delta: 1 | -1): void {
    const free = (this.interpretersFree[p][s] += delta);
    const bit = 1 << (s & 31);
    if (free > 0) this.interpreterBits[p][s >> 5] |= bit;
    else this.interpreterBits[p][s >> 5] &= ~bit;
  }

  /**
   * Bits of the slots in word `w` (slots 32w..32w+31) where request `r` fits
   * now, caps aside: both free, a table (theirs or a floating one), an
   * interpreter when needed. Every feasibility question reduces to this.
   */
  fitBits(r: number, w: number): number {
    const W = this.words;
    const a = this.requestA[r];
    const b = this.requestB[r];
    let bits = this.freeBits[a * W + w] & this.freeBits[b * W + w];
    if (bits === 0) return 0;
    let tables = this.floatingBits[w];
    const ka = this.fixedOf[a];
    if (ka !== NONE) tables |= this.fixedBits[ka * W + w];
    const kb = this.fixedOf[b];
    if (kb !== NONE) tables |= this.fixedBits[kb * W + w];
    bits &= tables;
    const p = this.requestPair[r];
    if (p !== NONE) bits &= this.interpreterBits[p][w];
    return bits >>> 0;
  }

  /** How many slots `r` fits now, caps aside. */
  countFits(r: number): number {
    let n = 0;
    for (let w = 0; w < this.words; w++) n += popcount(this.fitBits(r, w));
    return n;
  }

  /**
   * An easy upper bound on how many requests can be placed at all: no more than
   * there are tables, half the delegates' room, or requests that could ever fit.
   * When the search reaches it, nothing better exists.
   */
  simpleBound(): number {
    let placed = 0;
    let possible = 0;
    for (let r = 0; r < this.requestCount; r++) {
      if (this.slotOf[r] !== NONE) placed++;
      else if (!this.staticReason[r]) possible++;
    }
    let tables = 0;
    for (let s = 0; s < this.slots; s++)
      tables += this.floatingTables.length - this.floatingUsed[s] + this.fixedTables.length;
    let room = 0;
    for (let d = 0; d < this.delegateCount; d++) room += this.room(d);
    // Fixed tables double-count busy ones above, which only loosens the bound.
    return placed + Math.min(possible, tables, Math.floor(room / 2));
  }

  /** Can request `r` go into slot `s` now (caps aside)? */
  fits(r: number, s: number): boolean {
    return ((this.fitBits(r, s >> 5) >>> (s & 31)) & 1) === 1;
  }

  /** Would `r` take a floating table at `s` (rather than a company's fixed one)? */
  needsFloating(r: number, s: number): boolean {
    return this.freeFixed(this.requestA[r], this.requestB[r], s) === NONE;
  }

  get floatingCapacity(): number {
    return this.floatingTables.length;
  }

  /** Slots where both can meet and are not yet busy, ignoring tables and interpreters. */
  bothFree(r: number, s: number): boolean {
    const i = s >> 5;
    const W = this.words;
    return (
      (((this.freeBits[this.requestA[r] * W + i] & this.freeBits[this.requestB[r] * W + i]) >>> (s & 31)) & 1) === 1
    );
  }

  /** Place `r` at `s` (which it fits) on the first free fixed table or floating one, and interpreter if needed. */
  place(r: number, s: number): void {
    const k = this.freeFixed(this.requestA[r], this.requestB[r], s);
    const i = this.requestPair[r] !== NONE ? this.freeInterpreter(this.requestPair[r], s) : NONE;
    this.occupyAt(r, s, k, i);
  }

  unplace(r: number): void {
    const s = this.slotOf[r];
    if (s === NONE) return;
    const a = this.requestA[r];
    const b = this.requestB[r];
    this.setBusy(a, s, 0);
    this.setBusy(b, s, 0);
    this.meetings[a]--;
    this.meetings[b]--;
    const k = this.fixedUsedBy[r];
    if (k !== NONE) this.setFixedBusy(k, s, 0);
    else {
      this.useFloating(s, -1);
      this.floatingAt.remove(r, s);
    }
    if (this.interpreterOf[r] !== NONE) this.setInterpreterBusy(this.interpreterOf[r], s, 0);
    if (this.requestPair[r] !== NONE) this.pairAt[this.requestPair[r]].remove(r, s);
    this.fixedUsedBy[r] = NONE;
    this.interpreterOf[r] = NONE;
    this.slotOf[r] = NONE;
  }

  /**
   * Where a placed request sits (slot, fixed table, interpreter) packed into
   * one number, to put it back exactly as it was with `restore`.
   */
  snapshot(r: number): number {
    const tables = this.fixedTables.length + 1;
    return this.slotOf[r] + this.slots * (this.fixedUsedBy[r] + 1 + tables * (this.interpreterOf[r] + 1));
  }

  /** Put `r` back where `snapshot` saw it. */
  restore(r: number, saved: number): void {
    const tables = this.fixedTables.length + 1;
    const rest = Math.floor(saved / this.slots);
    this.occupyAt(r, saved % this.slots, (rest % tables) - 1, Math.floor(rest / tables) - 1);
  }

  /** Occupy slot `s` with fixed table `k` (NONE: a floating one) and interpreter `i` (NONE: none). */
  private occupyAt(r: number, s: number, k: number, i: number): void {
    const a = this.requestA[r];
    const b = this.requestB[r];
    this.setBusy(a, s, 1);
    this.setBusy(b, s, 1);
    this.meetings[a]++;
    this.meetings[b]++;
    if (k !== NONE) this.setFixedBusy(k, s, 1);
    else {
      this.useFloating(s, 1);
      this.floatingAt.add(r, s);
    }
    if (i !== NONE) this.setInterpreterBusy(i, s, 1);
    if (this.requestPair[r] !== NONE) this.pairAt[this.requestPair[r]].add(r, s);
    this.slotOf[r] = s;
    this.fixedUsedBy[r] = k;
    this.interpreterOf[r] = i;
  }

  /**
   * The placed requests that hold what `r` lacks at slot `s`, in no
   * particular order: those with an interpreter of its pair when none is
   * free, else those on a floating table when `r` needs one and none is free;
   * empty when `r` lacks neither. The same set as testing every request with
   * `holdsWhatIsMissing`, read from the per-slot index.
   */
  blockers(r: number, s: number): number[] {
    let members: SlotMembers | null = null;
    if (this.interpretersExhausted(r, s)) members = this.pairAt[this.requestPair[r]];
    else if (this.needsFloating(r, s) && this.floatingUsed[s] >= this.floatingTables.length) members = this.floatingAt;
    if (!members) return [];
    const found: number[] = [];
    for (const m of members.at(s)) if (m !== r) found.push(m);
    return found;
  }

  /** Does the placed request `blocker` hold what `r` lacks at its slot: a floating table, or an interpreter of the same pair? */
  holdsWhatIsMissing(blocker: number, r: number, s: number): boolean {
    if (this.slotOf[blocker] !== s) return false;
    if (this.interpretersExhausted(r, s)) return this.requestPair[blocker] === this.requestPair[r];
    return (
      this.fixedUsedBy[blocker] === NONE &&
      this.needsFloating(r, s) &&
      this.floatingUsed[s] >= this.floatingTables.length
    );
  }

  /** True when no interpreter for the request's pair is free at `s` any more. */
  interpretersExhausted(r: number, s: number): boolean {
    return this.requestPair[r] !== NONE && this.freeInterpreter(this.requestPair[r], s) === NONE;
  }

  /** Why a request that is not placed could not be: the most specific cause. */
  reasonUnplaced(r: number): UnplacedReason {
    if (this.staticReason[r]) return this.staticReason[r];
    if (!this.underCaps(r)) return 'MEETING_CAP_REACHED';
    let bothFree = false;
    let tableFree = false;
    for (let s = 0; s < this.slots; s++) {
      if (!this.bothFree(r, s)) continue;
      bothFree = true;
      if (
        this.freeFixed(this.requestA[r], this.requestB[r], s) !== NONE ||
        this.floatingUsed[s] < this.floatingTables.length
      )
        tableFree = true;
    }
    if (!bothFree) return 'NO_COMMON_FREE_SLOT';
    return tableFree ? 'NO_INTERPRETER' : 'NO_FREE_TABLE';
  }

  /** Turn the placed requests into placements with concrete table numbers, deterministically. */
  placements(): Placement[] {
    const S = this.slots;
    const out: Placement[] = [];
    const nextFloating = new Int32Array(S);
    for (let r = 0; r < this.requestCount; r++) {
      const s = this.slotOf[r];
      if (s === NONE) continue;
      let table: number;
      if (this.fixedUsedBy[r] !== NONE) table = this.fixedTables[this.fixedUsedBy[r]];
      else {
        let n = nextFloating[s];
        while (this.pinnedFloating[s].has(this.floatingTables[n])) n++;
        table = this.floatingTables[n];
        nextFloating[s] = n + 1;
      }
      const i = this.interpreterOf[r];
      out.push({
        requestId: this.requestIds[r],
        slot: s,
        table,
        interpreter: i === NONE ? null : this.interpreterIds[i],
      });
    }
    return out;
  }

  /**
   * Turn a just-placed request into a pinned meeting with a concrete table
   * number, as the incremental scheduler does for every placement it makes.
   */
  pinPlaced(r: number): PinnedMeeting {
    const s = this.slotOf[r];
    const k = this.fixedUsedBy[r];
    let table: number;
    if (k !== NONE) table = this.fixedTables[k];
    else {
      let n = 0;
      while (this.pinnedFloating[s].has(this.floatingTables[n])) n++;
      table = this.floatingTables[n];
    }
    const i = this.interpreterOf[r];
    const m: PinnedMeeting = {
      id: this.requestIds[r],
      a: this.input.delegates[this.requestA[r]].id,
      b: this.input.delegates[this.requestB[r]].id,
      slot: s,
      table,
      interpreter: i === NONE ? null : this.interpreterIds[i],
    };
    this.unplace(r);
    this.pin(m);
    return m;
  }

  /**
   * Delegates who could have a meeting (one of their requests fits on its
   * own: a common slot with an interpreter when needed, room under both caps)
   * and have none, pinned ones included. The scheduler's second objective.
   */
  unservedDelegates(): number[] {
    const servable = new Uint8Array(this.delegateCount);
    for (let r = 0; r < this.requestCount; r++) {
      const a = this.requestA[r];
      const b = this.requestB[r];
      if (!this.staticReason[r] && this.caps[a] > 0 && this.caps[b] > 0) servable[a] = servable[b] = 1;
    }
    const unserved: number[] = [];
    for (let d = 0; d < this.delegateCount; d++) if (servable[d] && this.meetings[d] === 0) unserved.push(d);
    return unserved;
  }

  /** Fewest meetings of any delegate who is part of a request or a pinned meeting. */
  fewestMeetings(): number {
    let fewest = Infinity;
    const involved = new Uint8Array(this.delegateCount);
    for (let r = 0; r < this.requestCount; r++) involved[this.requestA[r]] = involved[this.requestB[r]] = 1;
    for (let d = 0; d < this.delegateCount; d++)
      if (involved[d] || this.meetings[d] > 0) fewest = Math.min(fewest, this.meetings[d]);
    return fewest === Infinity ? 0 : fewest;
  }

  private freeFixed(a: number, b: number, s: number): number {
    const S = this.slots;
    const ka = this.fixedOf[a];
    if (ka !== NONE && !this.fixedBusy[ka * S + s]) return ka;
    const kb = this.fixedOf[b];
    if (kb !== NONE && !this.fixedBusy[kb * S + s]) return kb;
    return NONE;
  }

  private freeInterpreter(pair: number, s: number): number {
    if (this.interpretersFree[pair][s] === 0) return NONE;
    const S = this.slots;
    for (const i of this.interpretersByPair[pair]) {
      if (this.interpreterAvailable[i * S + s] && !this.interpreterBusy[i * S + s]) return i;
    }
    return NONE;
  }
}

function fillSlots(target: Uint8Array, offset: number, slots: number, available: number[] | null): void {
  if (available === null) target.fill(1, offset, offset + slots);
  else for (const s of available) if (s >= 0 && s < slots) target[offset + s] = 1;
}

/**
 * Per slot, a set of requests (each request in at most one slot of it):
 * add and remove in constant time by swapping with the last member.
 */
class SlotMembers {
  private readonly members: number[][];
  private position: Int32Array;

  /** `capacity`: requests expected (it grows past that when more come). */
  constructor(slots: number, capacity: number) {
    this.members = Array.from({ length: slots }, () => []);
    this.position = new Int32Array(capacity).fill(NONE);
  }

  grow(size: number): void {
    const next = new Int32Array(size).fill(NONE);
    next.set(this.position);
    this.position = next;
  }

  add(r: number, s: number): void {
    if (r >= this.position.length) this.grow(Math.max(16, r * 2));
    const list = this.members[s];
    this.position[r] = list.length;
    list.push(r);
  }

  remove(r: number, s: number): void {
    const list = this.members[s];
    const i = this.position[r];
    const last = list.pop()!;
    if (last !== r) {
      list[i] = last;
      this.position[last] = i;
    }
    this.position[r] = NONE;
  }

  /** The members at slot `s` (the live list: copy before changing the set). */
  at(s: number): readonly number[] {
    return this.members[s];
  }
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}
