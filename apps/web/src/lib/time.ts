/**
 * Times are shown with an explicit IANA zone, never the device's implicit
 * one: the event's time first, the viewer's own time beside it.
 */

let device: string | undefined;

/**
 * This device's zone. Asked once: every `Intl.DateTimeFormat()` is a new formatter built from the locale's data
 * (tens of ms on a phone), and screens ask on every render.
 */
export function deviceTimeZone(): string {
  device ??= Intl.DateTimeFormat().resolvedOptions().timeZone;
  return device;
}

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    cache.set(key, format);
  }
  return format;
}

export function formatTime(iso: string, timeZone: string, locale: string): string {
  return formatter(locale, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

export function formatDate(iso: string, timeZone: string, locale: string): string {
  return formatter(locale, timeZone, { weekday: 'short', day: 'numeric', month: 'long' }).format(new Date(iso));
}

export function formatDateTime(iso: string, timeZone: string, locale: string): string {
  return formatter(locale, timeZone, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a zone. */
export function dayKey(iso: string, timeZone: string): string {
  return formatter('en-CA', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** A short zone label for the instant ("GMT+8", "MSK"), so two times side by side are never ambiguous. */
export function zoneLabel(iso: string, timeZone: string, locale: string): string {
  const part = formatter(locale, timeZone, { timeZoneName: 'short' })
    .formatToParts(new Date(iso))
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** A day given as YYYY-MM-DD, written out in the reader's language (no zone shift: it is a calendar date). */
export function formatDay(day: string, locale: string): string {
  return formatter(locale, 'UTC', { weekday: 'long', day: 'numeric', month: 'long' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

export function sameOffset(iso: string, zoneA: string, zoneB: string): boolean {
  const at = (zone: string) =>
    formatter('en-GB', zone, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(iso));
  return at(zoneA) === at(zoneB);
}

/** Every IANA zone this browser knows, for a zone picker (the device's own when the list is unavailable). */
export function zoneOptions(): string[] {
  const supported = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  return supported ? supported('timeZone') : [deviceTimeZone()];
}
