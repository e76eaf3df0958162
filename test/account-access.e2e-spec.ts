import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createTestApp, http } from './support/app';
import { createEvent } from './support/event-api';
import { bearer, createUser, mailedToken, TestUser, uniqueEmail } from './support/factories';
import { outboxRows } from './support/mail-helpers';

/**
 * What an address is offered (a speaker's panel, an organiser's team, the
 * right to mail invitations in an event's name) goes only to an account whose
 * owner confirmed that address: signing up with somebody else's address gets
 * none of it.
 */
describe('until the address is confirmed', () => {
  let app: INestApplication;
  let organiser: TestUser;
  let eventId: string;

  beforeAll(async () => {
    app = await createTestApp();
    organiser = await createUser(app);
    eventId = (await createEvent(app, organiser)).id;
  });
  afterAll(() => app.close());

  it('an impostor signed up with a moderator’s address gets neither their sessions nor their speaker profile', async () => {
    const moderatorEmail = uniqueEmail('huang.hui');
    const panel = await http(app)
      .post(`/events/${eventId}/sessions`)
      .set(...bearer(organiser))
      .send({
        kind: 'panel',
        title: 'Agriculture panel',
        startsAt: '2027-06-10T14:00:00+08:00',
        endsAt: '2027-06-10T15:00:00+08:00',
        speakers: [{ email: moderatorEmail, name: 'Huang Hui', role: 'moderator' }],
      })
      .expect(201);
    const impostor = await createUser(app, { email: moderatorEmail, verified: false });

    const sessions = await http(app)
      .get('/me/sessions')
      .set(...bearer(impostor))
      .expect(200);
    expect(sessions.body).toEqual({ items: [], nextCursor: null });
    const edit = await http(app)
      .patch(`/events/${eventId}/sessions/${panel.body.id}/speaker-profile`)
      .set(...bearer(impostor))
      .send({ materials: ['https://evil.example/malware.exe'] })
      .expect(403);
    expect(edit.body.code).toBe('EMAIL_NOT_VERIFIED');
    const agenda = await http(app)
      .get(`/events/${eventId}/sessions`)
      .set(...bearer(organiser));
    expect(JSON.stringify(agenda.body)).not.toContain('evil.example');

    // the real owner, once they confirm from their mailbox, has the panel
    await http(app)
      .post('/auth/signup')
      .send({ email: moderatorEmail, password: 'huang hui own password', name: 'Huang Hui' })
      .expect(202);
    const owner = await http(app)
      .post('/auth/verify-email')
      .send({ token: await mailedToken(app, moderatorEmail, 'account-verify-email') })
      .expect(200);
    const theirs = await http(app)
      .get('/me/sessions')
      .set(...bearer({ token: owner.body.accessToken }))
      .expect(200);
    expect(theirs.body.items.map((s: { id: string }) => s.id)).toEqual([panel.body.id]);
  });

  it('an unconfirmed organiser cannot mail invitations or co-organiser invitations', async () => {
    const unconfirmed = await createUser(app, { verified: false });
    const draft = await createEvent(
      app,
      unconfirmed,
      { name: 'URGENT: verify your account at http://evil.example' },
      false,
    );
    const invitations = await http(app)
      .post(`/events/${draft.id}/invitations`)
      .set(...bearer(unconfirmed))
      .send({ invitations: [{ email: uniqueEmail('target'), name: 'Target' }] })
      .expect(403);
    expect(invitations.body.code).toBe('EMAIL_NOT_VERIFIED');
    const team = await http(app)
      .post(`/events/${draft.id}/organisers`)
      .set(...bearer(unconfirmed))
      .send({ email: uniqueEmail('target') })
      .expect(403);
    expect(team.body.code).toBe('EMAIL_NOT_VERIFIED');
    expect(await outboxRows(app, { eventId: draft.id })).toHaveLength(0);
  });

  it('an unconfirmed account cannot accept an organiser invitation sent to its address', async () => {
    const address = uniqueEmail('co');
    await http(app)
      .post(`/events/${eventId}/organisers`)
      .set(...bearer(organiser))
      .send({ email: address })
      .expect(202);
    const token = await mailedToken(app, address, 'organiser-invitation');
    const impostor = await createUser(app, { email: address, verified: false });
    const refused = await http(app)
      .post(`/events/${eventId}/organisers/accept`)
      .set(...bearer(impostor))
      .send({ token })
      .expect(403);
    expect(refused.body.code).toBe('EMAIL_NOT_VERIFIED');
    const team = await http(app)
      .get(`/events/${eventId}/organisers`)
      .set(...bearer(organiser))
      .expect(200);
    expect(team.body.items.map((o: { userId: string }) => o.userId)).not.toContain(impostor.id);
  });

  it('registering with an invitation mailed to the address confirms it', async () => {
    const guest = await createUser(app, { verified: false });
    const invited = await http(app)
      .post(`/events/${eventId}/invitations`)
      .set(...bearer(organiser))
      .send({ invitations: [{ email: guest.email, name: 'Guest' }] })
      .expect(201);
    const [mail] = await outboxRows(app, { dedupeKey: `invitation:${invited.body.invited[0].invitationId}` });
    const token = new URL(String(mail.payload.registrationUrl)).searchParams.get('invitationToken')!;
    await http(app)
      .post(`/events/${eventId}/registrations`)
      .set(...bearer(guest))
      .send({ invitationToken: token, company: { name: 'Guest Co', country: 'CN', sectors: ['logistics'] } })
      .expect(201);
    const me = await http(app)
      .get('/me')
      .set(...bearer(guest))
      .expect(200);
    expect(me.body.emailVerified).toBe(true);
    const [row] = await app
      .get(DataSource)
      .query<{ verified: number }[]>('SELECT email_verified_at IS NOT NULL AS verified FROM users WHERE id = ?', [
        guest.id,
      ]);
    expect(Number(row.verified)).toBe(1);
  });
});
