import { INestApplication } from '@nestjs/common';
import { Event } from '@roundtable/events';
import { Interpreter, Meeting, MeetingRequest } from '@roundtable/meetings';
import { OutboxMessageEntity } from '@roundtable/notifications';
import { newId } from '@roundtable/common';
import { Registration } from '@roundtable/registrations';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestApp, http } from './support/app';
import {
  createCompanyRow,
  createDelegate,
  createEventRow,
  DEFAULT_MEETING_SETTINGS,
  TestDelegate,
} from './support/domain-factories';
import { bearer, createUser, createUsers, TestUser } from './support/factories';
import { calendarEvents } from './support/ics';
import { outboxRows } from './support/mail-helpers';

describe('B2B meetings', () => {
  let app: INestApplication;
  let organiser: TestUser;
  let ds: DataSource;

  beforeAll(async () => {
    app = await createTestApp({ allInOne: true });
    organiser = await createUser(app);
    ds = app.get(DataSource);
  });
  afterAll(() => app.close());

  const as = (who: TestUser | TestDelegate) => bearer('user' in who ? who.user : who);
  const requestMeeting = (
    eventId: string,
    from: TestDelegate,
    to: TestDelegate,
    message = 'Shall we talk logistics?',
  ) =>
    http(app)
      .post(`/events/${eventId}/meeting-requests`)
      .set(...as(from))
      .send({ toRegistrationId: to.registration.id, message });
  const accept = (eventId: string, requestId: string, who: TestDelegate) =>
    http(app)
      .post(`/events/${eventId}/meeting-requests/${requestId}/accept`)
      .set(...as(who));

  /**
   * Accepted requests written as rows, unscheduled (how requests get accepted is tested above): one per
   * [from, to] registration pair, with the id given or a new one. Their ids, in order.
   */
  async function acceptedRequests(eventId: string, pairs: Array<[from: string, to: string, id?: string]>) {
    const now = new Date();
    const rows = pairs.map(([from, to, id = newId()]) => {
      const pair = [from, to].sort().join(':');
      return [id, eventId, from, to, pair, pair, now, now];
    });
    await ds.query(
      `INSERT INTO meeting_requests (id, event_id, from_registration_id, to_registration_id, pair_key, active_pair, status, expires_at, responded_at)
       VALUES ${rows.map(() => "(?, ?, ?, ?, ?, ?, 'accepted', ?, ?)").join(', ')}`,
      rows.flat(),
    );
    return rows.map(([id]) => id as string);
  }

  async function forum(settings: Partial<Event['meetingSettings']> = {}, count = 4) {
    const event = await createEventRow(app, organiser, {
      meetingSettings: { ...DEFAULT_MEETING_SETTINGS, ...settings },
    });
    const delegates: TestDelegate[] = [];
    for (let i = 0; i < count; i++) delegates.push(await createDelegate(app, event));
    return { event, delegates };
  }

  it('requests, accepts into the earliest common slot with a table, mails each step with an ICS and reminders', async () => {
    const { event, delegates } = await forum();
    const [a, b] = delegates;
    // b can only make the second hour of day one (slots 2 and 3 of the grid: 15:00-16:00 Asia/Shanghai).
    await http(app)
      .put(`/events/${event.id}/registrations/${b.registration.id}/availability`)
      .set(...as(b))
      .send({ windows: [{ start: '2027-06-10T07:00:00Z', end: '2027-06-10T08:00:00Z' }] })
      .expect(200);
    const req = await requestMeeting(event.id, a, b).expect(201);
    expect(req.body).toMatchObject({ status: 'pending', fromRegistrationId: a.registration.id });
    const [requested] = await outboxRows(app, { type: 'meeting-requested', recipientUserId: b.user.id });
    expect(requested.payload).toMatchObject({ message: 'Shall we talk logistics?' });

    const res = await accept(event.id, req.body.id, b).expect(200);
    expect(res.body.meeting).toMatchObject({
      slotIndex: 2,
      startsAt: '2027-06-10T07:00:00.000Z',
      tableNo: 1,
      status: 'scheduled',
    });
    const [accepted] = await outboxRows(app, { type: 'meeting-accepted', recipientUserId: a.user.id });
    expect(accepted.calendar).toMatchObject({
      method: 'REQUEST',
      uid: `meeting-${res.body.meeting.id}@roundtable`,
      sequence: 0,
    });
    const reminders = await outboxRows(app, { type: 'meeting-reminder', subject: `meeting:${res.body.meeting.id}` });
    expect(reminders.map((r) => r.dueAt.toISOString()).sort()).toEqual([
      '2027-06-09T07:00:00.000Z',
      '2027-06-09T07:00:00.000Z',
      '2027-06-10T06:30:00.000Z',
      '2027-06-10T06:30:00.000Z',
    ]);

    // the same pair cannot ask again while this one is active; an outsider cannot see the meeting
    await requestMeeting(event.id, b, a).expect(409, /PAIR_ALREADY_REQUESTED/);
    const outsider = await createDelegate(app, event);
    await http(app)
      .patch(`/events/${event.id}/meetings/${res.body.meeting.id}`)
      .set(...as(outsider))
      .send({ slotIndex: 3 })
      .expect(404);
    await accept(event.id, req.body.id, b).expect(409, /REQUEST_NOT_PENDING/);
  });

  it('lists common slots, books, moves (reminders move too) and cancels with a CANCEL calendar entry', async () => {
    const { event, delegates } = await forum();
    const [a, b] = delegates;
    await http(app)
      .put(`/events/${event.id}/registrations/${a.registration.id}/availability`)
      .set(...as(a))
      .send({ windows: [{ start: '2027-06-11T01:00:00Z', end: '2027-06-11T04:00:00Z' }] })
      .expect(200);
    const slots = await http(app)
      .get(`/events/${event.id}/slots`)
      .query({ with: a.registration.id })
      .set(...as(b))
      .expect(200);
    await http(app)
      .get(`/events/${event.id}/slots`)
      .query({ with: b.registration.id })
      .set(...as(b))
      .expect(400, /SELF_REQUEST/);
    expect(slots.body.items.map((s: { index: number }) => s.index)).toEqual([8, 9, 10, 11, 12, 13]);

    const req = await requestMeeting(event.id, a, b).expect(201);
    const accepted = await accept(event.id, req.body.id, b).expect(200);
    const meetingId = accepted.body.meeting.id as string;
    expect(accepted.body.meeting.slotIndex).toBe(8);
    await http(app)
      .post(`/events/${event.id}/meetings`)
      .set(...as(a))
      .send({ requestId: req.body.id, slotIndex: 9 })
      .expect(409, /ALREADY_SCHEDULED/);

    // move: a to a slot a cannot make is refused, to a free one works
    await http(app)
      .patch(`/events/${event.id}/meetings/${meetingId}`)
      .set(...as(a))
      .send({ slotIndex: 0 })
      .expect(409, /SLOT_UNAVAILABLE/);
    await http(app)
      .patch(`/events/${event.id}/meetings/${meetingId}`)
      .set(...as(a))
      .send({ slotIndex: 99 })
      .expect(400, /INVALID_SLOT/);
    const moved = await http(app)
      .patch(`/events/${event.id}/meetings/${meetingId}`)
      .set(...as(a))
      .send({ slotIndex: 12 })
      .expect(200);
    expect(moved.body).toMatchObject({ slotIndex: 12, startsAt: '2027-06-11T03:00:00.000Z', sequence: 1 });
    const reminders = await outboxRows(app, { type: 'meeting-reminder', subject: `meeting:${meetingId}` });
    const pending = reminders.filter((r) => r.status === 'pending').map((r) => r.dueAt.toISOString());
    expect(pending.sort()).toEqual([
      '2027-06-10T03:00:00.000Z',
      '2027-06-10T03:00:00.000Z',
      '2027-06-11T02:30:00.000Z',
      '2027-06-11T02:30:00.000Z',
    ]);
    expect(reminders.filter((r) => r.status === 'cancelled')).toHaveLength(4);
    const movedMails = await outboxRows(app, { type: 'meeting-moved', subject: `meeting:${meetingId}` });
    expect(movedMails.map((m) => m.calendar?.sequence)).toEqual([1, 1]);

    // a delegate cannot lock; the organiser can, and then the delegate cannot move it
    await http(app)
      .patch(`/events/${event.id}/meetings/${meetingId}`)
      .set(...as(a))
      .send({ locked: true })
      .expect(403);
    await http(app)
      .patch(`/events/${event.id}/meetings/${meetingId}`)
      .set(...as(organiser))
      .send({ locked: true })
      .expect(200);
    await http(app)
      .patch(`/events/${event.id}/meetings/${meetingId}`)
      .set(...as(a))
      .send({ slotIndex: 13 })
      .expect(409, /MEETING_LOCKED/);
    await http(app)
      .patch(`/events/${event.id}/meetings/${meetingId}`)
      .set(...as(organiser))
      .send({ locked: false })
      .expect(200);

    await http(app)
      .delete(`/events/${event.id}/meetings/${meetingId}`)
      .set(...as(b))
      .expect(200);
    const after = await outboxRows(app, { type: 'meeting-reminder', subject: `meeting:${meetingId}` });
    expect(after.every((r) => r.status === 'cancelled')).toBe(true);
    const cancelled = await outboxRows(app, { type: 'meeting-cancelled', subject: `meeting:${meetingId}` });
    // the one who cancelled (b) gets the CANCEL too, so both calendars drop the meeting
    expect(cancelled.map((m) => [m.recipientUserId, m.calendar?.method, m.calendar?.sequence]).sort()).toEqual(
      [
        [a.user.id, 'CANCEL', 2],
        [b.user.id, 'CANCEL', 2],
      ].sort(),
    );
    expect(await ds.query('SELECT COUNT(*) AS n FROM meeting_seats WHERE meeting_id = ?', [meetingId])).toEqual([
      { n: '0' },
    ]);
  });

  it('500 concurrent bookings of the last table in one slot: exactly one 201, the rest 409', async () => {
    const { event, delegates } = await forum({ tables: 1, maxPendingRequests: 1000 }, 2);
    const [hub] = delegates;
    // 500 accepted pairs, all unscheduled, each wanting slot 5
    // 500 delegates of one company, inserted in bulk (registration is tested elsewhere)
    const users = await createUsers(app, 500);
    const registrations = users.map((user) =>
      ds.getRepository(Registration).create({
        ...hub.registration,
        id: newId(),
        userId: user.id,
        badgeCode: randomBytes(12).toString('hex'),
      }),
    );
    await ds.getRepository(Registration).insert(registrations);
    const people: TestDelegate[] = users.map((user, i) => ({
      user,
      registration: registrations[i],
      company: hub.company,
    }));
    // Written as rows: how they got accepted is tested above; this test is about the race.
    const requestIds = await acceptedRequests(
      event.id,
      people.map((p, i) => [
        p.registration.id,
        delegates[1].registration.id,
        `${String(i).padStart(8, '0')}-0000-4000-8000-${hub.registration.id.slice(-12)}`,
      ]),
    );
    const results = await Promise.all(
      people.map((p, i) =>
        http(app)
          .post(`/events/${event.id}/meetings`)
          .set(...as(p))
          .send({ requestId: requestIds[i], slotIndex: 5 }),
      ),
    );
    const codes = results.map((r) => r.status);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(499);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'SLOT_TAKEN')).toBe(true);
    expect(await ds.getRepository(Meeting).countBy({ eventId: event.id, slotIndex: 5, status: 'scheduled' })).toBe(1);
  }, 120_000);

  /** Eight delegates book at once their accepted requests with one delegate (the hub), each into its own slot, 0 to 7. */
  async function eightBookingsOfOneDelegate(maxMeetingsPerDelegate: number) {
    const { event, delegates } = await forum({ maxMeetingsPerDelegate, maxPendingRequests: 1000 }, 9);
    const [hub, ...others] = delegates;
    const requestIds = await acceptedRequests(
      event.id,
      others.map((o) => [o.registration.id, hub.registration.id]),
    );
    const results = await Promise.all(
      others.map((o, i) =>
        http(app)
          .post(`/events/${event.id}/meetings`)
          .set(...as(o))
          .send({ requestId: requestIds[i], slotIndex: i }),
      ),
    );
    return { event, results };
  }

  it('eight bookings of one delegate at once into eight slots keep their cap of 2: exactly two 201', async () => {
    // Each booking reads the delegate's meetings after taking the delegate's lock; read before it, or
    // without it, several would count the same two meetings as none and the cap would not hold.
    const { event, results } = await eightBookingsOfOneDelegate(2);
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 409, 409, 409, 409, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'SLOT_TAKEN')).toBe(true);
    expect(await ds.getRepository(Meeting).countBy({ eventId: event.id, status: 'scheduled' })).toBe(2);
  });

  it('with a cap no lower than the slots, eight bookings of one delegate at once into eight slots all book', async () => {
    // Such a cap cannot bind, so the delegates are locked shared and their other meetings not read:
    // the eight go on together, and each still gets the slot it asked for.
    const { event, results } = await eightBookingsOfOneDelegate(100);
    expect(results.map((r) => r.status)).toEqual(results.map(() => 201));
    const meetings = await ds.getRepository(Meeting).findBy({ eventId: event.id, status: 'scheduled' });
    expect(meetings.map((m) => m.slotIndex).sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // Moves read no other meetings either: into a slot the hub already has, refused; into a free one, moved.
    const inSlot0 = meetings.find((m) => m.slotIndex === 0)!;
    const move = (slotIndex: number) =>
      http(app)
        .patch(`/events/${event.id}/meetings/${inSlot0.id}`)
        .set(...as(organiser))
        .send({ slotIndex });
    await move(5).expect(409, /SLOT_TAKEN/);
    expect((await move(9).expect(200)).body).toMatchObject({ slotIndex: 9, sequence: 1 });
  });

  it('booking a chosen slot brings an interpreter when the two share no language, and refuses once none is free', async () => {
    // Two slots; the pool is read only for a pair that needs it.
    const event = await createEventRow(app, organiser, {
      meetingSettings: { ...DEFAULT_MEETING_SETTINGS, windows: [{ date: '2027-06-10', start: '14:00', end: '15:00' }] },
    });
    const [zh1, zh2, zh3] = await Promise.all(
      [1, 2, 3].map(() => createDelegate(app, event, { registration: { languages: ['zh'] } })),
    );
    const [ru1, ru2] = await Promise.all(
      [1, 2].map(() => createDelegate(app, event, { registration: { languages: ['ru'] } })),
    );
    const interpreter = await http(app)
      .post(`/events/${event.id}/interpreters`)
      .set(...as(organiser))
      .send({ name: 'Li Na', pairs: ['zh-ru'] })
      .expect(201);
    const [r1, r2, r3] = await acceptedRequests(event.id, [
      [zh1.registration.id, ru1.registration.id],
      [zh2.registration.id, ru2.registration.id],
      [zh3.registration.id, zh1.registration.id],
    ]);
    const book = (who: TestDelegate, requestId: string, slotIndex: number) =>
      http(app)
        .post(`/events/${event.id}/meetings`)
        .set(...as(who))
        .send({ requestId, slotIndex });
    const first = await book(zh1, r1, 0).expect(201);
    expect(first.body.interpreterId).toBe(interpreter.body.id);
    // the only interpreter is busy in slot 0: the second zh–ru pair cannot have it, but slot 1 works
    await book(zh2, r2, 0).expect(409, /SLOT_TAKEN/);
    const second = await book(zh2, r2, 1).expect(201);
    expect(second.body.interpreterId).toBe(interpreter.body.id);
    // two who share a language need none, even with the interpreter busy
    const third = await book(zh3, r3, 1).expect(201);
    expect(third.body.interpreterId).toBeNull();
    const [mail] = await outboxRows(app, { type: 'meeting-scheduled', recipientUserId: ru1.user.id });
    expect(JSON.stringify(mail.payload)).toContain('Li Na');
  });

  it('booking and moving keep fixed tables for their companies and count every meeting against the caps', async () => {
    const { event, delegates } = await forum({ tables: 2, maxMeetingsPerDelegate: 2 }, 6);
    const [a, b, c, d, e, f] = delegates;
    await http(app)
      .put(`/events/${event.id}/fixed-tables`)
      .set(...as(organiser))
      .send({ companyId: a.company.id, tableNo: 1 })
      .expect(200);
    const outsider = await createCompanyRow(app);
    for (const [body, status, message] of [
      [{ companyId: outsider.id, tableNo: 2 }, 400, /companyId: no company of that id is registered.*BAD_REFERENCE/],
      [{ companyId: 'nope', tableNo: 2 }, 400, /companyId: no company of that id is registered.*BAD_REFERENCE/],
      [{ companyId: b.company.id, tableNo: 3 }, 400, /tableNo must be between 1 and 2.*INVALID_TABLE/],
      [{ companyId: b.company.id, tableNo: 1 }, 409, /TABLE_TAKEN/],
    ] as const)
      await http(app)
        .put(`/events/${event.id}/fixed-tables`)
        .set(...as(organiser))
        .send(body)
        .expect(status, message);
    await http(app)
      .get(`/events/${event.id}/schedule/jobs/999999`)
      .set(...as(organiser))
      .expect(404, /SCHEDULING_JOB_NOT_FOUND/);
    const accepted = async (from: TestDelegate, to: TestDelegate) =>
      (await acceptedRequests(event.id, [[from.registration.id, to.registration.id]]))[0];
    const book = (who: TestDelegate, requestId: string, slotIndex: number) =>
      http(app)
        .post(`/events/${event.id}/meetings`)
        .set(...as(who))
        .send({ requestId, slotIndex });

    // table 1 belongs to a's company: others get table 2, and once it is taken the slot is full
    const cd = await book(c, await accepted(c, d), 3).expect(201);
    expect(cd.body.tableNo).toBe(2);
    await book(e, await accepted(e, f), 3).expect(409, /SLOT_TAKEN/);
    const ab = await book(a, await accepted(a, b), 3).expect(201);
    expect(ab.body.tableNo).toBe(1);

    // moving keeps the same rules in the new slot
    const moved = await http(app)
      .patch(`/events/${event.id}/meetings/${cd.body.id}`)
      .set(...as(c))
      .send({ slotIndex: 4 })
      .expect(200);
    expect(moved.body).toMatchObject({ slotIndex: 4, tableNo: 2 });
    await http(app)
      .patch(`/events/${event.id}/meetings/${ab.body.id}`)
      .set(...as(a))
      .send({ slotIndex: 4 })
      .expect(200, /"tableNo":1/);

    // c has two meetings now (cap 2): a third in another slot is refused though that slot is empty
    await book(c, await accepted(c, e), 6).expect(201);
    await book(c, await accepted(c, f), 7).expect(409, /SLOT_TAKEN/);
    // and d, who meets c at slot 4, cannot be booked into slot 4 again
    await book(d, await accepted(d, e), 4).expect(409, /SLOT_TAKEN/);

    // the organisers read the reservations and release one; a delegate may do neither.
    // Slot 6 holds c and e at table 2, and table 1 is a's: d and f do not fit until it is released
    const df = await accepted(d, f);
    await book(d, df, 6).expect(409, /SLOT_TAKEN/);
    const list = await http(app)
      .get(`/events/${event.id}/fixed-tables`)
      .set(...as(organiser))
      .expect(200);
    expect(list.body.items).toEqual([{ eventId: event.id, companyId: a.company.id, tableNo: 1 }]);
    await http(app)
      .get(`/events/${event.id}/fixed-tables`)
      .set(...as(a))
      .expect(403);
    await http(app).get(`/events/${event.id}/fixed-tables`).expect(401);
    await http(app)
      .delete(`/events/${event.id}/fixed-tables/${a.company.id}`)
      .set(...as(a))
      .expect(403);
    await http(app)
      .delete(`/events/${event.id}/fixed-tables/${b.company.id}`)
      .set(...as(organiser))
      .expect(404, /FIXED_TABLE_NOT_FOUND/);
    await http(app)
      .delete(`/events/${event.id}/fixed-tables/${a.company.id}`)
      .set(...as(organiser))
      .expect(204);
    expect(
      (
        await http(app)
          .get(`/events/${event.id}/fixed-tables`)
          .set(...as(organiser))
      ).body.items,
    ).toEqual([]);
    expect((await book(d, df, 6).expect(201)).body.tableNo).toBe(1);
  });

  it('the database refuses a double booking written behind the service’s back', async () => {
    const { event, delegates } = await forum();
    const [a, b] = delegates;
    const r1 = await requestMeeting(event.id, a, b).expect(201);
    const m1 = (await accept(event.id, r1.body.id, b).expect(200)).body.meeting;
    await expect(
      ds.query("INSERT INTO meeting_seats (event_id, slot_index, kind, ref, meeting_id) VALUES (?, ?, 'd', ?, ?)", [
        event.id,
        m1.slotIndex,
        a.registration.id,
        m1.id,
      ]),
    ).rejects.toThrow(/Duplicate/);
  });

  it('enforces the pending limit, expiry and declined pairs; only approved delegates take part', async () => {
    const { event, delegates } = await forum({ maxPendingRequests: 1 }, 4);
    const [a, b, c, d] = delegates;
    const first = await requestMeeting(event.id, a, b).expect(201);
    await requestMeeting(event.id, a, c).expect(409, /PENDING_LIMIT_REACHED/);
    await http(app)
      .post(`/events/${event.id}/meeting-requests/${first.body.id}/decline`)
      .set(...as(b))
      .expect(200);
    expect((await outboxRows(app, { type: 'meeting-declined', recipientUserId: a.user.id })).length).toBe(1);
    await requestMeeting(event.id, a, b).expect(409, /PAIR_DECLINED/);
    await requestMeeting(event.id, b, a).expect(409, /PAIR_DECLINED/);
    await requestMeeting(event.id, a, a).expect(400, /SELF_REQUEST/);

    // expiry: a pending request past its time cannot be accepted
    const late = await requestMeeting(event.id, c, d).expect(201);
    await ds.getRepository(MeetingRequest).update({ id: late.body.id }, { expiresAt: new Date(Date.now() - 1000) });
    await accept(event.id, late.body.id, d).expect(409, /REQUEST_EXPIRED/);
    const listed = await http(app)
      .get(`/events/${event.id}/meeting-requests`)
      .set(...as(d))
      .expect(200);
    expect(listed.body.items.find((r: { id: string }) => r.id === late.body.id).status).toBe('expired');

    // only the recipient answers; only the sender withdraws
    const third = await requestMeeting(event.id, c, a).expect(201);
    await accept(event.id, third.body.id, c).expect(403);
    await http(app)
      .post(`/events/${event.id}/meeting-requests/${third.body.id}/cancel`)
      .set(...as(a))
      .expect(403);
    await http(app)
      .post(`/events/${event.id}/meeting-requests/${third.body.id}/cancel`)
      .set(...as(c))
      .expect(200);

    // a pending (not approved) registration and an outsider are refused
    const pendingOne = await createDelegate(app, event, { registration: { status: 'pending' } });
    await requestMeeting(event.id, pendingOne, a).expect(403, /NOT_APPROVED_DELEGATE/);
    await requestMeeting(event.id, a, pendingOne).expect(403, /NOT_APPROVED_DELEGATE/);
    const stranger = await createUser(app);
    await http(app)
      .get(`/events/${event.id}/meeting-requests`)
      .set(...bearer(stranger))
      .expect(403);
    const mine = await http(app)
      .get(`/events/${event.id}/meeting-requests`)
      .set(...as(d))
      .expect(200);
    expect(mine.body.items.map((r: { id: string }) => r.id)).toEqual([late.body.id]);
  });

  it('leaves a request accepted-unscheduled with a reason, and a cancellation refills the freed slot', async () => {
    const { event, delegates } = await forum(
      { tables: 1, windows: [{ date: '2027-06-10', start: '14:00', end: '14:30' }] },
      4,
    );
    const [a, b, c, d] = delegates;
    const r1 = await requestMeeting(event.id, a, b).expect(201);
    const m1 = (await accept(event.id, r1.body.id, b).expect(200)).body.meeting;
    const r2 = await requestMeeting(event.id, c, d).expect(201);
    const second = await accept(event.id, r2.body.id, d).expect(200);
    expect(second.body.meeting).toBeNull();
    expect(second.body.request.unscheduledReason).toBe('NO_FREE_TABLE');
    const [waitingMail] = await outboxRows(app, { type: 'meeting-accepted', recipientUserId: c.user.id });
    expect(waitingMail.payload).toMatchObject({ reason: 'NO_FREE_TABLE', startsAt: null });

    await http(app)
      .delete(`/events/${event.id}/meetings/${m1.id}`)
      .set(...as(a))
      .expect(200);
    const refilled = await ds.getRepository(Meeting).findOneByOrFail({ requestId: r2.body.id, status: 'scheduled' });
    expect(refilled).toMatchObject({ slotIndex: 0, tableNo: 1 });
    expect(await outboxRows(app, { type: 'meeting-scheduled', subject: `meeting:${refilled.id}` })).toHaveLength(2);
  });

  it('assigns an interpreter when two delegates share no language, and never one interpreter twice', async () => {
    const event = await createEventRow(app, organiser, {
      meetingSettings: { ...DEFAULT_MEETING_SETTINGS, windows: [{ date: '2027-06-10', start: '14:00', end: '14:30' }] },
    });
    const zh1 = await createDelegate(app, event, { registration: { languages: ['zh'] } });
    const ru1 = await createDelegate(app, event, { registration: { languages: ['ru'] } });
    const zh2 = await createDelegate(app, event, { registration: { languages: ['zh'] } });
    const ru2 = await createDelegate(app, event, { registration: { languages: ['ru'] } });
    await http(app)
      .post(`/events/${event.id}/interpreters`)
      .set(...as(zh1))
      .send({ name: 'Li Na', pairs: ['zh-ru'] })
      .expect(403);
    const interpreter = await http(app)
      .post(`/events/${event.id}/interpreters`)
      .set(...as(organiser))
      .send({ name: 'Li Na', pairs: ['zh-ru'] })
      .expect(201);
    await http(app)
      .post(`/events/${event.id}/interpreters`)
      .set(...as(organiser))
      .send({ name: 'X', pairs: ['chinese'] })
      .expect(400);
    const inverted = { start: '2027-06-10T08:00:00Z', end: '2027-06-10T07:00:00Z' };
    await http(app)
      .post(`/events/${event.id}/interpreters`)
      .set(...as(organiser))
      .send({ name: 'Y', pairs: ['zh-ru'], availability: [inverted] })
      .expect(400, /end must be after start/);
    await http(app)
      .put(`/events/${event.id}/registrations/${zh1.registration.id}/availability`)
      .set(...as(zh1))
      .send({ windows: [inverted] })
      .expect(400, /end must be after start/);
    expect(await app.get(DataSource).getRepository(Interpreter).countBy({ eventId: event.id })).toBe(1);
    const r1 = await requestMeeting(event.id, zh1, ru1).expect(201);
    const m1 = (await accept(event.id, r1.body.id, ru1).expect(200)).body.meeting;
    expect(m1.interpreterId).toBe(interpreter.body.id);
    const r2 = await requestMeeting(event.id, zh2, ru2).expect(201);
    const second = await accept(event.id, r2.body.id, ru2).expect(200);
    expect(second.body.request.unscheduledReason).toBe('NO_INTERPRETER');
  });

  it('the organiser schedules waiting requests in a worker job, publishes, and final mails personal schedules', async () => {
    const { event, delegates } = await forum({}, 6);
    // six accepted requests, unscheduled (as after a bulk import)
    await acceptedRequests(
      event.id,
      [
        [0, 1],
        [0, 2],
        [1, 2],
        [3, 4],
        [3, 5],
        [4, 5],
      ].map(([x, y]): [string, string] => [delegates[x].registration.id, delegates[y].registration.id]),
    );
    await http(app)
      .post(`/events/${event.id}/schedule`)
      .set(...as(delegates[0]))
      .expect(403);
    const job = await http(app)
      .post(`/events/${event.id}/schedule`)
      .set(...as(organiser))
      .expect(202);
    let status: { state: string; progress: number; result: { placed: number } | null } = {
      state: 'waiting',
      progress: 0,
      result: null,
    };
    for (let i = 0; i < 100 && status.state !== 'completed' && status.state !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = (
        await http(app)
          .get(`/events/${event.id}/schedule/jobs/${job.body.jobId}`)
          .set(...as(organiser))
          .expect(200)
      ).body;
    }
    expect(status).toMatchObject({ state: 'completed', progress: 100, result: { placed: 6 } });
    const meetings = await http(app)
      .get(`/events/${event.id}/meetings`)
      .set(...as(organiser))
      .expect(200);
    expect(meetings.body.items).toHaveLength(6);
    await http(app)
      .get(`/events/${event.id}/meetings`)
      .set(...as(delegates[0]))
      .expect(403);

    await http(app)
      .post(`/events/${event.id}/schedule/publish`)
      .set(...as(organiser))
      .send({ status: 'preliminary' })
      .expect(200);
    const final = await http(app)
      .post(`/events/${event.id}/schedule/publish`)
      .set(...as(organiser))
      .send({ status: 'final' })
      .expect(200);
    expect(final.body).toMatchObject({ scheduleStatus: 'final', previousStatus: 'preliminary', mailed: 6 });
    const mails = await outboxRows(app, { type: 'schedule-final', eventId: event.id });
    expect(mails).toHaveLength(6);
    expect((mails[0].payload as { meetings: unknown[] }).meetings).toHaveLength(2);
    // after final, a delegate can no longer move a meeting
    const own = meetings.body.items.find((m: Meeting) => m.registrationA === delegates[0].registration.id);
    await http(app)
      .patch(`/events/${event.id}/meetings/${own.id}`)
      .set(...as(delegates[0]))
      .send({ slotIndex: 13 })
      .expect(409, /SCHEDULE_FINAL/);
  });

  it('personal views: my meetings in my zone, a revocable calendar feed, outcomes only after the meeting and only by its delegates', async () => {
    const { event, delegates } = await forum();
    const [a, b, c] = delegates;
    const req = await requestMeeting(event.id, a, b).expect(201);
    const meeting = (await accept(event.id, req.body.id, b).expect(200)).body.meeting;

    const mine = await http(app)
      .get('/me/meetings')
      .query({ tz: 'Europe/Moscow' })
      .set(...as(a))
      .expect(200);
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0]).toMatchObject({
      id: meeting.id,
      localStart: '2027-06-10T09:00:00.000+03:00',
      with: { registrationId: b.registration.id },
    });
    const badZone = await http(app)
      .get('/me/meetings')
      .query({ tz: 'Mars/Base' })
      .set(...as(a))
      .expect(400);
    expect(JSON.stringify(badZone.body)).toContain('tz must be an IANA time zone');
    // without tz, times are shown in the zone the viewer registered with, not the event's
    await app.get(DataSource).getRepository(Registration).update(b.registration.id, { timeZone: 'Europe/Berlin' });
    const theirs = await http(app)
      .get('/me/meetings')
      .set(...as(b))
      .expect(200);
    expect(theirs.body.items[0]).toMatchObject({
      id: meeting.id,
      timeZone: 'Europe/Berlin',
      localStart: '2027-06-10T08:00:00.000+02:00',
    });
    expect(
      (
        await http(app)
          .get('/me/meetings')
          .set(...as(c))
          .expect(200)
      ).body.items,
    ).toEqual([]);

    const feed = await http(app)
      .post('/me/calendar-feed')
      .set(...as(a))
      .expect(201);
    const ics = await http(app).get('/me/calendar.ics').query({ token: feed.body.token }).expect(200);
    expect(ics.headers['content-type']).toMatch(/text\/calendar/);
    const entries = calendarEvents(ics.text);
    expect(entries.map((e) => [e.uid, e.start?.toISOString()])).toEqual([
      [`meeting-${meeting.id}@roundtable`, '2027-06-10T06:00:00.000Z'],
    ]);
    await http(app)
      .delete('/me/calendar-feed')
      .set(...as(a))
      .expect(204);
    await http(app)
      .get('/me/calendar.ics')
      .query({ token: feed.body.token })
      .expect(404, /CALENDAR_TOKEN_INVALID/);

    await http(app)
      .post(`/events/${event.id}/meetings/${meeting.id}/outcome`)
      .set(...as(a))
      .send({ rating: 5 })
      .expect(409, /MEETING_NOT_HELD/);
    await ds.getRepository(Meeting).update({ id: meeting.id }, { startsAt: new Date(Date.now() - 3_600_000) });
    await http(app)
      .post(`/events/${event.id}/meetings/${meeting.id}/outcome`)
      .set(...as(c))
      .send({ rating: 5 })
      .expect(404);
    await http(app)
      .post(`/events/${event.id}/meetings/${meeting.id}/outcome`)
      .set(...as(a))
      .send({ rating: 9 })
      .expect(400);
    const outcome = await http(app)
      .post(`/events/${event.id}/meetings/${meeting.id}/outcome`)
      .set(...as(a))
      .send({ rating: 4, notes: 'Good fit', followUp: 'Send rail tariffs', agreementExpected: true })
      .expect(201);
    expect(outcome.body).toMatchObject({ rating: 4, agreementExpected: true, registrationId: a.registration.id });
    expect(await ds.getRepository(OutboxMessageEntity).countBy({ eventId: event.id, type: 'meeting-outcome' })).toBe(0);
  });
});
