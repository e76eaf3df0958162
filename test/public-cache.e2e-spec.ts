import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createTestApp, http } from './support/app';
import { createEvent } from './support/event-api';
import { bearer, createUser, TestUser } from './support/factories';

/**
 * The public reads (event, agenda JSON and ICS, sessions, agreements summary)
 * come from a cache shared by every api process through a version number in
 * Redis: two app instances here, as two processes behind a load balancer.
 */
describe('Public reads: cache, ETag and Last-Modified', () => {
  let one: INestApplication;
  let two: INestApplication;
  let organiser: TestUser;
  let ds: DataSource;

  beforeAll(async () => {
    one = await createTestApp();
    two = await createTestApp();
    organiser = await createUser(one);
    ds = one.get(DataSource);
  });
  afterAll(async () => {
    await one.close();
    await two.close();
  });

  async function eventWithSession() {
    const event = await createEvent(one, organiser, { publicAgreementsReport: true });
    const session = await http(one)
      .post(`/events/${event.id}/sessions`)
      .set(...bearer(organiser))
      .send({
        kind: 'panel',
        title: 'Rail freight Nanchang–Moscow',
        startsAt: '2027-06-10T10:00:00+08:00',
        endsAt: '2027-06-10T11:00:00+08:00',
      })
      .expect(201);
    return { eventId: event.id, sessionId: session.body.id as string };
  }

  it('answers ETag and Last-Modified, and 304 to a client that has them', async () => {
    const { eventId } = await eventWithSession();
    for (const path of [
      `/events/${eventId}`,
      `/events/${eventId}/agenda`,
      `/events/${eventId}/agenda?format=ics`,
      `/events/${eventId}/sessions`,
      `/events/${eventId}/agreements/summary`,
    ]) {
      const first = await http(one).get(path).expect(200);
      const etag = first.headers.etag;
      const lastModified = first.headers['last-modified'];
      expect(etag).toMatch(/^W\/".+"$/);
      expect(new Date(lastModified).getTime()).toBeGreaterThan(Date.now() - 600_000);
      await http(one).get(path).set('If-None-Match', etag).expect(304);
      await http(two).get(path).set('If-None-Match', etag).expect(304);
      await http(two).get(path).set('If-Modified-Since', lastModified).expect(304);
      // A signed-in reader gets the same answer and validators.
      const signedIn = await http(two)
        .get(path)
        .set(...bearer(organiser))
        .expect(200);
      expect(signedIn.text).toBe(first.text);
      await http(one).get(path).set('If-None-Match', 'W/"something-else"').expect(200);
    }
    const ics = await http(two).get(`/events/${eventId}/agenda?format=ics`).expect(200);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    expect(ics.headers['content-disposition']).toContain('agenda.ics');
  });

  it('answers HEAD with the headers alone, and a HEAD that fills the cache leaves the whole answer for a GET', async () => {
    const { eventId } = await eventWithSession();
    const path = `/events/${eventId}/agenda`;
    const head = await http(one).head(path).expect(200);
    expect(head.text ?? '').toBe('');
    expect(head.headers.etag).toMatch(/^W\/".+"$/);
    for (const app of [one, one, two]) {
      const got = await http(app).get(path).set('Accept-Encoding', 'identity').expect(200);
      expect(got.body.event.id).toBe(eventId);
      expect(got.text).toContain('Rail freight Nanchang–Moscow');
      expect(Number(got.headers['content-length'])).toBe(Buffer.byteLength(got.text));
      expect(got.headers.etag).toBe(head.headers.etag);
    }
    const hit = await http(one).head(path).expect(200);
    expect(hit.text ?? '').toBe('');
    expect(hit.headers.etag).toBe(head.headers.etag);
  });

  it('serves from the cache, and a write through the api refreshes every process at once', async () => {
    const { eventId, sessionId } = await eventWithSession();
    const before = await http(two).get(`/events/${eventId}/agenda`).expect(200);
    await http(one).get(`/events/${eventId}/agenda?format=ics`).expect(200);
    // A change behind the api's back is not seen: the answer comes from the cache, not the database.
    await ds.query('UPDATE sessions SET title = ? WHERE id = ?', ['Edited in SQL', sessionId]);
    const cached = await http(two).get(`/events/${eventId}/agenda`).expect(200);
    expect(cached.text).toBe(before.text);
    // A change through instance one is seen by instance two on its next read.
    await http(one)
      .patch(`/events/${eventId}/sessions/${sessionId}`)
      .set(...bearer(organiser))
      .send({ title: 'Rail and road freight Nanchang–Moscow' })
      .expect(200);
    const after = await http(two)
      .get(`/events/${eventId}/agenda`)
      .set('If-None-Match', before.headers.etag)
      .expect(200);
    expect(after.body.days[0].sessions[0].title).toBe('Rail and road freight Nanchang–Moscow');
    expect(after.headers.etag).not.toBe(before.headers.etag);
    const ics = await http(one).get(`/events/${eventId}/agenda?format=ics`).expect(200);
    expect(ics.text).toContain('Rail and road freight Nanchang–Moscow');
    const sessions = await http(two).get(`/events/${eventId}/sessions`).expect(200);
    expect(sessions.body.items[0].title).toBe('Rail and road freight Nanchang–Moscow');
    // Event edits too.
    await http(two).get(`/events/${eventId}`).expect(200);
    await http(two)
      .patch(`/events/${eventId}`)
      .set(...bearer(organiser))
      .send({ theme: 'Freight corridors' })
      .expect(200);
    expect((await http(one).get(`/events/${eventId}`).expect(200)).body.theme).toBe('Freight corridors');
    // And a new ledger entry shows in the public summary.
    const summary = await http(one).get(`/events/${eventId}/agreements/summary`).expect(200);
    await http(two)
      .post(`/events/${eventId}/agreements`)
      .set(...bearer(organiser))
      .send({
        title: 'Rail freight cooperation',
        kind: 'cooperation_agreement',
        sector: 'logistics',
        parties: [
          { name: 'Jiangxi Rail Logistics', country: 'CN', signatories: [{ name: 'Wang Lei', position: 'Chairman' }] },
          { name: 'Volga Freight', country: 'RU', signatories: [{ name: 'Анна Петрова', position: 'Директор' }] },
        ],
        value: { amount: '1000000.00', currency: 'CNY' },
        signedAt: '2027-06-11T08:30:00Z',
      })
      .expect(201);
    const changed = await http(one).get(`/events/${eventId}/agreements/summary`).expect(200);
    expect(changed.text).not.toBe(summary.text);
  });

  it('never serves a draft to someone who may not see it', async () => {
    const draft = await createEvent(one, organiser, {}, false);
    await http(one)
      .get(`/events/${draft.id}`)
      .set(...bearer(organiser))
      .expect(200);
    await http(one).get(`/events/${draft.id}`).expect(404);
    await http(one).get(`/events/${draft.id}/agenda`).expect(404);
    await http(two).get(`/events/${draft.id}/agenda`).expect(404);
    const stranger = await createUser(one);
    await http(two)
      .get(`/events/${draft.id}/sessions`)
      .set(...bearer(stranger))
      .expect(404);
  });
});
