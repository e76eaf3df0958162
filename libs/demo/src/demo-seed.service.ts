/**
 * Seeds the demo forum. Size (~730 lines): fixture data and the bulk inserts
 * that load it (it alone writes other libs' tables directly; see
 * test/architecture/table-ownership.spec.ts); it serves no request.
 */
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { AgreementsService } from '@roundtable/agreements';
import { hashPassword, toAuthUser, User } from '@roundtable/auth';
import { chunks, newId } from '@roundtable/common';
import { AppConfig } from '@roundtable/config';
import { Event, EventOrganiser, Room, Session, SessionSpeaker } from '@roundtable/events';
import { FixedTable, Interpreter, Meeting, MeetingRequest, ScheduleService } from '@roundtable/meetings';
import { Company, DirectoryIndexService, Registration } from '@roundtable/registrations';
import { Random } from '@roundtable/scheduler';
import { DateTime } from 'luxon';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  CN_CITIES,
  CN_GIVEN,
  CN_SURNAMES,
  CN_TITLES,
  CN_TRADES,
  DEMO_SECTORS,
  DemoSector,
  MEETING_MESSAGES,
  RU_CITIES,
  RU_GIVEN,
  RU_SURNAMES,
  RU_TIME_ZONES,
  RU_TITLES,
  RU_TRADES,
} from './demo-data';

export const DEMO_SLUG = 'china-russia-sme-roundtable-nanchang';
/** Every demo account has this password; the demo is for looking around, never for production data. */
export const DEMO_PASSWORD = 'roundtable-demo';
const ZONE = 'Asia/Shanghai';

/** The accounts printed at start, in that order. */
const PRINTED_ACCOUNTS = [
  { role: 'organiser', email: 'organiser@roundtable.example' },
  { role: 'speaker', email: 'speaker@roundtable.example' },
  { role: 'delegate (China)', email: 'cn-001@delegates.example' },
  { role: 'delegate (Russia)', email: 'ru-001@delegates.example' },
  { role: 'platform admin', email: 'admin@roundtable.example' },
] as const;

export interface DemoLogins {
  eventId: string;
  password: string;
  accounts: { role: string; email: string; name: string }[];
}

interface DemoDelegate {
  registration: Registration;
  company: Company;
  user: User;
  sector: DemoSector;
  popular: boolean;
}

const pad = (n: number) => String(n).padStart(3, '0');

/** One aligned line per printed account (role, e-mail, name), for the start-up banner and `seed:demo`. */
export const accountLines = (demo: DemoLogins, indent: string): string[] =>
  demo.accounts.map((a) => `${indent}${a.role.padEnd(18)} ${a.email.padEnd(30)} ${a.name}`);

/**
 * The demo forum: the 12th China-Russia SME Cooperation Roundtable in
 * Nanchang, six weeks from the day it is seeded. Rows are written directly
 * (a seeded PRNG makes them the same every time); the B2B programme is placed
 * by the real scheduler and the agreements go through the real ledger, so
 * what you see is what the product does.
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduling: ScheduleService,
    private readonly agreements: AgreementsService,
    private readonly directory: DirectoryIndexService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /**
   * What `npm start` does: DEMO_SEED=always seeds unless the demo is there;
   * auto seeds only outside production on a database without any event;
   * never does nothing. Returns the demo's logins whenever the demo exists.
   */
  async onStart(): Promise<DemoLogins | null> {
    const mode = this.config.get('app.demoSeed', { infer: true });
    const production = this.config.get('app.env', { infer: true }) === 'production';
    if (mode === 'always' || (mode === 'auto' && !production && (await this.databaseIsEmpty()))) {
      return this.seed();
    }
    return mode === 'never' ? null : this.logins();
  }

  /** Seeds the demo unless it exists (one process at a time: several api processes may start together). */
  async seed(): Promise<DemoLogins> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query("SELECT GET_LOCK('roundtable_demo_seed', 300) AS locked")) as {
        locked: number;
      }[];
      if (Number(locked) !== 1) throw new Error('Another process is seeding the demo and did not finish in 5 minutes');
      try {
        const existing = await this.logins();
        if (existing) return existing;
        const started = Date.now();
        const eventId = await this.build();
        this.logger.log(`Demo forum seeded in ${Date.now() - started} ms`);
        return (await this.logins()) ?? { eventId, password: DEMO_PASSWORD, accounts: [] };
      } finally {
        await runner.query("SELECT RELEASE_LOCK('roundtable_demo_seed')");
      }
    } finally {
      await runner.release();
    }
  }

  async logins(): Promise<DemoLogins | null> {
    const event = await this.dataSource.getRepository(Event).findOneBy({ slug: DEMO_SLUG });
    if (!event) return null;
    const users = await this.dataSource.getRepository(User).findBy({ email: In(PRINTED_ACCOUNTS.map((a) => a.email)) });
    return {
      eventId: event.id,
      password: DEMO_PASSWORD,
      accounts: PRINTED_ACCOUNTS.flatMap(({ role, email }) => {
        const user = users.find((u) => u.email === email);
        return user ? [{ role, email, name: user.name }] : [];
      }),
    };
  }

  private async databaseIsEmpty(): Promise<boolean> {
    const [{ n }] = await this.dataSource.query<{ n: string }[]>('SELECT COUNT(*) AS n FROM events');
    return Number(n) === 0;
  }

  // ---- the forum ---------------------------------------------------------------

  private async build(): Promise<string> {
    const rng = new Random(20270612);
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const day1 = DateTime.now().setZone(ZONE).startOf('day').plus({ days: 42 });
    const day2 = day1.plus({ days: 1 });
    const at = (day: DateTime, hhmm: string) => {
      const [h, m] = hhmm.split(':').map(Number);
      return day.set({ hour: h, minute: m }).toJSDate();
    };
    const eventId = newId();
    let organiser!: User;
    let delegates: DemoDelegate[] = [];
    let ceremonyId = '';

    await this.dataSource.transaction(async (em) => {
      const user = (email: string, name: string, locale: string, timeZone: string, admin = false): User =>
        em.getRepository(User).create({
          id: newId(),
          email,
          // the demo's own addresses: confirmed, so their speaker and organiser roles apply
          emailVerifiedAt: new Date(),
          passwordHash,
          name,
          locale,
          timeZone,
          platformRole: admin ? 'admin' : null,
        });
      organiser = user('organiser@roundtable.example', '刘洋', 'zh', ZONE);
      const coOrganiser = user('co-organiser@roundtable.example', 'Андрей Орлов', 'ru', 'Europe/Moscow');
      const admin = user('admin@roundtable.example', 'Platform Admin', 'en', 'UTC', true);
      const speaker = user('speaker@roundtable.example', 'Елена Смирнова', 'ru', 'Europe/Moscow');
      await em.getRepository(User).insert([organiser, coOrganiser, admin, speaker]);

      await em.getRepository(Event).insert(
        em.getRepository(Event).create({
          id: eventId,
          slug: DEMO_SLUG,
          name: 'The 12th China-Russia SME Cooperation Roundtable',
          theme: 'Agriculture, automotive, food retail and logistics: from contacts to contracts',
          description:
            'Two days in Nanchang: an opening plenary, four sector panels, pre-booked B2B meetings at numbered tables with Chinese-Russian interpreters, and a signing ceremony.',
          translations: {
            zh: {
              name: '第十二届中俄中小企业合作圆桌会议',
              theme: '农业、汽车、食品零售与物流：从对接到签约',
              description: '在南昌举行的两天活动：开幕全体会议、四个行业分论坛、配备中俄翻译的预约洽谈以及签约仪式。',
            },
            ru: {
              name: 'XII Российско-китайский круглый стол по сотрудничеству МСП',
              theme:
                'Сельское хозяйство, автокомпоненты, розничная торговля продуктами и логистика: от контактов к контрактам',
              description:
                'Два дня в Наньчане: пленарное заседание, четыре отраслевые панели, заранее назначенные B2B-встречи за номерными столами с переводчиками и церемония подписания соглашений.',
            },
          },
          venue: 'Nanchang Greenland Center, Honggutan',
          city: 'Nanchang',
          country: 'CN',
          timeZone: ZONE,
          startsAt: at(day1, '08:30'),
          endsAt: at(day2, '17:00'),
          status: 'published',
          languages: ['zh', 'ru', 'en'],
          sectors: DEMO_SECTORS,
          registrationOpensAt: null,
          registrationClosesAt: at(day1.minus({ days: 3 }), '18:00'),
          capacity: 300,
          requiresApproval: true,
          meetingSettings: {
            slotMinutes: 30,
            tables: 40,
            windows: [
              { date: day1.toISODate() as string, start: '14:00', end: '18:00' },
              { date: day2.toISODate() as string, start: '10:30', end: '12:30' },
            ],
            maxMeetingsPerDelegate: 8,
            maxPendingRequests: 15,
            requestExpiryHours: 72,
            reminderLeadMinutes: [1440, 15],
          },
          sessionSettings: { reminderLeadMinutes: [60] },
          publicAgreementsReport: true,
          createdBy: organiser.id,
        }),
      );
      await em.getRepository(EventOrganiser).insert([
        { eventId, userId: organiser.id },
        { eventId, userId: coOrganiser.id },
      ]);

      ceremonyId = await this.agenda(em, eventId, day1, day2, at);
      delegates = await this.delegates(em, eventId, rng, passwordHash, day1, day2, at);
      await this.interpretersAndTables(em, eventId, delegates, rng);
      await this.requests(em, eventId, delegates, rng);
    });

    const result = await this.scheduling.scheduleEvent(eventId, { notify: false });
    await this.scheduling.publish(eventId, 'preliminary');
    this.logger.log(`Demo B2B programme: ${result.placed} meetings placed, ${result.unplaced} waiting`);
    await this.signAgreements(eventId, organiser, delegates, ceremonyId, at(day2, '14:00'));
    return eventId;
  }

  private async agenda(
    em: EntityManager,
    eventId: string,
    day1: DateTime,
    day2: DateTime,
    at: (day: DateTime, hhmm: string) => Date,
  ): Promise<string> {
    const room = (name: string, capacity: number) =>
      em.getRepository(Room).create({ id: newId(), eventId, name, capacity, notes: null });
    const rooms = {
      main: room('Main Hall', 400),
      a: room('Hall A', 80),
      b: room('Hall B', 80),
      c: room('Hall C', 80),
      d: room('Hall D', 80),
      b2b: room('B2B Hall (tables 1–40)', 120),
    };
    await em.getRepository(Room).insert(Object.values(rooms));
    const sessions: Session[] = [];
    const session = (
      roomId: string,
      kind: Session['kind'],
      start: Date,
      end: Date,
      title: [string, string, string],
      description: string | null = null,
    ) => {
      const s = em.getRepository(Session).create({
        id: newId(),
        eventId,
        roomId,
        kind,
        title: title[0],
        description,
        translations: { zh: { title: title[1] }, ru: { title: title[2] } },
        startsAt: start,
        endsAt: end,
        languages: ['zh', 'ru'],
        interpretation: ['ru-zh'],
        abstract: null,
        materials: [],
        sequence: 0,
      });
      sessions.push(s);
      return s;
    };
    const opening = session(rooms.main.id, 'plenary', at(day1, '09:00'), at(day1, '09:45'), [
      'Opening ceremony',
      '开幕式',
      'Церемония открытия',
    ]);
    const plenary = session(
      rooms.main.id,
      'plenary',
      at(day1, '10:00'),
      at(day1, '12:00'),
      [
        'Plenary: SME cooperation between Jiangxi and the regions of Russia',
        '全体会议：江西与俄罗斯各地区的中小企业合作',
        'Пленарное заседание: сотрудничество МСП Цзянси и регионов России',
      ],
      'Trade figures, new rail routes and the support available to small and medium companies on both sides.',
    );
    session(rooms.b2b.id, 'b2b_block', at(day1, '14:00'), at(day1, '18:00'), [
      'B2B meetings (day 1)',
      '企业对接洽谈（第一天）',
      'B2B-встречи (день 1)',
    ]);
    const panels: Record<DemoSector, Session> = {
      agriculture: session(rooms.a.id, 'panel', at(day2, '09:00'), at(day2, '10:15'), [
        'Panel: agriculture and agricultural trade',
        '分论坛：农业与农产品贸易',
        'Панель: сельское хозяйство и агроторговля',
      ]),
      automotive: session(rooms.b.id, 'panel', at(day2, '09:00'), at(day2, '10:15'), [
        'Panel: automotive and parts',
        '分论坛：汽车及零部件',
        'Панель: автомобили и автокомпоненты',
      ]),
      'food-retail': session(rooms.c.id, 'panel', at(day2, '09:00'), at(day2, '10:15'), [
        'Panel: food retail',
        '分论坛：食品零售',
        'Панель: розничная торговля продуктами питания',
      ]),
      logistics: session(rooms.d.id, 'panel', at(day2, '09:00'), at(day2, '10:15'), [
        'Panel: logistics and transport corridors',
        '分论坛：物流与运输通道',
        'Панель: логистика и транспортные коридоры',
      ]),
    };
    session(rooms.b2b.id, 'b2b_block', at(day2, '10:30'), at(day2, '12:30'), [
      'B2B meetings (day 2)',
      '企业对接洽谈（第二天）',
      'B2B-встречи (день 2)',
    ]);
    const ceremony = session(rooms.main.id, 'signing_ceremony', at(day2, '14:00'), at(day2, '15:00'), [
      'Signing ceremony',
      '签约仪式',
      'Церемония подписания соглашений',
    ]);
    session(rooms.main.id, 'plenary', at(day2, '15:30'), at(day2, '16:30'), [
      'Closing session and results',
      '闭幕式及成果发布',
      'Закрытие и подведение итогов',
    ]);
    await em.getRepository(Session).insert(sessions);
    const speaker = (
      sessionId: string,
      email: string,
      name: string,
      role: 'speaker' | 'moderator',
      company: string,
      locale: string,
    ) =>
      em
        .getRepository(SessionSpeaker)
        .create({ id: newId(), sessionId, eventId, email, name, role, company, bio: null, locale });
    await em
      .getRepository(SessionSpeaker)
      .insert([
        speaker(
          opening.id,
          'vice-governor@jiangxi.example',
          '张明',
          'speaker',
          'People’s Government of Jiangxi Province',
          'zh',
        ),
        speaker(
          opening.id,
          'trade-rep@minek.example',
          'Сергей Волков',
          'speaker',
          'Trade Representation of Russia in China',
          'ru',
        ),
        speaker(plenary.id, 'chen.jing@ccpit-jx.example', '陈静', 'moderator', 'CCPIT Jiangxi', 'zh'),
        speaker(plenary.id, 'o.kuznetsova@opora.example', 'Ольга Кузнецова', 'speaker', 'OPORA Russia', 'ru'),
        speaker(
          plenary.id,
          'li.wei@nanchang-rail.example',
          '李伟',
          'speaker',
          'Nanchang International Rail Port',
          'zh',
        ),
        speaker(
          panels.logistics.id,
          'speaker@roundtable.example',
          'Елена Смирнова',
          'moderator',
          'Russian Railways Logistics',
          'ru',
        ),
        speaker(
          panels.logistics.id,
          'wu.tao@ganpo-logistics.example',
          '吴涛',
          'speaker',
          'Jiangxi Ganpo Logistics',
          'zh',
        ),
        speaker(
          panels.agriculture.id,
          'huang.hui@jxagri.example',
          '黄慧',
          'moderator',
          'Jiangxi Academy of Agricultural Sciences',
          'zh',
        ),
        speaker(
          panels.automotive.id,
          'd.morozov@kamaz.example',
          'Дмитрий Морозов',
          'speaker',
          'Kama Auto Components',
          'ru',
        ),
        speaker(
          panels['food-retail'].id,
          'i.lebedeva@retail.example',
          'Ирина Лебедева',
          'moderator',
          'Association of Retail Companies',
          'ru',
        ),
      ]);
    return ceremony.id;
  }

  private async delegates(
    em: EntityManager,
    eventId: string,
    rng: Random,
    passwordHash: string,
    day1: DateTime,
    day2: DateTime,
    at: (day: DateTime, hhmm: string) => Date,
  ): Promise<DemoDelegate[]> {
    const companies: Company[] = [];
    const users: User[] = [];
    const registrations: Registration[] = [];
    const delegates: DemoDelegate[] = [];
    const windows = {
      day1: { start: at(day1, '14:00').toISOString(), end: at(day1, '18:00').toISOString() },
      day1Late: { start: at(day1, '16:00').toISOString(), end: at(day1, '18:00').toISOString() },
      day2: { start: at(day2, '10:30').toISOString(), end: at(day2, '12:30').toISOString() },
    };
    const takenNames = new Set<string>();
    for (const country of ['CN', 'RU'] as const) {
      const used = new Set<string>();
      let number = 0;
      for (let i = 1; i <= 62; i++) {
        const sector = DEMO_SECTORS[i % 4];
        let city: [string, string];
        let trade: [string, string, string, string];
        do {
          city = rng.pick(country === 'CN' ? CN_CITIES : RU_CITIES);
          trade = rng.pick((country === 'CN' ? CN_TRADES : RU_TRADES)[sector]);
        } while (used.has(city[0] + trade[0]));
        used.add(city[0] + trade[0]);
        const company = em.getRepository(Company).create({
          id: newId(),
          name: country === 'CN' ? `${city[0]} ${trade[0]} Co., Ltd.` : `${trade[0]} ${city[0]} LLC`,
          nameZh: country === 'CN' ? `${city[1]}${trade[1]}有限公司` : null,
          nameRu: country === 'RU' ? `ООО «${trade[1]} ${city[1]}»` : null,
          country,
          region: country === 'CN' ? (CN_CITIES.indexOf(city) < 11 ? 'Jiangxi' : null) : null,
          sectors: [sector],
          size: rng.pick(['micro', 'small', 'small', 'medium', 'medium', 'large'] as const),
          website: null,
          offers: trade[2],
          seeks: trade[3],
        });
        companies.push(company);
        const people = i <= 8 ? 2 : 1;
        for (let p = 0; p < people; p++) {
          const email = `${country.toLowerCase()}-${pad(++number)}@delegates.example`;
          let name: string;
          let badgeNames: { latin: string; zh: string; ru: string };
          if (country === 'CN') {
            const surname = rng.pick(CN_SURNAMES);
            // two delegates never share a name: the next given name in the list, when taken
            let g = CN_GIVEN.indexOf(rng.pick(CN_GIVEN));
            for (let k = 0; k < CN_GIVEN.length && takenNames.has(`${surname[1]}${CN_GIVEN[g][1]}`); k++)
              g = (g + 1) % CN_GIVEN.length;
            const [sl, sz, sr] = surname;
            const [gl, gz, gr] = CN_GIVEN[g];
            name = `${sz}${gz}`;
            badgeNames = { latin: `${sl} ${gl}`, zh: name, ru: `${sr} ${gr}` };
          } else {
            let g = RU_GIVEN.indexOf(rng.pick(RU_GIVEN));
            const s = rng.pick(RU_SURNAMES);
            const full = (i: number) => `${RU_GIVEN[i][1]} ${RU_GIVEN[i][2] ? s[3] : s[1]}`;
            for (let k = 0; k < RU_GIVEN.length && takenNames.has(full(g)); k++) g = (g + 1) % RU_GIVEN.length;
            const [gl, gr, female, gz] = RU_GIVEN[g];
            name = `${gr} ${female ? s[3] : s[1]}`;
            badgeNames = {
              latin: `${gl} ${female ? s[2] : s[0]}`,
              ru: name,
              zh: `${gz}·${female ? s[5] : s[4]}`,
            };
          }
          takenNames.add(name);
          const languages =
            country === 'CN'
              ? ['zh', ...(rng.next() < 0.4 ? ['en'] : [])]
              : ['ru', ...(rng.next() < 0.4 ? ['en'] : []), ...(rng.next() < 0.12 ? ['zh'] : [])];
          const user = em.getRepository(User).create({
            id: newId(),
            email,
            emailVerifiedAt: new Date(),
            passwordHash,
            name,
            locale: country === 'CN' ? 'zh' : 'ru',
            timeZone: country === 'CN' ? ZONE : rng.pick(RU_TIME_ZONES),
            platformRole: null,
          });
          users.push(user);
          const roll = rng.next();
          const availability =
            roll < 0.65
              ? null
              : roll < 0.77
                ? [windows.day1]
                : roll < 0.89
                  ? [windows.day2]
                  : [windows.day1Late, windows.day2];
          const registration = em.getRepository(Registration).create({
            id: newId(),
            eventId,
            userId: user.id,
            companyId: company.id,
            role: 'delegate',
            status: 'approved',
            jobTitle: rng.pick(country === 'CN' ? CN_TITLES : RU_TITLES),
            languages,
            needsInterpreter: !languages.includes('en') && !languages.includes(country === 'CN' ? 'ru' : 'zh'),
            timeZone: user.timeZone,
            shareEmail: rng.next() < 0.5,
            badgeNames,
            availability,
            badgeCode: randomBytes(12).toString('hex'),
            checkedInAt: null,
            approvedAt: new Date(),
            invitationId: null,
          });
          registrations.push(registration);
          delegates.push({ registration, company, user, sector, popular: i <= 6 && p === 0 });
        }
      }
    }
    await em.getRepository(Company).insert(companies);
    await em.getRepository(User).insert(users);
    await em.getRepository(Registration).insert(registrations);
    await this.directory.reindex(
      em,
      registrations.map((r) => r.id),
    );
    return delegates;
  }

  private async interpretersAndTables(
    em: EntityManager,
    eventId: string,
    delegates: DemoDelegate[],
    rng: Random,
  ): Promise<void> {
    const interpreters: Interpreter[] = [];
    for (let i = 0; i < 30; i++) {
      const [sl, sz] = rng.pick(CN_SURNAMES);
      const [gl, gz] = rng.pick(CN_GIVEN);
      interpreters.push(
        em.getRepository(Interpreter).create({
          id: newId(),
          eventId,
          name: `${sz}${gz} (${sl} ${gl})`,
          email: `interpreter-${pad(i + 1)}@ncu.example`,
          pairs: ['ru-zh'],
          availability: null,
        }),
      );
    }
    await em.getRepository(Interpreter).insert(interpreters);
    // The four largest Chinese exhibitors keep their own table all day.
    const hosts = delegates.filter((d) => d.company.country === 'CN' && d.popular).slice(0, 4);
    await em
      .getRepository(FixedTable)
      .insert(hosts.map((d, i) => ({ eventId, companyId: d.company.id, tableNo: i + 1 })));
  }

  private async requests(em: EntityManager, eventId: string, delegates: DemoDelegate[], rng: Random): Promise<void> {
    const weighted = delegates.flatMap((d) => (d.popular ? Array<DemoDelegate>(6).fill(d) : [d]));
    const seen = new Set<string>();
    const requests: MeetingRequest[] = [];
    const now = Date.now();
    for (const from of delegates) {
      const wanted = rng.int(7);
      for (let k = 0, tries = 0; k < wanted && tries < 50; tries++) {
        const to = rng.pick(weighted);
        if (to.company.id === from.company.id) continue;
        // The README's tour has cn-001 ask ru-001 for a meeting: leave that pair to the reader.
        if ([from.user.email, to.user.email].sort().join() === 'cn-001@delegates.example,ru-001@delegates.example')
          continue;
        const foreign = to.company.country !== from.company.country;
        if (!foreign && rng.next() < 0.85) continue;
        const pairKey = [from.registration.id, to.registration.id].sort().join(':');
        if (seen.has(pairKey)) continue;
        seen.add(pairKey);
        k++;
        const roll = rng.next();
        const status = roll < 0.78 ? 'accepted' : roll < 0.9 ? 'pending' : roll < 0.96 ? 'declined' : 'cancelled';
        const createdAt = new Date(now - rng.int(10 * 24) * 3_600_000);
        requests.push(
          em.getRepository(MeetingRequest).create({
            id: newId(),
            eventId,
            fromRegistrationId: from.registration.id,
            toRegistrationId: to.registration.id,
            pairKey,
            message: rng.pick(MEETING_MESSAGES),
            status,
            priority: to.popular ? 1 : 0,
            unscheduledReason: null,
            expiresAt: new Date((status === 'pending' ? now : createdAt.getTime()) + 72 * 3_600_000),
            respondedAt: status === 'pending' ? null : new Date(createdAt.getTime() + 3_600_000),
            createdAt,
            activePair: status === 'pending' || status === 'accepted' ? pairKey : null,
          }),
        );
      }
    }
    for (const batch of chunks(requests, 200)) await em.getRepository(MeetingRequest).insert(batch);
  }

  private async signAgreements(
    eventId: string,
    organiser: User,
    delegates: DemoDelegate[],
    ceremonyId: string,
    ceremony: Date,
  ): Promise<void> {
    const byRegistration = new Map(delegates.map((d) => [d.registration.id, d]));
    const by = (id: string) => byRegistration.get(id)!;
    const meetings = await this.dataSource.getRepository(Meeting).find({
      where: { eventId, status: 'scheduled' },
      order: { startsAt: 'ASC', tableNo: 'ASC' },
    });
    const crossBorder = meetings
      .map((m) => [by(m.registrationA), by(m.registrationB), m] as const)
      .filter(([a, b]) => a.company.country !== b.company.country && a.sector === b.sector);
    const pick = (sector: DemoSector) => crossBorder.find(([a]) => a.sector === sector);
    const author = toAuthUser(organiser);
    const party = (d: DemoDelegate) => ({
      companyId: d.company.id,
      signatories: [{ name: d.user.name, position: d.registration.jobTitle ?? undefined }],
    });
    const plans: Array<{
      sector: DemoSector;
      title: string;
      kind: 'mou' | 'cooperation_agreement' | 'contract' | 'letter_of_intent';
      value: { amount: string; currency: string } | null;
    }> = [
      {
        sector: 'logistics',
        title: 'Rail freight cooperation Nanchang–Moscow',
        kind: 'cooperation_agreement',
        value: { amount: '12500000.00', currency: 'CNY' },
      },
      {
        sector: 'agriculture',
        title: 'Supply of Amur soybeans, 2027 harvest',
        kind: 'contract',
        value: { amount: '85000000', currency: 'RUB' },
      },
      {
        sector: 'automotive',
        title: 'Brake systems for city buses',
        kind: 'contract',
        value: { amount: '2400000.00', currency: 'USD' },
      },
      {
        sector: 'food-retail',
        title: 'Russian confectionery in Jiangxi supermarkets',
        kind: 'letter_of_intent',
        value: null,
      },
    ];
    let minute = 0;
    for (const plan of plans) {
      const found = pick(plan.sector);
      if (!found) continue;
      const [a, b, meeting] = found;
      await this.agreements.sign(eventId, author, {
        title: plan.title,
        kind: plan.kind,
        sector: plan.sector,
        parties: [party(a), party(b)],
        value: plan.value,
        signedAt: new Date(ceremony.getTime() + (minute += 8) * 60_000).toISOString(),
        sessionId: ceremonyId,
        meetingId: meeting.id,
      });
    }
    await this.agreements.sign(eventId, author, {
      title: 'Memorandum on a Jiangxi–Tatarstan SME trade house',
      kind: 'mou',
      sector: 'food-retail',
      parties: [
        {
          name: 'Jiangxi Provincial Department of Commerce',
          country: 'CN',
          signatories: [{ name: '赵军', position: 'Deputy Director' }],
        },
        {
          name: 'Ministry of Industry and Trade of Tatarstan',
          country: 'RU',
          signatories: [{ name: 'Павел Новиков', position: 'Deputy Minister' }],
        },
      ],
      value: null,
      signedAt: new Date(ceremony.getTime() + (minute += 8) * 60_000).toISOString(),
      sessionId: ceremonyId,
    });
  }
}
