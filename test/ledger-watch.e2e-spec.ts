import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createTestApp, http } from './support/app';
import { createDelegate, createEventRow } from './support/domain-factories';
import { eventually } from './support/eventually';
import { bearer, createUser, TestUser } from './support/factories';
import { mailType, SmtpSink } from './support/smtp-sink';

/**
 * The worker's periodic ledger verification (issue 15, item 9): an edit deep in the chain, which an
 * append (checking only the tail) does not see, is found within an interval, mailed to each of the
 * event's organisers once per breakage (not once per check) and shown in /health until the ledger
 * is restored.
 */
describe('Periodic agreement ledger verification', () => {
  const INTERVAL_MS = 1000;
  let sink: SmtpSink;
  let app: INestApplication;
  let ds: DataSource;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    app = await createTestApp({
      allInOne: true,
      env: { SMTP_URL: sink.url, LEDGER_VERIFY_INTERVAL_MS: String(INTERVAL_MS) },
    });
    ds = app.get(DataSource);
  });
  afterAll(async () => {
    await app?.close();
    await sink?.stop();
  });

  const agreement = (title: string) => ({
    title,
    kind: 'mou',
    parties: [
      { name: 'Jiangxi Ganpo Logistics', country: 'CN', signatories: [{ name: 'Wang Lei' }] },
      { name: 'ООО «Волга Логистик»', country: 'RU', signatories: [{ name: 'Анна Петрова' }] },
    ],
    value: { amount: '1250000.50', currency: 'CNY' },
    signedAt: '2027-06-11T08:30:00Z',
  });

  /**
   * What someone with the rights to drop the append-only triggers does; the triggers are back
   * within milliseconds, since other test files rely on them.
   */
  async function editEntry(eventId: string, seq: number, payload: string): Promise<void> {
    const triggers: string[] = [];
    for (const name of ['agreement_entries_no_update', 'agreement_entries_no_delete']) {
      const [row] = await ds.query(`SHOW CREATE TRIGGER ${name}`);
      triggers.push(row['SQL Original Statement'] as string);
    }
    try {
      await ds.query('DROP TRIGGER agreement_entries_no_update');
      await ds.query('UPDATE agreement_entries SET payload = ? WHERE event_id = ? AND seq = ?', [
        payload,
        eventId,
        seq,
      ]);
    } finally {
      await ds.query('DROP TRIGGER IF EXISTS agreement_entries_no_update');
      await ds.query(triggers[0]);
    }
  }

  const checkRow = async (eventId: string) =>
    (await ds.query('SELECT * FROM agreement_ledger_checks WHERE event_id = ?', [eventId]))[0] as
      { checked_at: Date; breakage_id: string | null; broken_seq: number | null } | undefined;

  /** Waits for `passes` more completed verifications of this event. */
  async function passes(eventId: string, count: number): Promise<void> {
    let seen = (await checkRow(eventId))!.checked_at.getTime();
    for (let i = 0; i < count; i++) {
      await eventually('another pass', async () => {
        const at = (await checkRow(eventId))?.checked_at.getTime() ?? 0;
        return at > seen && (seen = at);
      });
    }
  }

  const alertsTo = (user: TestUser) => sink.byRecipient(user.email).filter((m) => mailType(m) === 'ledger-broken');

  it('mails each organiser once per breakage, shows it in /health, and clears once the chain verifies', async () => {
    const organiser = await createUser(app, { name: 'Li Na' });
    const coOrganiser = await createUser(app, { name: 'Иван Петров', locale: 'ru' });
    const event = await createEventRow(app, organiser);
    await ds.query('INSERT INTO event_organisers (event_id, user_id) VALUES (?, ?)', [event.id, coOrganiser.id]);
    const delegate = await createDelegate(app, event, { company: { name: 'Kama Motors', country: 'RU' } });
    for (const title of ['Agreement 1', 'Agreement 2', 'Agreement 3'])
      await http(app)
        .post(`/events/${event.id}/agreements`)
        .set(...bearer(organiser))
        .send(agreement(title))
        .expect(201);
    await eventually('a verified pass', async () => (await checkRow(event.id))?.breakage_id === null);
    await http(app).get('/health').expect(200);

    const [second] = await ds.query('SELECT payload FROM agreement_entries WHERE event_id = ? AND seq = 2', [event.id]);
    const original = second.payload as string;
    await editEntry(event.id, 2, original.replace('1250000.50', '9250000.50'));
    try {
      // the tail is intact, so only the periodic verification can find this
      await eventually('the alert mails', async () => alertsTo(organiser).length + alertsTo(coOrganiser).length === 2);
      await passes(event.id, 3);
      await new Promise((r) => setTimeout(r, 500)); // the relay's poll, had a second alert been written
      expect(alertsTo(organiser)).toHaveLength(1);
      expect(alertsTo(coOrganiser)).toHaveLength(1);
      expect(alertsTo(delegate.user)).toHaveLength(0);
      const [mail] = alertsTo(organiser);
      expect(mail.parsed.subject).toBe(`Agreement ledger broken: ${event.name}`);
      expect(mail.parsed.text).toContain('entry 2 fails (its content was changed after it was recorded)');
      expect(mail.parsed.text).toContain(`/events/${event.id}/agreements/verify`);
      // in the reader's language, the event named by its translation
      expect(alertsTo(coOrganiser)[0].parsed.subject).toMatch(/^Реестр соглашений нарушен: \p{Script=Cyrillic}/u);

      const health = await http(app).get('/health').expect(200); // reported, without failing every api
      expect(health.body.info.ledger.status).toBe('up');
      expect(health.body.info.ledger.broken).toContainEqual(
        expect.objectContaining({ eventId: event.id, seq: 2, reason: 'HASH_MISMATCH' }),
      );
    } finally {
      await editEntry(event.id, 2, original);
    }
    await eventually('a verified pass after the restore', async () => (await checkRow(event.id))?.breakage_id === null);
    const healthy = await http(app).get('/health').expect(200);
    expect(healthy.body.info.ledger.status).toBe('up');
    expect(healthy.body.info.ledger.broken).toBeUndefined();

    // broken again later: a new breakage, so a new alert
    const [third] = await ds.query('SELECT payload FROM agreement_entries WHERE event_id = ? AND seq = 3', [event.id]);
    await editEntry(event.id, 3, (third.payload as string).replace('Agreement 3', 'Agreement X'));
    try {
      await eventually('the second alert', async () => alertsTo(organiser).length === 2);
      expect(alertsTo(organiser)[1].parsed.text).toContain('entry 3 fails');
    } finally {
      await editEntry(event.id, 3, third.payload as string);
    }
    await eventually('verified again', async () => (await checkRow(event.id))?.breakage_id === null);
  });
});
