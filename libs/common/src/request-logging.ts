import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { Logger } from 'pino';
import { redactQuery, redactUrl } from './redact';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** What a log line reads of a request: the api's (Fastify's) request, or a bare node one. */
export interface LoggedRequest {
  id?: string;
  method?: string;
  url?: string;
  originalUrl?: string;
  query?: unknown;
  socket?: { remoteAddress?: string };
}

/** What a log line says of a request: no headers, so no credential (Authorization, Cookie) can reach a log. */
export function requestFields(req: LoggedRequest) {
  return {
    id: req.id,
    method: req.method,
    url: redactUrl(req.originalUrl ?? req.url ?? ''),
    query: redactQuery(req.query),
    remoteAddress: req.socket?.remoteAddress,
  };
}

/** A request's id: the caller's X-Request-Id when sane, else a new UUID (the HTTP server's `genReqId`). */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * Each request's id (`requestId`) is echoed back in X-Request-Id; once
 * answered, one line says so ("request completed", or "request errored" at
 * error level for a 5xx) with the request's fields, the answer's status and
 * headers and the time taken. The line is built only when its level is on.
 *
 * Two hooks on the HTTP server, in place of pino-http and nestjs-pino's
 * request middleware. pino-http built a child logger holding the serialised
 * request for every request, logged or not, and nestjs-pino ran every request
 * in an AsyncLocalStorage so that lines logged while handling it carried its
 * fields: on Node 20 that makes every promise in the process call a hook. The
 * one line that needs a request's context, a 500's stack, names the request
 * itself (HttpExceptionFilter).
 */
export function installRequestLogging(
  app: FastifyInstance,
  logger: Logger,
  options: { ignore?: (req: LoggedRequest) => boolean } = {},
): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('X-Request-Id', request.id);
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    const failed = reply.statusCode >= 500;
    if (!options.ignore?.(request) && logger.isLevelEnabled(failed ? 'error' : 'info')) {
      const fields = {
        req: requestFields(request),
        res: { statusCode: reply.statusCode, headers: reply.getHeaders() },
        responseTime: Math.round(reply.elapsedTime),
      };
      if (failed)
        logger.error({ ...fields, err: new Error(`failed with status code ${reply.statusCode}`) }, 'request errored');
      else logger.info(fields, 'request completed');
    }
    done();
  });
}
