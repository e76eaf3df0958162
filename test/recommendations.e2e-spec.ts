import { INestApplication } from '@nestjs/common';
import { Event } from '@roundtable/events';
import { RecommendationRefreshService, RecommendationRelayService } from '@roundtable/recommendations';
import { Company } from '@roundtable/registrations';
import { DataSource } from 'typeorm';
import { createTestApp, http } from './support/app';
import { eventually } from './support/eventually';
import { createDelegate, createEventRow, TestDelegate } from './support/domain-factories';
import { bearer, createUser, TestUser } from './support/factories';
import { outboxRows } from './support/mail-helpers';

interface Item {
  registrationId: string;
  score: number;
  reason: string;
  supporting: string[];
  matches: Array<{ direction: string; conceptId: string | null; offer: string; seek: string }>;
  signals: {
    countries: string[];
    sharedLanguages: string[];
    interpreterNeeded: boolean;
    commonFreeSlots: number | null;
  };
  delegate: { registrationId: string; name: string; company: { name: string } | null };
}
interface Page {
  items: Item[];
  nextCursor: string | null;
  limit: number;
  locale: string;
  registrationId: string;
}

/** Short here, so that a test can wait out quiet longer than it. */
const SCAN_OVERLAP_MS = 2_000;

describe('Recommendations', () => {
  let app: INestApplication;
  let ds: DataSource;
  let organiser: TestUser;
  let event: Event;
  let zh: TestDelegate;
  let ru: TestDelegate;
  let tiles: TestDelegate;
  let solar: TestDelegate;

  beforeAll(async () => {
    app = await createTestApp({
      allInOne: true,
      env: { RECOMMENDATIONS_POLL_MS: '200', RECOMMENDATIONS_SCAN_OVERLAP_MS: String(SCAN_OVERLAP_MS) },
    });
    ds = app.get(DataSource);
    organiser = await createUser(app);
    event = await createEventRow(app, organiser);
    zh = await createDelegate(app, event, {
      user: { locale: 'zh', name: '王伟' },
      company: {
        country: 'CN',
        sectors: ['logistics'],
        offers: '冷链物流，南昌至莫斯科铁路货运',
        seeks: '俄罗斯蜂蜜',
      },
      registration: { languages: ['zh'] },
    });
    ru = await createDelegate(app, event, {
      user: { locale: 'ru', name: 'Анна Петрова' },
      company: {
        country: 'RU',
        sectors: ['food-retail', 'logistics'],
        offers: 'Алтайский мёд',
        seeks: 'Холодовая логистика в Москву',
      },
      registration: {
        languages: ['ru', 'en'],
        availability: [{ start: '2027-06-10T06:00:00Z', end: '2027-06-10T07:00:00Z' }],
      },
    });
    tiles = await createDelegate(app, event, {
      company: { country: 'CN', sectors: ['textiles'], offers: 'Handmade felt boots', seeks: 'Solar panels' },
    });
    solar = await createDelegate(app, event, {
      company: { country: 'KZ', sectors: ['energy'], offers: 'Solar panels and inverters', seeks: 'felt boots' },
    });
  });
  afterAll(() => app.close());

  const get = (who: TestUser | TestDelegate, query: Record<string, string> = {}, eventId = event.id) =>
    http(app)
      .get(`/events/${eventId}/recommendations`)
      .query(query)
      .set(...bearer('user' in who ? who.user : who));

  /** Polls the endpoint until the worker has produced what `ready` wants (it recomputes in the background). */
  async function until(
    who: TestUser | TestDelegate,
    ready: (page: Page) => boolean,
    query: Record<string, string> = {},
    eventId = event.id,
  ): Promise<Page> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const res = await get(who, query, eventId).expect(200);
      if (ready(res.body as Page)) return res.body as Page;
      if (Date.now() > deadline) throw new Error(`not ready: ${JSON.stringify(res.body)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const ids = (page: Page) => page.items.map((i) => i.registrationId);

  it('matches a Chinese offer with a Russian seek and says so in Russian, naming the offer and the seek', async () => {
    const page = await until(ru, (p) => ids(p).includes(zh.registration.id));
    expect(page.locale).toBe('ru');
    expect(ids(page)).toEqual([zh.registration.id]);
    const item = page.items[0];
    expect(item.reason).toContain('Они предлагают «холодовая логистика», а вы ищете «Холодовая логистика в Москву».');
    expect(item.reason).toContain('Вы предлагаете «Алтайский мёд», а они ищут «мёд».');
    expect(item.matches.map((m) => [m.direction, m.conceptId]).sort()).toEqual([
      ['they', 'logistics.cold-chain'],
      ['you', 'food-retail.honey'],
    ]);
    expect(item.signals).toMatchObject({ countries: ['RU', 'CN'], sharedLanguages: [], interpreterNeeded: true });
    expect(item.signals.commonFreeSlots).toBe(2);
    expect(item.supporting).toEqual(
      expect.arrayContaining(['Общая отрасль: логистика', 'Трансграничное сотрудничество: Россия – Китай']),
    );
    expect(item.delegate.name).toBe('王伟');
  });

  it('writes the reason in Chinese for a Chinese reader, and in English when asked', async () => {
    const zhPage = await until(zh, (p) => ids(p).includes(ru.registration.id));
    expect(zhPage.items[0].reason).toContain('对方提供「蜂蜜」，正是您寻求的「俄罗斯蜂蜜」。');
    expect(zhPage.items[0].supporting).toContain('需要翻译');
    const en = (await get(zh, { lang: 'en' }).expect(200)).body as Page;
    expect(en.locale).toBe('en');
    expect(en.items[0].reason).toContain('They offer honey; you seek honey.');
    expect(en.items[0].supporting).toContain('Cross-border: China – Russia');
  });

  it('matches within one language on words too, and never recommends on signals alone', async () => {
    const page = await until(solar, (p) => ids(p).includes(tiles.registration.id));
    expect(ids(page)).toEqual([tiles.registration.id]);
    const item = page.items[0];
    expect(item.reason).toContain('They offer Handmade felt boots; you seek felt boots.');
    expect(item.reason).toContain('You offer Solar panels and inverters; they seek Solar panels.');
    expect(item.matches.find((m) => m.direction === 'they')!.conceptId).toBeNull();
    expect(item.supporting).toContain('Cross-border: Kazakhstan – China');
    expect(item.supporting).toContain('You both speak English');
  });

  it('recomputes only the changed delegate when a profile changes', async () => {
    await until(zh, (p) => ids(p).length > 0);
    const before = await settledProfileTimes();
    await ds
      .getRepository(Company)
      .update({ id: tiles.company.id }, { offers: 'Bashkir honey', seeks: 'Rail freight' });
    const page = await until(zh, (p) => ids(p).includes(tiles.registration.id));
    expect(page.items.find((i) => i.registrationId === tiles.registration.id)!.matches[0].conceptId).toBe(
      'food-retail.honey',
    );
    await until(solar, (p) => !ids(p).includes(tiles.registration.id));
    const after = await profileTimes();
    expect(after.get(tiles.registration.id)!.getTime()).toBeGreaterThan(before.get(tiles.registration.id)!.getTime());
    for (const other of [zh, ru, solar])
      expect(after.get(other.registration.id)).toEqual(before.get(other.registration.id));
  });

  it('skips a delegate handed over again after its change was done (a claim whose lease ran out in the queue)', async () => {
    await until(zh, (p) => ids(p).length > 0);
    const before = await settledProfileTimes();
    const again = await app.get(RecommendationRefreshService).refresh(event.id, [zh.registration.id]);
    expect(again).toEqual({ updated: 0, removed: 0 });
    expect((await profileTimes()).get(zh.registration.id)).toEqual(before.get(zh.registration.id));
  });

  it('reads a change again only within the overlap: after quiet longer than it, a scan reads nothing', async () => {
    await until(zh, (p) => ids(p).length > 0);
    await ds.getRepository(Company).update({ id: solar.company.id }, { seeks: 'felt boots and wool' });
    await new Promise((r) => setTimeout(r, SCAN_OVERLAP_MS + 1_000));
    // a scan beginning now, past the overlap after the change (the relay's own ran too, every poll); the one after
    // it finds nothing to read, where it used to re-read everything changed in the overlap before the newest
    // change (an import's thousands of rows, every poll)
    const relay = app.get(RecommendationRelayService);
    await relay.scanChanges();
    expect(await relay.scanChanges()).toEqual({ read: 0, marked: 0 });
  });

  it('finds a change committed after scans that began past its stamp (within the overlap)', async () => {
    await waitForProfiles(event.id, 4); // solar's among them, whatever ran before
    const [{ previous }] = await ds.query<Array<{ previous: Date }>>(
      'SELECT source_changed_at AS previous FROM recommendation_profiles WHERE registration_id = ?',
      [solar.registration.id],
    );
    const late = ds.createQueryRunner();
    await late.connect();
    await late.startTransaction();
    try {
      await late.query('UPDATE companies SET offers = ? WHERE id = ?', [
        'Solar panels and batteries',
        solar.company.id,
      ]);
      // polls go by while the change is stamped but not committed: each scan begins after the stamp
      await new Promise((r) => setTimeout(r, 1_000));
      await late.commitTransaction();
    } finally {
      await late.release();
    }
    const [{ stamp }] = await ds.query<Array<{ stamp: Date }>>(
      'SELECT updated_at AS stamp FROM companies WHERE id = ?',
      [solar.company.id],
    );
    expect(new Date(stamp).getTime()).toBeGreaterThan(new Date(previous).getTime());
    await eventually(
      `the profile rebuilt from the change at ${String(stamp)}`,
      async () => {
        const [{ built }] = await ds.query<Array<{ built: Date }>>(
          'SELECT source_changed_at AS built FROM recommendation_profiles WHERE registration_id = ?',
          [solar.registration.id],
        );
        return new Date(built).getTime() >= new Date(stamp).getTime();
      },
      30_000,
    );
  });

  /** The profiles' times once every delegate's first computation is done (two reads a poll apart agree). */
  async function settledProfileTimes(): Promise<Map<string, Date>> {
    const key = (m: Map<string, Date>) => JSON.stringify([...m].sort());
    let last = await profileTimes();
    for (let i = 0; i < 40; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      const next = await profileTimes();
      if (next.size >= 4 && key(next) === key(last)) return next;
      last = next;
    }
    return last;
  }

  async function profileTimes(): Promise<Map<string, Date>> {
    const rows = await ds.query<Array<{ registration_id: string; computed_at: Date }>>(
      'SELECT registration_id, computed_at FROM recommendation_profiles WHERE event_id = ?',
      [event.id],
    );
    return new Map(rows.map((r) => [r.registration_id, new Date(r.computed_at)]));
  }

  it('pages by score with a cursor, and refuses a cursor it did not give', async () => {
    const all = await until(zh, (p) => p.items.length >= 2);
    const first = (await get(zh, { limit: '1' }).expect(200)).body as Page;
    expect(first.limit).toBe(1);
    expect(ids(first)).toEqual([all.items[0].registrationId]);
    expect(first.nextCursor).not.toBeNull();
    const second = (await get(zh, { limit: '1', cursor: first.nextCursor! }).expect(200)).body as Page;
    expect(ids(second)).toEqual([all.items[1].registrationId]);
    expect(all.items[0].score).toBeGreaterThanOrEqual(all.items[1].score);
    const bad = await get(zh, { cursor: 'not-a-cursor' }).expect(400);
    expect(bad.body.code).toBe('INVALID_CURSOR');
    await get(zh, { limit: '0' }).expect(400);
    await get(zh, { lang: 'fr' }).expect(400);
  });

  it('counts the common free slots net of meetings already booked, on every read', async () => {
    const zhFor = (page: Page) => page.items.find((i) => i.registrationId === zh.registration.id);
    const before = await until(ru, (p) => zhFor(p) !== undefined);
    expect(zhFor(before)!.signals.commonFreeSlots).toBe(2); // Anna can make two slots; Wang every slot
    const request = await http(app)
      .post(`/events/${event.id}/meeting-requests`)
      .set(...bearer(solar.user))
      .send({ toRegistrationId: ru.registration.id, message: 'Solar for your warehouses?' })
      .expect(201);
    await http(app)
      .post(`/events/${event.id}/meeting-requests/${request.body.id}/accept`)
      .set(...bearer(ru.user))
      .expect(200);
    const after = (await get(ru).expect(200)).body as Page;
    expect(zhFor(after)!.signals.commonFreeSlots).toBe(1);
    expect(zhFor(after)!.supporting).toContain('Общих свободных слотов: 1');
  });

  describe('who must not get in', () => {
    it('refuses callers without a token', async () => {
      await http(app).get(`/events/${event.id}/recommendations`).expect(401);
    });

    it('refuses an outsider, a pending delegate and a delegate of another event', async () => {
      const outsider = await createUser(app);
      const pending = await createDelegate(app, event, { registration: { status: 'pending', approvedAt: null } });
      const otherEvent = await createEventRow(app, organiser);
      const elsewhere = await createDelegate(app, otherEvent, { company: { offers: 'Cold chain logistics' } });
      for (const who of [outsider, pending, elsewhere]) {
        const res = await get(who).expect(403);
        expect(res.body.code).toBe('NOT_APPROVED_DELEGATE');
      }
      // naming a delegate of this event changes nothing for them
      const res = await get(elsewhere, { for: ru.registration.id }).expect(403);
      expect(res.body.code).toBe('NOT_APPROVED_DELEGATE');
    });

    it('refuses a delegate asking for someone else’s suggestions, but not for their own', async () => {
      const res = await get(zh, { for: ru.registration.id }).expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
      const own = (await get(zh, { for: zh.registration.id }).expect(200)).body as Page;
      expect(own.registrationId).toBe(zh.registration.id);
    });

    it('keeps organisers’ tools to organisers: concepts and proposals', async () => {
      await http(app)
        .get(`/events/${event.id}/recommendations/concepts`)
        .set(...bearer(zh.user))
        .expect(403);
      await http(app)
        .post(`/events/${event.id}/recommendations/concepts`)
        .set(...bearer(zh.user))
        .send({ sector: 'machinery', en: ['graphite electrodes'], zh: ['石墨电极'], ru: ['графитовые электроды'] })
        .expect(403);
      const res = await http(app)
        .post(`/events/${event.id}/recommendations/proposals`)
        .set(...bearer(zh.user))
        .send({ registrationId: zh.registration.id, candidateId: ru.registration.id })
        .expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
      expect(await outboxRows(app, { eventId: event.id, type: 'meeting-proposed' })).toEqual([]);
    });

    it('hides a draft event from its delegates altogether', async () => {
      const draft = await createEventRow(app, organiser, { status: 'draft' });
      const delegate = await createDelegate(app, draft);
      const res = await get(delegate, {}, draft.id).expect(404);
      expect(res.body.code).toBe('EVENT_NOT_FOUND');
    });
  });

  describe('organisers', () => {
    it('see the suggestions for any approved delegate, and must say for whom', async () => {
      const page = await until(organiser, (p) => ids(p).includes(zh.registration.id), { for: ru.registration.id });
      expect(page.registrationId).toBe(ru.registration.id);
      expect((await get(organiser).expect(400)).body.code).toBe('RECOMMENDATION_SUBJECT_REQUIRED');
      const pending = await createDelegate(app, event, { registration: { status: 'pending', approvedAt: null } });
      expect((await get(organiser, { for: pending.registration.id }).expect(400)).body.code).toBe('BAD_REFERENCE');
      expect((await get(organiser, { for: 'nope' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
      const unknown = '0190a000-0000-7000-8000-000000000000';
      expect((await get(organiser, { for: unknown }).expect(404)).body.code).toBe('REGISTRATION_NOT_FOUND');
    });

    it('propose a meeting from a suggestion: a request marked as theirs, mailed to both, then neither sees the other suggested', async () => {
      await until(ru, (p) => ids(p).includes(zh.registration.id));
      const res = await http(app)
        .post(`/events/${event.id}/recommendations/proposals`)
        .set(...bearer(organiser))
        .send({
          registrationId: ru.registration.id,
          candidateId: zh.registration.id,
          message: 'Cold chain meets honey',
        })
        .expect(201);
      expect(res.body).toMatchObject({
        fromRegistrationId: ru.registration.id,
        toRegistrationId: zh.registration.id,
        status: 'pending',
        proposedByOrganiser: true,
      });
      const mails = await outboxRows(app, { eventId: event.id, type: 'meeting-proposed' });
      expect(mails.map((m) => m.recipientUserId).sort()).toEqual([ru.user.id, zh.user.id].sort());
      const requests = await http(app)
        .get(`/events/${event.id}/meeting-requests`)
        .set(...bearer(zh.user))
        .expect(200);
      expect(requests.body.items).toEqual([
        expect.objectContaining({ id: res.body.requestId, proposedByOrganiser: true, status: 'pending' }),
      ]);
      expect(ids((await get(ru).expect(200)).body as Page)).not.toContain(zh.registration.id);
      expect(ids((await get(zh).expect(200)).body as Page)).not.toContain(ru.registration.id);
      const again = await http(app)
        .post(`/events/${event.id}/recommendations/proposals`)
        .set(...bearer(organiser))
        .send({ registrationId: zh.registration.id, candidateId: ru.registration.id })
        .expect(409);
      expect(again.body.code).toBe('PAIR_ALREADY_REQUESTED');
      const self = await http(app)
        .post(`/events/${event.id}/recommendations/proposals`)
        .set(...bearer(organiser))
        .send({ registrationId: zh.registration.id, candidateId: zh.registration.id })
        .expect(400);
      expect(self.body.code).toBe('SELF_REQUEST');
    });

    it('extend the lexicon: a new concept makes a Russian seek meet a Chinese offer it could not before', async () => {
      const forum = await createEventRow(app, organiser);
      const maker = await createDelegate(app, forum, {
        company: { country: 'CN', offers: '石墨电极，电弧炉用', seeks: null },
        registration: { languages: ['zh'] },
      });
      const buyer = await createDelegate(app, forum, {
        user: { locale: 'ru' },
        company: { country: 'RU', offers: null, seeks: 'Графитовые электроды для электропечей' },
        registration: { languages: ['ru'] },
      });
      const concepts = `/events/${forum.id}/recommendations/concepts`;
      // the worker has seen both profiles and found nothing to suggest
      await waitForProfiles(forum.id, 2);
      expect(ids((await get(buyer, {}, forum.id).expect(200)).body as Page)).toEqual([]);
      const added = await http(app)
        .post(concepts)
        .set(...bearer(organiser))
        .send({ sector: 'machinery', en: ['graphite electrodes'], zh: ['石墨电极'], ru: ['графитовые электроды'] })
        .expect(201);
      expect(added.body).toMatchObject({ sector: 'machinery', builtIn: false, zh: ['石墨电极'] });
      const page = await until(buyer, (p) => p.items.length > 0, {}, forum.id);
      expect(ids(page)).toEqual([maker.registration.id]);
      expect(page.items[0].reason).toBe(
        'Они предлагают «графитовые электроды», а вы ищете «Графитовые электроды для электропечей».',
      );
      const list = await http(app)
        .get(concepts)
        .set(...bearer(organiser))
        .expect(200);
      expect(list.body.items.filter((c: { builtIn: boolean }) => !c.builtIn)).toEqual([added.body]);
      expect(list.body.items.length).toBeGreaterThan(100);
    });

    it('get a clear 4xx for a concept that cannot work', async () => {
      const post = (body: Record<string, unknown>) =>
        http(app)
          .post(`/events/${event.id}/recommendations/concepts`)
          .set(...bearer(organiser))
          .send(body);
      const base = { sector: 'machinery', en: ['felt boots'], zh: ['毡靴'], ru: ['валенки'] };
      expect((await post({ ...base, sector: 'space' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await post({ ...base, en: [] }).expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await post({ ...base, ru: ['ok', 42] }).expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await post({ ...base, en: ['!!! —'] }).expect(400)).body.code).toBe('CONCEPT_TERM_UNUSABLE');
      const taken = await post({ ...base, zh: ['冷链物流'] }).expect(409);
      expect(taken.body).toMatchObject({ code: 'CONCEPT_TERM_TAKEN', details: { conceptId: 'logistics.cold-chain' } });
      const rows = await ds.query('SELECT id FROM recommendation_concepts WHERE event_id = ?', [event.id]);
      expect(rows).toEqual([]);
    });
  });

  async function waitForProfiles(eventId: string, count: number): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const [row] = await ds.query<Array<{ n: string | number }>>(
        `SELECT COUNT(*) AS n FROM recommendation_profiles p
          WHERE p.event_id = ? AND NOT EXISTS (SELECT 1 FROM recommendation_dirty d WHERE d.event_id = p.event_id)`,
        [eventId],
      );
      if (Number(row.n) >= count) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('profiles not computed in time');
  }
});
