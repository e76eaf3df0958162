import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createTestApp, http } from './support/app';
import { createDelegate } from './support/domain-factories';
import { Event } from '@roundtable/events';
import { createEvent, eventBody } from './support/event-api';
import { bearer, createUser, mailedToken, TestUser, uniqueEmail } from './support/factories';
import { outboxRows } from './support/mail-helpers';

describe('events', () => {
  let app: INestApplication;
  let organiser: TestUser;

  beforeAll(async () => {
    app = await createTestApp();
    organiser = await createUser(app, { name: 'Wang Fang' });
  });
  afterAll(() => app.close());

  it('creates a draft with sensible defaults and makes its creator the organiser', async () => {
    const res = await http(app)
      .post('/events')
      .set(...bearer(organiser))
      .send(eventBody())
      .expect(201);
    expect(res.body).toMatchObject({
      status: 'draft',
      timeZone: 'Asia/Shanghai',
      startsAt: '2027-06-10T01:00:00.000Z',
      endsAt: '2027-06-11T10:00:00.000Z',
      registration: { requiresApproval: true, capacity: null },
      meetingSettings: { slotMinutes: 30, tables: 20, maxMeetingsPerDelegate: 12, reminderLeadMinutes: [1440, 30] },
    });
    const team = await http(app)
      .get(`/events/${res.body.id}/organisers`)
      .set(...bearer(organiser))
      .expect(200);
    expect(team.body).toEqual({
      items: [{ userId: organiser.id, name: 'Wang Fang', email: organiser.email }],
      nextCursor: null,
    });
  });

  it.each([
    ['a zone on Mars', { timeZone: 'Mars/Phobos' }, 'timeZone'],
    ['an offset for a zone', { timeZone: 'UTC+25' }, 'timeZone'],
    ['an empty zone', { timeZone: '' }, 'timeZone'],
    ['an instant without offset', { startsAt: '2027-06-10T09:00:00' }, 'startsAt'],
    ['a bad country', { country: 'XX' }, 'country'],
    ['an unknown language', { languages: ['fr'] }, 'languages'],
    ['an object for the name', { name: { en: 'x' } }, 'name'],
    ['an unknown field', { owner: 'me' }, 'owner'],
    [
      'a bad meeting window',
      { meetingSettings: { windows: [{ date: '2027-06-10', start: '25:00', end: '18:00' }] } },
      'start',
    ],
  ])('refuses %s with a 400 naming the field', async (_label, overrides, field) => {
    const res = await http(app)
      .post('/events')
      .set(...bearer(organiser))
      .send(eventBody(overrides))
      .expect(400);
    expect(JSON.stringify(res.body.message)).toContain(field);
  });

  it('refuses an end before the start and meeting windows outside the event', async () => {
    const backwards = await http(app)
      .post('/events')
      .set(...bearer(organiser))
      .send(eventBody({ endsAt: '2027-06-09T09:00:00+08:00' }))
      .expect(400);
    expect(backwards.body.code).toBe('INVALID_EVENT_DATES');
    const outside = await http(app)
      .post('/events')
      .set(...bearer(organiser))
      .send(eventBody({ meetingSettings: { windows: [{ date: '2027-07-01', start: '14:00', end: '18:00' }] } }))
      .expect(400);
    expect(outside.body.message).toMatch(/outside the event/);
  });

  it('refuses a slug that is taken', async () => {
    const body = eventBody();
    await http(app)
      .post('/events')
      .set(...bearer(organiser))
      .send(body)
      .expect(201);
    const res = await http(app)
      .post('/events')
      .set(...bearer(organiser))
      .send(body)
      .expect(409);
    expect(res.body.code).toBe('SLUG_TAKEN');
  });

  it('hides drafts from everyone but their organisers', async () => {
    const draft = await createEvent(app, organiser, {}, false);
    const stranger = await createUser(app);
    await http(app).get(`/events/${draft.id}`).expect(404);
    await http(app)
      .get(`/events/${draft.id}`)
      .set(...bearer(stranger))
      .expect(404);
    await http(app)
      .get(`/events/${draft.id}`)
      .set(...bearer(organiser))
      .expect(200);
    await http(app).get(`/events/${draft.id}/agenda`).expect(404);
    const publicList = await http(app).get('/events?limit=200').expect(200);
    expect(publicList.body.items.map((e: { id: string }) => e.id)).not.toContain(draft.id);
    const mine = await http(app)
      .get('/events?mine=true&limit=200')
      .set(...bearer(organiser))
      .expect(200);
    expect(mine.body.items.map((e: { id: string }) => e.id)).toContain(draft.id);
  });

  it('lets only organisers edit, publish and manage the team', async () => {
    const event = await createEvent(app, organiser, {}, false);
    const stranger = await createUser(app);
    const otherOrganiser = await createUser(app);
    await createEvent(app, otherOrganiser);
    await http(app).patch(`/events/${event.id}`).send({ name: 'x' }).expect(401);
    await http(app)
      .patch(`/events/${event.id}`)
      .set(...bearer(stranger))
      .send({ name: 'Hijacked' })
      .expect(404);
    await http(app)
      .post(`/events/${event.id}/publish`)
      .set(...bearer(organiser))
      .expect(200);
    await http(app)
      .patch(`/events/${event.id}`)
      .set(...bearer(stranger))
      .send({ name: 'Hijacked' })
      .expect(403);
    await http(app)
      .patch(`/events/${event.id}`)
      .set(...bearer(otherOrganiser))
      .send({ name: 'Hijacked' })
      .expect(403);
    await http(app)
      .post(`/events/${event.id}/organisers`)
      .set(...bearer(stranger))
      .send({ email: stranger.email })
      .expect(403);

    const invited = await http(app)
      .post(`/events/${event.id}/organisers`)
      .set(...bearer(organiser))
      .send({ email: otherOrganiser.email })
      .expect(202);
    // the inviter learns nothing about the address: an address without an account answers the same
    const nobody = await http(app)
      .post(`/events/${event.id}/organisers`)
      .set(...bearer(organiser))
      .send({ email: uniqueEmail('nobody') })
      .expect(202);
    expect(invited.body).toEqual(nobody.body);
    expect(JSON.stringify(invited.body)).not.toContain(otherOrganiser.id);
    // invited is not joined
    await http(app)
      .patch(`/events/${event.id}`)
      .set(...bearer(otherOrganiser))
      .send({ name: 'Hijacked' })
      .expect(403);
    const token = await mailedToken(app, otherOrganiser.email, 'organiser-invitation');
    const notTheirs = await http(app)
      .post(`/events/${event.id}/organisers/accept`)
      .set(...bearer(stranger))
      .send({ token })
      .expect(403);
    expect(notTheirs.body.code).toBe('ORGANISER_INVITATION_FOR_ANOTHER_ADDRESS');
    const madeUp = await http(app)
      .post(`/events/${event.id}/organisers/accept`)
      .set(...bearer(otherOrganiser))
      .send({ token: 'x'.repeat(43) })
      .expect(400);
    expect(madeUp.body.code).toBe('ORGANISER_INVITATION_INVALID');
    const joined = await http(app)
      .post(`/events/${event.id}/organisers/accept`)
      .set(...bearer(otherOrganiser))
      .send({ token })
      .expect(200);
    expect(joined.body.items.map((o: { userId: string }) => o.userId)).toContain(otherOrganiser.id);
    const twice = await http(app)
      .post(`/events/${event.id}/organisers/accept`)
      .set(...bearer(otherOrganiser))
      .send({ token })
      .expect(410);
    expect(twice.body.code).toBe('ORGANISER_INVITATION_USED');
    const renamed = await http(app)
      .patch(`/events/${event.id}`)
      .set(...bearer(otherOrganiser))
      .send({ name: 'Renamed forum' })
      .expect(200);
    expect(renamed.body.name).toBe('Renamed forum');
    await http(app)
      .delete(`/events/${event.id}/organisers/${otherOrganiser.id}`)
      .set(...bearer(organiser))
      .expect(200);
    const last = await http(app)
      .delete(`/events/${event.id}/organisers/${organiser.id}`)
      .set(...bearer(organiser))
      .expect(409);
    expect(last.body.message).toMatch(/at least one organiser/);
  });

  it('allows only the documented status changes', async () => {
    const event = await createEvent(app, organiser, {}, false);
    const closeDraft = await http(app)
      .post(`/events/${event.id}/close`)
      .set(...bearer(organiser))
      .expect(409);
    expect(closeDraft.body.code).toBe('INVALID_STATUS_CHANGE');
    await http(app)
      .post(`/events/${event.id}/publish`)
      .set(...bearer(organiser))
      .expect(200);
    await http(app)
      .post(`/events/${event.id}/publish`)
      .set(...bearer(organiser))
      .expect(409);
    await http(app)
      .post(`/events/${event.id}/close`)
      .set(...bearer(organiser))
      .expect(200);
    await http(app)
      .post(`/events/${event.id}/cancel`)
      .set(...bearer(organiser))
      .expect(409);
  });

  it('tells every registered person when the event is cancelled, and nobody else', async () => {
    const created = await createEvent(app, organiser);
    const event = await app.get(DataSource).getRepository(Event).findOneByOrFail({ id: created.id });
    const approved = await createDelegate(app, event);
    const pending = await createDelegate(app, event, { registration: { status: 'pending' } });
    const rejected = await createDelegate(app, event, { registration: { status: 'rejected' } });
    await http(app)
      .post(`/events/${event.id}/cancel`)
      .set(...bearer(organiser))
      .send({ reason: 'Venue flooded' })
      .expect(200);
    const rows = await outboxRows(app, { eventId: event.id, type: 'event-cancelled' });
    expect(rows.map((r) => r.recipientEmail).sort()).toEqual([approved.user.email, pending.user.email].sort());
    expect(rows.map((r) => r.recipientEmail)).not.toContain(rejected.user.email);
    expect(rows[0].payload).toMatchObject({ reason: 'Venue flooded' });
  });
});
