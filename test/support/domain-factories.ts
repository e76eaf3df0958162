import { randomBytes } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { newId } from '@roundtable/common';
import { Event, EventOrganiser, MeetingSettings } from '@roundtable/events';
import { Company, DirectoryIndexService, Registration } from '@roundtable/registrations';
import { DataSource } from 'typeorm';
import { createUser, TestUser } from './factories';

/**
 * Row-level factories: each test builds the event, company and registrations
 * it needs instead of clearing tables, so tests stay independent. They write
 * through TypeORM directly, for tests whose subject is not how these rows are
 * created (that has its own tests through HTTP).
 */
const day = (iso: string) => new Date(iso);

export const DEFAULT_MEETING_SETTINGS: MeetingSettings = {
  slotMinutes: 30,
  tables: 10,
  windows: [
    { date: '2027-06-10', start: '14:00', end: '18:00' },
    { date: '2027-06-11', start: '09:00', end: '12:00' },
  ],
  maxMeetingsPerDelegate: 12,
  maxPendingRequests: 20,
  requestExpiryHours: 72,
  reminderLeadMinutes: [1440, 30],
};

export async function createEventRow(
  app: INestApplication,
  organiser: TestUser,
  overrides: Partial<Event> = {},
): Promise<Event> {
  const ds = app.get(DataSource);
  const id = newId();
  const event = ds.getRepository(Event).create({
    id,
    slug: `forum-${randomBytes(4).toString('hex')}`,
    name: 'China-Russia SME Cooperation Roundtable',
    theme: 'Logistics, agriculture and industrial cooperation',
    description: 'Two days of plenaries, sector panels and B2B meetings.',
    translations: { zh: { name: '中俄中小企业合作圆桌会议' }, ru: { name: 'Российско-китайский круглый стол МСП' } },
    venue: 'Nanchang Greenland Center',
    city: 'Nanchang',
    country: 'CN',
    timeZone: 'Asia/Shanghai',
    startsAt: day('2027-06-10T01:00:00Z'),
    endsAt: day('2027-06-11T10:00:00Z'),
    status: 'published',
    languages: ['zh', 'ru', 'en'],
    sectors: ['logistics', 'agriculture', 'automotive', 'food-retail'],
    registrationOpensAt: null,
    registrationClosesAt: null,
    capacity: null,
    requiresApproval: false,
    meetingSettings: DEFAULT_MEETING_SETTINGS,
    sessionSettings: { reminderLeadMinutes: [60] },
    publicAgreementsReport: false,
    createdBy: organiser.id,
    ...overrides,
  });
  await ds.getRepository(Event).insert(event);
  await ds.getRepository(EventOrganiser).insert({ eventId: id, userId: organiser.id });
  return ds.getRepository(Event).findOneByOrFail({ id });
}

export async function createCompanyRow(app: INestApplication, overrides: Partial<Company> = {}): Promise<Company> {
  const repo = app.get(DataSource).getRepository(Company);
  const company = repo.create({
    id: newId(),
    name: `Company ${randomBytes(4).toString('hex')}`,
    nameZh: null,
    nameRu: null,
    country: 'CN',
    region: null,
    sectors: ['logistics'],
    size: 'small',
    website: null,
    offers: null,
    seeks: null,
    ...overrides,
  });
  await repo.insert(company);
  return company;
}

export interface TestDelegate {
  user: TestUser;
  registration: Registration;
  company: Company;
}

/** A user with an account, a company and a registration (approved unless said otherwise). */
export async function createDelegate(
  app: INestApplication,
  event: Event,
  overrides: {
    registration?: Partial<Registration>;
    company?: Partial<Company>;
    user?: Parameters<typeof createUser>[1];
  } = {},
): Promise<TestDelegate> {
  const user = await createUser(app, overrides.user);
  const company = await createCompanyRow(app, overrides.company);
  const registration = await insertRegistrationRow(app, event.id, user.id, company.id, overrides.registration);
  return { user, company, registration };
}

/**
 * An approved delegate's registration written straight into the table (as
 * the demo and imports do), then indexed for the directory as the api would.
 */
export async function insertRegistrationRow(
  app: INestApplication,
  eventId: string,
  userId: string,
  companyId: string,
  overrides: Partial<Registration> = {},
): Promise<Registration> {
  const ds = app.get(DataSource);
  const registration = ds.getRepository(Registration).create({
    id: newId(),
    eventId,
    userId,
    companyId,
    role: 'delegate',
    status: 'approved',
    jobTitle: null,
    languages: ['en'],
    needsInterpreter: false,
    timeZone: 'Asia/Shanghai',
    shareEmail: false,
    availability: null,
    badgeCode: randomBytes(12).toString('hex'),
    checkedInAt: null,
    approvedAt: new Date(),
    invitationId: null,
    ...overrides,
  });
  await ds.getRepository(Registration).insert(registration);
  await ds.transaction((em) => app.get(DirectoryIndexService).reindex(em, [registration.id]));
  return registration;
}
