/**
 * What the organisers' registration, invitation and visa letter screens ask of the API: the list filtered,
 * searched and sorted on the server; bulk decisions reported per row; the CSV with the same filters; the
 * invitations' list and resend within bounds; visa letters listed, rejected with a reason, issued with a
 * reference whose public check confirms the letter and turns to revoked with the registration. Each
 * refusal is tried by who must not get in: a delegate, another event's organiser, nobody signed in.
 */
import { INestApplication } from '@nestjs/common';
import { Invitation } from '@roundtable/registrations';
import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { createTestApp, http } from './support/app';
import { createDelegate, createEventRow } from './support/domain-factories';
import { createEvent } from './support/event-api';
import { bearer, createUser, TestUser } from './support/factories';
import { outboxRows } from './support/mail-helpers';
import { pdfText } from './support/pdf-text';

describe('organiser screens: registrations, invitations, visa letters', () => {
  let app: INestApplication;
  let organiser: TestUser;
  let otherOrganiser: TestUser;

  beforeAll(async () => {
    app = await createTestApp();
    [organiser, otherOrganiser] = await Promise.all([createUser(app), createUser(app)]);
    // the other organiser runs an event of their own
    await createEventRow(app, otherOrganiser);
  });
  afterAll(() => app.close());

  it('filters, searches and sorts the registration list on the server, with a total and numbered pages', async () => {
    const event = await createEventRow(app, organiser);
    const tag = Math.random().toString(36).slice(2, 8);
    const people = [
      { name: `Anna ${tag}`, country: 'RU', sector: 'logistics', status: 'pending' as const, company: `Volga ${tag}` },
      {
        name: `Boris ${tag}`,
        country: 'RU',
        sector: 'agriculture',
        status: 'approved' as const,
        company: `Kama ${tag}`,
      },
      { name: `Chen ${tag}`, country: 'CN', sector: 'logistics', status: 'pending' as const, company: `长江 ${tag}` },
      {
        name: `Dmitri ${tag}`,
        country: 'RU',
        sector: 'logistics',
        status: 'waitlisted' as const,
        company: `Don ${tag}`,
      },
    ];
    const made = [];
    for (const p of people)
      made.push(
        await createDelegate(app, event, {
          user: { name: p.name },
          company: { name: p.company, country: p.country, sectors: [p.sector] },
          registration: { status: p.status },
        }),
      );
    const list = (query: Record<string, string | number>, who: TestUser = organiser) =>
      http(app)
        .get(`/events/${event.id}/registrations`)
        .query(query)
        .set(...bearer(who));

    const ru = (await list({ country: 'ru', sector: 'logistics', sort: '-name' }).expect(200)).body;
    expect(ru.items.map((r: { name: string }) => r.name)).toEqual([`Dmitri ${tag}`, `Anna ${tag}`]);
    expect(ru.total).toBe(2);
    expect(
      (await list({ status: 'pending', sort: 'name' }).expect(200)).body.items.map((r: { name: string }) => r.name),
    ).toEqual([`Anna ${tag}`, `Chen ${tag}`]);
    // search by person, by e-mail, by the company's name in Chinese
    expect((await list({ q: 'bori' }).expect(200)).body.items.map((r: { id: string }) => r.id)).toEqual([
      made[1].registration.id,
    ]);
    expect((await list({ q: made[2].user.email.slice(0, 12) }).expect(200)).body.total).toBe(1);
    expect((await list({ q: '长江' }).expect(200)).body.items[0].id).toBe(made[2].registration.id);
    // LIKE wildcards are literal
    expect((await list({ q: '%' }).expect(200)).body.total).toBe(0);
    // numbered pages and the offset cursor agree
    const page2 = (await list({ sort: 'company', limit: 2, page: 2 }).expect(200)).body;
    const first = (await list({ sort: 'company', limit: 2 }).expect(200)).body;
    const next = (await list({ sort: 'company', limit: 2, cursor: first.nextCursor }).expect(200)).body;
    expect(page2.items.map((r: { id: string }) => r.id)).toEqual(next.items.map((r: { id: string }) => r.id));
    expect(page2.total).toBe(4);
    // the waitlisted one knows its place
    expect((await list({ status: 'waitlisted' }).expect(200)).body.items[0].waitlistPosition).toBe(1);

    // bad input names the problem
    const bad = await list({ sort: 'password' }).expect(400);
    expect(JSON.stringify(bad.body.message)).toContain('sort must be one of');
    expect(JSON.stringify((await list({ page: 0 }).expect(400)).body.message)).toContain('page');
    expect(
      (await list({ sort: 'name', cursor: first.nextCursor.replace(/.$/, '_') + 'x' }).expect(400)).body.code,
    ).toBe('INVALID_CURSOR');
    // refused: a delegate of the event, another event's organiser, nobody
    await list({}, made[1].user).expect(403);
    await list({}, otherOrganiser).expect(403);
    await http(app).get(`/events/${event.id}/registrations`).expect(401);

    // one registration for the detail view: the organiser and the delegate themself, nobody else
    const one = `/events/${event.id}/registrations/${made[0].registration.id}`;
    expect(
      (
        await http(app)
          .get(one)
          .set(...bearer(organiser))
          .expect(200)
      ).body.company.name,
    ).toBe(`Volga ${tag}`);
    await http(app)
      .get(one)
      .set(...bearer(made[0].user))
      .expect(200);
    await http(app)
      .get(one)
      .set(...bearer(made[1].user))
      .expect(403);

    // the CSV takes the same filters and sort
    const csv = await http(app)
      .get(`/events/${event.id}/registrations.csv`)
      .query({ country: 'RU', sort: '-name' })
      .set(...bearer(organiser))
      .expect(200);
    const rows = parse<{ name: string }>(csv.text.replace(/^\uFEFF/, ''), { columns: true });
    expect(rows.map((r) => r.name)).toEqual([`Dmitri ${tag}`, `Boris ${tag}`, `Anna ${tag}`]);
    await http(app)
      .get(`/events/${event.id}/registrations.csv`)
      .query({ limit: 5 })
      .set(...bearer(organiser))
      .expect(400);
  });

  it('approves and rejects in bulk, each row reporting how it went, capacity respected', async () => {
    const event = await createEventRow(app, organiser, { capacity: 2, requiresApproval: true });
    const other = await createEventRow(app, organiser);
    const pending = [];
    for (let i = 0; i < 3; i++) pending.push(await createDelegate(app, event, { registration: { status: 'pending' } }));
    const elsewhere = await createDelegate(app, other, { registration: { status: 'pending' } });
    const bulk = (body: Record<string, unknown>, who: TestUser = organiser) =>
      http(app)
        .post(`/events/${event.id}/registrations/bulk`)
        .set(...bearer(who))
        .send(body);

    const ids = pending.map((d) => d.registration.id);
    const res = await bulk({ action: 'approve', registrationIds: [...ids, elsewhere.registration.id] }).expect(200);
    expect(res.body.succeeded).toBe(2);
    expect(res.body.failed).toBe(2);
    expect(
      res.body.results.map((r: { ok: boolean; code: string | null; status: string | null }) => [
        r.ok,
        r.code,
        r.status,
      ]),
    ).toEqual([
      [true, null, 'approved'],
      [true, null, 'approved'],
      [false, 'CAPACITY_FULL', 'pending'],
      [false, 'REGISTRATION_NOT_FOUND', null],
    ]);
    // each approved delegate got their mail, once
    expect(await outboxRows(app, { dedupeKey: `registration-approved:${ids[0]}` })).toHaveLength(1);

    const rejected = await bulk({
      action: 'reject',
      registrationIds: [ids[2], ids[0]],
      reason: 'Out of places',
    }).expect(200);
    expect(rejected.body.results.map((r: { status: string }) => r.status)).toEqual(['rejected', 'rejected']);
    // an approved seat freed: nobody waitlisted, so nothing promoted; a second reject is refused on its row
    const again = await bulk({ action: 'reject', registrationIds: [ids[2]] }).expect(200);
    expect(again.body.results[0]).toMatchObject({ ok: false, code: 'INVALID_TRANSITION', status: 'rejected' });

    for (const body of [
      { action: 'delete', registrationIds: ids },
      { action: 'approve', registrationIds: [] },
      { action: 'approve', registrationIds: ['x y'] },
      { action: 'approve', registrationIds: Array.from({ length: 201 }, (_, i) => `id${i}`) },
      { action: 'approve', registrationIds: ids, extra: 1 },
    ])
      expect((await bulk(body).expect(400)).body.message).toBeDefined();
    expect(JSON.stringify((await bulk({ action: 'delete', registrationIds: ids }).expect(400)).body.message)).toContain(
      'action must be approve or reject',
    );
    await bulk({ action: 'approve', registrationIds: ids }, pending[0].user).expect(403);
    await bulk({ action: 'approve', registrationIds: ids }, otherOrganiser).expect(403);
    await http(app)
      .post(`/events/${event.id}/registrations/bulk`)
      .send({ action: 'approve', registrationIds: ids })
      .expect(401);
  });

  it('lists invitations with their state and resends within bounds, with a fresh link', async () => {
    const event = await createEvent(app, organiser, { registration: { requiresApproval: true } });
    const tag = Math.random().toString(36).slice(2, 8);
    const guest = await createUser(app, { email: `guest.${tag}@example.test` });
    const invite = await http(app)
      .post(`/events/${event.id}/invitations`)
      .set(...bearer(organiser))
      .send({
        invitations: [
          { email: guest.email, name: 'Guest One', company: 'Ural Rail' },
          { email: `second.${tag}@example.test`, name: 'Guest Two' },
        ],
      })
      .expect(201);
    const [guestInvitation, secondInvitation] = invite.body.invited.map(
      (r: { invitationId: string }) => r.invitationId,
    );
    const listUrl = `/events/${event.id}/invitations`;
    const page = (
      await http(app)
        .get(listUrl)
        .set(...bearer(organiser))
        .expect(200)
    ).body;
    expect(page.total).toBe(2);
    expect(page.items.map((i: { status: string; sentCount: number }) => [i.status, i.sentCount])).toEqual([
      ['pending', 1],
      ['pending', 1],
    ]);

    const resend = (id: string, who: TestUser = organiser) =>
      http(app)
        .post(`/events/${event.id}/invitations/${id}/resend`)
        .set(...bearer(who));
    const tooSoon = await resend(guestInvitation).expect(429);
    expect(tooSoon.body.code).toBe('INVITATION_RESEND_TOO_SOON');
    const repo = app.get(DataSource).getRepository(Invitation);
    const backdate = (id: string) => repo.update({ id }, { lastSentAt: new Date(Date.now() - 3_600_000) });
    await repo.update({ id: guestInvitation }, { createdAt: new Date(Date.now() - 3_600_000) });
    const [firstMail] = await outboxRows(app, { dedupeKey: `invitation:${guestInvitation}` });
    const again = await resend(guestInvitation).expect(200);
    expect(again.body).toMatchObject({ status: 'pending', sentCount: 2 });
    const [secondMail] = await outboxRows(app, { dedupeKey: `invitation:${guestInvitation}:2` });
    const tokenOf = (mail: typeof firstMail) =>
      new URL((mail.payload as { registrationUrl: string }).registrationUrl).searchParams.get('invitationToken')!;
    // the old link no longer works, the new one does
    const register = (token: string) =>
      http(app)
        .post(`/events/${event.id}/registrations`)
        .set(...bearer(guest))
        .send({ invitationToken: token, company: { name: `Ural Rail ${tag}`, country: 'RU' } });
    expect((await register(tokenOf(firstMail)).expect(400)).body.code).toBe('INVITATION_INVALID');
    expect((await register(tokenOf(secondMail)).expect(201)).body.status).toBe('approved');
    expect((await resend(guestInvitation).expect(409)).body.code).toBe('INVITATION_USED');
    const registered = (
      await http(app)
        .get(listUrl)
        .query({ status: 'registered' })
        .set(...bearer(organiser))
        .expect(200)
    ).body;
    expect(registered.items.map((i: { id: string }) => i.id)).toEqual([guestInvitation]);

    // three mails at most
    await repo.update({ id: secondInvitation }, { createdAt: new Date(Date.now() - 3_600_000) });
    await resend(secondInvitation).expect(200);
    await backdate(secondInvitation);
    await resend(secondInvitation).expect(200);
    await backdate(secondInvitation);
    expect((await resend(secondInvitation).expect(429)).body.code).toBe('INVITATION_RESEND_LIMIT');

    expect((await resend('no-such-invitation').expect(404)).body.code).toBe('INVITATION_NOT_FOUND');
    await resend(secondInvitation, guest).expect(403);
    await resend(secondInvitation, otherOrganiser).expect(403);
    await http(app)
      .get(listUrl)
      .set(...bearer(guest))
      .expect(403);
    await http(app)
      .get(listUrl)
      .set(...bearer(otherOrganiser))
      .expect(403);
    await http(app).get(listUrl).expect(401);
    expect(
      JSON.stringify(
        (
          await http(app)
            .get(listUrl)
            .query({ status: 'lost' })
            .set(...bearer(organiser))
            .expect(400)
        ).body.message,
      ),
    ).toContain('status');
  });

  it('lists visa requests, rejects with a reason, issues a bilingual letter whose public check turns revoked', async () => {
    const event = await createEventRow(app, organiser);
    const a = await createDelegate(app, event, { company: { name: 'Ural Rail', nameZh: '乌拉尔铁路', country: 'RU' } });
    const b = await createDelegate(app, event);
    const passport = {
      fullName: 'PETROV IVAN',
      nationality: 'RU',
      passportNumber: '751234567',
      dateOfBirth: '1980-04-12',
      passportExpiresOn: '2031-01-01',
      entryOn: '2027-06-08',
      exitOn: '2027-06-13',
    };
    for (const d of [a, b])
      await http(app)
        .put(`/events/${event.id}/registrations/${d.registration.id}/visa-letter`)
        .set(...bearer(d.user))
        .send(passport)
        .expect(200);
    const listUrl = `/events/${event.id}/visa-letters`;
    const listed = (
      await http(app)
        .get(listUrl)
        .set(...bearer(organiser))
        .expect(200)
    ).body;
    expect(listed.items).toHaveLength(2);
    expect(listed.items[0]).toMatchObject({ status: 'requested', passportLast4: '4567', reference: null });
    expect(JSON.stringify(listed)).not.toContain('751234567');
    await http(app)
      .get(listUrl)
      .set(...bearer(a.user))
      .expect(403);
    await http(app)
      .get(listUrl)
      .set(...bearer(otherOrganiser))
      .expect(403);
    await http(app).get(listUrl).expect(401);

    const visa = (d: typeof a) => `/events/${event.id}/registrations/${d.registration.id}/visa-letter`;
    await http(app)
      .post(`${visa(b)}/reject`)
      .set(...bearer(organiser))
      .send({ reason: 'Dates outside the forum' })
      .expect(200);
    expect(
      (
        await http(app)
          .get(visa(b))
          .set(...bearer(b.user))
          .expect(200)
      ).body,
    ).toEqual({
      status: 'rejected',
      reason: 'Dates outside the forum',
      reference: null,
    });
    expect(
      JSON.stringify(
        (
          await http(app)
            .post(`${visa(b)}/reject`)
            .set(...bearer(organiser))
            .send({ reason: 'a\nb' })
            .expect(400)
        ).body.message,
      ),
    ).toContain('reason');
    await http(app)
      .post(`${visa(a)}/approve`)
      .set(...bearer(otherOrganiser))
      .expect(403);
    await http(app)
      .post(`${visa(a)}/approve`)
      .set(...bearer(organiser))
      .expect(200);
    const { reference } = (
      await http(app)
        .get(visa(a))
        .set(...bearer(a.user))
        .expect(200)
    ).body;
    expect(reference).toMatch(/^RT(-[0-9A-HJKMNP-TV-Z]{5}){4}$/);
    expect(
      (
        await http(app)
          .get(listUrl)
          .query({ status: 'approved' })
          .set(...bearer(organiser))
          .expect(200)
      ).body.items[0].reference,
    ).toBe(reference);

    // the letter: English beside Chinese (the forum is in China), the reference, the organiser's contact
    const pdf = await http(app)
      .get(`${visa(a)}.pdf`)
      .set(...bearer(a.user))
      .buffer(true)
      .expect(200);
    const text = pdfText(Buffer.from(pdf.body as Buffer));
    for (const part of [
      'LETTER OF INVITATION',
      '邀请函',
      '恳请领事机关',
      reference,
      organiser.email,
      '乌拉尔铁路',
      'Ural Rail',
    ])
      expect(text.replace(/\n/g, '')).toContain(part);

    // the public check: anyone, only what confirms the letter
    const check = await http(app).get(`/visa-letters/${reference.toLowerCase()}`).expect(200);
    expect(check.headers['cache-control']).toBe('no-store');
    expect(check.body).toMatchObject({ reference, status: 'valid', fullName: 'PETROV IVAN', passportLast4: '4567' });
    expect(Object.keys(check.body).sort()).toEqual(
      [
        'city',
        'entryOn',
        'eventEndsAt',
        'eventName',
        'eventStartsAt',
        'eventTimeZone',
        'exitOn',
        'fullName',
        'issuedAt',
        'passportLast4',
        'reference',
        'status',
      ].sort(),
    );
    expect(JSON.stringify(check.body)).not.toMatch(/751234567|1980|@/);
    expect((await http(app).get('/visa-letters/RT-00000-00000-00000-00000').expect(404)).body.code).toBe(
      'VISA_LETTER_NOT_FOUND',
    );
    expect(JSON.stringify((await http(app).get("/visa-letters/1' OR 1=1").expect(400)).body.message)).toContain(
      'reference must look like',
    );

    // the registration cancelled: the letter is revoked, the same reference says so
    await http(app)
      .post(`/events/${event.id}/registrations/${a.registration.id}/cancel`)
      .set(...bearer(organiser))
      .send({})
      .expect(200);
    expect((await http(app).get(`/visa-letters/${reference}`).expect(200)).body.status).toBe('revoked');
  });
});
