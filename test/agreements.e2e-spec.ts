import { INestApplication } from '@nestjs/common';
import { newId } from '@roundtable/common';
import { Event, Session } from '@roundtable/events';
import { DataSource } from 'typeorm';
import { createTestApp, http } from './support/app';
import { createDelegate, createEventRow, TestDelegate } from './support/domain-factories';
import { bearer, createUser, TestUser } from './support/factories';
import { outboxRows } from './support/mail-helpers';

describe('Agreement ledger', () => {
  let app: INestApplication;
  let ds: DataSource;
  let organiser: TestUser;

  beforeAll(async () => {
    app = await createTestApp();
    ds = app.get(DataSource);
    organiser = await createUser(app);
  });
  afterAll(() => app.close());

  const sign = (eventId: string, body: object, who: TestUser = organiser) =>
    http(app)
      .post(`/events/${eventId}/agreements`)
      .set(...bearer(who))
      .send(body);
  const get = (eventId: string, path: string, who: TestUser = organiser) =>
    http(app)
      .get(`/events/${eventId}/agreements${path}`)
      .set(...bearer(who));

  const agreement = (over: Record<string, unknown> = {}) => ({
    title: 'Rail freight Nanchang–Kazan',
    kind: 'cooperation_agreement',
    sector: 'logistics',
    parties: [
      { name: 'Jiangxi Ganpo Logistics', country: 'CN', signatories: [{ name: 'Wang Lei', position: 'Chairman' }] },
      { name: 'ООО «Волга Логистик»', country: 'RU', signatories: [{ name: 'Анна Петрова', position: 'Директор' }] },
    ],
    value: { amount: '1250000.50', currency: 'CNY' },
    signedAt: '2027-06-11T08:30:00Z',
    ...over,
  });

  async function forum(overrides: Partial<Event> = {}) {
    const event = await createEventRow(app, organiser, overrides);
    const suffix = event.id.slice(-8);
    const cn = await createDelegate(app, event, {
      company: { name: `Ganzhou Auto Parts ${suffix}`, country: 'CN' },
      user: { locale: 'zh' },
    });
    const ru = await createDelegate(app, event, {
      company: { name: `Kama Motors ${suffix}`, country: 'RU' },
      user: { locale: 'ru' },
    });
    return { event, cn, ru };
  }

  async function meetingBetween(eventId: string, a: TestDelegate, b: TestDelegate): Promise<string> {
    const req = await http(app)
      .post(`/events/${eventId}/meeting-requests`)
      .set(...bearer(a.user))
      .send({ toRegistrationId: b.registration.id })
      .expect(201);
    const accepted = await http(app)
      .post(`/events/${eventId}/meeting-requests/${req.body.id}/accept`)
      .set(...bearer(b.user))
      .expect(200);
    return accepted.body.meeting.id as string;
  }

  it('records, amends and withdraws as new entries; mails the parties; the chain verifies', async () => {
    const { event, cn, ru } = await forum();
    const meetingId = await meetingBetween(event.id, cn, ru);
    const ceremony = await ds.getRepository(Session).save({
      id: newId(),
      eventId: event.id,
      roomId: null,
      kind: 'signing_ceremony',
      title: 'Signing ceremony',
      description: null,
      translations: {},
      startsAt: new Date('2027-06-11T08:00:00Z'),
      endsAt: new Date('2027-06-11T09:00:00Z'),
      languages: ['zh', 'ru'],
      interpretation: [],
      abstract: null,
      materials: [],
      sequence: 0,
    });
    const signed = await sign(
      event.id,
      agreement({
        parties: [
          { companyId: cn.company.id, signatories: [{ name: 'Li Wei', position: 'CEO' }] },
          { companyId: ru.company.id, signatories: [{ name: 'Иван Соколов', email: 'ivan.sokolov@kama.example' }] },
        ],
        sector: 'Automotive',
        value: { amount: '87500000.5', currency: 'RUB' },
        meetingId,
        sessionId: ceremony.id,
        documentSha256: 'AB'.repeat(32),
      }),
    ).expect(201);
    expect(signed.body.entry).toMatchObject({ seq: 1, action: 'signed', prevHash: '0'.repeat(64) });
    expect(signed.body.agreement).toMatchObject({
      status: 'active',
      version: 1,
      sector: 'automotive',
      value: { amount: '87500000.50', currency: 'RUB' },
      parties: [
        { companyId: cn.company.id, name: cn.company.name, country: 'CN' },
        { companyId: ru.company.id, name: ru.company.name, country: 'RU' },
      ],
      meetingId,
      sessionId: ceremony.id,
      documentSha256: 'ab'.repeat(32),
    });
    // the ledger keeps no e-mail address
    expect(signed.body.entry.payload).not.toContain('ivan.sokolov');
    const id = signed.body.agreement.id;

    const mails = await outboxRows(app, { type: 'agreement-recorded', subject: `agreement:${id}` });
    expect(mails.map((m) => [m.recipientEmail, m.recipientLocale]).sort()).toEqual(
      [
        [cn.user.email, 'zh'],
        [ru.user.email, 'ru'],
        ['ivan.sokolov@kama.example', null],
      ].sort(),
    );
    expect(mails[0].payload).toMatchObject({ action: 'signed', value: '87500000.50 RUB', seq: 1 });

    const badAmendments: Array<[object, RegExp]> = [
      [{ value: { amount: '1' } }, /reason/],
      [{ reason: 'x', value: { amount: 90000000, currency: 'RUB' } }, /amount must be a string/],
      [{ reason: 'x', value: { amount: '1.005', currency: 'RUB' } }, /3 decimal places but RUB has 2/],
      [{ reason: 'x', parties: [{ name: 'Solo', country: 'CN', signatories: [] }] }, /parties must contain at least 2/],
      [{ reason: 'x', documentSha256: 'abc' }, /documentSha256 must be 64 hexadecimal digits/],
      [{ reason: 'x', meetingId: meetingId }, /property meetingId should not exist/],
    ];
    for (const [body, message] of badAmendments)
      await http(app)
        .post(`/events/${event.id}/agreements/${id}/amend`)
        .set(...bearer(organiser))
        .send(body)
        .expect(400, message);
    const amended = await http(app)
      .post(`/events/${event.id}/agreements/${id}/amend`)
      .set(...bearer(organiser))
      .send({ reason: 'Annex 2 signed', value: { amount: '90000000', currency: 'RUB' } })
      .expect(201);
    expect(amended.body.entry).toMatchObject({ seq: 2, action: 'amended', prevHash: signed.body.entry.hash });
    expect(amended.body.agreement).toMatchObject({ version: 2, value: { amount: '90000000.00' }, meetingId });
    await http(app)
      .post(`/events/${event.id}/agreements/${id}/withdraw`)
      .set(...bearer(organiser))
      .send({ reason: 'Cancelled by the parties' })
      .expect(201);
    await http(app)
      .post(`/events/${event.id}/agreements/${id}/amend`)
      .set(...bearer(organiser))
      .send({ reason: 'late fix', title: 'New' })
      .expect(409, /AGREEMENT_WITHDRAWN/);
    await http(app)
      .post(`/events/${event.id}/agreements/${id}/withdraw`)
      .set(...bearer(organiser))
      .send({ reason: 'again' })
      .expect(409, /AGREEMENT_WITHDRAWN/);
    const actions = (await outboxRows(app, { type: 'agreement-recorded', subject: `agreement:${id}` })).map(
      (m) => (m.payload as { action: string }).action,
    );
    // company delegates hear about every step; the signatory's address was given only with the signing
    expect(actions.sort()).toEqual(['amended', 'amended', 'signed', 'signed', 'signed', 'withdrawn', 'withdrawn']);

    const one = await get(event.id, `/${id}`).expect(200);
    expect(one.body.agreement).toMatchObject({ status: 'withdrawn', version: 3, lastSeq: 3 });
    expect(one.body.history.map((h: { action: string }) => h.action)).toEqual(['signed', 'amended', 'withdrawn']);

    const page1 = await get(event.id, '/ledger?limit=2').expect(200);
    expect(page1.body.items.map((e: { seq: number }) => e.seq)).toEqual([1, 2]);
    const page2 = await get(event.id, `/ledger?limit=2&cursor=${page1.body.nextCursor}`).expect(200);
    expect(page2.body).toMatchObject({ items: [{ seq: 3, action: 'withdrawn' }], nextCursor: null });
    await get(event.id, '/ledger?cursor=nonsense').expect(400, /INVALID_CURSOR/);

    const verified = await get(event.id, '/verify').expect(200);
    expect(verified.body).toEqual({
      valid: true,
      entriesChecked: 3,
      headHash: page2.body.items[0].hash,
      firstBroken: null,
    });
    const list = await get(event.id, '').expect(200);
    expect(list.body.items).toHaveLength(1);
    await get(event.id, `/${newId()}`).expect(404, /AGREEMENT_NOT_FOUND/);
    await get(event.id, '/not-an-id').expect(404, /AGREEMENT_NOT_FOUND/);
  });

  it('refuses bad input with a 400 that names the problem and records nothing', async () => {
    const { event } = await forum();
    const other = await forum();
    const otherMeeting = await meetingBetween(other.event.id, other.cn, other.ru);
    const cases: Array<[object, RegExp]> = [
      [agreement({ value: { amount: 1250000.5, currency: 'CNY' } }), /amount must be a string/],
      [agreement({ value: { amount: '12.345', currency: 'USD' } }), /3 decimal places but USD has 2.*INVALID_AMOUNT/],
      [agreement({ value: { amount: '10', currency: 'XYZ' } }), /not an ISO 4217 code.*INVALID_AMOUNT/],
      [agreement({ value: { amount: '-10', currency: 'USD' } }), /INVALID_AMOUNT/],
      [agreement({ kind: 'handshake' }), /kind must be one of/],
      [agreement({ parties: [{ name: 'Solo', country: 'CN', signatories: [] }] }), /parties must contain at least 2/],
      [
        agreement({
          parties: [
            { companyId: newId(), signatories: [] },
            { name: 'B', country: 'RU', signatories: [] },
          ],
        }),
        /parties\[0\]\.companyId: no company.*UNKNOWN_PARTY/,
      ],
      [
        agreement({
          parties: [
            { name: 'A', signatories: [] },
            { name: 'B', country: 'RU', signatories: [] },
          ],
        }),
        /parties\[0\]: give either a registered companyId or both name and country/,
      ],
      [
        agreement({
          parties: [
            { name: 'A', country: 'XX', signatories: [] },
            { name: 'B', country: 'RU', signatories: [] },
          ],
        }),
        /parties.0.country must be a valid ISO31661 Alpha2 code/,
      ],
      [agreement({ meetingId: otherMeeting }), /meetingId: no meeting of that id in this event/],
      [agreement({ sessionId: 'nope' }), /sessionId: no session of that id in this event/],
      [agreement({ signedAt: 'yesterday' }), /signedAt must be an ISO 8601 instant/],
      [agreement({ documentSha256: 'abc' }), /documentSha256 must be 64 hexadecimal digits/],
      [agreement({ title: 'Line\nbreak' }), /title/],
    ];
    for (const [body, message] of cases) {
      const res = await sign(event.id, body);
      expect([res.status, JSON.stringify(res.body)]).toEqual([400, expect.stringMatching(message)]);
    }
    const [head] = await ds.query('SELECT COUNT(*) AS n FROM agreement_entries WHERE event_id = ?', [event.id]);
    expect(Number(head.n)).toBe(0);
    const ok = await sign(event.id, agreement()).expect(201);
    expect(ok.body.entry.seq).toBe(1);
  });

  it('lets only the event’s organisers record and read; the public summary only when allowed', async () => {
    const { event, cn } = await forum();
    const rival = await createUser(app);
    await createEventRow(app, rival);
    const stranger = await createUser(app);
    const recorded = await sign(event.id, agreement()).expect(201);
    const id = recorded.body.agreement.id;
    for (const who of [cn.user, rival, stranger]) {
      await sign(event.id, agreement(), who).expect(403);
      for (const path of ['', '/ledger', '/verify', '/report', '/report?format=csv', `/${id}`])
        await get(event.id, path, who).expect(403);
      await http(app)
        .post(`/events/${event.id}/agreements/${id}/amend`)
        .set(...bearer(who))
        .send({ reason: 'mine now', title: 'Hijacked' })
        .expect(403);
      await http(app)
        .post(`/events/${event.id}/agreements/${id}/withdraw`)
        .set(...bearer(who))
        .send({ reason: 'gone' })
        .expect(403);
    }
    await http(app).post(`/events/${event.id}/agreements`).send(agreement()).expect(401);
    await http(app).get(`/events/${event.id}/agreements/ledger`).expect(401);
    const [count] = await ds.query('SELECT COUNT(*) AS n FROM agreement_entries WHERE event_id = ?', [event.id]);
    expect(Number(count.n)).toBe(1);

    // summary: hidden until the organisers allow it; drafts stay invisible
    await http(app)
      .get(`/events/${event.id}/agreements/summary`)
      .expect(404, /AGREEMENT_REPORT_NOT_PUBLIC/);
    await ds.getRepository(Event).update(event.id, { publicAgreementsReport: true });
    const summary = await http(app).get(`/events/${event.id}/agreements/summary`).expect(200);
    expect(summary.body).toMatchObject({ agreements: 1, totals: [{ currency: 'CNY', total: '1250000.50' }] });
    const draft = await createEventRow(app, organiser, { status: 'draft', publicAgreementsReport: true });
    await http(app)
      .get(`/events/${draft.id}/agreements/summary`)
      .expect(404, /EVENT_NOT_FOUND/);
  });

  it('gives 100 concurrent signings the sequence numbers 1..100 with no gap and a valid chain', async () => {
    const { event } = await forum();
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => sign(event.id, agreement({ title: `Agreement ${i}` }))),
    );
    expect(results.map((r) => r.status)).toEqual(Array(100).fill(201));
    expect(results.map((r) => r.body.entry.seq).sort((a: number, b: number) => a - b)).toEqual(
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
    const verified = await get(event.id, '/verify').expect(200);
    expect(verified.body).toMatchObject({ valid: true, entriesChecked: 100 });
  });

  it('reports exact totals by sector, country pair, kind and currency, as JSON and CSV', async () => {
    const { event, cn, ru } = await forum();
    const meetingId = await meetingBetween(event.id, cn, ru);
    const party = (name: string, country: string) => ({ name, country, signatories: [] });
    const cnRu = [party('A', 'CN'), party('B', 'RU')];
    const bodies = [
      { kind: 'contract', sector: 'logistics', value: { amount: '0.1', currency: 'USD' }, parties: cnRu },
      { kind: 'contract', sector: 'logistics', value: { amount: '0.2', currency: 'USD' }, parties: cnRu, meetingId },
      {
        kind: 'mou',
        sector: 'agriculture',
        value: { amount: '999999999999999999.99', currency: 'CNY' },
        parties: cnRu,
      },
      { kind: 'mou', sector: 'agriculture', value: { amount: '0.01', currency: 'CNY' }, parties: cnRu },
      { kind: 'letter_of_intent', sector: 'agriculture', value: null, parties: [party('C', 'CN'), party('D', 'CN')] },
      { kind: 'contract', sector: 'food retail', value: { amount: '5000000', currency: 'RUB' }, parties: cnRu },
    ];
    const ids: string[] = [];
    for (const b of bodies) ids.push((await sign(event.id, agreement(b)).expect(201)).body.agreement.id);
    // withdrawn agreements leave the report
    await http(app)
      .post(`/events/${event.id}/agreements/${ids[5]}/withdraw`)
      .set(...bearer(organiser))
      .send({ reason: 'Not signed after all' })
      .expect(201);

    const report = (await get(event.id, '/report').expect(200)).body;
    // hand-computed: USD 0.1 + 0.2 = 0.30; CNY 999999999999999999.99 + 0.01 = 1000000000000000000.00
    expect(report).toEqual({
      agreements: 5,
      withdrawn: 1,
      fromMeetings: 1,
      totals: [
        { currency: 'CNY', total: '1000000000000000000.00' },
        { currency: 'USD', total: '0.30' },
      ],
      bySector: [
        { key: 'agriculture', count: 3, totals: [{ currency: 'CNY', total: '1000000000000000000.00' }] },
        { key: 'logistics', count: 2, totals: [{ currency: 'USD', total: '0.30' }] },
      ],
      byCountryPair: [
        {
          key: 'CN–RU',
          count: 4,
          totals: [
            { currency: 'CNY', total: '1000000000000000000.00' },
            { currency: 'USD', total: '0.30' },
          ],
        },
        { key: 'CN', count: 1, totals: [] },
      ],
      byKind: [
        { key: 'contract', count: 2, totals: [{ currency: 'USD', total: '0.30' }] },
        { key: 'mou', count: 2, totals: [{ currency: 'CNY', total: '1000000000000000000.00' }] },
        { key: 'letter_of_intent', count: 1, totals: [] },
      ],
      byCurrency: [
        { key: 'CNY', count: 2, totals: [{ currency: 'CNY', total: '1000000000000000000.00' }] },
        { key: 'USD', count: 2, totals: [{ currency: 'USD', total: '0.30' }] },
        { key: 'none', count: 1, totals: [] },
      ],
      ledger: { valid: true, entriesChecked: 7, firstBroken: null },
    });

    const csv = await get(event.id, '/report?format=csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('dimension,group,agreements,currency,total');
    expect(lines).toContain('all,total value,,CNY,1000000000000000000.00');
    expect(lines).toContain('sector,logistics,2,USD,0.30');
    expect(lines).toContain('all,from B2B meetings,1,,');
    await get(event.id, '/report?format=xml').expect(400, /format must be one of/);
  });

  it('exports a sector that looks like a formula as text, not as a formula', async () => {
    const { event } = await forum();
    await sign(event.id, agreement({ sector: '=HYPERLINK("http://evil")', value: null })).expect(201);
    const csv = await get(event.id, '/report?format=csv').expect(200);
    expect(csv.text).toContain(`sector,"'=hyperlink(""http://evil"")",1,,`);
    expect(csv.text).not.toMatch(/^sector,=|,=hyperlink/m);
  });

  it('refuses UPDATE and DELETE in the database, and verification names the entry a privileged edit touched', async () => {
    const { event } = await forum({ publicAgreementsReport: true });
    for (let i = 0; i < 4; i++) await sign(event.id, agreement({ title: `Agreement ${i + 1}` })).expect(201);
    await expect(
      ds.query(
        "UPDATE agreement_entries SET payload = REPLACE(payload, 'Agreement 2', 'Agreement X') WHERE event_id = ? AND seq = 2",
        [event.id],
      ),
    ).rejects.toThrow(/append-only/);
    await expect(ds.query('DELETE FROM agreement_entries WHERE event_id = ? AND seq = 3', [event.id])).rejects.toThrow(
      /append-only/,
    );

    // Someone with the rights to drop the triggers edits the table directly.
    const triggers: Array<{ name: string; create: string }> = [];
    for (const name of ['agreement_entries_no_update', 'agreement_entries_no_delete']) {
      const [row] = await ds.query(`SHOW CREATE TRIGGER ${name}`);
      triggers.push({ name, create: row['SQL Original Statement'] });
    }
    const broken = async () => (await get(event.id, '/verify').expect(200)).body.firstBroken;
    const [original] = await ds.query('SELECT * FROM agreement_entries WHERE event_id = ? AND seq = 2', [event.id]);
    try {
      for (const t of triggers) await ds.query(`DROP TRIGGER ${t.name}`);
      await ds.query('UPDATE agreement_entries SET payload = ? WHERE event_id = ? AND seq = 2', [
        original.payload.replace('1250000.50', '9250000.50'),
        event.id,
      ]);
      expect(await broken()).toMatchObject({ seq: 2, reason: 'HASH_MISMATCH' });
      // the reports say so, to the organisers and the public alike, next to the altered totals
      const report = (await get(event.id, '/report').expect(200)).body;
      expect(report.ledger).toMatchObject({ valid: false, firstBroken: { seq: 2, reason: 'HASH_MISMATCH' } });
      const summary = (await http(app).get(`/events/${event.id}/agreements/summary`).expect(200)).body;
      expect(summary.ledger).toMatchObject({ valid: false, firstBroken: { seq: 2 } });
      const csv = (await get(event.id, '/report?format=csv').expect(200)).text;
      expect(csv).toContain('ledger,verification,4,,BROKEN at entry 2');
      await ds.query('UPDATE agreement_entries SET payload = ?, hash = ? WHERE event_id = ? AND seq = 2', [
        original.payload,
        'e'.repeat(64),
        event.id,
      ]);
      expect(await broken()).toMatchObject({ seq: 2, reason: 'HASH_MISMATCH' });
      await ds.query('UPDATE agreement_entries SET hash = ? WHERE event_id = ? AND seq = 2', [original.hash, event.id]);
      expect(await broken()).toBeNull();

      const [third] = await ds.query('SELECT * FROM agreement_entries WHERE event_id = ? AND seq = 3', [event.id]);
      await ds.query('DELETE FROM agreement_entries WHERE event_id = ? AND seq = 3', [event.id]);
      expect(await broken()).toMatchObject({ seq: 3, reason: 'ENTRY_MISSING' });
      await ds.query(
        `INSERT INTO agreement_entries (event_id, seq, id, agreement_id, action, payload, prev_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          third.event_id,
          third.seq,
          third.id,
          third.agreement_id,
          third.action,
          third.payload,
          third.prev_hash,
          third.hash,
        ],
      );
      expect(await broken()).toBeNull();
      expect((await get(event.id, '/report').expect(200)).body.ledger).toEqual({
        valid: true,
        entriesChecked: 4,
        firstBroken: null,
      });
      const [fourth] = await ds.query('SELECT * FROM agreement_entries WHERE event_id = ? AND seq = 4', [event.id]);
      await ds.query('UPDATE agreement_entries SET payload = ? WHERE event_id = ? AND seq = 4', [
        fourth.payload.replace('Agreement 4', 'Agreement Z'),
        event.id,
      ]);
      // an append checks the tail it builds on: nothing goes on top of an altered last entry
      const refused = await sign(event.id, agreement({ title: 'On top of a broken chain' })).expect(409);
      expect(refused.body).toMatchObject({ code: 'LEDGER_BROKEN' });
      expect(refused.body.message).toMatch(/entry 4 does not match the ledger head/);
      await ds.query('DELETE FROM agreement_entries WHERE event_id = ? AND seq = 4', [event.id]);
      expect(await broken()).toMatchObject({ seq: 4, reason: 'ENTRY_MISSING' });
      expect((await sign(event.id, agreement()).expect(409)).body.message).toMatch(/entry 4 is missing/);
      const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM agreement_entries WHERE event_id = ?', [event.id]);
      expect(Number(n)).toBe(3);
      // restored from a backup: a broken chain left behind would turn /health red for the other test
      // files once a worker's periodic verification found it
      await ds.query(
        `INSERT INTO agreement_entries (event_id, seq, id, agreement_id, action, payload, prev_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          fourth.event_id,
          fourth.seq,
          fourth.id,
          fourth.agreement_id,
          fourth.action,
          fourth.payload,
          fourth.prev_hash,
          fourth.hash,
        ],
      );
      expect(await broken()).toBeNull();
    } finally {
      for (const t of triggers) await ds.query(t.create);
    }
    await expect(ds.query('DELETE FROM agreement_entries WHERE event_id = ?', [event.id])).rejects.toThrow(
      /append-only/,
    );
  });
});
