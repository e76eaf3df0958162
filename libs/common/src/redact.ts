/**
 * Query parameters whose values are live secrets: the calendar feed token,
 * invitation, verification and reset tokens, the dashboard's `?token=`.
 * Matched by name so a new `…Token` parameter is redacted without a change here.
 */
const SECRET_PARAM = /token|secret|password|signature|^code$|^key$/i;
export const REDACTED = '[redacted]';

/** `/me/calendar.ics?token=abc&x=1` → `/me/calendar.ics?token=[redacted]&x=1`; the path is kept as is. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const rawName = eq < 0 ? pair : pair.slice(0, eq);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        // a malformed escape: judge the raw name
      }
      return eq >= 0 && SECRET_PARAM.test(name) ? `${rawName}=${REDACTED}` : pair;
    });
  return `${url.slice(0, q)}?${params.join('&')}`;
}

/** The parsed query with every secret value replaced (nested values included). */
export function redactQuery(query: unknown): unknown {
  if (query === null || typeof query !== 'object') return query;
  return Object.fromEntries(
    Object.entries(query as Record<string, unknown>).map(([k, v]) => [k, SECRET_PARAM.test(k) ? REDACTED : v]),
  );
}
