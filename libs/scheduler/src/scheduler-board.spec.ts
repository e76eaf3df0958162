import fc from 'fast-check';
import { SchedulerBoard } from './scheduler-board';
import { Random } from './random';
import { Placement, SchedulerInput } from './types';

const PAIRS = ['ru-zh', 'en-zh', 'en-ru'];

/** A small random forum: fixed tables, scarce floating tables, interpreters of two pairs (none for the third). */
function smallForum(seed: number): SchedulerInput {
  const rng = new Random(seed);
  // Now and then more than 32 slots, so the bit sets span two words.
  const slots = rng.next() < 0.2 ? 33 + rng.int(8) : 1 + rng.int(6);
  const tableCount = 1 + rng.int(3);
  const some = (): number[] | null =>
    rng.next() < 0.4 ? Array.from({ length: slots }, (_, s) => s).filter(() => rng.next() < 0.6) : null;
  const delegates = Array.from({ length: 3 + rng.int(6) }, (_, i) => ({
    id: `d${i}`,
    available: some(),
    maxMeetings: 1 + rng.int(slots),
    fixedTable: rng.next() < 0.15 ? 1 + rng.int(tableCount) : null,
  }));
  const interpreters = Array.from({ length: rng.int(4) }, (_, i) => ({
    id: `i${i}`,
    pairs: rng.next() < 0.5 ? ['ru-zh'] : ['ru-zh', 'en-zh'],
    available: some(),
  }));
  const requests = Array.from({ length: 2 + rng.int(12) }, (_, i) => {
    const a = rng.int(delegates.length);
    const b = (a + 1 + rng.int(delegates.length - 1)) % delegates.length;
    return { id: `r${i}`, a: `d${a}`, b: `d${b}`, interpreterPair: rng.next() < 0.5 ? rng.pick(PAIRS) : null };
  });
  return { slotCount: slots, tableCount, delegates, interpreters, requests, pinned: [] };
}

/** Whether request `r` fits slot `s`, worked out from the placements alone, without the board's indexes. */
function fitsByHand(input: SchedulerInput, placements: Placement[], r: number, s: number): boolean {
  const request = input.requests[r];
  const placed = placements.filter((p) => p.slot === s);
  const byId = new Map(input.requests.map((q) => [q.id, q]));
  const delegate = new Map(input.delegates.map((d) => [d.id, d]));
  const busy = new Set(placed.flatMap((p) => [byId.get(p.requestId)!.a, byId.get(p.requestId)!.b]));
  for (const id of [request.a, request.b]) {
    const d = delegate.get(id)!;
    if (busy.has(id) || (d.available !== null && !d.available.includes(s))) return false;
  }
  const fixed = new Set(input.delegates.map((d) => d.fixedTable).filter((t): t is number => t != null));
  const tablesTaken = new Set(placed.map((p) => p.table));
  const own = [delegate.get(request.a)!.fixedTable, delegate.get(request.b)!.fixedTable];
  const tableFree =
    own.some((t) => t != null && !tablesTaken.has(t)) ||
    Array.from({ length: input.tableCount }, (_, i) => i + 1).some((t) => !fixed.has(t) && !tablesTaken.has(t));
  if (!tableFree) return false;
  if (!request.interpreterPair) return true;
  const interpretersTaken = new Set(placed.map((p) => p.interpreter));
  return input.interpreters.some(
    (i) =>
      i.pairs.includes(request.interpreterPair!) &&
      (i.available === null || i.available.includes(s)) &&
      !interpretersTaken.has(i.id),
  );
}

describe('Board indexes', () => {
  it('stay consistent under place and unplace: fits, and the blockers equal a search of every request', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.array(fc.nat(), { maxLength: 40 }), (seed, ops) => {
        const input = smallForum(seed);
        const board = new SchedulerBoard(input);
        const R = board.requestCount;
        for (const op of ops) {
          const r = op % R;
          if (board.slotOf[r] !== -1) board.unplace(r);
          else if (!board.staticReason[r] && board.underCaps(r)) {
            const slots = Array.from({ length: board.slots }, (_, s) => s).filter((s) => board.fits(r, s));
            if (slots.length) board.place(r, slots[(op >> 4) % slots.length]);
          }
          const placements = board.placements();
          for (let q = 0; q < R; q++) {
            if (board.slotOf[q] !== -1) continue;
            for (let s = 0; s < board.slots; s++) {
              expect(board.fits(q, s)).toBe(fitsByHand(input, placements, q, s));
              const brute: number[] = [];
              for (let m = 0; m < R; m++) if (m !== q && board.holdsWhatIsMissing(m, q, s)) brute.push(m);
              expect([...board.blockers(q, s)].sort((x, y) => x - y)).toEqual(brute);
            }
          }
        }
      }),
      { numRuns: 80 },
    );
  });
});
