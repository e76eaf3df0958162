import { randomBytes } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { Event } from '@roundtable/events';
import { DataSource } from 'typeorm';
import { createTestApp, http } from './support/app';
import { createDelegate, TestDelegate } from './support/domain-factories';
import { createEvent } from './support/event-api';
import { bearer, createUser, TestUser } from './support/factories';
import { MariaDbPair } from './support/mariadb-pair';

/**
 * DB_READ_HOSTS against a real MariaDB replica: the test starts its own
 * primary (binary log on) and a replica following it by GTID, on free ports,
 * and makes the replica lag on purpose to see which reads go where.
 */
describe('Read replicas (DB_READ_HOSTS)', () => {
  let pair: MariaDbPair;
  let app: INestApplication;
  let organiser: TestUser;
  let eventId: string;
  let reader: TestDelegate;
  let newcomer: TestDelegate;
  const WINDOW_SECONDS = 2;

  beforeAll(async () => {
    pair = await MariaDbPair.start();
    app = await createTestApp({
      env: {
        DB_HOST: '127.0.0.1',
        DB_PORT: String(pair.primary.port),
        DB_READ_HOSTS: `127.0.0.1:${pair.replica.port}`,
        DB_READ_YOUR_WRITES_SECONDS: String(WINDOW_SECONDS),
        DB_NAME: `roundtable_replica_${randomBytes(3).toString('hex')}`,
        REDIS_PREFIX: `rt-test-replica-${randomBytes(3).toString('hex')}`,
      },
    });
    organiser = await createUser(app);
    eventId = (await createEvent(app, organiser)).id;
    const event = await app.get(DataSource).getRepository(Event).findOneByOrFail({ id: eventId });
    reader = await createDelegate(app, event, { user: { name: 'Reader Delegate' } });
    newcomer = await createDelegate(app, event, {
      user: { name: 'Newcomer Ivanova' },
      registration: { status: 'pending', approvedAt: null },
    });
    await pair.waitUntilCaughtUp();
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await pair?.stop();
  }, 60_000);

  const directory = (who: TestUser | TestDelegate) =>
    http(app)
      .get(`/events/${eventId}/delegates`)
      .query({ q: 'Newcomer' })
      .set(...bearer('user' in who ? who.user : who))
      .expect(200)
      .then((r) => (r.body.items as Array<{ name: string }>).map((d) => d.name));
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('lag-tolerant reads go to the replica; a writer reads their own write from the primary; transactions use the primary', async () => {
    expect(await directory(reader)).toEqual([]);
    await pair.pause();
    try {
      // The organiser approves the newcomer: committed on the primary, not yet on the replica.
      await http(app)
        .post(`/events/${eventId}/registrations/${newcomer.registration.id}/approve`)
        .set(...bearer(organiser))
        .expect(200);
      expect(await directory(organiser)).toEqual(['Newcomer Ivanova']);
      // Someone who wrote nothing reads the directory from the lagging replica.
      expect(await directory(reader)).toEqual([]);
      // A transaction reads the primary: the newcomer is approved there, so the request is accepted.
      await http(app)
        .post(`/events/${eventId}/meeting-requests`)
        .set(...bearer(reader.user))
        .send({ toRegistrationId: newcomer.registration.id })
        .expect(201);
      // Having written, the reader now reads from the primary too, for the window only.
      expect(await directory(reader)).toEqual(['Newcomer Ivanova']);
      await sleep(WINDOW_SECONDS * 1000 + 300);
      expect(await directory(reader)).toEqual([]);

      // The public agenda after a change is filled from the primary, so the cache never keeps the replica's past.
      await http(app)
        .post(`/events/${eventId}/sessions`)
        .set(...bearer(organiser))
        .send({
          kind: 'plenary',
          title: 'Opening plenary',
          startsAt: '2027-06-10T09:30:00+08:00',
          endsAt: '2027-06-10T10:30:00+08:00',
        })
        .expect(201);
      const agenda = await http(app).get(`/events/${eventId}/agenda`).expect(200);
      expect(agenda.body.days[0].sessions.map((s: { title: string }) => s.title)).toEqual(['Opening plenary']);
      await sleep(WINDOW_SECONDS * 1000 + 300);
      const later = await http(app).get(`/events/${eventId}/agenda`).expect(200);
      expect(later.text).toBe(agenda.text);
    } finally {
      await pair.resume();
    }
    expect(await directory(reader)).toEqual(['Newcomer Ivanova']);
  }, 120_000);
});
