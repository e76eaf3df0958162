import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '@roundtable/config';
import { LoggerModule } from 'nestjs-pino';
import { stdSerializers } from 'pino';
import { redactQuery, redactUrl } from './redact';
import { rootLogger } from './root-logger';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * Logs through the process's one pino logger (rootLogger: readable lines in development, JSON
 * elsewhere); each request carries an id (the caller's X-Request-Id when sane) echoed back.
 * Secrets never reach a log line: the Authorization and Cookie headers are
 * redacted, and so are token-like query parameters in both `url` and `query`
 * (the calendar feed's `?token=` is a live credential).
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
          redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
          serializers: {
            req: (raw: Parameters<typeof stdSerializers.req>[0]) => {
              const req = stdSerializers.req(raw);
              req.url = redactUrl(req.url);
              req.query = redactQuery(req.query) as Record<string, string>;
              return req;
            },
          },
          autoLogging: { ignore: (req) => req.url === '/health' },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
