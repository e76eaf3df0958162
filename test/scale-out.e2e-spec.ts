import { INestApplication } from '@nestjs/common';
import { ChildProcess } from 'node:child_process';
import { DataSource } from 'typeorm';
import { createTestApp, http } from './support/app';
import { freePort } from './support/disposable-redis';
import { createDelegate, createEventRow, DEFAULT_MEETING_SETTINGS, TestDelegate } from './support/domain-factories';
import { bearer, createUser } from './support/factories';
import { mailType, SmtpSink } from './support/smtp-sink';
import { kill, startApiProcess, startWorkerProcess } from './support/worker-process';

/**
 * Two api processes and two worker processes against one MySQL and one Redis,
 * as a scaled-out deployment runs: requests land on either api, either worker
 * relays and sends. Nothing is booked twice and no mail leaves twice.
 */
describe('Two api and two worker processes', () => {
  let setup: INestApplication;
  let sink: SmtpSink;
  const children: ChildProcess[] = [];
  const apis: string[] = [];

  beforeAll(async () => {
    sink = await SmtpSink.start();
    setup = await createTestApp();
    const env = { SMTP_URL: sink.url, OUTBOX_POLL_MS: '100' };
    const ports = [await freePort(), await freePort()];
    children.push(
      ...(await Promise.all([
        ...ports.map((port) => startApiProcess(port, env)),
        startWorkerProcess(env),
        startWorkerProcess(env),
      ])),
    );
    apis.push(...ports.map((port) => `http://127.0.0.1:${port}`));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(children.map((child) => kill(child)));
    await setup.close();
    await sink.stop();
  });

  it('books nothing twice and sends every mail and reminder exactly once', async () => {
    const organiser = await createUser(setup);
    const event = await createEventRow(setup, organiser, {
      meetingSettings: {
        ...DEFAULT_MEETING_SETTINGS,
        tables: 1,
        windows: [{ date: '2027-06-10', start: '14:00', end: '16:00' }],
      },
    });
    const delegates: TestDelegate[] = [];
    for (let i = 0; i < 12; i++) delegates.push(await createDelegate(setup, event));
    const api = (i: number) => http(apis[i % 2]);
    const as = (d: TestDelegate) => bearer(d.user);

    // Six pairs, each request sent through one api and accepted through the other while the
    // acceptor is away from the meeting hours: accepted, waiting for a slot.
    const requests: string[] = [];
    for (let p = 0; p < 6; p++) {
      const [from, to] = [delegates[2 * p], delegates[2 * p + 1]];
      await api(p)
        .put(`/events/${event.id}/registrations/${to.registration.id}/availability`)
        .set(...as(to))
        .send({ windows: [{ start: '2027-06-11T01:00:00Z', end: '2027-06-11T02:00:00Z' }] })
        .expect(200);
      const sent = await api(p)
        .post(`/events/${event.id}/meeting-requests`)
        .set(...as(from))
        .send({ toRegistrationId: to.registration.id })
        .expect(201);
      const accepted = await api(p + 1)
        .post(`/events/${event.id}/meeting-requests/${sent.body.id}/accept`)
        .set(...as(to))
        .expect(200);
      expect(accepted.body.meeting).toBeNull();
      await api(p + 1)
        .put(`/events/${event.id}/registrations/${to.registration.id}/availability`)
        .set(...as(to))
        .send({ windows: null })
        .expect(200);
      requests.push(sent.body.id);
    }

    // The only table in slot 0, wanted by all six pairs through both apis at once (twice each).
    const attempts = await Promise.all(
      requests.flatMap((requestId, p) =>
        [0, 1].map((i) =>
          api(p + i)
            .post(`/events/${event.id}/meetings`)
            .set(...as(delegates[2 * p]))
            .send({ requestId, slotIndex: 0 }),
        ),
      ),
    );
    const statuses = attempts.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array(11).fill(409)]);
    const winner = requests.indexOf(attempts.find((r) => r.status === 201)!.body.requestId);
    // three more pairs take the other three slots
    const others = requests.map((id, p) => [id, p] as const).filter(([, p]) => p !== winner);
    for (const [slot, [requestId, p]] of others.slice(0, 3).entries()) {
      await api(p)
        .post(`/events/${event.id}/meetings`)
        .set(...as(delegates[2 * p]))
        .send({ requestId, slotIndex: slot + 1 })
        .expect(201);
    }
    const ds = setup.get(DataSource);
    const clashes = await ds.query(
      `SELECT slot_index, kind, ref, COUNT(*) AS n FROM meeting_seats WHERE event_id = ?
        GROUP BY slot_index, kind, ref HAVING n > 1`,
      [event.id],
    );
    expect(clashes).toEqual([]);
    const [{ n: meetings }] = await ds.query(
      "SELECT COUNT(*) AS n FROM meetings WHERE event_id = ? AND status = 'scheduled'",
      [event.id],
    );
    expect(Number(meetings)).toBe(4);

    // Time passes: the reminders of the four meetings (two per delegate) fall due now.
    const [{ n: reminders }] = await ds.query(
      "SELECT COUNT(*) AS n FROM outbox WHERE event_id = ? AND type = 'meeting-reminder' AND status = 'pending'",
      [event.id],
    );
    expect(Number(reminders)).toBe(16);
    await ds.query(
      "UPDATE outbox SET due_at = NOW(3) WHERE event_id = ? AND type = 'meeting-reminder' AND status = 'pending'",
      [event.id],
    );

    // 6 requested + 6 accepted + 4 scheduled (to the side that did not book) + 16 reminders
    const expected = 32;
    // only the meeting mails: account mails (address confirmation) are not what this test counts
    const mine = () =>
      sink.mails.filter(
        (m) => mailType(m).startsWith('meeting-') && delegates.some((d) => m.envelopeTo.includes(d.user.email)),
      );
    const deadline = Date.now() + 30_000;
    while (mine().length < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 2000)); // a duplicate would arrive now
    const received = mine();
    const types = received.map((m) => mailType(m));
    expect(types.filter((t) => t === 'meeting-requested')).toHaveLength(6);
    expect(types.filter((t) => t === 'meeting-accepted')).toHaveLength(6);
    expect(types.filter((t) => t === 'meeting-scheduled')).toHaveLength(4);
    expect(types.filter((t) => t === 'meeting-reminder')).toHaveLength(16);
    expect(received).toHaveLength(expected);
    expect(new Set(received.map((m) => m.parsed.messageId)).size).toBe(expected);
    const [{ n: sent }] = await ds.query("SELECT COUNT(*) AS n FROM outbox WHERE event_id = ? AND status = 'sent'", [
      event.id,
    ]);
    expect(Number(sent)).toBe(expected);
  });
});
