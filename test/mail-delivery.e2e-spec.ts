import { INestApplication } from '@nestjs/common';
import { OutboxMessageEntity } from '@roundtable/notifications';
import { DataSource } from 'typeorm';
import { createTestApp, http } from './support/app';
import { createDelegate, createEventRow } from './support/domain-factories';
import { bearer, createUser, TestUser } from './support/factories';
import { enqueueMail, invitation, outboxRows } from './support/mail-helpers';

describe('the organisers’ mail delivery view', () => {
  let app: INestApplication;
  let organiser: TestUser;

  beforeAll(async () => {
    app = await createTestApp();
    organiser = await createUser(app);
  });
  afterAll(() => app.close());

  it('counts the event’s mails by status and by type, every status listed, zeros included', async () => {
    const event = await createEventRow(app, organiser);
    const mails = [
      invitation({ eventId: event.id }),
      invitation({ eventId: event.id }),
      invitation({ eventId: event.id }),
    ];
    mails[2].type = 'registration-approved';
    await enqueueMail(app, ...mails);
    const [failed] = await outboxRows(app, { dedupeKey: mails[0].dedupeKey });
    await app
      .get(DataSource)
      .getRepository(OutboxMessageEntity)
      .update({ id: failed.id }, { status: 'failed', lastError: '550 Mailbox unavailable' });

    const facets = (
      await http(app)
        .get(`/events/${event.id}/notifications/facets`)
        .set(...bearer(organiser))
        .expect(200)
    ).body;
    expect(facets.byStatus).toEqual([
      { key: 'pending', count: 2 },
      { key: 'queued', count: 0 },
      { key: 'sent', count: 0 },
      { key: 'failed', count: 1 },
      { key: 'cancelled', count: 0 },
    ]);
    expect(facets.byType).toEqual([
      { key: 'invitation', count: 2 },
      { key: 'registration-approved', count: 1 },
    ]);
    // the list filters by both at once
    const list = (
      await http(app)
        .get(`/events/${event.id}/notifications?status=failed&type=invitation`)
        .set(...bearer(organiser))
        .expect(200)
    ).body;
    expect(list.items.map((n: { id: string }) => n.id)).toEqual([failed.id]);
    expect(list.items[0].lastError).toBe('550 Mailbox unavailable');
  });

  it('refuses the counts to delegates, another event’s organisers and anonymous callers', async () => {
    const event = await createEventRow(app, organiser);
    const delegate = await createDelegate(app, event);
    const stranger = await createUser(app);
    await createEventRow(app, stranger);
    const path = `/events/${event.id}/notifications/facets`;
    await http(app).get(path).expect(401);
    await http(app)
      .get(path)
      .set(...bearer(delegate.user))
      .expect(403);
    await http(app)
      .get(path)
      .set(...bearer(stranger))
      .expect(403);
  });

  it('says which filter is wrong, never a 500', async () => {
    const event = await createEventRow(app, organiser);
    for (const [query, message] of [
      ['status=bogus', /status must be one of/],
      ["type=x' OR 1=1 --", /type must match/],
      [`type=${'a'.repeat(65)}`, /type must match/],
      ['limit=0', /limit/],
    ] as const) {
      const res = await http(app)
        .get(`/events/${event.id}/notifications?${query}`)
        .set(...bearer(organiser))
        .expect(400);
      expect(JSON.stringify(res.body.message)).toMatch(message);
    }
  });
});
