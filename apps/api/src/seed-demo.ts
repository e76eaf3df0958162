import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadEnvFileIfPresent } from '@roundtable/config';
import { accountLines, DemoSeedService } from '@roundtable/demo';
import { AppModule } from './app.module';

/** `npm run seed:demo`: creates the database and the demo forum if missing, prints the logins. */
async function main(): Promise<void> {
  loadEnvFileIfPresent();
  const app = await NestFactory.createApplicationContext(AppModule.register({ allInOne: false }), {
    logger: ['error', 'warn'],
  });
  try {
    const demo = await app.get(DemoSeedService).seed();
    process.stdout.write(
      [
        `Demo forum ${demo.eventId}; password "${demo.password}" for every account:`,
        ...accountLines(demo, '  '),
        '',
      ].join('\n'),
    );
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Seeding the demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
