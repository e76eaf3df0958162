import { INestApplication } from '@nestjs/common';
import { createTestApp, http } from './support/app';
import { createEvent, eventBody } from './support/event-api';
import { bearer, createUser, TestUser } from './support/factories';

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('malformed input is a 400, never a 500', () => {
  let app: INestApplication;
  let organiser: TestUser;

  beforeAll(async () => {
    app = await createTestApp();
    organiser = await createUser(app);
  });
  afterAll(() => app.close());

  it('refuses a body nested 10,000 deep with a 400 naming the nesting', async () => {
    const deep = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    const res = await http(app).post('/auth/signup').set('Content-Type', 'application/json').send(deep).expect(400);
    expect(res.body.code).toBe('BODY_TOO_DEEP');
    const deepArray = '['.repeat(10_000) + ']'.repeat(10_000);
    await http(app)
      .post('/events')
      .set(...bearer(organiser))
      .set('Content-Type', 'application/json')
      .send(deepArray)
      .expect(400);
  });

  it('answers a body of a type it does not read with a 415 naming the type, and an empty JSON body as {}', async () => {
    const xml = await http(app)
      .post('/auth/signup')
      .set('Content-Type', 'application/xml')
      .send('<signup><email>x@y.z</email></signup>')
      .expect(415);
    expect(xml.body).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: expect.stringContaining('application/xml'),
    });
    // no body at all, declared JSON: the fields it lacks are named, as for `{}`
    const empty = await http(app).post('/auth/signup').set('Content-Type', 'application/json').expect(400);
    expect(empty.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(empty.body.message)).toContain('email');
    // a JSON body poisoning the prototype is refused, not merged
    const poisoned = await http(app)
      .post('/auth/signup')
      .set('Content-Type', 'application/json')
      .send('{"email":"x@y.z","__proto__":{"isAdmin":true}}')
      .expect(400);
    expect(poisoned.body.message).toContain('prototype');
  });

  it('reads a path with a trailing slash as without one', async () => {
    const event = await createEvent(app, organiser);
    const slash = await http(app)
      .get(`/events/${event.id}/`)
      .set(...bearer(organiser))
      .expect(200);
    expect(slash.body.id).toBe(event.id);
  });

  it('refuses impossible instants and calendar dates naming the field', async () => {
    const post = (body: Record<string, unknown>) =>
      http(app)
        .post('/events')
        .set(...bearer(organiser))
        .send(eventBody(body));
    const cases: [Record<string, unknown>, string][] = [
      [{ startsAt: '2027-13-45T99:00:00Z' }, 'startsAt'],
      [{ endsAt: '2027-02-30T10:00:00+08:00' }, 'endsAt'],
      [{ startsAt: '2027-06-10T09:00:00+25:00' }, 'startsAt'],
      [{ registration: { closesAt: '2027-06-31T00:00:00Z' } }, 'closesAt'],
      [{ meetingSettings: { windows: [{ date: '2027-13-01', start: '14:00', end: '18:00' }] } }, 'date'],
    ];
    for (const [body, field] of cases) {
      const res = await post(body).expect(400);
      expect(JSON.stringify(res.body.message)).toContain(field);
    }
  });

  it('refuses cursors that decode to garbage on every paginated list', async () => {
    const event = await createEvent(app, organiser);
    const lists = [
      '/events',
      `/events/${event.id}/registrations`,
      `/events/${event.id}/delegates`,
      `/events/${event.id}/notifications`,
      `/events/${event.id}/agreements/ledger`,
    ];
    const garbage = [
      cursorOf(['1 OR 1=1']),
      cursorOf(['not a date', 'x']),
      cursorOf(['2027-06-10T00:00:00.000Z', "x' OR '1'='1"]),
      cursorOf([-1]),
      cursorOf([1.5]),
      cursorOf({ a: 1 }),
      'not-base64-json!',
    ];
    for (const list of lists) {
      for (const cursor of garbage) {
        const res = await http(app)
          .get(list)
          .query({ cursor })
          .set(...bearer(organiser));
        expect([list, cursor, res.status, res.body.code]).toEqual([list, cursor, 400, 'INVALID_CURSOR']);
      }
    }
  });
});
