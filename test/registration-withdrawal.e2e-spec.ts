import { INestApplication } from '@nestjs/common';
import { Event } from '@roundtable/events';
import { Meeting, MeetingRequest } from '@roundtable/meetings';
import { DataSource } from 'typeorm';
import { createTestApp, http } from './support/app';
import { createDelegate, createEventRow, DEFAULT_MEETING_SETTINGS, TestDelegate } from './support/domain-factories';
import { bearer, createUser, TestUser } from './support/factories';
import { calendarEvents } from './support/ics';
import { outboxRows } from './support/mail-helpers';

/**
 * A registration that is rejected or cancelled loses what it held, in the
 * same transaction: its meetings (the other side gets the CANCEL, the slot
 * refills), its pending requests, its place in the directory, its visa letter,
 * badge and calendar feed. Whatever anyone then tries with that delegate is a
 * 4xx that says why, never a 500.
 */
describe('a registration that is rejected or cancelled', () => {
  let app: INestApplication;
  let ds: DataSource;
  let organiser: TestUser;

  beforeAll(async () => {
    app = await createTestApp();
    ds = app.get(DataSource);
    organiser = await createUser(app);
  });
  afterAll(() => app.close());

  const as = (who: TestUser | TestDelegate) => bearer('user' in who ? who.user : who);
  const request = (event: Event, from: TestDelegate, to: TestDelegate) =>
    http(app)
      .post(`/events/${event.id}/meeting-requests`)
      .set(...as(from))
      .send({ toRegistrationId: to.registration.id })
      .expect(201);
  const accept = (event: Event, requestId: string, who: TestDelegate) =>
    http(app)
      .post(`/events/${event.id}/meeting-requests/${requestId}/accept`)
      .set(...as(who));

  /** One table and two slots: a's two meetings fill them, so d and e wait for a table. */
  async function busyForum() {
    const event = await createEventRow(app, organiser, {
      meetingSettings: {
        ...DEFAULT_MEETING_SETTINGS,
        tables: 1,
        windows: [{ date: '2027-06-10', start: '14:00', end: '15:00' }],
      },
    });
    const [a, b, c, d, e] = await Promise.all(Array.from({ length: 5 }, () => createDelegate(app, event)));
    const ab = (await accept(event, (await request(event, a, b)).body.id, b).expect(200)).body.meeting as Meeting;
    const ac = (await accept(event, (await request(event, a, c)).body.id, c).expect(200)).body.meeting as Meeting;
    expect([ab.slotIndex, ac.slotIndex].sort()).toEqual([0, 1]);
    const de = await request(event, d, e);
    const waiting = await accept(event, de.body.id, e).expect(200);
    expect(waiting.body.meeting).toBeNull();
    const pending = (await request(event, a, e)).body as MeetingRequest;
    return { event, a, b, c, d, e, ab, ac, deRequestId: de.body.id as string, pending };
  }

  it('rejected by the organisers: meetings cancelled for both sides, slot refilled, requests, directory, visa letter, badge and calendar gone', async () => {
    const { event, a, b, c, e, ab, ac, deRequestId, pending } = await busyForum();

    // what a held before: a visa letter, a badge, a calendar feed with its two meetings
    const visa = `/events/${event.id}/registrations/${a.registration.id}/visa-letter`;
    await http(app)
      .put(visa)
      .set(...as(a))
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
    await http(app)
      .post(`${visa}/approve`)
      .set(...bearer(organiser))
      .expect(200);
    await http(app)
      .get(`${visa}.pdf`)
      .set(...as(a))
      .expect(200);
    const feed = await http(app)
      .post('/me/calendar-feed')
      .set(...as(a))
      .expect(201);
    const vevents = async () =>
      calendarEvents((await http(app).get('/me/calendar.ics').query({ token: feed.body.token }).expect(200)).text);
    expect(await vevents()).toHaveLength(2);

    await http(app)
      .post(`/events/${event.id}/registrations/${a.registration.id}/reject`)
      .set(...bearer(organiser))
      .send({ reason: 'Not a company of the sector' })
      .expect(200);

    // meetings: cancelled, the other side mailed with a CANCEL
    for (const [meeting, other] of [
      [ab, b],
      [ac, c],
    ] as const) {
      expect((await ds.getRepository(Meeting).findOneByOrFail({ id: meeting.id })).status).toBe('cancelled');
      const [mail] = await outboxRows(app, { type: 'meeting-cancelled', recipientUserId: other.user.id });
      expect(mail.calendar).toMatchObject({ method: 'CANCEL', uid: `meeting-${meeting.id}@roundtable` });
    }
    // the freed slot refilled from the waiting request
    const refilled = await ds.getRepository(Meeting).findOneBy({ requestId: deRequestId, status: 'scheduled' });
    expect(refilled).not.toBeNull();
    // a's pending request withdrawn: its recipient accepting it is a 409 naming why
    const late = await accept(event, pending.id, e).expect(409);
    expect(late.body.code).toBe('REQUEST_NOT_PENDING');

    // the directory, the visa letter, the badge, the calendar
    const directory = await http(app)
      .get(`/events/${event.id}/delegates?limit=100`)
      .set(...as(b))
      .expect(200);
    expect(directory.body.items.map((d: { registrationId: string }) => d.registrationId)).not.toContain(
      a.registration.id,
    );
    const letter = await http(app)
      .get(`${visa}.pdf`)
      .set(...bearer(organiser))
      .expect(403);
    expect(letter.body.code).toBe('NOT_APPROVED_DELEGATE');
    await http(app)
      .get(`/events/${event.id}/registrations/${a.registration.id}/badge.pdf`)
      .set(...bearer(organiser))
      .expect(409);
    expect(await vevents()).toHaveLength(0);
    const mine = await http(app)
      .get('/me/meetings')
      .set(...as(a))
      .expect(200);
    expect(mine.body.items ?? mine.body).toEqual([]);

    // anything done with the rejected delegate: a 4xx that names why
    const move = await http(app)
      .patch(`/events/${event.id}/meetings/${ab.id}`)
      .set(...bearer(organiser))
      .send({ slotIndex: 1 })
      .expect(409);
    expect(move.body.code).toBe('MEETING_CANCELLED');
    const slots = await http(app)
      .get(`/events/${event.id}/slots`)
      .query({ with: a.registration.id })
      .set(...as(b))
      .expect(403);
    expect(slots.body.code).toBe('NOT_APPROVED_DELEGATE');
    const ask = await http(app)
      .post(`/events/${event.id}/meeting-requests`)
      .set(...as(b))
      .send({ toRegistrationId: a.registration.id })
      .expect(403);
    expect(ask.body.code).toBe('NOT_APPROVED_DELEGATE');
    const book = await http(app)
      .post(`/events/${event.id}/meetings`)
      .set(...as(b))
      .send({ requestId: ab.requestId, slotIndex: 1 })
      .expect(403);
    expect(book.body.code).toBe('NOT_APPROVED_DELEGATE');
  });

  it('cancelled by the delegate: the same release, and nobody can accept what they had asked for', async () => {
    const { event, a, b, e, ab, pending } = await busyForum();
    await http(app)
      .post(`/events/${event.id}/registrations/${a.registration.id}/cancel`)
      .set(...as(a))
      .expect(200);
    expect((await ds.getRepository(Meeting).findOneByOrFail({ id: ab.id })).status).toBe('cancelled');
    const [mail] = await outboxRows(app, { type: 'meeting-cancelled', recipientUserId: b.user.id });
    expect(mail.calendar).toMatchObject({ method: 'CANCEL' });
    const late = await accept(event, pending.id, e).expect(409);
    expect(late.body.code).toBe('REQUEST_NOT_PENDING');
    const requests = await ds.getRepository(MeetingRequest).findBy([
      { eventId: event.id, fromRegistrationId: a.registration.id },
      { eventId: event.id, toRegistrationId: a.registration.id },
    ]);
    expect(requests.map((r) => r.status)).toEqual(requests.map(() => 'cancelled'));
    const seats = await ds.query<unknown[]>(
      'SELECT 1 FROM meeting_seats s JOIN meetings m ON m.id = s.meeting_id WHERE m.event_id = ? AND ? IN (m.registration_a, m.registration_b)',
      [event.id, a.registration.id],
    );
    expect(seats).toHaveLength(0);
  });
});
