import { INestApplication } from '@nestjs/common';
import { LOCALES } from '@roundtable/common';
import { MailTemplateRegistry, OutboxMessageEntity, OutboxService } from '@roundtable/notifications';
import { DataSource } from 'typeorm';
import { createTestApp, http } from './support/app';
import { createEventRow } from './support/domain-factories';
import { bearer, createUser, TestUser } from './support/factories';
import { enqueueMail, invitation, outboxRows, waitForOutbox } from './support/mail-helpers';
import { SmtpSink } from './support/smtp-sink';

describe('notification pipeline', () => {
  let sink: SmtpSink;
  let app: INestApplication;
  let organiser: TestUser;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    app = await createTestApp({ allInOne: true, env: { SMTP_URL: sink.url } });
    organiser = await createUser(app);
  });
  afterAll(async () => {
    await app.close();
    await sink.stop();
  });

  it('delivers a mail written to the outbox with a stable Message-ID and records it', async () => {
    const message = invitation({ recipient: { email: 'ivan.petrov@example.test', name: 'Иван Петров', locale: 'ru' } });
    message.dedupeKey = `invitation-ru:${Date.now()}`;
    await enqueueMail(app, message);
    const [row] = await waitForOutbox(app, { dedupeKey: message.dedupeKey }, (rows) => rows[0]?.status === 'sent');
    const [mail] = sink.mails.filter((m) => m.parsed.messageId === `<${row.id}@roundtable>`);
    expect(mail).toBeDefined();
    expect(mail.parsed.subject).toBe('Приглашение: China-Russia SME Roundtable');
    expect(mail.parsed.text).toContain('Уважаемый(ая) Иван Петров!');
    expect(mail.parsed.html).toContain('http://localhost:3000/register?invitation=abc');
    expect(row).toMatchObject({ messageId: `<${row.id}@roundtable>`, attempts: 1, lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it('writes one row for the same fact enqueued twice, and none when the transaction rolls back', async () => {
    const message = invitation();
    await enqueueMail(app, message);
    await enqueueMail(app, { ...message, recipient: { ...message.recipient, name: 'Someone Else' } });
    expect(await outboxRows(app, { dedupeKey: message.dedupeKey })).toHaveLength(1);

    const rolledBack = invitation();
    await expect(
      app.get(DataSource).transaction(async (em) => {
        await app.get(OutboxService).enqueue(em, rolledBack);
        throw new Error('domain change failed');
      }),
    ).rejects.toThrow('domain change failed');
    expect(await outboxRows(app, { dedupeKey: rolledBack.dedupeKey })).toHaveLength(0);
  });

  it('writes any number of messages in one call (in several INSERTs, the last one short)', async () => {
    const run = Date.now().toString(36);
    // due long after this run, so no worker sends them
    const messages = Array.from({ length: 1234 }, (_, i) =>
      invitation({ dedupeKey: `bulk-${run}-${i}`, dueAt: new Date('2099-01-01T00:00:00Z') }),
    );
    await enqueueMail(app, ...messages);
    const ds = app.get(DataSource);
    const [{ n }] = await ds.query<{ n: string }[]>('SELECT COUNT(*) AS n FROM outbox WHERE dedupe_key LIKE ?', [
      `bulk-${run}-%`,
    ]);
    expect(Number(n)).toBe(1234);
    await ds.query('DELETE FROM outbox WHERE dedupe_key LIKE ?', [`bulk-${run}-%`]);
  });

  it('refuses to enqueue a mail type nobody registered a template for', async () => {
    await expect(enqueueMail(app, invitation({ type: 'no-such-template' }))).rejects.toThrow(/no-such-template/);
  });

  it('renders every registered template in zh, ru and en, with no placeholder left', () => {
    const registry = app.get(MailTemplateRegistry);
    expect(registry.all().length).toBeGreaterThan(0);
    const seen = new Map<string, string>();
    for (const template of registry.all()) {
      for (const locale of LOCALES) {
        const mail = template.render(template.example, {
          locale,
          recipient: { email: 'a@example.test', name: 'Anna', locale, timeZone: 'Europe/Moscow' },
          eventTimeZone: 'Asia/Shanghai',
          baseUrl: 'http://localhost:3000',
        });
        for (const part of [mail.subject, mail.text, mail.html]) {
          expect(part.trim().length).toBeGreaterThan(0);
          expect(part).not.toMatch(/undefined|\[object Object\]|\$\{|\bNaN\b/);
        }
        const key = `${template.type}:${mail.subject}`;
        expect(seen.has(key)).toBe(false);
        seen.set(key, locale);
      }
    }
  });

  it('keeps recipients and headers intact against CR/LF, U+2028 and markup in names and values', async () => {
    const message = invitation({
      recipient: {
        email: 'victim.target@example.test',
        name: 'Evil "Quoted" Name\r\nBcc: thief@example.test\u2028X-Injected: yes',
        locale: 'en',
      },
      payload: {
        eventName: '<script>alert(1)</script> Forum\r\nBcc: thief@example.test',
        inviterName: 'Mallory <b>bold</b>',
        registrationUrl: 'http://localhost:3000/register?x="><img src=x>',
        role: 'delegate',
      },
    });
    await enqueueMail(app, message);
    await waitForOutbox(app, { dedupeKey: message.dedupeKey }, (rows) => rows[0]?.status === 'sent');
    const [mail] = sink.byRecipient('victim.target@example.test');
    expect(mail.envelopeTo).toEqual(['victim.target@example.test']);
    expect(mail.parsed.bcc).toBeUndefined();
    expect(mail.parsed.headers.has('x-injected')).toBe(false);
    const to = mail.parsed.to as { value: { address: string }[] };
    expect(to.value.map((v) => v.address)).toEqual(['victim.target@example.test']);
    const headerBlock = mail.raw.split(/\r?\n\r?\n/)[0];
    expect(headerBlock).not.toMatch(/^(Bcc|X-Injected):/im);
    expect(mail.parsed.html).not.toContain('<script>');
    expect(mail.parsed.html).toContain('&lt;script&gt;');
    expect(mail.parsed.html).not.toContain('<img src=x>');
    expect(mail.parsed.subject).not.toMatch(/[\r\n]/);
  });

  it('retries a 451 with backoff, then delivers', async () => {
    sink.failNext(1, 451, 'Greylisted, try later');
    const message = invitation();
    await enqueueMail(app, message);
    const [row] = await waitForOutbox(app, { dedupeKey: message.dedupeKey }, (rows) => rows[0]?.attempts === 1);
    expect(row.status).toBe('pending');
    expect(row.lastError).toMatch(/451|Greylisted/);
    expect(row.dueAt.getTime()).toBeGreaterThan(Date.now() + 10_000);
    // let the backoff elapse
    await app.get(DataSource).getRepository(OutboxMessageEntity).update({ id: row.id }, { dueAt: new Date() });
    const [sent] = await waitForOutbox(app, { id: row.id }, (rows) => rows[0]?.status === 'sent');
    expect(sent.attempts).toBe(2);
    expect(sink.byRecipient(message.recipient.email)).toHaveLength(1);
  });

  it('records a 550 as failed with the reason, shows it to organisers and lets them retry', async () => {
    const event = await createEventRow(app, organiser);
    const message = invitation({ eventId: event.id });
    sink.rejectRecipient(message.recipient.email, 550, 'Mailbox unavailable');
    await enqueueMail(app, message);
    const [row] = await waitForOutbox(app, { dedupeKey: message.dedupeKey }, (rows) => rows[0]?.status === 'failed');
    expect(row.lastError).toMatch(/550|Mailbox unavailable/);

    const list = await http(app)
      .get(`/events/${event.id}/notifications?status=failed`)
      .set(...bearer(organiser))
      .expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: row.id, status: 'failed', recipientEmail: message.recipient.email }),
    ]);
    expect(list.body.items[0]).not.toHaveProperty('payload');

    sink.acceptRecipient(message.recipient.email);
    const retried = await http(app)
      .post(`/notifications/${row.id}/retry`)
      .set(...bearer(organiser))
      .expect(200);
    expect(retried.body.status).toBe('pending');
    await waitForOutbox(app, { id: row.id }, (rows) => rows[0]?.status === 'sent');
    await http(app)
      .post(`/notifications/${row.id}/retry`)
      .set(...bearer(organiser))
      .expect(409);
  });

  it('refuses the delivery view and retry to people who do not organise the event', async () => {
    const event = await createEventRow(app, organiser);
    const outsider = await createUser(app);
    const message = invitation({ eventId: event.id });
    await enqueueMail(app, message);
    const [row] = await outboxRows(app, { dedupeKey: message.dedupeKey });
    await http(app).get(`/events/${event.id}/notifications`).expect(401);
    await http(app)
      .get(`/events/${event.id}/notifications`)
      .set(...bearer(outsider))
      .expect(403);
    await http(app)
      .post(`/notifications/${row.id}/retry`)
      .set(...bearer(outsider))
      .expect(403);
    await http(app)
      .get(`/events/${event.id}/notifications?status=bogus`)
      .set(...bearer(organiser))
      .expect(400);
    await http(app)
      .get(`/events/${event.id}/notifications?cursor=not-a-cursor`)
      .set(...bearer(organiser))
      .expect(400);
  });

  it('shows the queue dashboard to platform admins only', async () => {
    const user = await createUser(app);
    await http(app).get('/admin/queues').expect(401);
    await http(app)
      .get('/admin/queues')
      .set(...bearer(user))
      .expect(403);
    await app.get(DataSource).query(`UPDATE users SET platform_role = 'admin' WHERE id = ?`, [user.id]);
    await http(app)
      .get('/admin/queues')
      .set(...bearer(user))
      .expect(200);
  });

  it('never sends after a cancel commits, even when the cancel races an in-flight send', async () => {
    const outbox = app.get(OutboxService);
    const ds = app.get(DataSource);
    // 1: cancel committed first → nothing leaves
    const early = invitation({ subject: `meeting:early-${Date.now()}`, dueAt: new Date(Date.now() + 1500) });
    await enqueueMail(app, early);
    await ds.transaction((em) => outbox.cancelSubject(em, early.subject!));
    // 2: cancel arrives while the mail is between DATA and 250
    const inflight = invitation({ subject: `meeting:inflight-${Date.now()}` });
    const held = sink.holdNextData();
    await enqueueMail(app, inflight);
    const release = await held;
    let cancelCommittedAt = 0;
    const cancelling = ds
      .transaction((em) => outbox.cancelSubject(em, inflight.subject!))
      .then((count) => ((cancelCommittedAt = Date.now()), count));
    await new Promise((r) => setTimeout(r, 300));
    expect(cancelCommittedAt).toBe(0); // waits on the row being sent
    release();
    expect(await cancelling).toBe(0);
    const [mail] = sink.byRecipient(inflight.recipient.email);
    expect(mail.receivedAt).toBeLessThanOrEqual(cancelCommittedAt);
    await new Promise((r) => setTimeout(r, 2500));
    expect(sink.byRecipient(early.recipient.email)).toHaveLength(0);
    expect((await outboxRows(app, { dedupeKey: early.dedupeKey }))[0].status).toBe('cancelled');
  });

  it('moves reminders with their subject: old ones cancelled, the new one sent at the new time', async () => {
    const subject = `session:${Date.now()}`;
    const first = invitation({ subject, dueAt: new Date(Date.now() + 60_000) });
    await enqueueMail(app, first);
    const moved = invitation({
      subject,
      dedupeKey: `${first.dedupeKey}:seq2`,
      recipient: first.recipient,
      dueAt: new Date(Date.now() + 1000),
    });
    await app
      .get(DataSource)
      .transaction((em) => app.get(OutboxService).replaceSubject(em, subject, ['invitation'], [moved]));
    const [sent] = await waitForOutbox(app, { dedupeKey: moved.dedupeKey }, (rows) => rows[0]?.status === 'sent');
    expect(sent.sentAt!.getTime()).toBeGreaterThanOrEqual(moved.dueAt!.getTime());
    expect((await outboxRows(app, { dedupeKey: first.dedupeKey }))[0].status).toBe('cancelled');
    expect(sink.byRecipient(first.recipient.email)).toHaveLength(1);
  });
});

describe('global send rate', () => {
  it('holds MAIL_RATE_PER_SECOND across two workers, with mails sent in batches', async () => {
    const sink = await SmtpSink.start();
    // A Redis prefix of its own: the limiter's counter is shared by every worker on the prefix.
    const env = { SMTP_URL: sink.url, MAIL_RATE_PER_SECOND: '10', REDIS_PREFIX: `rt-rate-${Date.now().toString(36)}` };
    const apps = [await createTestApp({ allInOne: true, env }), await createTestApp({ allInOne: true, env })];
    try {
      const run = Date.now().toString(36);
      const messages = Array.from({ length: 30 }, (_, i) =>
        invitation({
          dedupeKey: `rate-${run}-${i}`,
          recipient: { email: `rate-${run}-${i}@example.test`, name: `Delegate ${i}`, locale: 'en' },
        }),
      );
      await enqueueMail(apps[0], ...messages);
      // these workers also relay whatever other suites left due in the shared database: count ours
      const ours = (mails: typeof sink.mails) => mails.filter((m) => m.envelopeTo[0]?.startsWith(`rate-${run}-`));
      await sink.waitFor((mails) => ours(mails).length >= 30, 20_000);
      await new Promise((r) => setTimeout(r, 500));
      const times = ours(sink.mails)
        .map((m) => m.receivedAt)
        .sort((a, b) => a - b);
      expect(times).toHaveLength(30);
      // 10 a second at most: the 30 take at least two full windows after the first (less 400 ms: these
      // are arrival times, and the first batch's delivery can run late on a busy machine), and no half
      // second holds more than one batch (a broken limiter sends all 30 within a fraction of that)
      expect(times[29] - times[0]).toBeGreaterThanOrEqual(1600);
      for (const start of times)
        expect(times.filter((t) => t >= start && t < start + 500).length).toBeLessThanOrEqual(10);
    } finally {
      for (const app of apps) await app.close();
      await sink.stop();
    }
  });
});
