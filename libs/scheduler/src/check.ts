import { SchedulerInput, SchedulerResult } from './types';

/**
 * An independent check of a schedule against its input, written without the
 * scheduler's data structures: returns every rule broken (empty when valid).
 */
export function checkSchedule(input: SchedulerInput, output: SchedulerResult): string[] {
  const problems: string[] = [];
  const delegates = new Map(input.delegates.map((d) => [d.id, d]));
  const interpreters = new Map(input.interpreters.map((i) => [i.id, i]));
  const requests = new Map(input.requests.map((r) => [r.id, r]));
  const canMake = (available: number[] | null, slot: number): boolean => available === null || available.includes(slot);
  const fixedTables = new Map<number, Set<string>>();
  for (const d of input.delegates)
    if (d.fixedTable)
      (fixedTables.get(d.fixedTable) ?? fixedTables.set(d.fixedTable, new Set()).get(d.fixedTable)!).add(d.id);

  const delegateAt = new Set<string>();
  const tableAt = new Set<string>();
  const interpreterAt = new Set<string>();
  const count = new Map<string, number>();
  const take = (set: Set<string>, key: string, what: string): void => {
    if (set.has(key)) problems.push(`${what} is double-booked`);
    set.add(key);
  };
  const meet = (
    id: string,
    a: string,
    b: string,
    slot: number,
    table: number,
    interpreter: string | null | undefined,
  ): void => {
    if (!Number.isInteger(slot) || slot < 0 || slot >= input.slotCount)
      problems.push(`${id}: slot ${slot} is outside the grid`);
    if (!Number.isInteger(table) || table < 1 || table > input.tableCount)
      problems.push(`${id}: table ${table} does not exist`);
    for (const d of [a, b]) {
      take(delegateAt, `${d}@${slot}`, `delegate ${d} at slot ${slot}`);
      count.set(d, (count.get(d) ?? 0) + 1);
    }
    take(tableAt, `${table}@${slot}`, `table ${table} at slot ${slot}`);
    const owners = fixedTables.get(table);
    if (owners && !owners.has(a) && !owners.has(b))
      problems.push(`${id}: table ${table} is reserved for another company`);
    if (interpreter) take(interpreterAt, `${interpreter}@${slot}`, `interpreter ${interpreter} at slot ${slot}`);
  };

  for (const m of input.pinned) meet(m.id, m.a, m.b, m.slot, m.table, m.interpreter);
  const seen = new Set<string>();
  for (const p of output.placements) {
    const r = requests.get(p.requestId);
    if (!r) {
      problems.push(`${p.requestId}: not a request`);
      continue;
    }
    if (seen.has(p.requestId)) problems.push(`${p.requestId}: placed twice`);
    seen.add(p.requestId);
    meet(p.requestId, r.a, r.b, p.slot, p.table, p.interpreter);
    for (const d of [r.a, r.b]) {
      const delegate = delegates.get(d);
      if (!delegate || !canMake(delegate.available, p.slot))
        problems.push(`${p.requestId}: ${d} cannot make slot ${p.slot}`);
    }
    if (r.interpreterPair) {
      const i = p.interpreter ? interpreters.get(p.interpreter) : undefined;
      if (!i) problems.push(`${p.requestId}: needs an interpreter for ${r.interpreterPair}`);
      else if (!i.pairs.includes(r.interpreterPair))
        problems.push(`${p.requestId}: ${i.id} does not interpret ${r.interpreterPair}`);
      else if (!canMake(i.available, p.slot)) problems.push(`${p.requestId}: ${i.id} is not there at slot ${p.slot}`);
    }
  }
  for (const [d, n] of count) {
    const cap = delegates.get(d)?.maxMeetings ?? 0;
    if (n > cap) problems.push(`delegate ${d} has ${n} meetings, more than the cap of ${cap}`);
  }
  for (const u of output.unplaced) if (seen.has(u.requestId)) problems.push(`${u.requestId}: both placed and unplaced`);
  if (output.placements.length + output.unplaced.length !== input.requests.length)
    problems.push('not every request is accounted for');
  return problems;
}
