import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '@roundtable/config';
import { LoggerModule } from 'nestjs-pino';
import { SerializedRequest } from 'pino';
import { redactQuery, redactUrl } from './redact';
import { rootLogger } from './root-logger';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * Logs through the process's one pino logger (rootLogger: readable lines in development, JSON
 * elsewhere); each request carries an id (the caller's X-Request-Id when sane) echoed back.
 * Secrets never reach a log line: request headers are not logged at all, and
 * token-like query parameters are redacted in both `url` and `query` (the
 * calendar feed's `?token=` is a live credential).
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => ({
        pinoHttp: {
          logger: rootLogger(config.get('app', { infer: true })),
          genReqId: (req, res) => {
            const given = req.headers['x-request-id'];
            const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
            res.setHeader('X-Request-Id', id);
            return id;
          },
          // Only what an operator reads off a request line. No headers: nothing that carries a credential
          // (Authorization, Cookie) can reach a log, and every request, logged or not (pino binds the request
          // to its logger when it arrives), is spared copying, redacting and serialising them.
          redact: ['res.headers["set-cookie"]'],
          serializers: {
            // given pino's own serialised request (pino-http wraps this serializer around it)
            req: (req: SerializedRequest) => ({
              id: req.id,
              method: req.method,
              url: redactUrl(req.url),
              query: redactQuery(req.query),
              remoteAddress: req.remoteAddress,
            }),
          },
          autoLogging: { ignore: (req) => req.url === '/health' },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
