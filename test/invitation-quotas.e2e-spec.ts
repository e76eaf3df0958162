import { INestApplication } from '@nestjs/common';
import { User } from '@roundtable/auth';
import { DataSource } from 'typeorm';
import { createTestApp, http } from './support/app';
import { createEvent } from './support/event-api';
import { bearer, createUser, TestUser } from './support/factories';

const rows = (n: number, label: string) =>
  Array.from({ length: n }, (_, i) => ({ email: `${label}.${i}@quota.example`, name: `Guest ${i}` }));

describe('invitations are not a mail relay', () => {
  let app: INestApplication;
  let admin: TestUser;
  const written = async (eventId: string) => {
    const ds = app.get(DataSource);
    const [inv] = await ds.query('SELECT COUNT(*) AS n FROM invitations WHERE event_id = ?', [eventId]);
    const [mail] = await ds.query("SELECT COUNT(*) AS n FROM outbox WHERE event_id = ? AND type = 'invitation'", [
      eventId,
    ]);
    return [Number(inv.n), Number(mail.n)];
  };
  const invite = (eventId: string, user: TestUser, list: unknown[]) =>
    http(app)
      .post(`/events/${eventId}/invitations`)
      .set(...bearer(user))
      .send({ invitations: list });

  beforeAll(async () => {
    app = await createTestApp();
    admin = await createUser(app);
    await app.get(DataSource).getRepository(User).update({ id: admin.id }, { platformRole: 'admin' });
  });
  afterAll(() => app.close());

  it('lets an untrusted event send its small quota and refuses the list that would pass it, whole', async () => {
    const organiser = await createUser(app);
    const event = await createEvent(app, organiser, {}, false);
    const over = await invite(event.id, organiser, rows(21, 'over')).expect(403);
    expect(over.body).toMatchObject({ code: 'INVITATION_QUOTA_EVENT', details: { quota: 20, used: 0, requested: 21 } });
    expect(over.body.message).toMatch(/trusted/);
    expect(await written(event.id)).toEqual([0, 0]);
    const ok = await invite(event.id, organiser, [...rows(20, 'fits'), { email: 'bad', name: 'Bad' }]).expect(201);
    expect(ok.body).toMatchObject({ rows: 21, invitedCount: 20, rejectedCount: 1 });
    expect((await invite(event.id, organiser, rows(1, 'one-more')).expect(403)).body.code).toBe(
      'INVITATION_QUOTA_EVENT',
    );
    expect(await written(event.id)).toEqual([20, 20]);
  });

  it('caps an organiser per day across untrusted events, so more drafts do not widen the quota', async () => {
    const organiser = await createUser(app);
    const events = await Promise.all([1, 2, 3].map(() => createEvent(app, organiser, {}, false)));
    await invite(events[0].id, organiser, rows(20, 'a')).expect(201);
    await invite(events[1].id, organiser, rows(20, 'b')).expect(201);
    await invite(events[2].id, organiser, rows(10, 'c')).expect(201);
    const refused = await invite(events[2].id, organiser, rows(1, 'd')).expect(429);
    expect(refused.body).toMatchObject({
      code: 'INVITATION_QUOTA_ORGANISER',
      details: { quota: 50, used: 50, requested: 1 },
    });
    expect(refused.headers['retry-after']).toBe('3600');
    expect(await written(events[2].id)).toEqual([10, 10]);
  });

  it('refuses more rows than a JSON list or a CSV may carry with a 413 naming the cap', async () => {
    const organiser = await createUser(app);
    const event = await createEvent(app, organiser, {}, false);
    const json = await invite(event.id, organiser, rows(501, 'json')).expect(413);
    expect(json.body).toMatchObject({ code: 'TOO_MANY_ROWS', details: { maxRows: 500 } });
    const csv = `name,email\n${rows(5001, 'csv')
      .map((r) => `${r.name},${r.email}`)
      .join('\n')}\n`;
    const fromCsv = await http(app)
      .post(`/events/${event.id}/invitations`)
      .set(...bearer(organiser))
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(413);
    expect(fromCsv.body).toMatchObject({ code: 'TOO_MANY_ROWS', details: { maxRows: 5000 } });
    const huge = await http(app)
      .post(`/events/${event.id}/invitations`)
      .set(...bearer(organiser))
      .set('Content-Type', 'text/csv')
      .send(`name,email\n${'x,'.repeat(1_100_000)}\n`)
      .expect(413);
    expect(huge.body.code).toBe('INVITATION_LIST_TOO_LARGE');
    expect(await written(event.id)).toEqual([0, 0]);
  });

  it('lets a platform admin see every event and trust one, and nobody else', async () => {
    const organiser = await createUser(app);
    const event = await createEvent(app, organiser, {}, false);
    await http(app)
      .get('/admin/events')
      .set(...bearer(organiser))
      .expect(403);
    await http(app)
      .post(`/admin/events/${event.id}/trust`)
      .set(...bearer(organiser))
      .expect(403);
    await http(app).post(`/admin/events/${event.id}/trust`).expect(401);
    const list = await http(app)
      .get('/admin/events')
      .query({ limit: 100 })
      .set(...bearer(admin))
      .expect(200);
    expect(list.body.items.find((e: { id: string }) => e.id === event.id)).toMatchObject({
      status: 'draft',
      trusted: false,
    });

    const trusted = await http(app)
      .post(`/admin/events/${event.id}/trust`)
      .set(...bearer(admin))
      .expect(200);
    expect(trusted.body).toMatchObject({ id: event.id, trusted: true });
    const onlyTrusted = await http(app)
      .get('/admin/events')
      .query({ trusted: 'true', limit: 100 })
      .set(...bearer(admin))
      .expect(200);
    expect(onlyTrusted.body.items.map((e: { id: string }) => e.id)).toContain(event.id);
    expect(onlyTrusted.body.items.every((e: { trusted: boolean }) => e.trusted)).toBe(true);
    // trusted: past the small quota and past the organiser's daily quota
    expect((await invite(event.id, organiser, rows(120, 'trusted')).expect(201)).body.invitedCount).toBe(120);

    await http(app)
      .post(`/admin/events/${event.id}/untrust`)
      .set(...bearer(admin))
      .expect(200);
    expect((await invite(event.id, organiser, rows(1, 'after')).expect(403)).body.code).toBe('INVITATION_QUOTA_EVENT');
    await http(app)
      .post('/admin/events/00000000-0000-7000-8000-000000000000/trust')
      .set(...bearer(admin))
      .expect(404);
  });
});
