import { INestApplication } from '@nestjs/common';
import { Event } from '@roundtable/events';
import { MailTemplateRegistry, OutboxMessageEntity } from '@roundtable/notifications';
import { SiteVisitSignup } from '@roundtable/registrations';
import { DataSource, In } from 'typeorm';
import { createTestApp, http } from './support/app';
import { createDelegate, createEventRow, TestDelegate } from './support/domain-factories';
import { bearer, createUser, TestUser } from './support/factories';

/**
 * Site visits: sessions of kind site_visit that delegates sign up for, with a
 * capacity and a waiting list, a reminder before departure, and the visit's
 * time kept free of meetings. The default event runs 10–11 June 2027 in
 * Asia/Shanghai; its B2B slots are 14:00–18:00 on the 10th (slots 0–7) and
 * 09:00–12:00 on the 11th (slots 8–13), 30 minutes each.
 */
describe('Site visits', () => {
  let app: INestApplication;
  let organiser: TestUser;
  let ds: DataSource;

  beforeAll(async () => {
    app = await createTestApp({ allInOne: true }); // the scheduling run is a worker job
    organiser = await createUser(app);
    ds = app.get(DataSource);
  });
  afterAll(() => app.close());

  const as = (who: TestUser | TestDelegate) => bearer('user' in who ? who.user : who);

  /** 14:00–16:00 on the 10th (slots 0–3 blocked), the coach at 14:15. */
  const visitBody = (overrides: Record<string, unknown> = {}) => ({
    kind: 'site_visit',
    title: 'Tour of the Jiangling vehicle plant',
    translations: {
      zh: { title: '江铃汽车工厂参观', meetingPoint: '酒店大堂北门', transport: '大巴' },
      ru: { title: 'Экскурсия на автозавод Цзянлин', meetingPoint: 'Лобби отеля, северный вход', transport: 'Автобус' },
    },
    startsAt: '2027-06-10T14:00:00+08:00',
    endsAt: '2027-06-10T16:00:00+08:00',
    departsAt: '2027-06-10T14:15:00+08:00',
    capacity: 3,
    meetingPoint: 'Hotel lobby, north entrance',
    transport: 'Coach, 40 minutes',
    ...overrides,
  });

  async function visitAt(event: Event, overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await http(app)
      .post(`/events/${event.id}/sessions`)
      .set(...bearer(organiser))
      .send(visitBody(overrides))
      .expect(201);
    return res.body.id as string;
  }

  const signUp = (event: Event, sessionId: string, who: TestDelegate | TestUser) =>
    http(app)
      .post(`/events/${event.id}/sessions/${sessionId}/sign-ups`)
      .set(...as(who));
  const cancel = (event: Event, sessionId: string, who: TestDelegate | TestUser) =>
    http(app)
      .delete(`/events/${event.id}/sessions/${sessionId}/sign-ups/mine`)
      .set(...as(who));

  async function delegates(event: Event, count: number): Promise<TestDelegate[]> {
    const out: TestDelegate[] = [];
    for (let i = 0; i < count; i++) out.push(await createDelegate(app, event));
    return out;
  }

  it('creates a site visit with its details, and shows them translated in the agenda', async () => {
    const event = await createEventRow(app, organiser);
    const res = await http(app)
      .post(`/events/${event.id}/sessions`)
      .set(...bearer(organiser))
      .send(visitBody())
      .expect(201);
    expect(res.body.siteVisit).toEqual({
      capacity: 3,
      meetingPoint: 'Hotel lobby, north entrance',
      departsAt: '2027-06-10T06:15:00.000Z',
      transport: 'Coach, 40 minutes',
    });
    const agenda = await http(app).get(`/events/${event.id}/agenda?locale=ru`).expect(200);
    const item = agenda.body.days[0].sessions.find((s: { id: string }) => s.id === res.body.id);
    expect(item).toMatchObject({
      kind: 'site_visit',
      title: 'Экскурсия на автозавод Цзянлин',
      siteVisit: {
        capacity: 3,
        meetingPoint: 'Лобби отеля, северный вход',
        transport: 'Автобус',
        localDeparture: '2027-06-10T14:15:00.000+08:00',
      },
    });
    const seats = await http(app).get(`/events/${event.id}/site-visits`).expect(200);
    expect(seats.body.items).toEqual([
      expect.objectContaining({
        sessionId: res.body.id,
        capacity: 3,
        seatsLeft: 3,
        confirmed: 0,
        waitlisted: 0,
        mine: null,
      }),
    ]);
  });

  it('refuses a site visit without its details, details on another kind, and a departure outside the session', async () => {
    const event = await createEventRow(app, organiser);
    const post = (body: Record<string, unknown>) =>
      http(app)
        .post(`/events/${event.id}/sessions`)
        .set(...bearer(organiser))
        .send(body);
    const missing = await post(visitBody({ capacity: undefined })).expect(400);
    expect(missing.body).toMatchObject({ code: 'SITE_VISIT_DETAILS_REQUIRED', details: { field: 'capacity' } });
    const noPoint = await post(visitBody({ meetingPoint: undefined })).expect(400);
    expect(noPoint.body.code).toBe('SITE_VISIT_DETAILS_REQUIRED');
    const onPanel = await post(visitBody({ kind: 'panel' })).expect(400);
    expect(onPanel.body).toMatchObject({ code: 'NOT_A_SITE_VISIT' });
    const early = await post(visitBody({ departsAt: '2027-06-10T13:00:00+08:00' })).expect(400);
    expect(early.body.code).toBe('DEPARTURE_OUTSIDE_SESSION');
    for (const bad of [
      { capacity: 0 },
      { capacity: 'ten' },
      { capacity: 2.5 },
      { departsAt: 'tomorrow' },
      { meetingPoint: '' },
      { transport: { a: 1 } },
    ]) {
      const res = await post(visitBody(bad)).expect(400);
      expect(res.body.statusCode).toBe(400);
    }
  });

  it('confirms exactly the capacity under 20 parallel sign-ups and waitlists the rest in order', async () => {
    const event = await createEventRow(app, organiser);
    const visit = await visitAt(event, { capacity: 5 });
    const people = await delegates(event, 20);
    const results = await Promise.all(people.map((p) => signUp(event, visit, p)));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const confirmed = results.filter((r) => r.body.status === 'confirmed');
    const waiting = results.filter((r) => r.body.status === 'waitlisted');
    expect(confirmed).toHaveLength(5);
    expect(waiting).toHaveLength(15);
    expect(waiting.map((r) => r.body.waitlistPosition as number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 15 }, (_, i) => i + 1),
    );
    // the waiting list's order is the order of signing up: positions follow seq
    const rows = await ds.getRepository(SiteVisitSignup).find({ where: { sessionId: visit }, order: { seq: 'ASC' } });
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(rows.slice(0, 5).every((r) => r.status === 'confirmed')).toBe(true);
    const positionOf = new Map(waiting.map((r) => [r.body.id as string, r.body.waitlistPosition as number]));
    expect(rows.slice(5).map((r) => positionOf.get(r.id))).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));

    const list = await http(app)
      .get(`/events/${event.id}/sessions/${visit}/sign-ups`)
      .set(...bearer(organiser))
      .expect(200);
    expect(list.body).toMatchObject({ capacity: 5, confirmed: 5, waitlisted: 15 });
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual(rows.map((r) => r.id));
    const seats = await http(app)
      .get(`/events/${event.id}/site-visits`)
      .set(...as(people[0]))
      .expect(200);
    expect(seats.body.items[0]).toMatchObject({ seatsLeft: 0, confirmed: 5, waitlisted: 15 });
    expect(seats.body.items[0].mine).toMatchObject({ registrationId: people[0].registration.id });
    expect(seats.body.organiser).toBe(false);
    const asOrganiser = await http(app)
      .get(`/events/${event.id}/site-visits`)
      .set(...bearer(organiser))
      .expect(200);
    expect(asOrganiser.body).toMatchObject({ organiser: true, items: [expect.objectContaining({ mine: null })] });
  });

  it('gives a cancelled seat to the first waiting, who is mailed and reminded; the canceller’s reminder goes', async () => {
    const event = await createEventRow(app, organiser);
    const visit = await visitAt(event, { capacity: 2 });
    const [a, b, c, d] = await delegates(event, 4);
    for (const p of [a, b, c, d]) await signUp(event, visit, p).expect(201);
    const first = await ds
      .getRepository(SiteVisitSignup)
      .findOneByOrFail({ sessionId: visit, registrationId: a.registration.id });
    const reminderOfA = await ds.getRepository(OutboxMessageEntity).findOneByOrFail({
      type: 'site-visit-reminder',
      subject: `site-visit-signup:${first.id}`,
    });
    expect(reminderOfA.dueAt.toISOString()).toBe('2027-06-10T05:15:00.000Z'); // an hour before departure
    expect(reminderOfA.payload).toMatchObject({ url: expect.stringContaining(`/app/events/${event.id}`) });

    const cancelled = await cancel(event, visit, a).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', waitlistPosition: null });
    expect((await ds.getRepository(OutboxMessageEntity).findOneByOrFail({ id: reminderOfA.id })).status).toBe(
      'cancelled',
    );

    const mine = await http(app)
      .get('/me/site-visits')
      .set(...as(c))
      .expect(200);
    expect(mine.body.items).toEqual([
      expect.objectContaining({
        sessionId: visit,
        status: 'confirmed',
        waitlistPosition: null,
        meetingPoint: 'Hotel lobby, north entrance',
      }),
    ]);
    const ofD = await http(app)
      .get('/me/site-visits')
      .set(...as(d))
      .expect(200);
    expect(ofD.body.items[0]).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const signupOfC = mine.body.items[0].id as string;
    const mails = await ds
      .getRepository(OutboxMessageEntity)
      .findBy({ subject: `site-visit-signup:${signupOfC}`, type: In(['site-visit-promoted', 'site-visit-reminder']) });
    expect(mails.map((m) => m.type).sort()).toEqual(['site-visit-promoted', 'site-visit-reminder']);
    // A may sign up again: the waiting list's end
    const again = await signUp(event, visit, a).expect(201);
    expect(again.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
  });

  it('renders the reminder and the promotion mail in zh, ru and en with the link to the event page', () => {
    const registry = app.get(MailTemplateRegistry);
    for (const type of ['site-visit-reminder', 'site-visit-promoted']) {
      const template = registry.get(type);
      const texts = (['zh', 'ru', 'en'] as const).map((locale) =>
        template.render(template.example, {
          locale,
          recipient: { email: 'a@example.test', name: 'Ivan', timeZone: 'Europe/Moscow' },
          eventTimeZone: 'Asia/Shanghai',
          baseUrl: 'http://localhost:3000',
        }),
      );
      expect(texts[0].text).toContain('酒店大堂北门');
      expect(texts[1].text).toContain('Лобби отеля');
      expect(texts[2].text).toContain('Hotel lobby');
      for (const mail of texts) expect(mail.text).toContain('/app/events/');
    }
  });

  it('answers each bad sign-up with its code', async () => {
    const event = await createEventRow(app, organiser);
    const visit = await visitAt(event);
    const [a] = await delegates(event, 1);
    const pending = await createDelegate(app, event, { registration: { status: 'pending' } });
    const stranger = await createUser(app);
    await signUp(event, visit, a).expect(201);
    expect((await signUp(event, visit, a).expect(409)).body.code).toBe('ALREADY_SIGNED_UP');
    expect((await signUp(event, visit, pending).expect(403)).body.code).toBe('NOT_APPROVED_DELEGATE');
    expect((await signUp(event, visit, stranger).expect(403)).body.code).toBe('NOT_APPROVED_DELEGATE');
    expect((await cancel(event, visit, stranger).expect(404)).body.code).toBe('SIGN_UP_NOT_FOUND');
    const panel = await http(app)
      .post(`/events/${event.id}/sessions`)
      .set(...bearer(organiser))
      .send({
        kind: 'panel',
        title: 'Logistics',
        startsAt: '2027-06-11T09:00:00+08:00',
        endsAt: '2027-06-11T10:00:00+08:00',
      })
      .expect(201);
    expect((await signUp(event, panel.body.id, a).expect(400)).body.code).toBe('NOT_A_SITE_VISIT');
    expect((await signUp(event, '00000000-0000-4000-8000-000000000000', a).expect(404)).body.code).toBe(
      'SESSION_NOT_FOUND',
    );
    expect((await signUp(event, 'not-an-id', a).expect(404)).body.code).toBe('SESSION_NOT_FOUND');
    await http(app).post(`/events/${event.id}/sessions/${visit}/sign-ups`).expect(401);
    // another visit at an overlapping time
    const other = await visitAt(event, {
      title: 'Tea plantation',
      startsAt: '2027-06-10T15:00:00+08:00',
      endsAt: '2027-06-10T17:00:00+08:00',
      departsAt: '2027-06-10T15:00:00+08:00',
    });
    expect((await signUp(event, other, a).expect(409)).body.code).toBe('SITE_VISIT_CLASH');
    // a visit that has left
    const past = await createEventRow(app, organiser, {
      startsAt: new Date(Date.now() - 3 * 3600_000),
      endsAt: new Date(Date.now() + 3 * 3600_000),
    });
    const [late] = await delegates(past, 1);
    const gone = await http(app)
      .post(`/events/${past.id}/sessions`)
      .set(...bearer(organiser))
      .send(
        visitBody({
          startsAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
          endsAt: new Date(Date.now() + 2 * 3600_000).toISOString(),
          departsAt: new Date(Date.now() - 3600_000).toISOString(),
        }),
      )
      .expect(201);
    expect((await signUp(past, gone.body.id, late).expect(409)).body.code).toBe('SITE_VISIT_CLOSED');
  });

  it('shows the sign-up list to the event’s organisers only', async () => {
    const event = await createEventRow(app, organiser);
    const visit = await visitAt(event);
    const [a] = await delegates(event, 1);
    await signUp(event, visit, a).expect(201);
    const otherOrganiser = await createUser(app);
    await createEventRow(app, otherOrganiser);
    const url = `/events/${event.id}/sessions/${visit}/sign-ups`;
    expect(
      (
        await http(app)
          .get(url)
          .set(...as(a))
          .expect(403)
      ).body.statusCode,
    ).toBe(403);
    expect(
      (
        await http(app)
          .get(url)
          .set(...bearer(otherOrganiser))
          .expect(403)
      ).body.statusCode,
    ).toBe(403);
    await http(app).get(url).expect(401);
    const list = await http(app)
      .get(url)
      .set(...bearer(organiser))
      .expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        registrationId: a.registration.id,
        name: a.user.name,
        status: 'confirmed',
        companyName: a.company.name,
      }),
    ]);
  });

  it('keeps the visit’s time free of meetings: accepting, booking and the shared slots avoid it', async () => {
    const event = await createEventRow(app, organiser);
    const visit = await visitAt(event);
    const [a, b] = await delegates(event, 2);
    await signUp(event, visit, a).expect(201);

    const slots = await http(app)
      .get(`/events/${event.id}/slots?with=${b.registration.id}`)
      .set(...as(a))
      .expect(200);
    const indexes = slots.body.items.map((s: { index: number }) => s.index);
    expect(indexes).not.toEqual(expect.arrayContaining([0]));
    for (const blocked of [0, 1, 2, 3]) expect(indexes).not.toContain(blocked);
    expect(indexes).toContain(4);

    const request = await http(app)
      .post(`/events/${event.id}/meeting-requests`)
      .set(...as(b))
      .send({ toRegistrationId: a.registration.id, message: 'Cars?' })
      .expect(201);
    const accepted = await http(app)
      .post(`/events/${event.id}/meeting-requests/${request.body.id}/accept`)
      .set(...as(a))
      .expect(200);
    expect(accepted.body.meeting.slotIndex).toBe(4); // the earliest slot after the visit

    await http(app)
      .delete(`/events/${event.id}/meetings/${accepted.body.meeting.id}`)
      .set(...as(a))
      .expect(200);
    const again = await http(app)
      .post(`/events/${event.id}/meeting-requests`)
      .set(...as(b))
      .send({ toRegistrationId: a.registration.id, message: 'Cars, again?' })
      .expect(201);
    await ds.query("UPDATE meeting_requests SET status = 'accepted', responded_at = NOW(3) WHERE id = ?", [
      again.body.id,
    ]);
    const booked = await http(app)
      .post(`/events/${event.id}/meetings`)
      .set(...as(b))
      .send({ requestId: again.body.id, slotIndex: 2 })
      .expect(409);
    expect(booked.body.code).toBe('SLOT_UNAVAILABLE');
    await http(app)
      .post(`/events/${event.id}/meetings`)
      .set(...as(b))
      .send({ requestId: again.body.id, slotIndex: 5 })
      .expect(201);
  });

  it('keeps the visit’s time free in the organisers’ scheduling run', async () => {
    const event = await createEventRow(app, organiser);
    const visit = await visitAt(event);
    const people = await delegates(event, 4);
    for (const p of people.slice(0, 2)) await signUp(event, visit, p).expect(201);
    // three accepted requests waiting for a slot, each with a delegate on the visit
    for (const [from, to] of [
      [people[0], people[2]],
      [people[1], people[3]],
      [people[0], people[1]],
    ]) {
      const req = await http(app)
        .post(`/events/${event.id}/meeting-requests`)
        .set(...as(from))
        .send({ toRegistrationId: to.registration.id, message: 'Meet?' })
        .expect(201);
      await ds.query("UPDATE meeting_requests SET status = 'accepted', responded_at = NOW(3) WHERE id = ?", [
        req.body.id,
      ]);
    }
    const job = await http(app)
      .post(`/events/${event.id}/schedule`)
      .set(...bearer(organiser))
      .expect(202);
    let state = 'waiting';
    for (let i = 0; i < 200 && state !== 'completed' && state !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      state = (
        await http(app)
          .get(`/events/${event.id}/schedule/jobs/${job.body.jobId}`)
          .set(...bearer(organiser))
          .expect(200)
      ).body.state;
    }
    expect(state).toBe('completed');
    const placed: Array<{ slot_index: number }> = await ds.query(
      "SELECT slot_index FROM meetings WHERE event_id = ? AND status = 'scheduled'",
      [event.id],
    );
    expect(placed).toHaveLength(3);
    for (const m of placed) expect(Number(m.slot_index)).toBeGreaterThanOrEqual(4);
  });

  it('refuses a sign-up over one of the delegate’s meetings', async () => {
    const event = await createEventRow(app, organiser);
    const visit = await visitAt(event);
    const [a, b] = await delegates(event, 2);
    const request = await http(app)
      .post(`/events/${event.id}/meeting-requests`)
      .set(...as(b))
      .send({ toRegistrationId: a.registration.id, message: 'Cars?' })
      .expect(201);
    const accepted = await http(app)
      .post(`/events/${event.id}/meeting-requests/${request.body.id}/accept`)
      .set(...as(a))
      .expect(200);
    expect(accepted.body.meeting.slotIndex).toBe(0);
    expect((await signUp(event, visit, a).expect(409)).body.code).toBe('SITE_VISIT_MEETING_CLASH');
  });

  it('promotes on a raised capacity, refuses one below the confirmed, and frees a withdrawn delegate’s seat', async () => {
    const event = await createEventRow(app, organiser);
    const visit = await visitAt(event, { capacity: 1 });
    const [a, b, c] = await delegates(event, 3);
    for (const p of [a, b, c]) await signUp(event, visit, p).expect(201);
    const patch = (body: Record<string, unknown>) =>
      http(app)
        .patch(`/events/${event.id}/sessions/${visit}`)
        .set(...bearer(organiser))
        .send(body);
    await patch({ capacity: 2 }).expect(200);
    const status = async (p: TestDelegate) =>
      (await ds.getRepository(SiteVisitSignup).findOneByOrFail({ sessionId: visit, registrationId: p.registration.id }))
        .status;
    expect(await status(b)).toBe('confirmed');
    expect(await status(c)).toBe('waitlisted');
    expect((await patch({ capacity: 1 }).expect(409)).body.code).toBe('SITE_VISIT_CAPACITY_BELOW_SIGN_UPS');

    await http(app)
      .post(`/events/${event.id}/registrations/${a.registration.id}/cancel`)
      .set(...as(a))
      .expect(200);
    expect(await status(c)).toBe('confirmed');
    const listed = await http(app)
      .get(`/events/${event.id}/sessions/${visit}/sign-ups`)
      .set(...bearer(organiser))
      .expect(200);
    expect(listed.body.items.map((i: { status: string }) => i.status)).toEqual(['cancelled', 'confirmed', 'confirmed']);

    // turned into a panel, the visit's sign-ups end
    await patch({ kind: 'panel' }).expect(200);
    expect(
      await ds.getRepository(SiteVisitSignup).countBy({ sessionId: visit, status: In(['confirmed', 'waitlisted']) }),
    ).toBe(0);
  });
});
