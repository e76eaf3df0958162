import type { NextFunction, Request, Response } from 'express';
import { gzipSync } from 'node:zlib';

/** Below this a compressed answer saves less than its headers cost. */
export const COMPRESS_MIN_BYTES = 1024;

/**
 * JSON answers go out gzip'd when the client takes gzip: an agenda or a
 * schedule is mostly repeated keys, a fifth of its size or less compressed.
 * Only what goes through `res.send` (Nest's JSON replies) is touched: event
 * streams (SSE), files and the prebuilt web assets write their own way and
 * pass untouched. Register it before the public read cache, so the cache
 * keeps the plain bytes (it compresses its own replays once per entry).
 */
export function compressJson(req: Request, res: Response, next: NextFunction): void {
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    // the length without copying a string answer: most are sent as they are (no gzip asked, or small)
    const length = typeof body === 'string' ? Buffer.byteLength(body) : Buffer.isBuffer(body) ? body.length : -1;
    const type = String(res.getHeader('Content-Type') ?? '');
    if (
      length >= COMPRESS_MIN_BYTES &&
      /\bjson\b/.test(type) &&
      !res.getHeader('Content-Encoding') &&
      res.statusCode !== 204 &&
      res.statusCode !== 304
    ) {
      res.vary('Accept-Encoding');
      if (req.acceptsEncodings('gzip') === 'gzip' && !req.fresh) {
        res.setHeader('Content-Encoding', 'gzip');
        return send(gzipSync(typeof body === 'string' ? Buffer.from(body) : (body as Buffer)));
      }
    }
    return send(body);
  };
  next();
}
