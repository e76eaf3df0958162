import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { nestLogger, passesStartupChecks, rootLogger, sayFatal } from '@roundtable/common';
import { AppConfig, ConfigError, loadConfig, loadEnvFileIfPresent } from '@roundtable/config';
import { databaseStartupCheck } from '@roundtable/database';
import { accountLines, DemoLogins, DemoSeedService } from '@roundtable/demo';
import { smtpStartupCheck } from '@roundtable/notifications';
import { redisStartupCheck } from '@roundtable/queue';
import { Logger } from 'pino';
import { AppModule } from './app.module';
import { httpAdapter, setupApp } from './setup-app';
import { webAppBuilt, WEB_APP_PATH } from './web-app';

let logger: Logger | undefined;

async function bootstrap(): Promise<void> {
  loadEnvFileIfPresent();
  const config: AppConfig = loadConfig();
  logger = rootLogger(config.app);
  const allInOne = process.argv.includes('--all-in-one');
  // Only a process that sends mail (all-in-one) needs SMTP; a lone api's /health reports it.
  const checks = [databaseStartupCheck(config.db), redisStartupCheck(config.redis)];
  if (allInOne) checks.push(smtpStartupCheck(config.mail));
  if (!(await passesStartupChecks(checks, logger))) process.exit(1);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register({ allInOne }),
    httpAdapter(config.app),
    {
      logger: nestLogger(logger),
      // a failure while building the app reaches the catch below (one line), not Nest's own stack dump
      abortOnError: false,
    },
  );
  await setupApp(app);
  app.enableShutdownHooks();
  // every interface, as node's own default (a venue's LAN, a container's port mapping)
  await app.listen(config.app.port, '::').catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EAFNOSUPPORT' && error.code !== 'EADDRNOTAVAIL') throw error;
    return app.listen(config.app.port, '0.0.0.0');
  });
  const url = config.app.publicUrl;
  let demo: DemoLogins | null = null;
  try {
    demo = await app.get(DemoSeedService).onStart();
  } catch (error) {
    process.stderr.write(
      `The demo forum could not be seeded: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
  process.stdout.write(
    [
      '',
      `Roundtable ${allInOne ? 'api + worker (all-in-one)' : 'api'} is up:`,
      webAppBuilt() ? `  Web app    ${url}${WEB_APP_PATH}/` : `  Web app    not built (run "npm run build:web")`,
      `  API        ${url}`,
      `  OpenAPI    ${url}/docs`,
      `  Health     ${url}/health`,
      `  Queues     ${url}/admin/queues (platform admins)`,
      ...(demo ? demoLines(url, demo) : []),
      '',
    ].join('\n') + '\n',
  );
}

function demoLines(url: string, demo: DemoLogins): string[] {
  return [
    '',
    'Demo forum (the 12th China-Russia SME Cooperation Roundtable, Nanchang):',
    `  Event page ${url}${WEB_APP_PATH}/events/${demo.eventId}`,
    `  Agenda     ${url}/events/${demo.eventId}/agenda`,
    `  Delegates  ${url}/events/${demo.eventId}/delegates (log in first)`,
    `  Agreements ${url}/events/${demo.eventId}/agreements/summary`,
    `  Log in with POST ${url}/auth/login, password "${demo.password}" for every account:`,
    ...accountLines(demo, '    '),
  ];
}

bootstrap().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ConfigError || !logger) {
    // before the config is valid there is no logger to configure
    process.stderr.write(`${error instanceof ConfigError ? message : `Roundtable failed to start: ${message}`}\n`);
  } else {
    logger.debug({ err: error }, 'start-up failure');
    sayFatal(logger, `Roundtable failed to start: ${message}`);
  }
  process.exit(1);
});
