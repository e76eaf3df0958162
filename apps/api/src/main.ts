import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig, loadEnvFileIfPresent } from '@roundtable/config';
import { AppModule } from './app.module';
import { setupApp } from './setup-app';

async function bootstrap(): Promise<void> {
  loadEnvFileIfPresent();
  const config = loadConfig();
  const allInOne = process.argv.includes('--all-in-one');
  const app = await NestFactory.create(AppModule.register({ allInOne }), { bufferLogs: true });
  setupApp(app);
  app.enableShutdownHooks();
  await app.listen(config.app.port);
  const url = config.app.publicUrl;
  process.stdout.write(
    [
      '',
      `Roundtable ${allInOne ? 'api + worker (all-in-one)' : 'api'} is up:`,
      `  API        ${url}`,
      `  OpenAPI    ${url}/docs`,
      `  Health     ${url}/health`,
      `  Queues     ${url}/admin/queues (platform admins)`,
      '',
    ].join('\n') + '\n',
  );
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Roundtable failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
