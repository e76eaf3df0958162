import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '@roundtable/config';
import { LoggerModule } from 'nestjs-pino';
import { requestLogging } from './request-logging';
import { rootLogger } from './root-logger';

/**
 * Logs through the process's one pino logger (rootLogger: readable lines in development, JSON
 * elsewhere): Nest's Logger through nestjs-pino, and one line per answered request (requestLogging:
 * its id, echoed back in X-Request-Id, its fields, the status and the time taken).
 * Secrets never reach a log line: request headers are not logged at all, token-like query
 * parameters are redacted in both `url` and `query` (the calendar feed's `?token=` is a live
 * credential), and so is a Set-Cookie in the answer's headers.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [ConfigService],
      // nestjs-pino for Nest's Logger only: its per-request middleware is requestLogging's, below
      useFactory: (config: ConfigService<AppConfig, true>) => ({
        pinoHttp: { logger: rootLogger(config.get('app', { infer: true })) },
        forRoutes: [],
      }),
    }),
  ],
})
export class LoggingModule implements NestModule {
  constructor(private readonly config: ConfigService<AppConfig, true>) {}

  configure(consumer: MiddlewareConsumer): void {
    const logger = rootLogger(this.config.get('app', { infer: true })).child(
      {},
      { redact: ['res.headers["set-cookie"]'] },
    );
    consumer
      .apply(requestLogging(logger, { ignore: (req) => req.url === '/health' }))
      .forRoutes({ path: '*', method: RequestMethod.ALL });
  }
}
