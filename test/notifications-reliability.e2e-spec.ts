import { getQueueToken } from '@nestjs/bull';
import { INestApplication } from '@nestjs/common';
import { Queue } from 'bull';
import Redis from 'ioredis';
import { DataSource, In } from 'typeorm';
import { OutboxMessageEntity } from '@roundtable/notifications';
import { createTestApp, http } from './support/app';
import { DisposableRedis } from './support/disposable-redis';
import { createEventRow } from './support/domain-factories';
import { bearer, createUser } from './support/factories';
import { enqueueMail, invitation, outboxRows, waitForOutbox } from './support/mail-helpers';
import { SmtpSink } from './support/smtp-sink';
import { kill, startWorkerProcess } from './support/worker-process';

const mailQueue = (app: INestApplication) => app.get<Queue>(getQueueToken('mail'), { strict: false });

/**
 * Every mail of the batch arrived, none more than twice, and a second copy
 * carries the same Message-ID (so the recipient's client folds it). Returns
 * how many mails arrived twice.
 */
function deliveryReport(sink: SmtpSink, emails: string[]) {
  let duplicates = 0;
  for (const email of emails) {
    const got = sink.byRecipient(email);
    expect(got.length).toBeGreaterThanOrEqual(1);
    expect(got.length).toBeLessThanOrEqual(2);
    expect(new Set(got.map((m) => m.parsed.messageId)).size).toBe(1);
    duplicates += got.length - 1;
  }
  return duplicates;
}

describe('notification pipeline under failure', () => {
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await SmtpSink.start();
  });
  afterAll(() => sink.stop());

  it('delivers every reminder once, never early, after Redis loses everything', async () => {
    const redis = await DisposableRedis.start();
    const app = await createTestApp({
      allInOne: true,
      env: { SMTP_URL: sink.url, REDIS_PORT: String(redis.port), OUTBOX_LEASE_MS: '1500' },
    });
    try {
      const queue = mailQueue(app);
      await queue.pause(true);
      const now = Date.now();
      const dueNow = Array.from({ length: 60 }, () => invitation());
      const later = Array.from({ length: 60 }, () => invitation({ dueAt: new Date(now + 4000) }));
      await enqueueMail(app, ...dueNow, ...later);
      await waitForOutbox(app, { status: 'queued' }, (rows) => rows.length >= dueNow.length);
      const flusher = new Redis({ port: redis.port, host: '127.0.0.1' });
      await flusher.flushall();
      flusher.disconnect();
      await queue.resume(true);

      const all = [...dueNow, ...later];
      await sink.waitFor(() => all.every((m) => sink.byRecipient(m.recipient.email).length > 0), 40_000);
      expect(
        deliveryReport(
          sink,
          all.map((m) => m.recipient.email),
        ),
      ).toBe(0);
      for (const m of later) {
        expect(sink.byRecipient(m.recipient.email)[0].receivedAt).toBeGreaterThanOrEqual(m.dueAt!.getTime());
      }
    } finally {
      await app.close();
      await redis.stop();
    }
  });

  it('keeps answering and writing while Redis is down, and sends once Redis is back', async () => {
    const redis = await DisposableRedis.start();
    const app = await createTestApp({ allInOne: true, env: { SMTP_URL: sink.url, REDIS_PORT: String(redis.port) } });
    try {
      const organiser = await createUser(app);
      const event = await createEventRow(app, organiser);
      const message = invitation({ eventId: event.id });
      await enqueueMail(app, message);
      const [row] = await waitForOutbox(app, { dedupeKey: message.dedupeKey }, (rows) => rows[0]?.status === 'sent');
      await app.get(DataSource).getRepository(OutboxMessageEntity).update({ id: row.id }, { status: 'failed' });

      await redis.stop();
      await http(app).get('/health').expect(503);
      const retried = await http(app)
        .post(`/notifications/${row.id}/retry`)
        .set(...bearer(organiser))
        .expect(200);
      expect(retried.body.status).toBe('pending');
      await new Promise((r) => setTimeout(r, 1500));
      expect(['pending', 'queued']).toContain((await outboxRows(app, { id: row.id }))[0].status);
      expect(sink.byRecipient(message.recipient.email)).toHaveLength(1);

      await redis.resume();
      await waitForOutbox(app, { id: row.id }, (rows) => rows[0]?.status === 'sent', 30_000);
      expect(sink.byRecipient(message.recipient.email)).toHaveLength(2);
    } finally {
      await app.close();
      await redis.stop();
    }
  });

  it('pauses and raises an alert on SMTP auth failure without failing the recipient', async () => {
    const authSink = await SmtpSink.start();
    authSink.failLogins(535);
    const app = await createTestApp({
      allInOne: true,
      // its own prefix: the alarm it raises must not turn other test files' /health red
      env: {
        SMTP_URL: `smtp://user:wrong@127.0.0.1:${authSink.port}`,
        REDIS_PREFIX: `${process.env.REDIS_PREFIX}-auth`,
      },
    });
    try {
      const message = invitation();
      await enqueueMail(app, message);
      const [row] = await waitForOutbox(app, { dedupeKey: message.dedupeKey }, (rows) => Boolean(rows[0]?.lastError));
      expect(row.status).toBe('pending');
      expect(row.attempts).toBe(0);
      expect(row.lastError).toMatch(/535|Authentication/);
      const health = await http(app).get('/health').expect(503);
      expect(health.body.error.smtp).toMatchObject({
        status: 'down',
        message: expect.stringMatching(/authentication/i),
      });
      expect(authSink.mails).toHaveLength(0);
    } finally {
      await app.close();
      await authSink.stop();
    }
  });

  it('sends each mail once with two workers relaying and sending at the same time', async () => {
    const first = await createTestApp({ allInOne: true, env: { SMTP_URL: sink.url } });
    const second = await createTestApp({ allInOne: true, env: { SMTP_URL: sink.url } });
    try {
      const batch = Array.from({ length: 200 }, () => invitation());
      await enqueueMail(first, ...batch);
      await sink.waitFor(() => batch.every((m) => sink.byRecipient(m.recipient.email).length > 0), 40_000);
      await new Promise((r) => setTimeout(r, 500));
      expect(
        deliveryReport(
          sink,
          batch.map((m) => m.recipient.email),
        ),
      ).toBe(0);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('records each mail as sent right after its answer: a worker killed mid-batch re-sends at most the one in flight', async () => {
    const writer = await createTestApp({ env: { SMTP_URL: sink.url } });
    // one mail in flight at a time, and a slow server: the kill lands in the middle of a batch of 20
    const worker = await startWorkerProcess({
      SMTP_URL: sink.url,
      OUTBOX_LEASE_MS: '2000',
      MAIL_POOL_SIZE: '1',
      LOG_LEVEL: 'silent',
    });
    sink.answerDelayMs = 150;
    let successor: INestApplication | undefined;
    try {
      const batch = Array.from({ length: 20 }, () => invitation());
      const emails = batch.map((m) => m.recipient.email);
      const delivered = () => emails.filter((e) => sink.byRecipient(e).length > 0).length;
      await enqueueMail(writer, ...batch);
      await sink.waitFor(() => delivered() >= 8, 30_000);
      await kill(worker);
      const beforeKill = delivered();
      expect(beforeKill).toBeLessThan(20);
      // what the dead worker delivered is already recorded: nothing of it is sent again
      const recorded = await outboxRows(writer, { dedupeKey: In(batch.map((m) => m.dedupeKey)), status: 'sent' });
      expect(recorded.length).toBeGreaterThanOrEqual(beforeKill - 1);

      sink.answerDelayMs = 0;
      successor = await createTestApp({ allInOne: true, env: { SMTP_URL: sink.url, OUTBOX_LEASE_MS: '2000' } });
      await waitForOutbox(
        writer,
        {},
        (rows) => batch.every((m) => rows.find((r) => r.dedupeKey === m.dedupeKey)?.status === 'sent'),
        40_000,
      );
      await new Promise((r) => setTimeout(r, 500));
      expect(deliveryReport(sink, emails)).toBeLessThanOrEqual(1);
    } finally {
      sink.answerDelayMs = 0;
      await kill(worker);
      await successor?.close();
      await writer.close();
    }
  });

  it.each([
    ['mid-send, before the server answered', false],
    ['after the server answered 250', true],
  ])(
    'delivers everything when the worker is killed %s, each at most twice with the same Message-ID',
    async (_label, afterAccept) => {
      const writer = await createTestApp({ env: { SMTP_URL: sink.url } });
      const worker = await startWorkerProcess({ SMTP_URL: sink.url, OUTBOX_LEASE_MS: '2000', LOG_LEVEL: 'silent' });
      let successor: INestApplication | undefined;
      try {
        const batch = Array.from({ length: 20 }, () => invitation());
        if (afterAccept) {
          const accepted = sink.nextAccepted();
          await enqueueMail(writer, ...batch);
          await accepted;
          await kill(worker);
        } else {
          const held = sink.holdNextData();
          await enqueueMail(writer, ...batch);
          const release = await held;
          await kill(worker);
          release(false);
        }
        successor = await createTestApp({ allInOne: true, env: { SMTP_URL: sink.url, OUTBOX_LEASE_MS: '2000' } });
        await sink.waitFor(() => batch.every((m) => sink.byRecipient(m.recipient.email).length > 0), 40_000);
        // only mails the dead worker had in flight (at most its SMTP pool size) can arrive twice
        expect(
          deliveryReport(
            sink,
            batch.map((m) => m.recipient.email),
          ),
        ).toBeLessThanOrEqual(5);
        await waitForOutbox(writer, {}, (rows) =>
          batch.every((m) => rows.find((r) => r.dedupeKey === m.dedupeKey)?.status === 'sent'),
        );
      } finally {
        await kill(worker);
        await successor?.close();
        await writer.close();
      }
    },
  );
});
