import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createEventRow } from '../../../test/support/domain-factories';
import { asApp, createServiceContext, createUserRow } from '../../../test/support/service-context';
import { Event } from './entities/event.entity';
import { EventAccessService } from './event-access.service';

/** The event row under a lock, read with one plain statement (service tier: real MySQL, no HTTP). */
describe('EventAccessService locks (service tier)', () => {
  let context: INestApplicationContext;
  let access: EventAccessService;
  let dataSource: DataSource;

  beforeAll(async () => {
    context = await createServiceContext();
    access = context.get(EventAccessService);
    dataSource = context.get(DataSource);
  });
  afterAll(() => context.close());

  it('reads the same entity as TypeORM, JSON, booleans, dates and nulls included, under either lock', async () => {
    const event = await createEventRow(asApp(context), await createUserRow(context), {
      capacity: 150,
      requiresApproval: true,
      registrationOpensAt: new Date('2027-05-01T00:00:00.000Z'),
      registrationClosesAt: null,
    });
    await dataSource.transaction(async (em) => {
      const viaTypeOrm = await em.getRepository(Event).findOneByOrFail({ id: event.id });
      for (const locked of [await access.lockEvent(em, event.id), await access.shareLockEvent(em, event.id)]) {
        expect(locked).toBeInstanceOf(Event);
        expect(locked).toEqual(viaTypeOrm);
        expect(locked.meetingSettings).toEqual(event.meetingSettings);
        expect(locked.requiresApproval).toBe(true);
        expect(locked.registrationOpensAt).toEqual(new Date('2027-05-01T00:00:00.000Z'));
        expect(locked.registrationClosesAt).toBeNull();
      }
    });
  });

  it('holds the row: a second writer waits for the first one to end', async () => {
    const event = await createEventRow(asApp(context), await createUserRow(context));
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const first = dataSource.transaction(async (em) => {
      await access.lockEvent(em, event.id);
      order.push('first locked');
      await held;
      order.push('first done');
    });
    while (order.length === 0) await new Promise((r) => setTimeout(r, 10));
    const second = dataSource.transaction(async (em) => {
      await access.shareLockEvent(em, event.id);
      order.push('second locked');
    });
    await new Promise((r) => setTimeout(r, 300));
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first locked', 'first done', 'second locked']);
  });

  it('answers EVENT_NOT_FOUND for an unknown id and for text that is no id', async () => {
    await dataSource.transaction(async (em) => {
      await expect(access.lockEvent(em, '01a242eb-0000-7000-8000-000000000000')).rejects.toMatchObject({
        code: 'EVENT_NOT_FOUND',
      });
      await expect(access.shareLockEvent(em, "x' OR 1=1 --")).rejects.toMatchObject({ code: 'EVENT_NOT_FOUND' });
    });
  });
});
