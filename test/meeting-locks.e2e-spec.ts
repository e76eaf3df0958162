import { INestApplication } from '@nestjs/common';
import { Event } from '@roundtable/events';
import { Meeting } from '@roundtable/meetings';
import { DataSource } from 'typeorm';
import { createTestApp, http } from './support/app';
import { createDelegate, createEventRow, DEFAULT_MEETING_SETTINGS, TestDelegate } from './support/domain-factories';
import { bearer, createUser, TestUser } from './support/factories';
import { outboxRows } from './support/mail-helpers';

/**
 * What meeting writes lock, and in which order (see MeetingAccessService): races
 * that once gave 500 (a request racing a cancellation) or 503 BUSY (a
 * deadlock between creating a request and cancelling a meeting).
 */
describe('Meeting locks', () => {
  let app: INestApplication;
  let organiser: TestUser;
  let ds: DataSource;

  beforeAll(async () => {
    app = await createTestApp();
    organiser = await createUser(app);
    ds = app.get(DataSource);
  });
  afterAll(() => app.close());

  const as = (who: TestDelegate | TestUser) => bearer('user' in who ? who.user : who);

  async function forum(count: number, settings: Partial<Event['meetingSettings']> = {}) {
    const event = await createEventRow(app, organiser, {
      meetingSettings: { ...DEFAULT_MEETING_SETTINGS, maxPendingRequests: 100, ...settings },
    });
    const delegates: TestDelegate[] = [];
    for (let i = 0; i < count; i++) delegates.push(await createDelegate(app, event));
    return { event, delegates };
  }

  /** A pending request from x to y, as x sends it. */
  const requestFrom = (eventId: string, x: TestDelegate, y: TestDelegate) =>
    http(app)
      .post(`/events/${eventId}/meeting-requests`)
      .set(...as(x))
      .send({ toRegistrationId: y.registration.id })
      .expect(201);

  async function meetingBetween(eventId: string, a: TestDelegate, b: TestDelegate): Promise<string> {
    const req = await requestFrom(eventId, a, b);
    const res = await http(app)
      .post(`/events/${eventId}/meeting-requests/${req.body.id}/accept`)
      .set(...as(b))
      .expect(200);
    return res.body.meeting.id as string;
  }

  it('creating requests while meetings are cancelled: no deadlock (503) and no 500, every change lands', async () => {
    const { event, delegates } = await forum(16);
    const hosts = delegates.slice(0, 8);
    const guests = delegates.slice(8);
    // Eight meetings between hosts[i] and guests[i]; then, at once, each pair cancels its meeting
    // while each host asks every other guest for a meeting (the old deadlock's two sides).
    const meetings = await Promise.all(hosts.map((h, i) => meetingBetween(event.id, h, guests[i])));
    const cancels = meetings.map((id, i) =>
      http(app)
        .delete(`/events/${event.id}/meetings/${id}`)
        .set(...as(i % 2 ? hosts[i] : guests[i])),
    );
    const requests = hosts.flatMap((h, i) =>
      guests
        .filter((_, j) => j !== i)
        .map((g) =>
          http(app)
            .post(`/events/${event.id}/meeting-requests`)
            .set(...as(h))
            .send({ toRegistrationId: g.registration.id }),
        ),
    );
    const results = await Promise.all([...cancels, ...requests]);
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.slice(0, cancels.length).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(cancels.length).every((s) => s === 201)).toBe(true);
    expect(await ds.getRepository(Meeting).countBy({ eventId: event.id, status: 'scheduled' })).toBe(0);
    const [{ n }] = await ds.query(
      "SELECT COUNT(*) AS n FROM meeting_requests WHERE event_id = ? AND status = 'pending'",
      [event.id],
    );
    expect(Number(n)).toBe(requests.length);
  }, 120_000);

  it('a request or a slot query racing the target’s cancellation answers 201/200 or 403, never 500', async () => {
    const { event, delegates } = await forum(13);
    const [target, ...askers] = delegates;
    const asks = askers.map((a) =>
      http(app)
        .post(`/events/${event.id}/meeting-requests`)
        .set(...as(a))
        .send({ toRegistrationId: target.registration.id }),
    );
    const slots = askers.map((a) =>
      http(app)
        .get(`/events/${event.id}/slots`)
        .query({ with: target.registration.id })
        .set(...as(a)),
    );
    const cancel = http(app)
      .post(`/events/${event.id}/registrations/${target.registration.id}/cancel`)
      .set(...as(target));
    const [cancelled, ...results] = await Promise.all([cancel, ...asks.slice(0, 6), ...slots, ...asks.slice(6)]);
    expect(cancelled.status).toBe(200);
    expect(results.map((r) => r.status).filter((s) => ![200, 201, 403].includes(s))).toEqual([]);
    expect(results.filter((r) => r.status === 403).every((r) => r.body.code === 'NOT_APPROVED_DELEGATE')).toBe(true);
    // Every request that was created has its mail to the target: nothing half-written.
    const created = results.filter((r) => r.status === 201).map((r) => r.body.id as string);
    const mails = await outboxRows(app, { type: 'meeting-requested', recipientUserId: target.user.id });
    expect(mails.map((m) => m.dedupeKey.split(':')[1]).sort()).toEqual(expect.arrayContaining(created.sort()));
    // Once the cancellation is in, the answer is a clean 403.
    await http(app)
      .post(`/events/${event.id}/meeting-requests`)
      .set(...as(askers[0]))
      .send({ toRegistrationId: target.registration.id })
      .expect((r) => expect([403, 409]).toContain(r.status));
    await http(app)
      .get(`/events/${event.id}/slots`)
      .query({ with: target.registration.id })
      .set(...as(askers[0]))
      .expect(403);
  }, 120_000);

  /** A request from x to y, accepted and waiting for a slot (accepted in the database, so no slot is chosen). */
  async function acceptedBetween(eventId: string, x: TestDelegate, y: TestDelegate): Promise<string> {
    const req = await requestFrom(eventId, x, y);
    await ds.query("UPDATE meeting_requests SET status = 'accepted', responded_at = NOW(3) WHERE id = ?", [
      req.body.id,
    ]);
    return req.body.id as string;
  }

  /** Whether `pending` settles within `ms` (false: it is waiting, for a lock say). */
  async function settlesWithin(pending: Promise<unknown>, ms: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const settled = await Promise.race([
      pending.then(
        () => true,
        () => true,
      ),
      new Promise<false>((r) => (timer = setTimeout(() => r(false), ms))),
    ]);
    clearTimeout(timer);
    return settled;
  }

  /**
   * Runs `then` while another transaction holds the event row shared and what `lock` locks (as a booking in
   * flight would), then lets go.
   */
  async function holding(eventId: string, lock: [sql: string, params: unknown[]], then: () => Promise<void>) {
    const runner = ds.createQueryRunner();
    await runner.connect();
    await runner.startTransaction('READ COMMITTED');
    try {
      await runner.query('SELECT id FROM events WHERE id = ? LOCK IN SHARE MODE', [eventId]);
      await runner.query(...lock);
      await then();
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  }

  const book = (eventId: string, who: TestDelegate, requestId: string, slotIndex: number) =>
    http(app)
      .post(`/events/${eventId}/meetings`)
      .set(...as(who))
      .send({ requestId, slotIndex });

  it('a booking locks its slot and delegates, not the event: another slot books while that slot is held', async () => {
    const { event, delegates } = await forum(4);
    const [a, b, c, d] = delegates;
    const first = await acceptedBetween(event.id, a, b);
    const second = await acceptedBetween(event.id, c, d);
    // Another transaction holds slot 3 (as a slow booking there would) and the event row shared.
    let same: Promise<{ status: number }> | null = null;
    const slot3 =
      'INSERT INTO meeting_slot_locks (event_id, slot_index) VALUES (?, 3) ON DUPLICATE KEY UPDATE slot_index = slot_index';
    await holding(event.id, [slot3, [event.id]], async () => {
      const t0 = Date.now();
      const other = await book(event.id, c, second, 4);
      expect(other.status).toBe(201);
      expect(Date.now() - t0).toBeLessThan(5_000);
      // The same slot waits for the holder, and books once it lets go.
      same = book(event.id, a, first, 3).then((r) => r);
      expect(await settlesWithin(same, 600)).toBe(false);
    });
    expect((await same!).status).toBe(201);
    expect(
      (await ds.getRepository(Meeting).findBy({ eventId: event.id, status: 'scheduled' }))
        .map((m) => m.slotIndex)
        .sort(),
    ).toEqual([3, 4]);
  }, 60_000);

  it('a booking locks its delegates shared when their cap cannot bind, and for update when it can', async () => {
    // Another transaction holds delegate d's registration shared, as a booking of d in another slot now does.
    const holdingShared = (eventId: string, d: TestDelegate, then: () => Promise<void>) =>
      holding(eventId, ['SELECT id FROM registrations WHERE id = ? LOCK IN SHARE MODE', [d.registration.id]], then);

    // A cap no lower than the slots cannot bind: a's other booking goes on at once, and a withdrawal of a
    // (which locks the registration for update) waits for the holder, then cancels what a booked.
    const open = await forum(2, { maxMeetingsPerDelegate: 100 });
    const [a, b] = open.delegates;
    const ab = await acceptedBetween(open.event.id, a, b);
    let withdrawal: Promise<{ status: number }> | null = null;
    let booked: Promise<{ status: number }> | null = null;
    await holdingShared(open.event.id, a, async () => {
      // (bounded: were it to wait for the holder, the holder lets go once this fails, instead of never)
      booked = book(open.event.id, a, ab, 4).then((r) => r);
      expect(await settlesWithin(booked, 5_000)).toBe(true);
      withdrawal = http(app)
        .post(`/events/${open.event.id}/registrations/${a.registration.id}/reject`)
        .set(...as(organiser))
        .send({ reason: 'Not of the sector' })
        .then((r) => r);
      expect(await settlesWithin(withdrawal, 600)).toBe(false);
    });
    expect((await booked!).status).toBe(201);
    expect((await withdrawal!).status).toBe(200);
    expect(await ds.getRepository(Meeting).countBy({ eventId: open.event.id, status: 'scheduled' })).toBe(0);

    // A cap lower than the slots can bind: the booking waits until the holder lets go, then books.
    const capped = await forum(2, { maxMeetingsPerDelegate: 2 });
    const [x, y] = capped.delegates;
    const xy = await acceptedBetween(capped.event.id, x, y);
    let waiting: Promise<{ status: number }> | null = null;
    await holdingShared(capped.event.id, x, async () => {
      waiting = book(capped.event.id, x, xy, 4).then((r) => r);
      expect(await settlesWithin(waiting, 600)).toBe(false);
    });
    expect((await waiting!).status).toBe(201);
  }, 60_000);
});
