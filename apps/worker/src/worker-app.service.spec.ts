import { INestApplicationContext } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { MailTemplateRegistry } from '@roundtable/notifications';
import { AppModule } from '../../api/src/app.module';
import { WorkerAppModule } from './worker-app.module';

/** The worker's module graph (service tier: real MySQL and Redis): every feature's templates, no controller. */
describe('WorkerAppModule', () => {
  let worker: INestApplicationContext;

  beforeAll(async () => {
    worker = await Test.createTestingModule({ imports: [WorkerAppModule] }).compile();
    await worker.init();
  });
  afterAll(() => worker.close());

  const controllersOf = (context: INestApplicationContext) =>
    [...context.get(ModulesContainer).values()].flatMap((m) => [...m.controllers.keys()].map((c) => String(c)));

  it('loads no controller', () => {
    expect(controllersOf(worker)).toEqual([]);
  });

  it('registers the mail templates of every feature', () => {
    const types = worker
      .get(MailTemplateRegistry)
      .all()
      .map((t) => t.type);
    for (const type of [
      'account-verify-email',
      'session-reminder',
      'event-cancelled',
      'registration-approved',
      'schedule-final',
      'agreement-recorded',
      'invitation',
    ]) {
      expect(types).toContain(type);
    }
  });

  it('is told apart from the api, which does load controllers', async () => {
    const api = await Test.createTestingModule({ imports: [AppModule.register({ allInOne: false })] }).compile();
    try {
      expect(controllersOf(api).length).toBeGreaterThan(5);
    } finally {
      await api.close();
    }
  });
});
