import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { nestLogger, passesStartupChecks, rootLogger, sayFatal } from '@roundtable/common';
import { ConfigError, loadConfig, loadEnvFileIfPresent } from '@roundtable/config';
import { databaseStartupCheck } from '@roundtable/database';
import { smtpStartupCheck } from '@roundtable/notifications';
import { redisStartupCheck } from '@roundtable/queue';
import { Logger as NestPinoLogger } from 'nestjs-pino';
import { Logger } from 'pino';
import { WorkerAppModule } from './worker-app.module';

let logger: Logger | undefined;

async function bootstrap(): Promise<void> {
  loadEnvFileIfPresent();
  const config = loadConfig();
  logger = rootLogger(config.app);
  const checks = [databaseStartupCheck(config.db), redisStartupCheck(config.redis), smtpStartupCheck(config.mail)];
  if (!(await passesStartupChecks(checks, logger))) process.exit(1);
  const app = await NestFactory.createApplicationContext(WorkerAppModule, {
    logger: nestLogger(logger),
    abortOnError: false,
  });
  app.useLogger(app.get(NestPinoLogger));
  app.enableShutdownHooks();
  await app.init();
  process.stdout.write('Roundtable worker is up\n');
}

bootstrap().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ConfigError || !logger) {
    process.stderr.write(
      error instanceof ConfigError ? `${message}\n` : `Roundtable worker failed to start: ${message}\n`,
    );
  } else {
    logger.debug({ err: error }, 'start-up failure');
    sayFatal(logger, `Roundtable worker failed to start: ${message}`);
  }
  process.exit(1);
});
