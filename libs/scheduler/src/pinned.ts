import { PinnedMeeting, Placement, SchedulerRequest } from './types';

/** Placements as meetings to pin in a later run (e.g. a schedule placed earlier, now fixed). */
export function pinPlacements(requests: SchedulerRequest[], placements: Placement[]): PinnedMeeting[] {
  const byId = new Map(requests.map((r) => [r.id, r]));
  return placements.map((p) => {
    const request = byId.get(p.requestId);
    if (!request) throw new Error(`placement of unknown request ${p.requestId}`);
    return { id: p.requestId, a: request.a, b: request.b, slot: p.slot, table: p.table, interpreter: p.interpreter };
  });
}
