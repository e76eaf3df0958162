import { INestApplication } from '@nestjs/common';
import { Event } from '@roundtable/events';
import { DataSource } from 'typeorm';
import { createDelegate } from './support/domain-factories';
import { createTestApp, http } from './support/app';
import { createEvent } from './support/event-api';
import { bearer, createUser, TestUser, uniqueEmail } from './support/factories';
import { calendarEvents } from './support/ics';
import { outboxRows } from './support/mail-helpers';

describe('rooms, sessions, speakers and the agenda', () => {
  let app: INestApplication;
  let organiser: TestUser;
  let speaker: TestUser;
  let eventId: string;
  let hallA: string;
  let hallB: string;

  const session = (overrides: Record<string, unknown> = {}) => ({
    kind: 'panel',
    title: 'Logistics corridors between Jiangxi and the Volga region',
    translations: {
      zh: { title: '江西与伏尔加地区物流通道' },
      ru: { title: 'Логистические коридоры Цзянси — Поволжье' },
    },
    startsAt: '2027-06-10T10:00:00+08:00',
    endsAt: '2027-06-10T11:00:00+08:00',
    roomId: hallA,
    interpretation: ['zh-ru'],
    ...overrides,
  });
  const post = (body: Record<string, unknown>, who: TestUser = organiser) =>
    http(app)
      .post(`/events/${eventId}/sessions`)
      .set(...bearer(who))
      .send(body);

  beforeAll(async () => {
    app = await createTestApp();
    organiser = await createUser(app);
    speaker = await createUser(app, { name: 'Elena Smirnova', locale: 'ru', timeZone: 'Europe/Moscow' });
    eventId = (await createEvent(app, organiser)).id;
    hallA = (
      await http(app)
        .post(`/events/${eventId}/rooms`)
        .set(...bearer(organiser))
        .send({ name: 'Hall A', capacity: 400 })
        .expect(201)
    ).body.id;
    hallB = (
      await http(app)
        .post(`/events/${eventId}/rooms`)
        .set(...bearer(organiser))
        .send({ name: 'Hall B' })
        .expect(201)
    ).body.id;
  });
  afterAll(() => app.close());

  it('adds a session with speakers, invites those without an account and queues reminders', async () => {
    const newcomer = uniqueEmail('new.speaker');
    const res = await post(
      session({
        speakers: [
          { email: speaker.email, name: 'Elena Smirnova', role: 'speaker', company: 'Volga Logistics' },
          { email: newcomer, name: 'Zhang Wei', role: 'moderator', locale: 'zh' },
        ],
      }),
    ).expect(201);
    expect(res.body).toMatchObject({
      room: { name: 'Hall A' },
      startsAt: '2027-06-10T02:00:00.000Z',
      interpretation: ['zh-ru'],
    });
    expect(res.body.speakers).toHaveLength(2);
    const invites = await outboxRows(app, { type: 'speaker-invitation', eventId });
    expect(invites.map((r) => r.recipientEmail)).toEqual([newcomer]);
    expect(invites[0].recipientLocale).toBe('zh');
    // The mail's button opens the web app's sign-up, which then leads to the speaker's screen.
    expect((invites[0].payload as { signupUrl: string }).signupUrl).toMatch(/\/app\/signup\?redirect=%2Fspeaker$/);
    const reminders = await outboxRows(app, { subject: `session:${res.body.id}`, type: 'session-reminder' });
    expect(reminders).toHaveLength(2);
    for (const r of reminders) {
      expect(r.dueAt.toISOString()).toBe('2027-06-10T01:00:00.000Z');
      expect(r.status).toBe('pending');
    }
  });

  it('refuses a room or a speaker in two overlapping sessions, naming the clash', async () => {
    const first = await post(
      session({
        title: 'Agriculture panel',
        startsAt: '2027-06-10T13:00:00+08:00',
        endsAt: '2027-06-10T14:00:00+08:00',
        roomId: hallB,
        speakers: [{ email: 'busy@example.test', name: 'Busy', role: 'speaker' }],
      }),
    ).expect(201);
    const room = await post(
      session({ startsAt: '2027-06-10T13:30:00+08:00', endsAt: '2027-06-10T14:30:00+08:00', roomId: hallB }),
    ).expect(409);
    expect(room.body).toMatchObject({
      code: 'ROOM_CLASH',
      details: { sessionId: first.body.id, title: 'Agriculture panel' },
    });
    const person = await post(
      session({
        startsAt: '2027-06-10T13:45:00+08:00',
        endsAt: '2027-06-10T15:00:00+08:00',
        roomId: hallA,
        speakers: [{ email: 'busy@example.test', name: 'Busy', role: 'moderator' }],
      }),
    ).expect(409);
    expect(person.body).toMatchObject({ code: 'SPEAKER_CLASH', details: { sessionId: first.body.id } });
    await post(
      session({ startsAt: '2027-06-10T14:00:00+08:00', endsAt: '2027-06-10T15:00:00+08:00', roomId: hallB }),
    ).expect(201);
  });

  it('gives one 201 and one 409 when two clashing sessions are created at once', async () => {
    const body = session({ startsAt: '2027-06-11T09:00:00+08:00', endsAt: '2027-06-11T10:00:00+08:00', roomId: hallB });
    const results = await Promise.all([post(body), post({ ...body, title: 'Twin' })]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('refuses sessions outside the event, ending before they start, or in another event’s room', async () => {
    const outside = await post(
      session({ startsAt: '2027-06-12T10:00:00+08:00', endsAt: '2027-06-12T11:00:00+08:00' }),
    ).expect(400);
    expect(outside.body.code).toBe('SESSION_OUTSIDE_EVENT');
    await post(session({ endsAt: '2027-06-10T09:00:00+08:00' })).expect(400);
    const other = await createEvent(app, organiser);
    const foreignRoom = (
      await http(app)
        .post(`/events/${other.id}/rooms`)
        .set(...bearer(organiser))
        .send({ name: 'Elsewhere' })
        .expect(201)
    ).body.id;
    await post(
      session({ roomId: foreignRoom, startsAt: '2027-06-11T15:00:00+08:00', endsAt: '2027-06-11T16:00:00+08:00' }),
    ).expect(404);
    await post(session({ kind: 'party' })).expect(400);
    await post(session({ interpretation: ['zh to ru'] })).expect(400);
  });

  it('refuses session management to delegates, speakers and organisers of other events', async () => {
    const outsider = await createUser(app);
    const event = await app.get(DataSource).getRepository(Event).findOneByOrFail({ id: eventId });
    const delegate = (await createDelegate(app, event)).user;
    const rival = await createUser(app);
    await createEvent(app, rival);
    const created = await post(
      session({
        startsAt: '2027-06-11T11:00:00+08:00',
        endsAt: '2027-06-11T12:00:00+08:00',
        roomId: hallA,
        speakers: [{ email: speaker.email, name: 'Elena', role: 'speaker' }],
      }),
    ).expect(201);
    await http(app).post(`/events/${eventId}/sessions`).send(session()).expect(401);
    for (const who of [outsider, delegate, rival, speaker]) {
      await post(session({ title: 'Intruder' }), who).expect(403);
      await http(app)
        .patch(`/events/${eventId}/sessions/${created.body.id}`)
        .set(...bearer(who))
        .send({ title: 'Hijacked' })
        .expect(403);
      await http(app)
        .delete(`/events/${eventId}/sessions/${created.body.id}`)
        .set(...bearer(who))
        .expect(403);
      await http(app)
        .post(`/events/${eventId}/rooms`)
        .set(...bearer(who))
        .send({ name: 'Mine' })
        .expect(403);
    }
  });

  it('lets a speaker edit the abstract, bio and materials of their session, and nothing else', async () => {
    const mine = await post(
      session({
        startsAt: '2027-06-11T13:00:00+08:00',
        endsAt: '2027-06-11T14:00:00+08:00',
        roomId: hallA,
        speakers: [{ email: speaker.email, name: 'Elena', role: 'speaker' }],
      }),
    ).expect(201);
    const notMine = await post(
      session({
        startsAt: '2027-06-11T13:00:00+08:00',
        endsAt: '2027-06-11T14:00:00+08:00',
        roomId: hallB,
        speakers: [{ email: 'other@example.test', name: 'Other', role: 'speaker' }],
      }),
    ).expect(201);
    const url = (id: string) => `/events/${eventId}/sessions/${id}/speaker-profile`;
    const edited = await http(app)
      .patch(url(mine.body.id))
      .set(...bearer(speaker))
      .send({
        abstract: 'Rail and river routes',
        bio: 'Head of export, Volga Logistics',
        materials: ['https://example.com/slides.pdf'],
      })
      .expect(200);
    expect(edited.body).toMatchObject({
      abstract: 'Rail and river routes',
      materials: ['https://example.com/slides.pdf'],
    });
    expect(edited.body.speakers[0].bio).toBe('Head of export, Volga Logistics');
    await http(app)
      .patch(url(mine.body.id))
      .set(...bearer(speaker))
      .send({ startsAt: '2027-06-11T15:00:00+08:00' })
      .expect(400);
    await http(app)
      .patch(url(mine.body.id))
      .set(...bearer(speaker))
      .send({ materials: ['javascript:alert(1)'] })
      .expect(400);
    await http(app)
      .patch(url(notMine.body.id))
      .set(...bearer(speaker))
      .send({ abstract: 'Not mine' })
      .expect(403);
    await http(app)
      .patch(url(mine.body.id))
      .set(...bearer(organiser))
      .send({ abstract: 'Organiser is no speaker' })
      .expect(403);

    const sessions = await http(app)
      .get('/me/sessions')
      .set(...bearer(speaker))
      .expect(200);
    const entry = sessions.body.items.find((s: { id: string }) => s.id === mine.body.id);
    expect(entry).toMatchObject({
      myRole: 'speaker',
      eventNames: { zh: '第十二届中俄中小企业合作圆桌会议', ru: 'XII Российско-китайский круглый стол МСП' },
      eventTimeZone: 'Asia/Shanghai',
      localStart: '2027-06-11T13:00:00.000+08:00',
      myStart: '2027-06-11T08:00:00.000+03:00',
    });
  });

  it('moves reminders and sends an updated calendar entry when a session moves; cancels them when it is deleted', async () => {
    const created = await post(
      session({
        startsAt: '2027-06-11T15:00:00+08:00',
        endsAt: '2027-06-11T16:00:00+08:00',
        roomId: hallA,
        speakers: [{ email: speaker.email, name: 'Elena', role: 'speaker' }],
      }),
    ).expect(201);
    const subject = `session:${created.body.id}`;
    await http(app)
      .patch(`/events/${eventId}/sessions/${created.body.id}`)
      .set(...bearer(organiser))
      .send({ startsAt: '2027-06-11T16:00:00+08:00', endsAt: '2027-06-11T17:00:00+08:00' })
      .expect(200);
    const reminders = await outboxRows(app, { subject, type: 'session-reminder' });
    expect(reminders.filter((r) => r.status === 'cancelled').map((r) => r.dueAt.toISOString())).toEqual([
      '2027-06-11T06:00:00.000Z',
    ]);
    expect(reminders.filter((r) => r.status === 'pending').map((r) => r.dueAt.toISOString())).toEqual([
      '2027-06-11T07:00:00.000Z',
    ]);
    const [changed] = await outboxRows(app, {
      type: 'session-changed',
      recipientEmail: speaker.email,
      dedupeKey: `session-changed:${created.body.id}:1:${speaker.email}`,
    });
    expect(changed.calendar).toMatchObject({
      uid: `session-${created.body.id}@roundtable`,
      sequence: 1,
      method: 'REQUEST',
    });

    await http(app)
      .delete(`/events/${eventId}/sessions/${created.body.id}`)
      .set(...bearer(organiser))
      .expect(204);
    const after = await outboxRows(app, { subject, type: 'session-reminder' });
    expect(after.every((r) => r.status === 'cancelled')).toBe(true);
    const [cancel] = await outboxRows(app, { dedupeKey: `session-changed:${created.body.id}:2:${speaker.email}` });
    expect(cancel.calendar).toMatchObject({ method: 'CANCEL', sequence: 2 });
  });

  it('publishes the agenda by day in event-local time, in the requested language, and as a calendar', async () => {
    const ru = await http(app).get(`/events/${eventId}/agenda?locale=ru`).expect(200);
    expect(ru.body.locale).toBe('ru');
    expect(ru.body.event.name).toBe('XII Российско-китайский круглый стол МСП');
    expect(ru.body.days.map((d: { date: string }) => d.date)).toEqual(['2027-06-10', '2027-06-11']);
    const first = ru.body.days[0].sessions[0];
    expect(first).toMatchObject({
      title: 'Логистические коридоры Цзянси — Поволжье',
      localStart: '2027-06-10T10:00:00.000+08:00',
      room: 'Hall A',
    });
    const zh = await http(app).get(`/events/${eventId}/agenda`).set('Accept-Language', 'zh-CN,zh;q=0.9').expect(200);
    expect(zh.body.days[0].sessions[0].title).toBe('江西与伏尔加地区物流通道');
    await http(app).get(`/events/${eventId}/agenda?locale=fr`).expect(400);

    const res = await http(app).get(`/events/${eventId}/agenda?format=ics&locale=en`).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/calendar/);
    const parsed = calendarEvents(res.text);
    const sessions = (await http(app).get(`/events/${eventId}/sessions`).expect(200)).body.items as {
      id: string;
      startsAt: string;
      endsAt: string;
    }[];
    expect(parsed).toHaveLength(sessions.length);
    for (const s of sessions) {
      const entry = parsed.find((p) => p.uid === `session-${s.id}@roundtable`);
      expect(entry).toBeDefined();
      expect(entry?.start?.toISOString()).toBe(s.startsAt);
      expect(entry?.end?.toISOString()).toBe(s.endsAt);
    }
    expect(res.text).toContain('X-WR-TIMEZONE:Asia/Shanghai');
  });
});
