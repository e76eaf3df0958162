import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig, loadEnvFileIfPresent } from '@roundtable/config';
import { accountLines, DemoLogins, DemoSeedService } from '@roundtable/demo';
import { AppModule } from './app.module';
import { setupApp } from './setup-app';
import { webAppBuilt, WEB_APP_PATH } from './web-app';

async function bootstrap(): Promise<void> {
  loadEnvFileIfPresent();
  const config = loadConfig();
  const allInOne = process.argv.includes('--all-in-one');
  const app = await NestFactory.create(AppModule.register({ allInOne }), { bufferLogs: true });
  setupApp(app);
  app.enableShutdownHooks();
  await app.listen(config.app.port);
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
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Roundtable failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
