/** A calendar date (YYYY-MM-DD, as on a passport or a visa) with its year, in the reader's language; no zone shift. */
export function calendarDate(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}
