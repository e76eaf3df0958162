import { INestApplication } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { loadConfig } from '@roundtable/config';
import request from 'supertest';
import { AppModule } from '../../apps/api/src/app.module';
import { httpAdapter, setupApp } from '../../apps/api/src/setup-app';
import { assertContract, recordContractTally } from './contract';

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
    const app = moduleRef.createNestApplication(httpAdapter(loadConfig().app), { bufferLogs: true });
    try {
      await setupApp(app);
      await app.init();
      await (app as NestFastifyApplication).getHttpAdapter().getInstance().ready();
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

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;

/**
 * supertest on the app (or on an api process at a URL), every response
 * checked against the OpenAPI document (test/support/contract.ts): a status,
 * media type or body the document does not describe for the operation fails
 * the request's test.
 */
export const http = (app: INestApplication | string) => {
  const agent = request(typeof app === 'string' ? app : app.getHttpServer());
  for (const method of METHODS) {
    const open: (url: string) => request.Test = agent[method].bind(agent);
    (agent as unknown as Record<string, (url: string) => request.Test>)[method] = (url: string) =>
      open(url).expect((res) => assertContract(method, url, res));
  }
  return agent;
};

// each e2e file records how many responses it validated; global-teardown prints the total
if (typeof afterAll === 'function') afterAll(() => recordContractTally(expect.getState().testPath ?? 'unknown'));
