import { INestApplication } from '@nestjs/common';
import { createTestApp, http } from './support/app';
import { eventBody } from './support/event-api';
import { bearer, createUser, TestUser, uniqueEmail } from './support/factories';
import { mailType, SmtpSink } from './support/smtp-sink';

/**
 * A whole forum through the public HTTP API only, as its three kinds of
 * people use it, with the real worker sending to an SMTP sink: every expected
 * mail arrives, once, in the recipient's language, and nothing else does.
 */
describe('A full forum, end to end', () => {
  let app: INestApplication;
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    app = await createTestApp({ allInOne: true, env: { SMTP_URL: sink.url } });
  });
  afterAll(async () => {
    await app.close();
    await sink.stop();
  });

  /** A status check that shows the body when it fails: this test walks a long path. */
  const is = (status: number) => (res: { status: number; body: unknown }) => {
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  };

  const SCRIPT = {
    zh: /[\u4e00-\u9fff]/,
    ru: /[\u0400-\u04ff]/,
    en: /^[\x20-\x7e’–—]+$/,
  } as const;

  it('organiser, speaker and delegates run a roundtable from creation to signed agreements', async () => {
    const organiser = await createUser(app, { name: 'Liu Yang', locale: 'en' });

    // ---- organiser: event, room, interpreter, sessions with a speaker, publish
    const event = (
      await http(app)
        .post('/events')
        .set(...bearer(organiser))
        .send(
          eventBody({
            registration: { requiresApproval: true },
            meetingSettings: {
              slotMinutes: 30,
              tables: 5,
              windows: [{ date: '2027-06-10', start: '14:00', end: '16:00' }],
            },
          }),
        )
        .expect(is(201))
    ).body;
    const room = (
      await http(app)
        .post(`/events/${event.id}/rooms`)
        .set(...bearer(organiser))
        .send({ name: 'Main Hall', capacity: 300 })
        .expect(is(201))
    ).body;
    const speakerEmail = uniqueEmail('speaker');
    const ceremony = (
      await http(app)
        .post(`/events/${event.id}/sessions`)
        .set(...bearer(organiser))
        .send({
          kind: 'signing_ceremony',
          title: 'Signing ceremony',
          roomId: room.id,
          startsAt: '2027-06-11T14:00:00+08:00',
          endsAt: '2027-06-11T15:00:00+08:00',
          speakers: [{ email: speakerEmail, name: 'Елена Смирнова', role: 'moderator', locale: 'ru' }],
        })
        .expect(is(201))
    ).body;
    await http(app)
      .post(`/events/${event.id}/interpreters`)
      .set(...bearer(organiser))
      .send({ name: '陈静 (Chen Jing)', pairs: ['ru-zh'] })
      .expect(is(201));
    await http(app)
      .post(`/events/${event.id}/publish`)
      .set(...bearer(organiser))
      .expect(is(200));

    // ---- delegates: sign up, register with their companies, get approved
    const signUp = (name: string, locale: 'zh' | 'ru') =>
      createUser(app, { name, locale, timeZone: locale === 'zh' ? 'Asia/Shanghai' : 'Europe/Moscow' });
    const [cnA, cnB, ruA, ruB] = [
      await signUp('王芳', 'zh'),
      await signUp('李伟', 'zh'),
      await signUp('Анна Петрова', 'ru'),
      await signUp('Иван Соколов', 'ru'),
    ];
    const companies = new Map<TestUser, { name: string; country: string }>([
      [cnA, { name: `Ganpo Logistics ${cnA.id.slice(-6)}`, country: 'CN' }],
      [cnB, { name: `Gannan Orchards ${cnB.id.slice(-6)}`, country: 'CN' }],
      [ruA, { name: `Volga Logistic ${ruA.id.slice(-6)}`, country: 'RU' }],
      [ruB, { name: `Amur Agro ${ruB.id.slice(-6)}`, country: 'RU' }],
    ]);
    const registration = new Map<TestUser, string>();
    for (const [user, company] of companies) {
      const res = await http(app)
        .post(`/events/${event.id}/registrations`)
        .set(...bearer(user))
        .send({
          company: { ...company, sectors: ['logistics'] },
          languages: [company.country === 'CN' ? 'zh' : 'ru'],
          jobTitle: 'Director',
        })
        .expect(is(201));
      expect(res.body.status).toBe('pending');
      registration.set(user, res.body.id);
    }
    // a delegate cannot approve anyone, not even themself
    await http(app)
      .post(`/events/${event.id}/registrations/${registration.get(cnA)}/approve`)
      .set(...bearer(cnA))
      .expect(is(403));
    for (const id of registration.values())
      await http(app)
        .post(`/events/${event.id}/registrations/${id}/approve`)
        .set(...bearer(organiser))
        .expect(is(200));

    // ---- meetings: one scheduled on accept (with the interpreter), one only by the organiser's run
    const request = async (from: TestUser, to: TestUser) =>
      (
        await http(app)
          .post(`/events/${event.id}/meeting-requests`)
          .set(...bearer(from))
          .send({ toRegistrationId: registration.get(to), message: 'Rail freight Nanchang–Kazan?' })
          .expect(is(201))
      ).body.id as string;
    const accept = async (id: string, who: TestUser) =>
      (
        await http(app)
          .post(`/events/${event.id}/meeting-requests/${id}/accept`)
          .set(...bearer(who))
          .expect(is(200))
      ).body;
    const first = await accept(await request(cnA, ruA), ruA);
    expect(first.meeting).toMatchObject({ slotIndex: 0, tableNo: 1, status: 'scheduled' });
    expect(first.meeting.interpreterId).not.toBeNull();

    // ruB can only meet outside the meeting hours at first: accepted, not scheduled
    await http(app)
      .put(`/events/${event.id}/registrations/${registration.get(ruB)}/availability`)
      .set(...bearer(ruB))
      .send({ windows: [{ start: '2027-06-11T01:00:00Z', end: '2027-06-11T02:00:00Z' }] })
      .expect(is(200));
    const second = await accept(await request(cnB, ruB), ruB);
    expect(second).toMatchObject({ meeting: null, request: { unscheduledReason: 'NO_COMMON_AVAILABILITY' } });
    await http(app)
      .put(`/events/${event.id}/registrations/${registration.get(ruB)}/availability`)
      .set(...bearer(ruB))
      .send({ windows: null })
      .expect(is(200));
    await http(app)
      .post(`/events/${event.id}/schedule`)
      .set(...bearer(ruB))
      .expect(is(403));
    const job = await http(app)
      .post(`/events/${event.id}/schedule`)
      .set(...bearer(organiser))
      .expect(is(202));
    let status = { state: 'waiting', result: null as { placed: number } | null };
    for (let i = 0; i < 100 && status.state !== 'completed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = (
        await http(app)
          .get(`/events/${event.id}/schedule/jobs/${job.body.jobId}`)
          .set(...bearer(organiser))
          .expect(is(200))
      ).body;
    }
    expect(status).toMatchObject({ state: 'completed', result: { placed: 1 } });
    const final = await http(app)
      .post(`/events/${event.id}/schedule/publish`)
      .set(...bearer(organiser))
      .send({ status: 'final' })
      .expect(is(200));
    expect(final.body).toMatchObject({ scheduleStatus: 'final', mailed: 4 });
    const mine = await http(app)
      .get('/me/meetings')
      .set(...bearer(ruA))
      .expect(is(200));
    expect(mine.body.items).toHaveLength(1);

    // ---- speaker: signs up with the invited address and edits their own session only
    const speaker = await createUser(app, { email: speakerEmail, name: 'Елена Смирнова', locale: 'ru' });
    await http(app)
      .patch(`/events/${event.id}/sessions/${ceremony.id}/speaker-profile`)
      .set(...bearer(cnA))
      .send({ abstract: 'Not mine to edit' })
      .expect(is(403));
    await http(app)
      .patch(`/events/${event.id}/sessions/${ceremony.id}/speaker-profile`)
      .set(...bearer(speaker))
      .send({ abstract: 'Agreements signed at the forum, presented by their parties.' })
      .expect(is(200));
    const agenda = await http(app).get(`/events/${event.id}/agenda`).expect(is(200));
    expect(JSON.stringify(agenda.body)).toContain('Agreements signed at the forum, presented by their parties.');

    // ---- agreements: signed on stage from the first meeting, verified, reported
    const delegates = (
      await http(app)
        .get(`/events/${event.id}/registrations`)
        .set(...bearer(organiser))
        .expect(is(200))
    ).body.items as Array<{ id: string; company: { id: string } }>;
    const companyOf = (u: TestUser) => delegates.find((d) => d.id === registration.get(u))!.company.id;
    await http(app)
      .post(`/events/${event.id}/agreements`)
      .set(...bearer(cnA))
      .send({})
      .expect(is(403));
    const signed = await http(app)
      .post(`/events/${event.id}/agreements`)
      .set(...bearer(organiser))
      .send({
        title: 'Rail freight Nanchang–Kazan',
        kind: 'cooperation_agreement',
        sector: 'logistics',
        parties: [
          { companyId: companyOf(cnA), signatories: [{ name: '王芳', position: 'Director' }] },
          { companyId: companyOf(ruA), signatories: [{ name: 'Анна Петрова', position: 'Director' }] },
        ],
        value: { amount: '12500000.00', currency: 'CNY' },
        signedAt: '2027-06-11T06:10:00Z',
        sessionId: ceremony.id,
        meetingId: first.meeting.id,
      })
      .expect(is(201));
    expect(signed.body.entry.seq).toBe(1);
    const verified = await http(app)
      .get(`/events/${event.id}/agreements/verify`)
      .set(...bearer(organiser))
      .expect(is(200));
    expect(verified.body).toMatchObject({ valid: true, entriesChecked: 1 });
    const report = await http(app)
      .get(`/events/${event.id}/agreements/report`)
      .set(...bearer(organiser))
      .expect(is(200));
    expect(report.body).toMatchObject({ agreements: 1, fromMeetings: 1, byCountryPair: [{ key: 'CN–RU', count: 1 }] });

    // ---- mail: exactly what each step promised, once, in each reader's language
    const expected: Array<[string, string, keyof typeof SCRIPT]> = [
      [speakerEmail, 'speaker-invitation', 'ru'],
      ...[cnA, cnB, ruA, ruB].flatMap((u): Array<[string, string, keyof typeof SCRIPT]> => {
        const lang = companies.get(u)!.country === 'CN' ? 'zh' : 'ru';
        return [
          [u.email, 'registration-received', lang],
          [u.email, 'registration-approved', lang],
          [u.email, 'schedule-final', lang],
        ];
      }),
      [ruA.email, 'meeting-requested', 'ru'],
      [cnA.email, 'meeting-accepted', 'zh'],
      [ruA.email, 'meeting-scheduled', 'ru'],
      [ruB.email, 'meeting-requested', 'ru'],
      [cnB.email, 'meeting-accepted', 'zh'],
      [cnB.email, 'meeting-scheduled', 'zh'],
      [ruB.email, 'meeting-scheduled', 'ru'],
      [cnA.email, 'agreement-recorded', 'zh'],
      [ruA.email, 'agreement-recorded', 'ru'],
    ];
    const deadline = Date.now() + 20_000;
    // The worker relays every due row of the shared test database: keep what went to this forum's people.
    const ours = new Set([speakerEmail, organiser.email, ...[cnA, cnB, ruA, ruB].map((u) => u.email)]);
    // An account's confirmation mail may go out before the test confirms the address (the worker relays it at
    // once): it is not part of the forum's story, so it is left out, as in scale-out.
    const ourMails = () =>
      sink.mails.filter((m) => m.envelopeTo.some((to) => ours.has(to)) && mailType(m) !== 'account-verify-email');
    while (ourMails().length < expected.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1500)); // anything unexpected would arrive now
    const received = ourMails().map((m) => [m.envelopeTo[0], mailType(m), m.parsed.subject ?? '']);
    const key = ([to, type]: string[]) => `${to} ${type}`;
    expect(received.map(key).sort()).toEqual(expected.map(key).sort());
    for (const [to, type, lang] of expected) {
      const [, , subject] = received.find((r) => r[0] === to && r[1] === type)!;
      expect([to, type, subject]).toEqual([to, type, expect.stringMatching(SCRIPT[lang])]);
    }
  });
});
