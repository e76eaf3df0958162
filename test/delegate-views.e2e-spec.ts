import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { createTestApp, http } from './support/app';
import { createDelegate, createEventRow, DEFAULT_MEETING_SETTINGS, TestDelegate } from './support/domain-factories';
import { bearer, createUser, TestUser } from './support/factories';
import { outboxRows } from './support/mail-helpers';

/**
 * What the web app's directory and requests inbox read: each delegate's home
 * zone (times in both parties' clocks), and each request with both delegates
 * named, seen only by those two and the organisers.
 */
describe('delegate views for the web app', () => {
  let app: INestApplication;
  let organiser: TestUser;

  beforeAll(async () => {
    app = await createTestApp({ env: { PUBLIC_URL: 'https://forum.example.org' } });
    organiser = await createUser(app);
  });
  afterAll(() => app.close());

  const as = (who: TestDelegate | TestUser) => bearer('user' in who ? who.user : who);

  it('gives every delegate in the directory their home time zone', async () => {
    const event = await createEventRow(app, organiser, { meetingSettings: DEFAULT_MEETING_SETTINGS });
    const wang = await createDelegate(app, event, { registration: { timeZone: 'Asia/Shanghai' } });
    const olga = await createDelegate(app, event, { registration: { timeZone: 'Europe/Moscow' } });
    const page = await http(app)
      .get(`/events/${event.id}/delegates`)
      .set(...as(wang))
      .expect(200);
    const zones = Object.fromEntries(
      (page.body.items as { registrationId: string; timeZone: string }[]).map((d) => [d.registrationId, d.timeZone]),
    );
    expect(zones).toEqual({ [wang.registration.id]: 'Asia/Shanghai', [olga.registration.id]: 'Europe/Moscow' });
  });

  it('lists each request with both delegates, to those two and the organisers only', async () => {
    // company names are unique per country in the whole database, which the suites of one run share
    const [ganjiang, volga] = ['Ganjiang Logistics', 'Volga Trans'].map(
      (n) => `${n} ${randomBytes(3).toString('hex')}`,
    );
    const event = await createEventRow(app, organiser, { meetingSettings: DEFAULT_MEETING_SETTINGS });
    const wang = await createDelegate(app, event, {
      registration: { timeZone: 'Asia/Shanghai' },
      company: { name: ganjiang, nameZh: '赣江物流' },
    });
    const olga = await createDelegate(app, event, {
      registration: { timeZone: 'Europe/Moscow' },
      company: { name: volga, nameRu: 'Волга Транс' },
    });
    const outsider = await createDelegate(app, event);
    const sent = await http(app)
      .post(`/events/${event.id}/meeting-requests`)
      .set(...as(wang))
      .send({ toRegistrationId: olga.registration.id, message: 'Rail freight?' })
      .expect(201);

    for (const reader of [olga, wang, organiser]) {
      const list = await http(app)
        .get(`/events/${event.id}/meeting-requests`)
        .set(...as(reader))
        .expect(200);
      expect(list.body.items).toEqual([
        expect.objectContaining({
          id: sent.body.id,
          from: {
            registrationId: wang.registration.id,
            name: wang.user.name,
            company: ganjiang,
            companyNames: { zh: '赣江物流', ru: null },
            timeZone: 'Asia/Shanghai',
          },
          to: expect.objectContaining({ registrationId: olga.registration.id, company: volga }),
        }),
      ]);
    }
    const theirs = await http(app)
      .get(`/events/${event.id}/meeting-requests`)
      .set(...as(outsider))
      .expect(200);
    expect(theirs.body.items).toEqual([]);
  });

  it('links each meeting mail to the web app screen it speaks of: a request to the inbox, a meeting to the schedule', async () => {
    const event = await createEventRow(app, organiser, { meetingSettings: DEFAULT_MEETING_SETTINGS });
    const wang = await createDelegate(app, event, { registration: { languages: ['zh', 'en'] } });
    const olga = await createDelegate(app, event, { registration: { languages: ['ru', 'en'] } });
    const sent = await http(app)
      .post(`/events/${event.id}/meeting-requests`)
      .set(...as(wang))
      .send({ toRegistrationId: olga.registration.id })
      .expect(201);
    const [requested] = await outboxRows(app, { type: 'meeting-requested', recipientUserId: olga.user.id });
    expect(requested.payload).toMatchObject({ url: `https://forum.example.org/app/events/${event.id}/requests` });

    await http(app)
      .post(`/events/${event.id}/meeting-requests/${sent.body.id}/accept`)
      .set(...as(olga))
      .expect(200);
    const accepted = await outboxRows(app, { type: 'meeting-accepted', eventId: event.id });
    expect(accepted.length).toBeGreaterThan(0);
    for (const mail of accepted) {
      expect(mail.payload).toMatchObject({ url: `https://forum.example.org/app/events/${event.id}/schedule` });
    }
    const reminders = await outboxRows(app, { type: 'meeting-reminder', eventId: event.id });
    expect(reminders.length).toBeGreaterThan(0);
    for (const mail of reminders) {
      expect(mail.payload).toMatchObject({ url: `https://forum.example.org/app/events/${event.id}/schedule` });
    }

    // A cancelled meeting lands on My schedule too (where it no longer is), not on the requests inbox.
    const [meeting] = (
      await http(app)
        .get('/me/meetings')
        .set(...as(wang))
        .expect(200)
    ).body.items as Array<{ id: string }>;
    await http(app)
      .delete(`/events/${event.id}/meetings/${meeting.id}`)
      .set(...as(wang))
      .expect(200);
    const cancelled = await outboxRows(app, { type: 'meeting-cancelled', eventId: event.id });
    expect(cancelled).toHaveLength(2);
    for (const mail of cancelled) {
      expect(mail.payload).toMatchObject({ url: `https://forum.example.org/app/events/${event.id}/schedule` });
    }
  });

  it('names the interpreter booked for a meeting in each delegate’s schedule, and no one when none is needed', async () => {
    const event = await createEventRow(app, organiser, { meetingSettings: DEFAULT_MEETING_SETTINGS });
    await http(app)
      .post(`/events/${event.id}/interpreters`)
      .set(...as(organiser))
      .send({ name: 'Natalia Chen', pairs: ['ru-zh'] })
      .expect(201);
    const wang = await createDelegate(app, event, { registration: { languages: ['zh'] } });
    const olga = await createDelegate(app, event, { registration: { languages: ['ru'] } });
    const anna = await createDelegate(app, event, { registration: { languages: ['ru', 'zh'] } });
    const meet = async (from: TestDelegate, to: TestDelegate) => {
      const sent = await http(app)
        .post(`/events/${event.id}/meeting-requests`)
        .set(...as(from))
        .send({ toRegistrationId: to.registration.id })
        .expect(201);
      const accepted = await http(app)
        .post(`/events/${event.id}/meeting-requests/${sent.body.id}/accept`)
        .set(...as(to))
        .expect(200);
      expect(accepted.body.meeting).not.toBeNull();
    };
    await meet(wang, olga);
    await meet(anna, olga);

    const mine = async (who: TestDelegate) =>
      (
        await http(app)
          .get('/me/meetings')
          .set(...as(who))
          .expect(200)
      ).body.items as { with: { registrationId: string }; interpreter: { name: string } | null }[];
    expect((await mine(wang)).map((m) => m.interpreter)).toEqual([{ name: 'Natalia Chen' }]);
    const olgas = await mine(olga);
    expect(olgas.find((m) => m.with.registrationId === wang.registration.id)?.interpreter).toEqual({
      name: 'Natalia Chen',
    });
    expect(olgas.find((m) => m.with.registrationId === anna.registration.id)?.interpreter).toBeNull();
  });
});
