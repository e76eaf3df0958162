import { SchedulerInput } from '@roundtable/scheduler';

/**
 * The scheduling problem as an integer programme in CPLEX LP format, for an
 * exact solver to give the bound the scheduler is measured against:
 * x(r,s) = 1 when request r meets in slot s; at most one slot per request,
 * one meeting per delegate per slot, caps per delegate, tables and qualified
 * interpreters per slot. Written for generated forums (no fixed tables, nothing pinned).
 */
export function toLpModel(input: SchedulerInput, integer: boolean): string {
  const { vars, rows } = constraints(input);
  return lp('Maximize', vars.join(' + '), rows, vars, integer ? vars : []);
}

/**
 * The fairness stages of the lexicographic objective, as integer programmes.
 * A delegate is servable when one of their requests could be placed on its
 * own (it has a variable); u(d) is 1 when a servable delegate has no meeting.
 * `minimiseUnserved`: fewest unserved servable delegates with at least
 * `minPlaced` meetings; `maximisePlaced`: most meetings with at most
 * `maxUnserved` of them.
 */
export function toFairnessModel(
  input: SchedulerInput,
  goal: { minimiseUnserved: { minPlaced: number } } | { maximisePlaced: { maxUnserved: number } },
): string {
  const { vars, rows, perDelegate } = constraints(input);
  const unserved: string[] = [];
  let k = 0;
  for (const terms of perDelegate.values()) {
    const u = `u${k++}`;
    unserved.push(u);
    rows.push(` serve_${u}: ${u} + ${terms.join(' + ')} >= 1`);
  }
  const objective = 'minimiseUnserved' in goal ? unserved.join(' + ') : vars.join(' + ');
  if ('minimiseUnserved' in goal) rows.push(` placed: ${vars.join(' + ')} >= ${goal.minimiseUnserved.minPlaced}`);
  else rows.push(` unserved: ${unserved.join(' + ') || '0 x_none'} <= ${goal.maximisePlaced.maxUnserved}`);
  return lp('minimiseUnserved' in goal ? 'Minimize' : 'Maximize', objective, rows, [...vars, ...unserved], vars);
}

function lp(sense: string, objective: string, rows: string[], bounded: string[], binaries: string[]): string {
  return [
    sense,
    ` obj: ${objective || '0 x_none'}`,
    'Subject To',
    ...(rows.length ? rows : [' none: 0 x_none <= 0']),
    'Bounds',
    ...bounded.map((v) => ` 0 <= ${v} <= 1`),
    ...(binaries.length ? ['Binaries', ` ${binaries.join(' ')}`] : []),
    'End',
  ].join('\n');
}

/** Variables x(r,s) and the rows every model shares; also each delegate's variables. */
function constraints(input: SchedulerInput): { vars: string[]; rows: string[]; perDelegate: Map<string, string[]> } {
  if (input.pinned.length > 0 || input.delegates.some((d) => d.fixedTable))
    throw new Error('the bound model covers generated forums only');
  const S = input.slotCount;
  const can = (available: number[] | null): Uint8Array => {
    const a = new Uint8Array(S);
    if (available === null) a.fill(1);
    else for (const s of available) a[s] = 1;
    return a;
  };
  const delegate = new Map(input.delegates.map((d) => [d.id, { cap: d.maxMeetings, can: can(d.available) }]));
  const interpretersAt = new Int32Array(S);
  for (const i of input.interpreters) {
    const c = can(i.available);
    for (let s = 0; s < S; s++) interpretersAt[s] += c[s];
  }
  const vars: string[] = [];
  const perRequest: string[][] = [];
  const perDelegateSlot = new Map<string, string[]>();
  const perDelegate = new Map<string, string[]>();
  const perSlot: string[][] = Array.from({ length: S }, () => []);
  const perSlotInterpreted: string[][] = Array.from({ length: S }, () => []);
  const add = <K>(map: Map<K, string[]>, key: K, v: string): void => {
    const list = map.get(key);
    if (list) list.push(v);
    else map.set(key, [v]);
  };
  input.requests.forEach((r, i) => {
    const a = delegate.get(r.a)!;
    const b = delegate.get(r.b)!;
    const mine: string[] = [];
    for (let s = 0; s < S; s++) {
      if (!a.can[s] || !b.can[s] || (r.interpreterPair && interpretersAt[s] === 0)) continue;
      const v = `x${i}_${s}`;
      vars.push(v);
      mine.push(v);
      add(perDelegateSlot, `${r.a}@${s}`, v);
      add(perDelegateSlot, `${r.b}@${s}`, v);
      add(perDelegate, r.a, v);
      add(perDelegate, r.b, v);
      perSlot[s].push(v);
      if (r.interpreterPair) perSlotInterpreted[s].push(v);
    }
    if (mine.length > 1) perRequest.push(mine);
  });
  const rows: string[] = [];
  const row = (name: string, terms: string[], bound: number): void => {
    if (terms.length > bound) rows.push(` ${name}: ${terms.join(' + ')} <= ${bound}`);
  };
  perRequest.forEach((t, i) => row(`r${i}`, t, 1));
  let k = 0;
  for (const t of perDelegateSlot.values()) row(`ds${k++}`, t, 1);
  for (const [d, t] of perDelegate) row(`cap_${d}`, t, delegate.get(d)!.cap);
  perSlot.forEach((t, s) => row(`tables${s}`, t, input.tableCount));
  perSlotInterpreted.forEach((t, s) => row(`interp${s}`, t, interpretersAt[s]));
  return { vars, rows, perDelegate };
}
