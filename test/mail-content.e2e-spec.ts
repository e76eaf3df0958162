import { INestApplication } from '@nestjs/common';
import { OutboxMessageEntity } from '@roundtable/notifications';
import type * as ical from 'node-ical';
import { In, Like } from 'typeorm';
import { createTestApp, http } from './support/app';
import { createDelegate, createEventRow, TestDelegate } from './support/domain-factories';
import { createEvent } from './support/event-api';
import { bearer, createUser, TestUser } from './support/factories';
import { calendarEvents, icsLines } from './support/ics';
import { outboxRows, waitForOutbox } from './support/mail-helpers';
import { CapturedMail, mailType, SmtpSink } from './support/smtp-sink';

/** The calendar part nodemailer attaches for `icalEvent`, as text. */
function icsOf(mail: CapturedMail): string {
  const part = mail.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  if (!part) throw new Error(`no calendar part in "${mail.parsed.subject ?? ''}"`);
  return part.content.toString('utf8');
}

const vevent = (text: string): ical.VEvent => {
  const events = calendarEvents(text);
  expect(events).toHaveLength(1);
  return events[0];
};

/** ORGANIZER / ATTENDEE as node-ical gives them: a string, or `{ params, val }`, one or many. */
const addresses = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v: unknown) =>
    String(typeof v === 'object' && v !== null && 'val' in v ? v.val : v)
      .replace(/^mailto:/i, '')
      .toLowerCase(),
  );

/**
 * What mails say and carry, read as their readers' programs read them: the
 * calendar parts through a real iCalendar parser, the words as a Chinese and a
 * Russian delegate see them, and nothing announced that stopped being true
 * before it was sent. The api and the worker are separate apps here, so a test
 * can change things before any mail leaves.
 */
describe('what mails say', () => {
  let sink: SmtpSink;
  let api: INestApplication;
  let worker: INestApplication | null = null;
  let organiser: TestUser;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    api = await createTestApp();
    organiser = await createUser(api);
  });
  afterAll(async () => {
    await worker?.close();
    await api.close();
    await sink.stop();
  });

  /** The worker starts on first use: until then every mail stays in the outbox. */
  async function startWorker(): Promise<void> {
    worker ??= await createTestApp({ allInOne: true, env: { SMTP_URL: sink.url } });
  }
  const settled = (where: Parameters<typeof outboxRows>[1], count: number) =>
    waitForOutbox(
      api,
      where,
      (rows) => rows.length === count && rows.every((r) => !['pending', 'queued'].includes(r.status)),
    );

  it('does not send a promotion (or any registration mail) that stopped being true before the worker sent it', async () => {
    const event = await createEvent(api, organiser, { registration: { capacity: 1, requiresApproval: false } });
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => createUser(api)));
    const register = (who: TestUser) =>
      http(api)
        .post(`/events/${event.id}/registrations`)
        .set(...bearer(who))
        .send({ company: { name: `Co ${who.id.slice(-6)}`, country: 'CN' } })
        .expect(201);
    const ra = (await register(a)).body;
    const rb = (await register(b)).body;
    const rc = (await register(c)).body;
    expect([ra.status, rb.status, rc.status]).toEqual(['approved', 'waitlisted', 'waitlisted']);
    const cancel = (id: string, who: TestUser) =>
      http(api)
        .post(`/events/${event.id}/registrations/${id}/cancel`)
        .set(...bearer(who))
        .expect(200);
    await cancel(ra.id, a); // b is promoted …
    expect(await outboxRows(api, { dedupeKey: `registration-promoted:${rb.id}`, status: 'pending' })).toHaveLength(1);
    await cancel(rb.id, b); // … and cancels before the worker sent "you are in"; c moves up

    await startWorker();
    const rows = await settled({ subject: Like(`registration:%`), eventId: event.id }, 7);
    const byKey = new Map(rows.map((r) => [r.dedupeKey, r]));
    expect(byKey.get(`registration-promoted:${rb.id}`)).toMatchObject({
      status: 'cancelled',
      lastError: 'no longer wanted',
    });
    expect(byKey.get(`registration-cancelled:${rb.id}`)?.status).toBe('sent');
    expect(byKey.get(`registration-promoted:${rc.id}`)?.status).toBe('sent');
    // a's "you are registered" and b's "waiting list" were overtaken too; what is true went out
    expect(byKey.get(`registration-approved:${ra.id}`)?.status).toBe('cancelled');
    expect(byKey.get(`registration-cancelled:${ra.id}`)?.status).toBe('sent');
    expect(sink.byRecipient(b.email).map(mailType)).toEqual(['registration-cancelled']);
    expect(sink.byRecipient(c.email).map(mailType).sort()).toEqual(['registration-promoted']);
  });

  describe('between a Chinese and a Russian delegate', () => {
    let event: Awaited<ReturnType<typeof createEventRow>>;
    let xu: TestDelegate;
    let anna: TestDelegate;

    beforeAll(async () => {
      await startWorker();
      event = await createEventRow(api, organiser);
      xu = await createDelegate(api, event, {
        user: { name: '徐晓玲', locale: 'zh' },
        company: { name: 'Ganjiang Logistics', nameZh: '赣江物流有限公司', country: 'CN' },
        registration: {
          languages: ['zh', 'ru'],
          badgeNames: { latin: 'Xu Xiaoling', zh: '徐晓玲', ru: 'Сюй Сяолин' },
        },
      });
      anna = await createDelegate(api, event, {
        user: { name: 'Анна Петрова', locale: 'ru', timeZone: 'Europe/Moscow' },
        company: { name: 'Volga Logistics', nameRu: 'ООО «Волга Логистик»', country: 'RU' },
        registration: {
          languages: ['ru'],
          timeZone: 'Europe/Moscow',
          badgeNames: { latin: 'Anna Petrova', ru: 'Анна Петрова', zh: '安娜·彼得罗娃' },
        },
      });
    });

    it('names the event, the other person and their company in the reader’s language and script', async () => {
      const req = await http(api)
        .post(`/events/${event.id}/meeting-requests`)
        .set(...bearer(xu.user))
        .send({ toRegistrationId: anna.registration.id, message: 'Rail freight?' })
        .expect(201);
      await settled({ type: 'meeting-requested', recipientUserId: anna.user.id }, 1);
      const [toAnna] = sink.byRecipient(anna.user.email).filter((m) => mailType(m) === 'meeting-requested');
      expect(toAnna.parsed.subject).toBe('Запрос на встречу от 徐晓玲 (Сюй Сяолин), Ganjiang Logistics');
      expect(toAnna.parsed.text).toContain('«Российско-китайский круглый стол МСП»');
      expect(toAnna.parsed.text).not.toContain('China-Russia SME Cooperation Roundtable');

      await http(api)
        .post(`/events/${event.id}/meeting-requests/${req.body.id}/accept`)
        .set(...bearer(anna.user))
        .expect(200);
      await settled({ type: 'meeting-accepted', recipientUserId: xu.user.id }, 1);
      const [toXu] = sink.byRecipient(xu.user.email).filter((m) => mailType(m) === 'meeting-accepted');
      expect(toXu.parsed.subject).toBe('Анна Петрова (安娜·彼得罗娃)已接受您的会谈邀请');
      expect(toXu.parsed.text).toContain('Анна Петрова (安娜·彼得罗娃), Volga Logistics已接受您的邀请');
      // the calendar entry's title is in the reader's language as well
      expect(vevent(icsOf(toXu)).summary).toBe('中俄中小企业合作圆桌会议: 徐晓玲 / Анна Петрова');
    });

    it('formats an agreement’s value for the reader, to the last digit, with its currency', async () => {
      const sign = (amount: string, email: string, locale: string) =>
        http(api)
          .post(`/events/${event.id}/agreements`)
          .set(...bearer(organiser))
          .send({
            title: `Rail freight ${email}`,
            kind: 'contract',
            sector: 'logistics',
            parties: [
              { companyId: xu.company.id, signatories: [{ name: 'Xu', email, locale }] },
              { companyId: anna.company.id, signatories: [{ name: 'Анна' }] },
            ],
            value: { amount, currency: 'CNY' },
            signedAt: '2027-06-11T08:30:00Z',
          })
          .expect(201);
      await sign('12500000.00', 'ru.reader@example.test', 'ru');
      await sign('9007199254740993.75', 'en.reader@example.test', 'en');
      await settled({ type: 'agreement-recorded', eventId: event.id }, 6);
      const valueLine = (email: string) =>
        sink
          .byRecipient(email)[0]
          .parsed.text!.split('\n')
          .find((l) => l.startsWith('Сумма:') || l.startsWith('Value:'))!
          .replace(/[\u00a0\u202f]/g, ' ');
      expect(valueLine('ru.reader@example.test')).toBe('Сумма: 12 500 000,00 CN¥');
      // 2^53 + 1: a float would print …992
      expect(valueLine('en.reader@example.test')).toBe('Value: CN¥9,007,199,254,740,993.75');
      // the delegates of the parties read it too, in Chinese and Russian
      const zhLines = sink
        .byRecipient(xu.user.email)
        .filter((m) => mailType(m) === 'agreement-recorded')
        .map((m) => m.parsed.text!.split('\n').find((l) => l.startsWith('金额')));
      expect(zhLines).toContain('金额: ¥12,500,000.00');
    });

    it('sends REQUEST and CANCEL with ORGANIZER and ATTENDEE, and the CANCEL to both sides, the canceller too', async () => {
      // a pair of its own: the pair above already has a meeting
      const [anna, xu] = [await createDelegate(api, event), await createDelegate(api, event)];
      const req = await http(api)
        .post(`/events/${event.id}/meeting-requests`)
        .set(...bearer(anna.user))
        .send({ toRegistrationId: xu.registration.id })
        .expect(201);
      const accepted = await http(api)
        .post(`/events/${event.id}/meeting-requests/${req.body.id}/accept`)
        .set(...bearer(xu.user))
        .expect(200);
      const meetingId = accepted.body.meeting.id as string;
      const subject = `meeting:${meetingId}`;
      // the REQUESTs leave first (a cancel would stop them while still pending)
      const requests = await settled({ subject, type: In(['meeting-accepted', 'meeting-scheduled']) }, 2);
      expect(requests.map((r) => r.status)).toEqual(['sent', 'sent']);
      await http(api)
        .delete(`/events/${event.id}/meetings/${meetingId}`)
        .set(...bearer(anna.user))
        .expect(200);
      const rows = await settled(
        { subject, type: In(['meeting-accepted', 'meeting-scheduled', 'meeting-cancelled']) },
        4,
      );
      expect(rows.map((r: OutboxMessageEntity) => [r.type, r.recipientUserId]).sort()).toEqual(
        [
          ['meeting-accepted', anna.user.id],
          ['meeting-scheduled', xu.user.id],
          ['meeting-cancelled', anna.user.id],
          ['meeting-cancelled', xu.user.id],
        ].sort(),
      );
      const uid = `meeting-${meetingId}@roundtable`;
      const mails = sink.mails.filter((m) => rows.some((r) => m.parsed.messageId === `<${r.id}@roundtable>`));
      expect(mails).toHaveLength(4);
      for (const mail of mails) {
        const text = icsOf(mail);
        const entry = vevent(text);
        const cancel = mailType(mail) === 'meeting-cancelled';
        const lines = icsLines(text);
        expect(lines).toContain(cancel ? 'METHOD:CANCEL' : 'METHOD:REQUEST');
        expect(entry.uid).toBe(uid);
        expect(Number(entry.sequence)).toBe(cancel ? 1 : 0);
        expect(addresses(entry.organizer)).toEqual(['no-reply@roundtable.local']);
        expect(lines.some((l) => /^ORGANIZER;CN="?Roundtable"?:mailto:no-reply@roundtable\.local$/i.test(l))).toBe(
          true,
        );
        expect(addresses(entry.attendee).sort()).toEqual([anna.user.email, xu.user.email].sort());
        expect(lines.filter((l) => l.startsWith('ATTENDEE')).every((l) => /ROLE=REQ-PARTICIPANT/.test(l))).toBe(true);
        // the mail's own recipient is among the attendees: the calendar knows whose entry this is
        expect(addresses(entry.attendee)).toContain(mail.envelopeTo[0]);
        if (cancel) expect(entry.status).toBe('CANCELLED');
      }
    });

    it('gives a session’s calendar entry the speaker as ATTENDEE and an ORGANIZER', async () => {
      const speaker = await createUser(api, { name: 'Elena Smirnova', locale: 'ru' });
      const session = await http(api)
        .post(`/events/${event.id}/sessions`)
        .set(...bearer(organiser))
        .send({
          kind: 'panel',
          title: 'Logistics corridors',
          startsAt: '2027-06-11T15:00:00+08:00',
          endsAt: '2027-06-11T16:00:00+08:00',
          speakers: [{ email: speaker.email, name: 'Elena', role: 'speaker' }],
        })
        .expect(201);
      await http(api)
        .patch(`/events/${event.id}/sessions/${session.body.id}`)
        .set(...bearer(organiser))
        .send({ startsAt: '2027-06-11T16:00:00+08:00', endsAt: '2027-06-11T17:00:00+08:00' })
        .expect(200);
      await settled({ type: 'session-changed', recipientEmail: speaker.email }, 1);
      const [mail] = sink.byRecipient(speaker.email).filter((m) => mailType(m) === 'session-changed');
      const text = icsOf(mail);
      const entry = vevent(text);
      expect(icsLines(text)).toContain('METHOD:REQUEST');
      expect(addresses(entry.organizer)).toEqual(['no-reply@roundtable.local']);
      expect(addresses(entry.attendee)).toEqual([speaker.email]);
      expect(icsLines(text).find((l) => l.startsWith('ATTENDEE'))).toMatch(/CN="?Elena Smirnova"?/);
    });
  });
});
