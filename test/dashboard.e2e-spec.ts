import { INestApplication } from '@nestjs/common';
import { User } from '@roundtable/auth';
import { newId } from '@roundtable/common';
import { Event } from '@roundtable/events';
import { OutboxMessageEntity, OutboxStatus } from '@roundtable/notifications';
import { DataSource } from 'typeorm';
import { createTestApp, http } from './support/app';
import { createDelegate, createEventRow, TestDelegate } from './support/domain-factories';
import { bearer, createUser, TestUser } from './support/factories';

/** GET /events/:eventId/dashboard: the organisers' numbers, counted by the database, and who may read them. */
describe('Event dashboard', () => {
  let app: INestApplication;
  let ds: DataSource;
  let organiser: TestUser;

  beforeAll(async () => {
    app = await createTestApp();
    ds = app.get(DataSource);
    organiser = await createUser(app);
  });
  afterAll(() => app.close());

  const dashboard = (eventId: string, who?: TestUser) => {
    const req = http(app).get(`/events/${eventId}/dashboard`);
    return who ? req.set(...bearer(who)) : req;
  };

  async function accept(eventId: string, from: TestDelegate, to: TestDelegate): Promise<void> {
    const req = await http(app)
      .post(`/events/${eventId}/meeting-requests`)
      .set(...bearer(from.user))
      .send({ toRegistrationId: to.registration.id })
      .expect(201);
    await http(app)
      .post(`/events/${eventId}/meeting-requests/${req.body.id}/accept`)
      .set(...bearer(to.user))
      .expect(200);
  }

  it('counts registrations by status, country and sector; requests, placed and unplaced by reason; agreements per currency', async () => {
    const event = await createEventRow(app, organiser);
    const cn1 = await createDelegate(app, event, { company: { country: 'CN', sectors: ['logistics'] } });
    const cn2 = await createDelegate(app, event, { company: { country: 'CN', sectors: ['logistics', 'agriculture'] } });
    const ru1 = await createDelegate(app, event, { company: { country: 'RU', sectors: ['agriculture'] } });
    const ru2 = await createDelegate(app, event, { company: { country: 'RU', sectors: ['automotive'] } });
    await createDelegate(app, event, {
      company: { country: 'KZ', sectors: ['logistics'] },
      registration: { status: 'pending', approvedAt: null },
    });
    await createDelegate(app, event, {
      company: { country: 'MN', sectors: ['logistics'] },
      registration: { status: 'rejected', approvedAt: null },
    });
    // placed on acceptance (the first free slot)
    await accept(event.id, cn1, ru1);
    // ru2 can never meet: accepted, left unplaced with the placement's reason
    await http(app)
      .put(`/events/${event.id}/registrations/${ru2.registration.id}/availability`)
      .set(...bearer(ru2.user))
      .send({ windows: [{ start: '2027-06-09T00:00:00Z', end: '2027-06-09T01:00:00Z' }] })
      .expect(200);
    await accept(event.id, cn2, ru2);
    // still pending
    await http(app)
      .post(`/events/${event.id}/meeting-requests`)
      .set(...bearer(cn2.user))
      .send({ toRegistrationId: ru1.registration.id })
      .expect(201);
    const parties = [
      { name: 'Ganpo Logistics', country: 'CN', signatories: [{ name: 'Wang Lei' }] },
      { name: 'Volga Agro', country: 'RU', signatories: [{ name: 'Anna Petrova' }] },
    ];
    const record = (value?: { amount: string; currency: string }) =>
      http(app)
        .post(`/events/${event.id}/agreements`)
        .set(...bearer(organiser))
        .send({ title: 'Grain by rail', kind: 'mou', parties, signedAt: '2027-06-11T08:30:00Z', value })
        .expect(201);
    await record({ amount: '1000000.50', currency: 'CNY' });
    await record({ amount: '250000', currency: 'CNY' });
    await record({ amount: '9000000', currency: 'RUB' });
    const withdrawn = await record({ amount: '5', currency: 'USD' });
    await http(app)
      .post(`/events/${event.id}/agreements/${withdrawn.body.agreement.id}/withdraw`)
      .set(...bearer(organiser))
      .send({ reason: 'Parties changed their minds' })
      .expect(201);

    const res = await dashboard(event.id, organiser).expect(200);
    const body = res.body;
    expect(body.eventId).toBe(event.id);
    expect(body.registrations.total).toBe(6);
    expect(body.registrations.byStatus).toEqual([
      { key: 'approved', count: 4 },
      expect.objectContaining({ count: 1 }),
      expect.objectContaining({ count: 1 }),
    ]);
    expect(body.registrations.byStatus.map((c: { key: string }) => c.key).sort()).toEqual([
      'approved',
      'pending',
      'rejected',
    ]);
    // the rejected Mongolian company is not counted among countries or sectors
    expect(body.registrations.byCountry).toEqual([
      { key: 'CN', count: 2 },
      { key: 'RU', count: 2 },
      { key: 'KZ', count: 1 },
    ]);
    expect(body.registrations.bySector).toEqual([
      { key: 'logistics', count: 3 },
      { key: 'agriculture', count: 2 },
      { key: 'automotive', count: 1 },
    ]);
    expect(body.meetings).toMatchObject({ requests: 3, placed: 1, unplaced: 1 });
    expect(body.meetings.requestsByStatus).toEqual([
      { key: 'accepted', count: 2 },
      { key: 'pending', count: 1 },
    ]);
    expect(body.meetings.unplacedByReason).toHaveLength(1);
    expect(body.meetings.unplacedByReason[0].count).toBe(1);
    expect(body.meetings.unplacedByReason[0].key).not.toBe('NOT_TRIED');
    expect(body.agreements).toEqual({
      count: 3,
      withdrawn: 1,
      byCurrency: [
        { currency: 'CNY', count: 2, total: '1250000.50' },
        { currency: 'RUB', count: 1, total: '9000000.00' },
      ],
    });
  });

  it('counts mail sent, waiting (and since when), failed, and what is due later', async () => {
    const event = await createEventRow(app, organiser);
    const now = Date.now();
    const rows: Array<[OutboxStatus, number]> = [
      ['sent', -60],
      ['sent', -50],
      ['sent', -40],
      ['pending', -30],
      ['queued', -10],
      ['failed', -20],
      ['cancelled', -20],
      ['pending', 24 * 60],
    ];
    await ds.getRepository(OutboxMessageEntity).insert(
      rows.map(([status, minutes]) => ({
        id: newId(),
        type: 'test',
        dedupeKey: `dashboard-test:${newId()}`,
        eventId: event.id,
        subject: null,
        recipientUserId: null,
        recipientEmail: 'someone@example.test',
        recipientName: 'Someone',
        recipientLocale: 'en',
        recipientTimeZone: null,
        eventTimeZone: 'Asia/Shanghai',
        eventLocale: 'en',
        payload: {},
        calendar: null,
        status,
        attempts: 0,
        dueAt: new Date(now + minutes * 60_000),
      })),
    );
    const res = await dashboard(event.id, organiser).expect(200);
    expect(res.body.mail).toEqual({
      sent: 3,
      waiting: 2,
      failed: 1,
      cancelled: 1,
      scheduled: 1,
      oldestWaitingSince: new Date(now - 30 * 60_000).toISOString(),
    });
    expect(res.body.registrations).toEqual({ total: 0, byStatus: [], byCountry: [], bySector: [] });
    expect(res.body.agreements).toEqual({ count: 0, withdrawn: 0, byCurrency: [] });
  });

  it('answers a platform admin, and refuses a delegate, the organiser of another event and anyone signed out', async () => {
    const event = await createEventRow(app, organiser);
    const delegate = await createDelegate(app, event);
    const stranger = await createUser(app);
    await createEventRow(app, stranger);
    const admin = await createUser(app);
    await ds.getRepository(User).update({ id: admin.id }, { platformRole: 'admin' });

    await dashboard(event.id, admin).expect(200);
    await dashboard(event.id, delegate.user).expect(403);
    await dashboard(event.id, stranger).expect(403);
    await dashboard(event.id).expect(401);
    // a draft's existence is not revealed to those who do not organise it
    const draft: Event = await createEventRow(app, organiser, { status: 'draft' });
    await dashboard(draft.id, stranger).expect(404, /EVENT_NOT_FOUND/);
    await dashboard('not-an-id', organiser).expect(404, /EVENT_NOT_FOUND/);
  });
});
