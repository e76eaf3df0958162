import { INestApplication } from '@nestjs/common';
import { BadgesService, Registration } from '@roundtable/registrations';
import { DataSource } from 'typeorm';
import { createTestApp, http } from './support/app';
import { createEvent } from './support/event-api';
import { bearer, createUser, TestUser } from './support/factories';

/** The reads the delegate's web screens need: waitlist place, badge code, visa letter state, the slot grid. */
describe('delegate reads', () => {
  let app: INestApplication;
  let organiser: TestUser;

  const register = (eventId: string, user: TestUser) =>
    http(app)
      .post(`/events/${eventId}/registrations`)
      .set(...bearer(user))
      .send({ company: { name: `Co ${user.id.slice(-6)}`, country: 'CN', sectors: ['logistics'] } });
  const mine = async (user: TestUser, eventId: string) =>
    (
      (
        await http(app)
          .get('/me/registrations')
          .set(...bearer(user))
          .expect(200)
      ).body.items as Array<{ eventId: string; status: string; waitlistPosition: number | null }>
    ).find((r) => r.eventId === eventId)!;

  beforeAll(async () => {
    app = await createTestApp();
    organiser = await createUser(app);
  });
  afterAll(() => app.close());

  it('tells each waitlisted delegate their place, which moves up when someone ahead withdraws', async () => {
    const event = await createEvent(app, organiser, { registration: { capacity: 1, requiresApproval: false } });
    const people = [await createUser(app), await createUser(app), await createUser(app)];
    const regs = [];
    for (const person of people) regs.push((await register(event.id, person).expect(201)).body);
    expect(regs.map((r) => [r.status, r.waitlistPosition])).toEqual([
      ['approved', null],
      ['waitlisted', 1],
      ['waitlisted', 2],
    ]);
    expect((await mine(people[2], event.id)).waitlistPosition).toBe(2);
    await http(app)
      .post(`/events/${event.id}/registrations/${regs[1].id}/cancel`)
      .set(...bearer(people[1]))
      .send({})
      .expect(200);
    expect(await mine(people[2], event.id)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
  });

  it('gives the badge code to its owner once approved, and to no one else', async () => {
    const event = await createEvent(app, organiser, { registration: { requiresApproval: true } });
    const delegate = await createUser(app);
    const stranger = await createUser(app);
    const reg = (await register(event.id, delegate).expect(201)).body;
    const url = `/events/${event.id}/registrations/${reg.id}/badge`;
    const pending = await http(app)
      .get(url)
      .set(...bearer(delegate))
      .expect(409);
    expect(pending.body.code).toBe('INVALID_TRANSITION');
    await http(app)
      .post(`/events/${event.id}/registrations/${reg.id}/approve`)
      .set(...bearer(organiser))
      .expect(200);
    const own = await http(app)
      .get(url)
      .set(...bearer(delegate))
      .expect(200);
    const row = await app.get(DataSource).getRepository(Registration).findOneByOrFail({ id: reg.id });
    expect(own.body).toEqual({ code: app.get(BadgesService).codeFor(row) });
    await http(app)
      .get(url)
      .set(...bearer(stranger))
      .expect(403);
    await http(app).get(url).expect(401);
  });

  it('reads where a visa letter request stands, for its delegate only', async () => {
    const event = await createEvent(app, organiser, { registration: { requiresApproval: false } });
    const delegate = await createUser(app);
    const stranger = await createUser(app);
    const reg = (await register(event.id, delegate).expect(201)).body;
    const url = `/events/${event.id}/registrations/${reg.id}/visa-letter`;
    const state = async () =>
      (
        await http(app)
          .get(url)
          .set(...bearer(delegate))
          .expect(200)
      ).body;
    expect(await state()).toEqual({ status: null, reason: null, reference: null });
    await http(app)
      .put(url)
      .set(...bearer(delegate))
      .send({
        fullName: 'PETROV IVAN',
        nationality: 'RU',
        passportNumber: '751234567',
        dateOfBirth: '1980-04-12',
        passportExpiresOn: '2031-01-01',
        entryOn: '2027-06-08',
        exitOn: '2027-06-13',
      })
      .expect(200);
    expect(await state()).toEqual({ status: 'requested', reason: null, reference: null });
    await http(app)
      .post(`${url}/approve`)
      .set(...bearer(organiser))
      .expect(200);
    // approved: the letter's reference number comes with it
    expect(await state()).toEqual({ status: 'approved', reason: null, reference: expect.stringMatching(/^RT-/) });
    await http(app)
      .get(url)
      .set(...bearer(stranger))
      .expect(403);
  });

  it('lists the whole slot grid for an approved delegate and keeps the availability they mark', async () => {
    const event = await createEvent(app, organiser, { registration: { requiresApproval: true } });
    const delegate = await createUser(app);
    const waiting = await createUser(app);
    const reg = (await register(event.id, delegate).expect(201)).body;
    await register(event.id, waiting).expect(201);
    const refused = await http(app)
      .get(`/events/${event.id}/slots`)
      .set(...bearer(waiting))
      .expect(403);
    expect(refused.body.code).toBe('NOT_APPROVED_DELEGATE');
    await http(app)
      .post(`/events/${event.id}/registrations/${reg.id}/approve`)
      .set(...bearer(organiser))
      .expect(200);
    const grid = (
      await http(app)
        .get(`/events/${event.id}/slots`)
        .set(...bearer(delegate))
        .expect(200)
    ).body.items as Array<{ index: number; start: string; end: string }>;
    // 14:00–18:00 Asia/Shanghai in 30-minute slots
    expect(grid).toHaveLength(8);
    expect(grid[0]).toEqual({ index: 0, start: '2027-06-10T06:00:00.000Z', end: '2027-06-10T06:30:00.000Z' });

    const windows = [{ start: grid[2].start, end: grid[4].end }];
    await http(app)
      .put(`/events/${event.id}/registrations/${reg.id}/availability`)
      .set(...bearer(delegate))
      .send({ windows })
      .expect(200);
    expect((await mine(delegate, event.id)) as unknown as { availability: unknown }).toMatchObject({
      availability: windows,
    });
  });

  it('tells whether a calendar link is in force, and never shows the link again', async () => {
    const delegate = await createUser(app);
    const state = async () =>
      (
        await http(app)
          .get('/me/calendar-feed')
          .set(...bearer(delegate))
          .expect(200)
      ).body;
    expect(await state()).toEqual({ active: false });
    await http(app)
      .post('/me/calendar-feed')
      .set(...bearer(delegate))
      .expect(201);
    expect(await state()).toEqual({ active: true });
    await http(app)
      .delete('/me/calendar-feed')
      .set(...bearer(delegate))
      .expect(204);
    expect(await state()).toEqual({ active: false });
    await http(app).get('/me/calendar-feed').expect(401);
  });

  it('places an accepted request in the slot its sender preferred, else the earliest both can make', async () => {
    const event = await createEvent(app, organiser, { registration: { requiresApproval: false } });
    const [a, b, c, d] = [await createUser(app), await createUser(app), await createUser(app), await createUser(app)];
    const reg = async (user: TestUser) => (await register(event.id, user).expect(201)).body as { id: string };
    const [rb, rc] = [await reg(b), await reg(c)];
    await reg(a);
    await reg(d);
    const ask = (from: TestUser, to: string, preferredSlotIndex?: number) =>
      http(app)
        .post(`/events/${event.id}/meeting-requests`)
        .set(...bearer(from))
        .send({ toRegistrationId: to, preferredSlotIndex });
    const accept = async (user: TestUser, requestId: string) =>
      (
        await http(app)
          .post(`/events/${event.id}/meeting-requests/${requestId}/accept`)
          .set(...bearer(user))
          .expect(200)
      ).body as { meeting: { slotIndex: number } | null };

    const outside = await ask(a, rb.id, 8).expect(400);
    expect(outside.body.code).toBe('INVALID_SLOT');
    const sent = await ask(a, rb.id, 3).expect(201);
    expect(sent.body.preferredSlotIndex).toBe(3);
    expect((await accept(b, sent.body.id)).meeting?.slotIndex).toBe(3);

    // C can only make the first hour: the preferred slot 5 does not work, so the earliest common one is taken.
    await http(app)
      .put(`/events/${event.id}/registrations/${rc.id}/availability`)
      .set(...bearer(c))
      .send({ windows: [{ start: '2027-06-10T06:00:00Z', end: '2027-06-10T07:00:00Z' }] })
      .expect(200);
    const toC = await ask(d, rc.id, 5).expect(201);
    expect((await accept(c, toC.body.id)).meeting?.slotIndex).toBe(0);
  });
});
