/** An event-local wall-clock time ("2027-06-10", "14:30") in an IANA zone as a UTC instant (ISO 8601). */
export function zonedInstant(day: string, time: string, zone: string): string {
  const wall = Date.parse(`${day}T${time}:00Z`);
  // The zone's offset at that moment, read back through Intl (twice, so a DST edge settles).
  let guess = wall;
  for (let i = 0; i < 2; i++) guess = wall - offsetAt(guess, zone);
  return new Date(guess).toISOString();
}

function offsetAt(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** An instant as the event-local wall clock: `{ date: '2027-06-10', time: '09:00' }`. */
export function wallClock(iso: string, zone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

export interface PreviewSlot {
  start: string;
  end: string;
}

/**
 * The B2B slots the server will cut from these settings (libs/meetings slot-grid): each daily window, in the
 * event's wall clock, cut into whole slots of `slotMinutes`, a shorter remainder dropped; windows in time order.
 */
export function previewSlots(
  settings: { slotMinutes: number; windows: Array<{ date: string; start: string; end: string }> },
  zone: string,
): PreviewSlot[] {
  const step = settings.slotMinutes * 60_000;
  if (!(step > 0)) return [];
  const windows = [...settings.windows].sort((a, b) => `${a.date}T${a.start}`.localeCompare(`${b.date}T${b.start}`));
  const slots: PreviewSlot[] = [];
  for (const w of windows) {
    if (!isCalendarDate(w.date) || !/^\d{2}:\d{2}$/.test(w.start) || !/^\d{2}:\d{2}$/.test(w.end)) continue;
    const from = instantOrNaN(w.date, w.start, zone);
    const to = instantOrNaN(w.date, w.end, zone);
    if (Number.isNaN(from) || Number.isNaN(to)) continue;
    for (let start = from; start + step <= to && slots.length < 5000; start += step) {
      slots.push({ start: new Date(start).toISOString(), end: new Date(start + step).toISOString() });
    }
  }
  return slots;
}

/** A half-typed date or time (25:00, 2027-02-31, an unknown zone) is no instant yet, not an error. */
function instantOrNaN(day: string, time: string, zone: string): number {
  try {
    return Date.parse(zonedInstant(day, time, zone));
  } catch {
    return NaN;
  }
}

/** YYYY-MM-DD naming a real day (not 2027-02-31). */
export function isCalendarDate(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const at = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === day;
}
