/** Event-local wall-clock times and UTC instants, both ways, through Intl (no offset arithmetic by hand). */

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

/** The wall-clock day ("2027-06-10") and time ("14:30") an instant shows in an IANA zone: zonedInstant's inverse. */
export function wallClock(iso: string, zone: string): { day: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}
