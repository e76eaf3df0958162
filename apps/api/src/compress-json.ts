import { acceptsGzip } from '@roundtable/common';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { gzipSync } from 'node:zlib';

/** Below this a compressed answer saves less than its headers cost. */
export const COMPRESS_MIN_BYTES = 1024;

/** Adds Accept-Encoding to the answer's Vary, keeping what is there. */
export function varyOnEncoding(reply: FastifyReply): void {
  const vary = reply.getHeader('vary');
  const names = String(vary ?? '');
  if (!/(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(names))
    reply.header('vary', names ? `${names}, Accept-Encoding` : 'Accept-Encoding');
}

/**
 * JSON answers go out gzip'd when the client takes gzip: an agenda or a
 * schedule is mostly repeated keys, a fifth of its size or less compressed.
 * Only serialised bodies are touched (Nest's JSON replies): streams (files)
 * and the prebuilt web assets pass untouched. An onSend hook, so the public
 * read cache (whose hook runs first) stores the plain bytes and compresses
 * its replays once per entry.
 */
export function compressJsonReplies(app: FastifyInstance): void {
  app.addHook('onSend', (request, reply, payload, done) => {
    const length =
      typeof payload === 'string' ? Buffer.byteLength(payload) : Buffer.isBuffer(payload) ? payload.length : -1;
    if (
      length >= COMPRESS_MIN_BYTES &&
      /\bjson\b/.test(String(reply.getHeader('content-type') ?? '')) &&
      !reply.hasHeader('content-encoding') &&
      reply.statusCode !== 204 &&
      reply.statusCode !== 304
    ) {
      varyOnEncoding(reply);
      if (acceptsGzip(request.headers)) {
        reply.header('content-encoding', 'gzip');
        done(null, gzipSync(typeof payload === 'string' ? Buffer.from(payload) : (payload as Buffer)));
        return;
      }
    }
    done(null, payload);
  });
}
