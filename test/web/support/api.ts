/**
 * Arranging data for browser tests through the real API over HTTP (the same
 * server the browser talks to): users, events, rooms, sessions.
 */
import { randomBytes } from 'node:crypto';
import { waitForMail } from './mail';

export interface ApiUser {
  id: string;
  email: string;
  name: string;
  password: string;
  token: string;
}

function baseUrl(): string {
  const url = process.env.WEB_BASE_URL;
  if (!url) throw new Error('WEB_BASE_URL is not set');
  return url;
}

export async function call<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export const uniqueEmail = (label: string) => `${label}.${randomBytes(4).toString('hex')}@example.test`;

export async function createUser(
  overrides: Partial<{ name: string; locale: string; timeZone: string; email: string }> = {},
): Promise<ApiUser> {
  const body = {
    email: overrides.email ?? uniqueEmail('user'),
    password: 'correct horse battery',
    name: overrides.name ?? 'Test User',
    locale: overrides.locale ?? 'en',
    timeZone: overrides.timeZone ?? 'Asia/Shanghai',
  };
  await call('POST', '/auth/signup', undefined, body);
  // Confirm the address with the mailed link's token (an unconfirmed account may not, e.g., send invitations).
  const mail = await waitForMail(body.email, /verify-email\?token=/);
  const token = /verify-email\?token=([A-Za-z0-9_-]+)/.exec(mail)?.[1];
  // confirming signs the owner in (as the e2e factory uses it): no second argon2 check through /auth/login
  const login = await call<{ accessToken: string; user: { id: string } }>('POST', '/auth/verify-email', undefined, {
    token,
  });
  return { id: login.user.id, email: body.email, name: body.name, password: body.password, token: login.accessToken };
}

/** A published two-day forum in Nanchang with rooms and a few sessions on each day. */
export async function createForum(
  organiser: ApiUser,
  meetingSettings: Record<string, unknown> = {},
): Promise<{ id: string; sessions: { id: string; title: string }[] }> {
  const event = await call<{ id: string }>('POST', '/events', organiser.token, {
    slug: `forum-${randomBytes(4).toString('hex')}`,
    name: 'China-Russia SME Roundtable',
    theme: 'Logistics and agriculture',
    translations: {
      zh: { name: '中俄中小企业圆桌会议', theme: '物流与农业' },
      ru: { name: 'Российско-китайский круглый стол МСП', theme: 'Логистика и сельское хозяйство' },
    },
    venue: 'Nanchang Greenland Center',
    city: 'Nanchang',
    country: 'CN',
    timeZone: 'Asia/Shanghai',
    startsAt: '2027-06-10T09:00:00+08:00',
    endsAt: '2027-06-11T18:00:00+08:00',
    languages: ['zh', 'ru', 'en'],
    sectors: ['logistics', 'agriculture'],
    meetingSettings: { windows: [{ date: '2027-06-10', start: '14:00', end: '16:00' }], ...meetingSettings },
  });
  const main = await call<{ id: string }>('POST', `/events/${event.id}/rooms`, organiser.token, { name: 'Main Hall' });
  const hallB = await call<{ id: string }>('POST', `/events/${event.id}/rooms`, organiser.token, { name: 'Hall B' });
  const session = (body: Record<string, unknown>) =>
    call<{ id: string; title: string }>('POST', `/events/${event.id}/sessions`, organiser.token, body);
  const sessions = [
    await session({
      title: 'Opening plenary',
      translations: { zh: { title: '开幕全体会议' }, ru: { title: 'Пленарное заседание' } },
      kind: 'plenary',
      roomId: main.id,
      startsAt: '2027-06-10T09:00:00+08:00',
      endsAt: '2027-06-10T10:00:00+08:00',
      languages: ['zh', 'ru'],
      interpretation: ['zh-ru'],
    }),
    await session({
      title: 'Rail freight panel',
      translations: { zh: { title: '铁路货运分论坛' }, ru: { title: 'Панель: железнодорожные грузоперевозки' } },
      kind: 'panel',
      roomId: hallB.id,
      startsAt: '2027-06-10T10:30:00+08:00',
      endsAt: '2027-06-10T12:00:00+08:00',
      speakers: [
        { email: uniqueEmail('speaker'), name: 'Elena Smirnova', role: 'moderator', company: 'RZD Logistics' },
      ],
    }),
    await session({
      title: 'Agriculture panel',
      translations: { zh: { title: '农业分论坛' }, ru: { title: 'Панель: сельское хозяйство' } },
      kind: 'panel',
      roomId: hallB.id,
      startsAt: '2027-06-11T10:00:00+08:00',
      endsAt: '2027-06-11T11:30:00+08:00',
    }),
  ];
  await call('POST', `/events/${event.id}/publish`, organiser.token);
  return { id: event.id, sessions };
}

export interface DelegateInput {
  company: {
    name: string;
    nameZh?: string;
    nameRu?: string;
    country: string;
    sectors: string[];
    offers?: string;
    seeks?: string;
  };
  languages: string[];
  timeZone: string;
  jobTitle?: string;
}

/** Registers `user` for the forum through the API, and has the organiser approve it unless told not to. */
export async function registerDelegate(
  eventId: string,
  organiser: ApiUser,
  user: ApiUser,
  input: DelegateInput,
  approve = true,
): Promise<string> {
  const registration = await call<{ id: string }>('POST', `/events/${eventId}/registrations`, user.token, input);
  if (approve) await call('POST', `/events/${eventId}/registrations/${registration.id}/approve`, organiser.token);
  return registration.id;
}
