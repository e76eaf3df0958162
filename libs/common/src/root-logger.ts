import { AppConfig } from '@roundtable/config';
import { Logger as NestPinoLogger, PinoLogger } from 'nestjs-pino';
import pino, { Logger } from 'pino';
import pretty from 'pino-pretty';

const loggers = new Map<string, Logger>();

/**
 * The one pino logger of a process, built from the validated config before Nest starts, so the
 * first line a process prints comes from the same logger as its HTTP logs: readable lines in
 * development (pino-pretty, written synchronously so a line printed just before exit is not
 * lost), JSON everywhere else.
 */
export function rootLogger(app: Pick<AppConfig['app'], 'env' | 'logLevel'>): Logger {
  const key = `${app.env}:${app.logLevel}`;
  let logger = loggers.get(key);
  if (!logger) {
    logger =
      app.env === 'development'
        ? pino(
            { level: app.logLevel },
            pretty({
              sync: true,
              singleLine: true,
              colorize: process.stdout.isTTY,
              translateTime: 'SYS:HH:MM:ss.l',
              ignore: 'pid,hostname,context',
              messageFormat: '{if context}[{context}] {end}{msg}',
            }),
          )
        : pino({ level: app.logLevel });
    loggers.set(key, logger);
  }
  return logger;
}

/** Nest's logger from `NestFactory.create` on: the same pino logger nestjs-pino uses once the app is built. */
export const nestLogger = (logger: Logger): NestPinoLogger =>
  new NestPinoLogger(new PinoLogger({ pinoHttp: { logger } }), {});
