import { INestApplicationContext } from '@nestjs/common';
import { Event } from '@roundtable/events';
import { DataSource } from 'typeorm';
import { createEventRow } from '../../../test/support/domain-factories';
import { asApp, createDelegateRow, createServiceContext, createUserRow } from '../../../test/support/service-context';
import { AgreementsService } from './agreements.service';

describe('AgreementsService (service tier)', () => {
  let context: INestApplicationContext;
  let agreements: AgreementsService;
  let organiser: Awaited<ReturnType<typeof createUserRow>>;
  let event: Event;

  beforeAll(async () => {
    context = await createServiceContext();
    agreements = context.get(AgreementsService);
    organiser = await createUserRow(context);
    event = await createEventRow(asApp(context), organiser);
  });
  afterAll(() => context.close());

  const signing = (title: string, companyId?: string) => ({
    title,
    kind: 'contract' as const,
    parties: [
      companyId
        ? { companyId, signatories: [{ name: 'A' }] }
        : { name: 'Volga Trade', country: 'RU', signatories: [{ name: 'A' }] },
      { name: 'Gan River Logistics', country: 'CN', signatories: [{ name: 'B' }] },
    ],
    value: { amount: '1000.50', currency: 'USD' },
    signedAt: '2027-06-10T03:00:00Z',
  });

  it('numbers concurrent signings without gaps and keeps the chain verifiable', async () => {
    const recorded = await Promise.all(
      Array.from({ length: 8 }, (_, i) => agreements.sign(event.id, organiser, signing(`Deal ${i}`))),
    );
    expect(recorded.map((r) => r.entry.seq).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const report = await agreements.verify(event.id);
    expect(report).toMatchObject({ valid: true, entriesChecked: 8, firstBroken: null });
  });

  it('signs while a meeting accept holds the event row: the ledger head alone orders the chain', async () => {
    const other = await createEventRow(asApp(context), organiser); // a ledger without a head row yet
    const holder = context.get(DataSource).createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await holder.query('SELECT id FROM events WHERE id IN (?, ?) FOR UPDATE', [event.id, other.id]);
      const started = Date.now();
      const [first, again] = await Promise.all([
        agreements.sign(other.id, organiser, signing('First of its ledger')),
        agreements.sign(event.id, organiser, signing('Signed meanwhile')),
      ]);
      expect(Date.now() - started).toBeLessThan(3_000); // innodb_lock_wait_timeout is far longer
      expect(first.entry.seq).toBe(1);
      expect(again.entry.seq).toBeGreaterThan(0);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    expect((await agreements.verify(other.id)).valid).toBe(true);
  });

  it('refuses a second withdrawal decided on the same history', async () => {
    const { agreement } = await agreements.sign(event.id, organiser, signing('To withdraw'));
    const outcomes = await Promise.allSettled([
      agreements.withdraw(event.id, agreement.id, organiser, 'first'),
      agreements.withdraw(event.id, agreement.id, organiser, 'second'),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({
      reason: { code: 'AGREEMENT_WITHDRAWN' },
    });
    expect((await agreements.verify(event.id)).valid).toBe(true);
  });

  it('names a registered company from the registrations lib and mails its approved delegates', async () => {
    const delegate = await createDelegateRow(context, event);
    const { agreement, entry } = await agreements.sign(
      event.id,
      organiser,
      signing('With a company', delegate.company.id),
    );
    expect(agreement.parties[0]).toMatchObject({ companyId: delegate.company.id, name: delegate.company.name });
    const mails = await context
      .get(DataSource)
      .query<{ recipient_email: string }[]>('SELECT recipient_email FROM outbox WHERE dedupe_key LIKE ?', [
        `agreement-recorded:${entry.id}:%`,
      ]);
    expect(mails.map((m) => m.recipient_email)).toContain(delegate.user.email);
  });

  it('refuses a company nobody registered for the event with', async () => {
    const stranger = await createDelegateRow(context, await createEventRow(asApp(context), organiser));
    await expect(
      agreements.sign(event.id, organiser, signing('Unknown company', stranger.company.id)),
    ).rejects.toMatchObject({ code: 'UNKNOWN_PARTY' });
  });
});
