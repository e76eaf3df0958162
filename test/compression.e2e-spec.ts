import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApp } from './support/app';
import { createEvent } from './support/event-api';
import { bearer, createUser, TestUser } from './support/factories';

/** The bytes (superagent has already gunzip'd them) and the headers as sent. */
async function raw(app: INestApplication, path: string, headers: Record<string, string>) {
  const res = await request(app.getHttpServer())
    .get(path)
    .set(headers)
    .buffer(true)
    .parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    })
    .expect(200);
  return { headers: res.headers, bytes: res.body as Buffer };
}

/** JSON answers go out gzip'd when the client asks, from the handlers and from the public read cache alike. */
describe('Response compression', () => {
  let app: INestApplication;
  let organiser: TestUser;
  let eventId: string;

  beforeAll(async () => {
    app = await createTestApp();
    organiser = await createUser(app);
    eventId = (await createEvent(app, organiser)).id;
    for (let i = 0; i < 8; i++)
      await request(app.getHttpServer())
        .post(`/events/${eventId}/sessions`)
        .set(...bearer(organiser))
        .send({
          kind: 'panel',
          title: `Rail freight Nanchang–Moscow, part ${i + 1}`,
          description: 'Corridors, customs and rolling stock between Jiangxi and the Volga. '.repeat(3),
          startsAt: `2027-06-10T${String(9 + i).padStart(2, '0')}:00:00+08:00`,
          endsAt: `2027-06-10T${String(9 + i).padStart(2, '0')}:45:00+08:00`,
        })
        .expect(201);
  });
  afterAll(() => app.close());

  it('gzips the public agenda when asked, on the first read and from the cache, and not when not asked', async () => {
    const path = `/events/${eventId}/agenda`;
    const plain = await raw(app, path, { 'Accept-Encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const agenda = JSON.parse(plain.bytes.toString('utf8'));
    expect(agenda.days[0].sessions).toHaveLength(8);
    for (let read = 0; read < 2; read++) {
      const zipped = await raw(app, path, { 'Accept-Encoding': 'gzip, deflate, br' });
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.headers.vary).toMatch(/accept-encoding/i);
      // The length on the wire: the compressed bytes.
      expect(Number(zipped.headers['content-length'])).toBeLessThan(plain.bytes.length / 2);
      expect(JSON.parse(zipped.bytes.toString('utf8'))).toEqual(agenda);
    }
    const again = await raw(app, path, { 'Accept-Encoding': 'identity' });
    expect(again.headers['content-encoding']).toBeUndefined();
    expect(again.bytes.equals(plain.bytes)).toBe(true);
  });

  it('gzips a signed-in JSON read (not from the cache), and not when not asked', async () => {
    const [name, value] = bearer(organiser);
    const sessions = await raw(app, `/events/${eventId}/sessions`, { [name]: value, 'Accept-Encoding': 'gzip' });
    expect(sessions.headers['content-encoding']).toBe('gzip');
    expect(sessions.headers.vary).toMatch(/accept-encoding/i);
    expect(JSON.parse(sessions.bytes.toString('utf8')).items).toHaveLength(8);
    const plain = await raw(app, `/events/${eventId}/sessions`, { [name]: value, 'Accept-Encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.bytes.toString('utf8'))).toEqual(JSON.parse(sessions.bytes.toString('utf8')));
  });
});
