import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '@roundtable/config';
import { LoggerModule } from 'nestjs-pino';
import { rootLogger } from './root-logger';

/**
 * Logs through the process's one pino logger (rootLogger: readable lines in development, JSON
 * elsewhere): Nest's Logger through nestjs-pino. The api adds one line per answered request
 * (installRequestLogging, on its HTTP server: the request's id, echoed back in X-Request-Id, its
 * fields, the status and the time taken).
 * Secrets never reach a log line: request headers are not logged at all, token-like query
 * parameters are redacted in both `url` and `query` (the calendar feed's `?token=` is a live
 * credential), and so is a Set-Cookie in the answer's headers.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [ConfigService],
      // nestjs-pino for Nest's Logger only: its per-request middleware is installRequestLogging's
      useFactory: (config: ConfigService<AppConfig, true>) => ({
        pinoHttp: { logger: rootLogger(config.get('app', { infer: true })) },
        forRoutes: [],
      }),
    }),
  ],
})
export class LoggingModule {}
