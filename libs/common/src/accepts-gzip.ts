import negotiate from '@fastify/accept-negotiator';
import type { IncomingHttpHeaders } from 'node:http';

/** Whether the client takes gzip, by its Accept-Encoding (q-values heeded, `identity` preferred on a tie). */
export function acceptsGzip(headers: IncomingHttpHeaders): boolean {
  const header = headers['accept-encoding'];
  return typeof header === 'string' && negotiate(header, ['identity', 'gzip']) === 'gzip';
}
