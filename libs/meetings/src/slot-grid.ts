import { DateTime } from 'luxon';

export interface Slot {
  index: number;
  start: Date;
  end: Date;
}

export interface GridSettings {
  slotMinutes: number;
  windows: Array<{ date: string; start: string; end: string }>;
}

/** Grids already cut, by settings and zone: every booking asks for its event's, and cutting takes luxon's zone maths. */
const grids = new Map<string, Slot[]>();
const MAX_GRIDS = 256;

/**
 * The event's B2B slots in time order: each daily window (event-local wall
 * clock, so daylight-saving changes are handled by the zone database) cut into
 * whole slots; a remainder shorter than a slot is dropped.
 */
export function slotGrid(settings: GridSettings, timeZone: string): Slot[] {
  const key = `${timeZone}|${settings.slotMinutes}|${JSON.stringify(settings.windows)}`;
  let grid = grids.get(key);
  if (!grid) {
    grid = cutGrid(settings, timeZone);
    if (grids.size >= MAX_GRIDS) grids.delete(grids.keys().next().value!);
    grids.set(key, grid);
  }
  // copies (the instants too): what a caller does with its grid stays in its grid
  return grid.map((s) => ({ index: s.index, start: new Date(s.start), end: new Date(s.end) }));
}

function cutGrid(settings: GridSettings, timeZone: string): Slot[] {
  const slots: Slot[] = [];
  const windows = [...settings.windows].sort((a, b) => `${a.date}T${a.start}`.localeCompare(`${b.date}T${b.start}`));
  for (const w of windows) {
    let start: DateTime = DateTime.fromISO(`${w.date}T${w.start}`, { zone: timeZone });
    const end = DateTime.fromISO(`${w.date}T${w.end}`, { zone: timeZone });
    if (!start.isValid || !end.isValid) continue;
    for (;;) {
      const next = start.plus({ minutes: settings.slotMinutes });
      if (next > end) break;
      slots.push({ index: slots.length, start: start.toUTC().toJSDate(), end: next.toUTC().toJSDate() });
      start = next;
    }
  }
  return slots;
}

/** Slots lying wholly inside one of the windows (UTC instants); null windows mean every slot. */
export function slotsWithin(slots: Slot[], windows: Array<{ start: string; end: string }> | null): number[] | null {
  if (windows === null) return null;
  const ranges = windows.map((w) => [Date.parse(w.start), Date.parse(w.end)] as const);
  return slots
    .filter((s) => ranges.some(([a, b]) => s.start.getTime() >= a && s.end.getTime() <= b))
    .map((s) => s.index);
}

/**
 * `available` (slot indexes, or null for every slot) without the slots that
 * overlap a busy window (a site visit the delegate is signed up for).
 */
export function slotsAvoiding(
  slots: Slot[],
  available: number[] | null,
  busy: Array<{ start: Date; end: Date }>,
): number[] | null {
  if (busy.length === 0) return available;
  const clashes = (s: Slot) => busy.some((b) => s.start < b.end && s.end > b.start);
  return (available ?? slots.map((s) => s.index)).filter((i) => !clashes(slots[i]));
}
