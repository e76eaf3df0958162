import { INestApplication } from '@nestjs/common';
import { BadgesService, DirectoryIndexService, Registration } from '@roundtable/registrations';
import { parse } from 'csv-parse/sync';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { DataSource, In } from 'typeorm';
import { createTestApp, http } from './support/app';
import { createDelegate, createEventRow } from './support/domain-factories';
import { createEvent } from './support/event-api';
import { pdfText } from './support/pdf-text';
import { bearer, createUser, createUsers, TestUser } from './support/factories';
import { outboxRows } from './support/mail-helpers';

const company = (name: string, country = 'CN', extra: Record<string, unknown> = {}) => ({
  name,
  country,
  sectors: ['logistics'],
  offers: 'Rail freight Nanchang–Moscow',
  seeks: 'Partners in Kazan',
  ...extra,
});

describe('registrations', () => {
  let app: INestApplication;
  let organiser: TestUser;

  const register = (eventId: string, user: TestUser, body: Record<string, unknown> = {}) =>
    http(app)
      .post(`/events/${eventId}/registrations`)
      .set(...bearer(user))
      .send({ company: company(`Co ${user.id.slice(-6)}`), ...body });
  const statusOf = async (id: string) =>
    (await app.get(DataSource).getRepository(Registration).findOneByOrFail({ id })).status;

  beforeAll(async () => {
    app = await createTestApp();
    organiser = await createUser(app);
  });
  afterAll(() => app.close());

  it('approves at once without approval, waitlists beyond capacity and promotes first come first served', async () => {
    const event = await createEvent(app, organiser, { registration: { capacity: 2, requiresApproval: false } });
    const people = await Promise.all([1, 2, 3, 4].map(() => createUser(app)));
    const regs = [];
    for (const person of people) regs.push((await register(event.id, person).expect(201)).body);
    expect(regs.map((r) => r.status)).toEqual(['approved', 'approved', 'waitlisted', 'waitlisted']);

    // the first waitlisted one withdraws: never promoted
    await http(app)
      .post(`/events/${event.id}/registrations/${regs[2].id}/cancel`)
      .set(...bearer(people[2]))
      .expect(200);
    await http(app)
      .post(`/events/${event.id}/registrations/${regs[0].id}/cancel`)
      .set(...bearer(people[0]))
      .send({})
      .expect(200);
    expect(await statusOf(regs[2].id)).toBe('cancelled');
    expect(await statusOf(regs[3].id)).toBe('approved');
    const mails = await outboxRows(app, { dedupeKey: `registration-promoted:${regs[3].id}` });
    expect(mails).toHaveLength(1);
    expect(await outboxRows(app, { dedupeKey: `registration-waitlisted:${regs[2].id}` })).toHaveLength(1);

    // a capacity increase fills the new seat from the waiting list, in order, and the cancelled one stays out
    const late = await Promise.all([1, 2].map(() => createUser(app)));
    const lateRegs = [];
    for (const person of late) lateRegs.push((await register(event.id, person).expect(201)).body);
    expect(lateRegs.map((r) => r.status)).toEqual(['waitlisted', 'waitlisted']);
    await http(app)
      .patch(`/events/${event.id}`)
      .set(...bearer(organiser))
      .send({ registration: { capacity: 3 } })
      .expect(200);
    expect([await statusOf(lateRegs[0].id), await statusOf(lateRegs[1].id), await statusOf(regs[2].id)]).toEqual([
      'approved',
      'waitlisted',
      'cancelled',
    ]);
  });

  it('keeps people pending until an organiser decides, and refuses approval beyond capacity', async () => {
    const event = await createEvent(app, organiser, { registration: { capacity: 1, requiresApproval: true } });
    const [a, b] = [await createUser(app), await createUser(app)];
    const ra = (await register(event.id, a).expect(201)).body;
    const rb = (await register(event.id, b).expect(201)).body;
    expect([ra.status, rb.status]).toEqual(['pending', 'pending']);
    await http(app)
      .post(`/events/${event.id}/registrations/${ra.id}/approve`)
      .set(...bearer(a))
      .expect(403);
    await http(app)
      .post(`/events/${event.id}/registrations/${ra.id}/approve`)
      .set(...bearer(organiser))
      .expect(200);
    const full = await http(app)
      .post(`/events/${event.id}/registrations/${rb.id}/approve`)
      .set(...bearer(organiser))
      .expect(409);
    expect(full.body.code).toBe('CAPACITY_FULL');
    await http(app)
      .post(`/events/${event.id}/registrations/${rb.id}/reject`)
      .set(...bearer(organiser))
      .send({ reason: 'Full' })
      .expect(200);
    const again = await http(app)
      .post(`/events/${event.id}/registrations/${rb.id}/approve`)
      .set(...bearer(organiser))
      .expect(409);
    expect(again.body.code).toBe('INVALID_TRANSITION');
    await http(app)
      .post(`/events/${event.id}/registrations/${ra.id}/cancel`)
      .set(...bearer(b))
      .expect(403);
    const dup = await register(event.id, a).expect(409);
    expect(dup.body.code).toBe('ALREADY_REGISTERED');
    const mine = await http(app)
      .get('/me/registrations')
      .set(...bearer(a))
      .expect(200);
    expect(mine.body.items.find((r: { id: string }) => r.id === ra.id).status).toBe('approved');
  });

  it('never goes over capacity with 200 people registering at once', async () => {
    const event = await createEvent(app, organiser, { registration: { capacity: 50, requiresApproval: false } });
    const people = await createUsers(app, 200);
    const results = [];
    for (let i = 0; i < people.length; i += 100) {
      results.push(
        ...(await Promise.all(
          people.slice(i, i + 100).map((p, j) => register(event.id, p, { company: company(`Shared Co ${j % 7}`) })),
        )),
      );
    }
    expect(results.filter((r) => r.status !== 201).map((r) => r.body)).toEqual([]);
    const counts = await app
      .get(DataSource)
      .query<{ status: string; n: string }[]>(
        'SELECT status, COUNT(*) AS n FROM registrations WHERE event_id = ? GROUP BY status',
        [event.id],
      );
    expect(Object.fromEntries(counts.map((c) => [c.status, Number(c.n)]))).toEqual({ approved: 50, waitlisted: 150 });
    const companies = await app
      .get(DataSource)
      .query<{ n: string }[]>(`SELECT COUNT(*) AS n FROM companies WHERE name LIKE 'Shared Co %' AND country = 'CN'`);
    expect(Number(companies[0].n)).toBe(7);
  }, 120_000);

  it('enforces the registration window and refuses drafts', async () => {
    const closed = await createEvent(app, organiser, {
      registration: { closesAt: '2020-01-01T00:00:00Z', opensAt: '2019-01-01T00:00:00Z' },
    });
    const user = await createUser(app);
    expect((await register(closed.id, user).expect(409)).body.code).toBe('REGISTRATION_CLOSED');
    const draft = await createEvent(app, organiser, {}, false);
    await register(draft.id, user).expect(404);
    await register(closed.id, user, { company: { name: 'X', country: 'ZZ' } }).expect(400);
    await register(closed.id, user, { role: 'staff' }).expect(400);
  });

  it('invites by JSON and CSV, reports bad rows, and pre-approves those who use their token once', async () => {
    const event = await createEvent(app, organiser, { registration: { requiresApproval: true } });
    const other = await createEvent(app, organiser);
    const guest = await createUser(app, { locale: 'ru' });
    const json = await http(app)
      .post(`/events/${event.id}/invitations`)
      .set(...bearer(organiser))
      .send({
        invitations: [
          { email: guest.email, name: 'Guest', locale: 'ru' },
          { email: 'not-an-email', name: 'Bad' },
          { name: 'No email' },
        ],
      })
      .expect(201);
    expect(json.body.invited).toHaveLength(1);
    expect(json.body.rejected.map((r: { row: number }) => r.row)).toEqual([2, 3]);
    expect(JSON.stringify(json.body.rejected[0].errors)).toMatch(/email/);

    const csv =
      '\uFEFFname,email,company,country,locale\nЛи Вэй,li.wei@example.test,Ganjiang Logistics,CN,zh\nNo Mail,,Co,CN,en\nBad Country,bad.country@example.test,Co,XX,en\n';
    const fromCsv = await http(app)
      .post(`/events/${event.id}/invitations`)
      .set(...bearer(organiser))
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(201);
    expect(fromCsv.body.invited.map((r: { email: string }) => r.email)).toEqual(['li.wei@example.test']);
    expect(fromCsv.body.rejected.map((r: { row: number }) => r.row)).toEqual([2, 3]);

    const [mail] = await outboxRows(app, { dedupeKey: `invitation:${json.body.invited[0].invitationId}` });
    const token = new URL(String(mail.payload.registrationUrl)).searchParams.get('invitationToken')!;
    const intruder = await createUser(app);
    expect((await register(event.id, intruder, { invitationToken: token }).expect(400)).body.code).toBe(
      'INVITATION_INVALID',
    );
    expect((await register(other.id, guest, { invitationToken: token }).expect(400)).body.code).toBe(
      'INVITATION_INVALID',
    );
    const ok = await register(event.id, guest, { invitationToken: token }).expect(201);
    expect(ok.body.status).toBe('approved');
    const again = await createUser(app, { email: `second.${guest.email}` });
    expect((await register(event.id, again, { invitationToken: token }).expect(409)).body.code).toBe('INVITATION_USED');

    const late = await http(app)
      .post(`/events/${event.id}/invitations`)
      .set(...bearer(organiser))
      .send({ invitations: [{ email: again.email, name: 'Late' }] })
      .expect(201);
    await app
      .get(DataSource)
      .query('UPDATE invitations SET expires_at = ? WHERE id = ?', [
        new Date(Date.now() - 1000),
        late.body.invited[0].invitationId,
      ]);
    const [lateMail] = await outboxRows(app, { dedupeKey: `invitation:${late.body.invited[0].invitationId}` });
    const lateToken = new URL(String(lateMail.payload.registrationUrl)).searchParams.get('invitationToken')!;
    expect((await register(event.id, again, { invitationToken: lateToken }).expect(409)).body.code).toBe(
      'INVITATION_EXPIRED',
    );
    await http(app)
      .post(`/events/${event.id}/invitations`)
      .set(...bearer(guest))
      .send({ invitations: [] })
      .expect(403);
  });

  it('refuses an invitation token after registration closed unless the organiser allowed late registration on it', async () => {
    const event = await createEvent(app, organiser, {
      registration: { opensAt: '2019-01-01T00:00:00Z', closesAt: '2020-01-01T00:00:00Z' },
    });
    const [plain, late, fromCsv] = await Promise.all([1, 2, 3].map(() => createUser(app)));
    const invited = await http(app)
      .post(`/events/${event.id}/invitations`)
      .set(...bearer(organiser))
      .send({
        invitations: [
          { email: plain.email, name: 'On time only' },
          { email: late.email, name: 'Allowed late', allowLateRegistration: true },
          { email: 'odd@example.test', name: 'Odd flag', allowLateRegistration: 'maybe' },
        ],
      })
      .expect(201);
    expect(invited.body.invited.map((r: { email: string }) => r.email)).toEqual([plain.email, late.email]);
    expect(JSON.stringify(invited.body.rejected)).toMatch(/allowLateRegistration must be a boolean/);
    const csv = await http(app)
      .post(`/events/${event.id}/invitations`)
      .set(...bearer(organiser))
      .set('Content-Type', 'text/csv')
      .send(`name,email,allowLateRegistration\nCSV Guest,${fromCsv.email},yes\n`)
      .expect(201);
    const tokenOf = async (invitationId: string) => {
      const [mail] = await outboxRows(app, { dedupeKey: `invitation:${invitationId}` });
      return new URL(String(mail.payload.registrationUrl)).searchParams.get('invitationToken')!;
    };

    const refused = await register(event.id, plain, {
      invitationToken: await tokenOf(invited.body.invited[0].invitationId),
    }).expect(409);
    expect(refused.body.code).toBe('REGISTRATION_CLOSED');
    expect(refused.body.message).toMatch(/does not allow late registration/);
    // refused means untouched: no registration, the invitation still unused
    expect(await app.get(DataSource).getRepository(Registration).countBy({ eventId: event.id })).toBe(0);
    const [unused] = await app
      .get(DataSource)
      .query<{ used_at: Date | null }[]>('SELECT used_at FROM invitations WHERE id = ?', [
        invited.body.invited[0].invitationId,
      ]);
    expect(unused.used_at).toBeNull();

    const allowed = await register(event.id, late, {
      invitationToken: await tokenOf(invited.body.invited[1].invitationId),
    }).expect(201);
    expect(allowed.body.status).toBe('approved');
    const viaCsv = await register(event.id, fromCsv, {
      invitationToken: await tokenOf(csv.body.invited[0].invitationId),
    }).expect(201);
    expect(viaCsv.body.status).toBe('approved');
    // the plain door stays shut for everyone else
    expect((await register(event.id, await createUser(app)).expect(409)).body.code).toBe('REGISTRATION_CLOSED');
  });

  it('shows the directory to approved delegates and organisers only, with what each chose to share', async () => {
    const event = await createEvent(app, organiser, { registration: { requiresApproval: true } });
    const [sharing, private_, pending, outsider] = await Promise.all([1, 2, 3, 4].map(() => createUser(app)));
    const rs = (
      await register(event.id, sharing, {
        shareEmail: true,
        languages: ['ru', 'en'],
        company: company('Volga 100% Agro_Trade', 'RU', {
          sectors: ['agriculture'],
          offers: 'Buckwheat and sunflower oil',
        }),
      }).expect(201)
    ).body;
    const rp = (
      await register(event.id, private_, {
        languages: ['zh'],
        company: company('Jiangxi Rice', 'CN', { nameZh: '江西大米' }),
      }).expect(201)
    ).body;
    await register(event.id, pending).expect(201);
    for (const r of [rs, rp])
      await http(app)
        .post(`/events/${event.id}/registrations/${r.id}/approve`)
        .set(...bearer(organiser))
        .expect(200);

    await http(app)
      .get(`/events/${event.id}/delegates`)
      .set(...bearer(pending))
      .expect(403);
    await http(app)
      .get(`/events/${event.id}/delegates`)
      .set(...bearer(outsider))
      .expect(403);
    await http(app).get(`/events/${event.id}/delegates`).expect(401);
    const all = await http(app)
      .get(`/events/${event.id}/delegates`)
      .set(...bearer(private_))
      .expect(200);
    expect(all.body.items).toHaveLength(2);
    const bySharing = all.body.items.find((d: { registrationId: string }) => d.registrationId === rs.id);
    const byPrivate = all.body.items.find((d: { registrationId: string }) => d.registrationId === rp.id);
    expect(bySharing.email).toBe(sharing.email);
    expect(byPrivate.email).toBeNull();

    const search = async (q: string) =>
      (
        await http(app)
          .get(`/events/${event.id}/delegates`)
          .query({ q })
          .set(...bearer(organiser))
          .expect(200)
      ).body.items.map((d: { registrationId: string }) => d.registrationId);
    expect(await search('buckwheat')).toEqual([rs.id]);
    expect(await search('江西')).toEqual([rp.id]);
    expect(await search('100%')).toEqual([rs.id]);
    expect(await search('%')).toEqual([rs.id]); // a literal percent sign, not "anything"
    expect(await search('Agro_Trade')).toEqual([rs.id]);
    expect(await search('Volga_100')).toEqual([]); // "_" is not "any one character" either
    expect(await search("' OR 1=1 --")).toEqual([]);
    const ru = await http(app)
      .get(`/events/${event.id}/delegates?country=RU&sector=agriculture&language=ru`)
      .set(...bearer(organiser))
      .expect(200);
    expect(ru.body.items.map((d: { registrationId: string }) => d.registrationId)).toEqual([rs.id]);
    await http(app)
      .get(`/events/${event.id}/delegates?country=Russia`)
      .set(...bearer(organiser))
      .expect(400);
  });

  it('searches the directory through its index: word beginnings in any script, Chinese inside longer runs, names as renamed', async () => {
    const event = await createEvent(app, organiser, { registration: { requiresApproval: false } });
    const [anna, wang, viewer] = await Promise.all([
      createUser(app, { name: 'Анна Петрова' }),
      createUser(app, { name: 'Wang Wei' }),
      createUser(app),
    ]);
    const ra = (
      await register(event.id, anna, {
        badgeNames: { latin: 'Anna Petrova' },
        company: company('Алтай Мёд', 'RU', { offers: 'Алтайский мёд и кедровые орехи', seeks: 'Холодовая логистика' }),
      }).expect(201)
    ).body;
    const rw = (
      await register(event.id, wang, {
        badgeNames: { zh: '王伟' },
        company: company('Nanchang Cold Chain', 'CN', { nameZh: '南昌冷链物流', offers: '冷链物流，铁路货运' }),
      }).expect(201)
    ).body;
    await register(event.id, viewer).expect(201);
    const search = async (q: string) =>
      (
        await http(app)
          .get(`/events/${event.id}/delegates`)
          .query({ q })
          .set(...bearer(viewer))
          .expect(200)
      ).body.items.map((d: { registrationId: string }) => d.registrationId);
    expect(await search('холод')).toEqual([ra.id]);
    expect(await search('алтайский мед')).toEqual([ra.id]); // ё and е are one letter to the search
    expect(await search('物流')).toEqual([rw.id]);
    expect(await search('链物')).toEqual([rw.id]);
    expect(await search('王伟')).toEqual([rw.id]); // the name on the badge
    expect(await search('Anna Petrova')).toEqual([ra.id]);
    expect(await search('Мёд орехи')).toEqual([]); // every word must be there as written, in that order
    await http(app)
      .patch('/me')
      .set(...bearer(wang))
      .send({ name: 'Wang Xiaoming' })
      .expect(200);
    expect(await search('Xiaoming')).toEqual([rw.id]);
    expect(await search('Wang Wei')).toEqual([]);

    // rows written around the api (an import, or before the index existed) are indexed when it catches up
    const ds = app.get(DataSource);
    await ds.query('DELETE FROM directory_entries WHERE registration_id = ?', [ra.id]);
    await ds.query('DELETE FROM directory_terms WHERE registration_id = ?', [ra.id]);
    expect(await search('холод')).toEqual([]);
    expect(await app.get(DirectoryIndexService).catchUp()).toBeGreaterThanOrEqual(1);
    expect(await search('холод')).toEqual([ra.id]);
  });

  it('gives delegates of one new company, registering at once for two forums, one company row, found by its name in both', async () => {
    const [one, two] = await Promise.all(
      [1, 2].map(() => createEvent(app, organiser, { registration: { requiresApproval: false } })),
    );
    const people = await Promise.all([1, 2, 3, 4].map(() => createUser(app)));
    const name = `Ganjiang Rail ${people[0].id.slice(-6)}`;
    const regs = await Promise.all(
      people.map(async (person, i) => {
        const res = await register([one, two][i % 2].id, person, {
          company: company(name, 'CN', { nameZh: '赣江铁路' }),
        });
        expect(res.status).toBe(201);
        return res.body as { id: string };
      }),
    );
    const ds = app.get(DataSource);
    const companies = await ds.query<Array<{ id: string }>>('SELECT id FROM companies WHERE name = ?', [name]);
    expect(companies).toHaveLength(1);
    const rows = await ds.getRepository(Registration).findBy({ id: In(regs.map((r) => r.id)) });
    expect(rows.map((r) => r.companyId)).toEqual([companies[0].id, companies[0].id, companies[0].id, companies[0].id]);
    for (const [event, viewer] of [
      [one, people[0]],
      [two, people[1]],
    ] as const) {
      const found = await http(app)
        .get(`/events/${event.id}/delegates`)
        .query({ q: '赣江' })
        .set(...bearer(viewer))
        .expect(200);
      expect(found.body.items).toHaveLength(2);
    }
  });

  it('indexes many new registrations at once without deadlocking one another', async () => {
    const [one, two] = [await createEventRow(app, organiser), await createEventRow(app, organiser)];
    const people = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        createDelegate(app, i % 2 ? one : two, { company: { offers: `Mustard seed lot ${i}` } }),
      ),
    );
    const [row] = await app
      .get(DataSource)
      .query<Array<{ n: string | number }>>(
        'SELECT COUNT(*) AS n FROM directory_entries WHERE registration_id IN (?)',
        [people.map((p) => p.registration.id)],
      );
    expect(Number(row.n)).toBe(24);
  });

  it('prints a badge whose QR code checks the person in once and refuses forged codes', async () => {
    const event = await createEvent(app, organiser, { registration: { requiresApproval: false } });
    const other = await createEvent(app, organiser, { registration: { requiresApproval: false } });
    const delegate = await createUser(app, { name: 'Иван Петров' });
    const reg = (
      await register(event.id, delegate, {
        badgeNames: { latin: 'Ivan Petrov', zh: '伊万·彼得罗夫' },
        company: company('Kazan Motors', 'RU', { nameRu: 'Казань Моторс', nameZh: '喀山汽车' }),
      }).expect(201)
    ).body;
    expect(reg.badgeNames).toEqual({ latin: 'Ivan Petrov', zh: '伊万·彼得罗夫' });
    const stranger = await createUser(app);
    const pdf = await http(app)
      .get(`/events/${event.id}/registrations/${reg.id}/badge.pdf`)
      .set(...bearer(delegate))
      .buffer(true)
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(
      Buffer.from(pdf.body as Buffer)
        .subarray(0, 4)
        .toString(),
    ).toBe('%PDF');
    const printed = pdfText(pdf.body as Buffer);
    for (const line of [
      'Иван Петров',
      'Ivan Petrov',
      '伊万·彼得罗夫',
      'Kazan Motors',
      '喀山汽车',
      'Казань Моторс',
      'RU · DELEGATE',
    ])
      expect(printed).toContain(line);
    expect((pdf.body as Buffer).toString('latin1')).toContain('/Subtype /Image'); // the QR code
    await http(app)
      .get(`/events/${event.id}/registrations/${reg.id}/badge.pdf`)
      .set(...bearer(stranger))
      .expect(403);

    const row = await app.get(DataSource).getRepository(Registration).findOneByOrFail({ id: reg.id });
    const png = PNG.sync.read(await app.get(BadgesService).qrPng(row));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toMatch(new RegExp(`^${reg.id}\\.`));
    const code = decoded!.data;

    await http(app)
      .post(`/events/${event.id}/check-ins`)
      .set(...bearer(delegate))
      .send({ code })
      .expect(403);
    const first = await http(app)
      .post(`/events/${event.id}/check-ins`)
      .set(...bearer(organiser))
      .send({ code })
      .expect(201);
    expect(first.body).toMatchObject({ registrationId: reg.id, name: 'Иван Петров', firstScan: true });
    const second = await http(app)
      .post(`/events/${event.id}/check-ins`)
      .set(...bearer(organiser))
      .send({ code })
      .expect(200);
    expect(second.body).toMatchObject({ firstScan: false, checkedInAt: first.body.checkedInAt });
    const forged = `${reg.id}.${'A'.repeat(43)}`;
    expect(
      (
        await http(app)
          .post(`/events/${event.id}/check-ins`)
          .set(...bearer(organiser))
          .send({ code: forged })
          .expect(400)
      ).body.code,
    ).toBe('BADGE_INVALID');
    await http(app)
      .post(`/events/${other.id}/check-ins`)
      .set(...bearer(organiser))
      .send({ code })
      .expect(400);
    await http(app)
      .post(`/events/${event.id}/check-ins`)
      .set(...bearer(organiser))
      .send({ code: 'garbage-without-dot' })
      .expect(400);
  });

  it('keeps visa letters to the delegate and the organisers, and only once approved', async () => {
    const event = await createEvent(app, organiser, { registration: { requiresApproval: false } });
    const delegate = await createUser(app);
    const colleague = await createUser(app);
    const reg = (await register(event.id, delegate).expect(201)).body;
    await register(event.id, colleague).expect(201);
    const url = `/events/${event.id}/registrations/${reg.id}/visa-letter`;
    const passport = {
      fullName: 'PETROV IVAN',
      nationality: 'RU',
      passportNumber: '751234567',
      dateOfBirth: '1980-04-12',
      passportExpiresOn: '2031-01-01',
      entryOn: '2027-06-08',
      exitOn: '2027-06-13',
    };
    await http(app)
      .put(url)
      .set(...bearer(colleague))
      .send(passport)
      .expect(403);
    await http(app)
      .put(url)
      .set(...bearer(delegate))
      .send({ ...passport, passportNumber: '75 12' })
      .expect(400);
    await http(app)
      .put(url)
      .set(...bearer(delegate))
      .send(passport)
      .expect(200);
    expect(
      (
        await http(app)
          .get(`${url}.pdf`)
          .set(...bearer(delegate))
          .expect(403)
      ).body.code,
    ).toBe('VISA_LETTER_NOT_APPROVED');
    await http(app)
      .post(`${url}/approve`)
      .set(...bearer(delegate))
      .expect(403);
    await http(app)
      .post(`${url}/approve`)
      .set(...bearer(organiser))
      .expect(200);
    for (const who of [delegate, organiser]) {
      const res = await http(app)
        .get(`${url}.pdf`)
        .set(...bearer(who))
        .buffer(true)
        .expect(200);
      expect(
        Buffer.from(res.body as Buffer)
          .subarray(0, 4)
          .toString(),
      ).toBe('%PDF');
    }
    await http(app)
      .get(`${url}.pdf`)
      .set(...bearer(colleague))
      .expect(403);
    const list = await http(app)
      .get(`/events/${event.id}/registrations`)
      .set(...bearer(organiser))
      .expect(200);
    expect(JSON.stringify(list.body)).not.toContain('751234567');
  });

  it('exports registrations as CSV with a BOM that opens back with Chinese and Cyrillic intact', async () => {
    const event = await createEvent(app, organiser, { registration: { requiresApproval: false } });
    const zh = await createUser(app, { name: '王芳' });
    const ru = await createUser(app, { name: '=HYPERLINK("http://evil")' });
    await register(event.id, zh, { company: company('Ganjiang Trade', 'CN', { nameZh: '赣江贸易' }) }).expect(201);
    await register(event.id, ru, { company: company('Volga Trade', 'RU', { nameRu: 'Волга Трейд' }) }).expect(201);
    await http(app)
      .get(`/events/${event.id}/registrations.csv`)
      .set(...bearer(zh))
      .expect(403);
    const res = await http(app)
      .get(`/events/${event.id}/registrations.csv`)
      .set(...bearer(organiser))
      .expect(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    const rows = parse<Record<string, string>>(res.text, { bom: true, columns: true });
    expect(rows.map((r) => r.name).sort()).toEqual(['\'=HYPERLINK("http://evil")', '王芳'].sort());
    expect(rows.find((r) => r.name === '王芳')!.company_zh).toBe('赣江贸易');
    expect(rows.find((r) => r.company === 'Volga Trade')!.company_ru).toBe('Волга Трейд');
    const filtered = await http(app)
      .get(`/events/${event.id}/registrations?country=RU`)
      .set(...bearer(organiser))
      .expect(200);
    expect(filtered.body.items).toHaveLength(1);
  });
});
