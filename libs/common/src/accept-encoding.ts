import negotiate from '@fastify/accept-negotiator';
import type { IncomingHttpHeaders } from 'node:http';

/** Answers smaller than this go out uncompressed: gzip would save less than its headers cost. */
export const GZIP_MIN_BYTES = 1024;

/** Whether the client takes gzip, by its Accept-Encoding (q-values heeded, `identity` preferred on a tie). */
export function acceptsGzip(headers: IncomingHttpHeaders): boolean {
  const header = headers['accept-encoding'];
  return typeof header === 'string' && negotiate(header, ['identity', 'gzip']) === 'gzip';
}

/**
 * An answer's Vary with Accept-Encoding among its names (added when missing, the others kept): an answer
 * that differs by it must say so, or a shared cache could give gzip to a client that did not ask.
 */
export function varyOnEncoding(vary: string | number | string[] | undefined): string {
  const names = (Array.isArray(vary) ? vary.join(',') : String(vary ?? ''))
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  if (!names.some((n) => n.toLowerCase() === 'accept-encoding')) names.push('Accept-Encoding');
  return names.join(', ');
}
