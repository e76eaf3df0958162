import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../../apps/api/src/app.module';
import { setupApp } from '../../apps/api/src/setup-app';

export interface TestAppOptions {
  /** Run the worker's processors in the same process, as `npm start` does. */
  allInOne?: boolean;
  /** Environment overrides for this app only (restored after it is built). */
  env?: Record<string, string>;
}

/** Boots the real api (real MySQL, real Redis) the way main.ts does, minus the listening port. */
export async function createTestApp(options: TestAppOptions = {}): Promise<INestApplication> {
  const saved: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(options.env ?? {})) {
    saved[key] = process.env[key];
    process.env[key] = value;
  }
  try {
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.register({ allInOne: options.allInOne ?? false })],
    }).compile();
    const app = moduleRef.createNestApplication({ bufferLogs: true });
    setupApp(app);
    try {
      await app.init();
    } catch (error) {
      await app.close();
      throw error;
    }
    return app;
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

export const http = (app: INestApplication) => request(app.getHttpServer());
