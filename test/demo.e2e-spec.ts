import { INestApplication } from '@nestjs/common';
import { DEMO_PASSWORD, DemoSeedService } from '@roundtable/demo';
import { DataSource } from 'typeorm';
import { createTestApp, http } from './support/app';

describe('Demo forum', () => {
  let app: INestApplication;
  let ds: DataSource;

  beforeAll(async () => {
    app = await createTestApp();
    ds = app.get(DataSource);
  });
  afterAll(() => app.close());

  const login = async (email: string) => {
    const res = await http(app).post('/auth/login').send({ email, password: DEMO_PASSWORD }).expect(200);
    // the demo's accounts are confirmed, so their roles by e-mail (speaker, organiser) apply
    expect(res.body.user.emailVerified).toBe(true);
    return res.body.accessToken as string;
  };

  it('seeds a realistic two-day roundtable once, and every printed login works', async () => {
    const seeder = app.get(DemoSeedService);
    // DEMO_SEED=never in tests: starting does not seed
    expect(await seeder.onStart()).toBeNull();
    const [first, second] = await Promise.all([seeder.seed(), seeder.seed()]);
    expect(second.eventId).toBe(first.eventId);
    const eventId = first.eventId;
    expect(first.accounts.map((a) => a.role)).toEqual([
      'organiser',
      'speaker',
      'delegate (China)',
      'delegate (Russia)',
      'platform admin',
    ]);

    const event = await http(app).get(`/events/${eventId}`).expect(200);
    expect(event.body).toMatchObject({ city: 'Nanchang', timeZone: 'Asia/Shanghai', status: 'published' });

    const [companies] = await ds.query(
      `SELECT COUNT(DISTINCT c.id) AS n, SUM(c.country = 'CN') AS cn, SUM(c.country = 'RU') AS ru,
              SUM(c.name_zh IS NOT NULL) AS zh, SUM(c.name_ru IS NOT NULL) AS cyr
         FROM companies c WHERE c.id IN (SELECT company_id FROM registrations WHERE event_id = ?)`,
      [eventId],
    );
    expect(Number(companies.n)).toBeGreaterThanOrEqual(120);
    expect(Number(companies.cn)).toBeGreaterThanOrEqual(60);
    expect(Number(companies.ru)).toBeGreaterThanOrEqual(60);
    expect(Number(companies.zh)).toBe(Number(companies.cn));
    expect(Number(companies.cyr)).toBe(Number(companies.ru));

    // every delegate has a name of their own, and badge names in Latin, Chinese and Russian for the other side's mails
    const people = await ds.query<{ name: string; badge_names: string }[]>(
      `SELECT u.name, r.badge_names FROM registrations r JOIN users u ON u.id = r.user_id
        WHERE r.event_id = ? AND u.email LIKE '%@delegates.example'`,
      [eventId],
    );
    expect(people.length).toBeGreaterThanOrEqual(120);
    expect(new Set(people.map((p) => p.name)).size).toBe(people.length);
    const badges = people.map((p) => JSON.parse(p.badge_names) as Record<string, string>);
    expect(badges.every((b) => b.latin && b.zh && b.ru)).toBe(true);
    const pair = await ds.query<{ name: string }[]>(
      `SELECT name FROM users WHERE email IN ('cn-001@delegates.example', 'cn-002@delegates.example')`,
    );
    expect(pair).toHaveLength(2);
    expect(pair[0].name).not.toBe(pair[1].name);

    const agenda = await http(app).get(`/events/${eventId}/agenda`).expect(200);
    expect(agenda.body.days).toHaveLength(2);
    const kinds = agenda.body.days.flatMap((d: { sessions: { kind: string }[] }) => d.sessions.map((s) => s.kind));
    expect(kinds).toEqual(expect.arrayContaining(['plenary', 'panel', 'b2b_block', 'signing_ceremony']));
    expect(kinds.filter((k: string) => k === 'panel')).toHaveLength(4);

    const organiser = await login('organiser@roundtable.example');
    const meetings = await http(app)
      .get(`/events/${eventId}/meetings`)
      .set('Authorization', `Bearer ${organiser}`)
      .expect(200);
    expect(meetings.body.items.length).toBeGreaterThanOrEqual(200);
    expect(meetings.body.items.some((m: { interpreterId: string | null }) => m.interpreterId)).toBe(true);
    const verify = await http(app)
      .get(`/events/${eventId}/agreements/verify`)
      .set('Authorization', `Bearer ${organiser}`)
      .expect(200);
    expect(verify.body).toMatchObject({ valid: true });
    expect(verify.body.entriesChecked).toBeGreaterThanOrEqual(4);
    const summary = await http(app).get(`/events/${eventId}/agreements/summary`).expect(200);
    expect(summary.body.fromMeetings).toBeGreaterThanOrEqual(3);

    const cn = await login('cn-001@delegates.example');
    const mine = await http(app).get('/me/meetings').set('Authorization', `Bearer ${cn}`).expect(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    const directory = await http(app)
      .get(`/events/${eventId}/delegates`)
      .query({ country: 'RU', sector: 'logistics' })
      .set('Authorization', `Bearer ${cn}`)
      .expect(200);
    expect(directory.body.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(directory.body)).toMatch(/[\u0400-\u04FF]/);
    await login('ru-001@delegates.example');
    await login('speaker@roundtable.example');
    await login('admin@roundtable.example');
  });
});
