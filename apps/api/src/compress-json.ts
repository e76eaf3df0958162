import { acceptsGzip, GZIP_MIN_BYTES, varyOnEncoding } from '@roundtable/common';
import type { FastifyInstance } from 'fastify';
import { gzipSync } from 'node:zlib';

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
      length >= GZIP_MIN_BYTES &&
      /\bjson\b/.test(String(reply.getHeader('content-type') ?? '')) &&
      !reply.hasHeader('content-encoding') &&
      reply.statusCode !== 204 &&
      reply.statusCode !== 304
    ) {
      reply.header('vary', varyOnEncoding(reply.getHeader('vary')));
      if (acceptsGzip(request.headers)) {
        reply.header('content-encoding', 'gzip');
        done(null, gzipSync(typeof payload === 'string' ? Buffer.from(payload) : (payload as Buffer)));
        return;
      }
    }
    done(null, payload);
  });
}
