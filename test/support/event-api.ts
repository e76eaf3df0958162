import { randomBytes } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { http } from './app';
import { bearer, TestUser } from './factories';

/** A valid event body for POST /events: two days in Nanchang in June 2027. */
export const eventBody = (overrides: Record<string, unknown> = {}) => ({
  slug: `forum-${randomBytes(4).toString('hex')}`,
  name: '12th China-Russia SME Cooperation Roundtable',
  theme: 'Cooperation in logistics and agriculture',
  translations: {
    zh: { name: '第十二届中俄中小企业合作圆桌会议' },
    ru: { name: 'XII Российско-китайский круглый стол МСП' },
  },
  venue: 'Nanchang Greenland Center',
  city: 'Nanchang',
  country: 'CN',
  timeZone: 'Asia/Shanghai',
  startsAt: '2027-06-10T09:00:00+08:00',
  endsAt: '2027-06-11T18:00:00+08:00',
  languages: ['zh', 'ru', 'en'],
  sectors: ['logistics', 'agriculture'],
  meetingSettings: { windows: [{ date: '2027-06-10', start: '14:00', end: '18:00' }] },
  sessionSettings: { reminderLeadMinutes: [60] },
  ...overrides,
});

/** Creates an event through the API (optionally publishing it) and returns its JSON. */
export async function createEvent(
  app: INestApplication,
  organiser: TestUser,
  overrides: Record<string, unknown> = {},
  publish = true,
): Promise<{ id: string; [key: string]: unknown }> {
  const res = await http(app)
    .post('/events')
    .set(...bearer(organiser))
    .send(eventBody(overrides))
    .expect(201);
  if (publish)
    await http(app)
      .post(`/events/${res.body.id}/publish`)
      .set(...bearer(organiser))
      .expect(200);
  return res.body as { id: string };
}
