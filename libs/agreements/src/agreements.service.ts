/**
 * The agreement ledger use cases: sign, amend, withdraw, read, verify, report.
 * Size (~520 lines): recording, chain checking and the confirmation mail share
 * the ledger-head discipline; the pure parts already live beside it
 * (agreement-model, chain, canonical-json, decimal).
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@roundtable/auth';
import {
  CommonError,
  CommonErrorCode,
  decodeCursor,
  ID_PATTERN,
  Locale,
  newId,
  Page,
  toPage,
} from '@roundtable/common';
import { inTransaction, ReadReplicas } from '@roundtable/database';
import { Event, EventAccessService, eventNames, PublicReadCache, SessionsService } from '@roundtable/events';
import { MeetingLookupService } from '@roundtable/meetings';
import { OutboxRecipient, OutboxService } from '@roundtable/notifications';
import { DelegateLookupService } from '@roundtable/registrations';
import { DataSource, EntityManager } from 'typeorm';
import { AgreementError, AgreementErrorCode } from './agreement-error';
import {
  agreementReport,
  AgreementReport,
  AgreementState,
  AgreementView,
  currentAgreements,
  LedgerAction,
  LedgerPayload,
  Party,
} from './agreement-model';
import { canonicalJson, entryHash, GENESIS_HASH } from './canonical-json';
import { ChainReport, ChainVerifier, StoredEntry } from './chain';
import { amountProblem, normaliseAmount } from './decimal';
import { AgreementMailPayload } from './templates/agreement-templates';

/** The ledger head as locked at the start of a recording. */
interface LedgerHead {
  lastSeq: number;
  lastHash: string;
}

/** A party as the organiser describes it; e-mail addresses only address the confirmation. */
export interface PartyInput {
  companyId?: string;
  name?: string;
  country?: string;
  signatories: { name: string; position?: string; email?: string; locale?: Locale }[];
}

export interface AgreementInput {
  title: string;
  kind: AgreementState['kind'];
  sector?: string;
  parties: PartyInput[];
  value?: { amount: string; currency: string } | null;
  signedAt: string;
  sessionId?: string;
  meetingId?: string;
  documentSha256?: string;
}

export type AmendmentInput = Partial<Omit<AgreementInput, 'sessionId' | 'meetingId'>> & { reason: string };

/** What recording an entry returns: the agreement as it now stands and the entry itself. */
export interface Recorded {
  agreement: AgreementView;
  entry: LedgerEntryView;
}

export interface LedgerEntryView {
  seq: number;
  id: string;
  agreementId: string;
  action: LedgerAction;
  /** The canonical JSON exactly as hashed: sha256(prevHash + "\n" + payload) = hash. */
  payload: string;
  prevHash: string;
  hash: string;
}

interface EntryRow {
  seq: number;
  id: string;
  event_id: string;
  agreement_id: string;
  action: LedgerAction;
  payload: string;
  prev_hash: string;
  hash: string;
}

const VERIFY_BATCH = 1000;

/** What a report says about the ledger it was computed from. */
export interface LedgerState {
  valid: boolean;
  entriesChecked: number;
  firstBroken: ChainReport['firstBroken'];
}

export type VerifiedReport = AgreementReport & { ledger: LedgerState };

const ledgerState = (r: ChainReport): LedgerState => ({
  valid: r.valid,
  entriesChecked: r.entriesChecked,
  firstBroken: r.firstBroken,
});

/** An event's entries after a sequence number, in order: `[eventId, afterSeq, limit]`. */
const ENTRIES_AFTER = `SELECT seq, id, event_id, agreement_id, action, payload, prev_hash, hash FROM agreement_entries
  WHERE event_id = ? AND seq > ? ORDER BY seq LIMIT ?`;

const toStored = (r: EntryRow): StoredEntry => ({
  seq: Number(r.seq),
  eventId: r.event_id,
  agreementId: r.agreement_id,
  payload: r.payload,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/** A stored party as input again (an amendment that keeps the parties re-checks them). */
const partyInput = (p: Party): PartyInput => ({
  companyId: p.companyId ?? undefined,
  name: p.name,
  country: p.country,
  signatories: p.signatories.map((s) => ({ name: s.name, position: s.position ?? undefined })),
});

const partiesLine = (parties: Party[]): string => parties.map((p) => `${p.name} (${p.country})`).join(' · ');

/** The agreements in numbers, for the organisers' dashboard. */
export interface AgreementTotals {
  agreements: number;
  withdrawn: number;
  /** `none` gathers the agreements recorded without a value (total null). */
  byCurrency: { currency: string; count: number; total: string | null }[];
}

/**
 * The agreement ledger of each event. Signing, amending and withdrawing each
 * append one entry under the event's ledger-head lock, so sequence numbers
 * have no gaps even when many organisers record at once; nothing is ever
 * updated or deleted (the database refuses it too). The current state of
 * every agreement and the reports are folds over the ledger.
 */
@Injectable()
export class AgreementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EventAccessService,
    private readonly outbox: OutboxService,
    private readonly publicCache: PublicReadCache,
    private readonly replicas: ReadReplicas,
    private readonly delegates: DelegateLookupService,
    private readonly sessions: SessionsService,
    private readonly meetings: MeetingLookupService,
  ) {}

  async sign(eventId: string, user: AuthUser, input: AgreementInput): Promise<Recorded> {
    return this.record(eventId, null, user, 'signed', null, async (em, event) => ({
      state: await this.buildState(em, event, input),
      notify: input.parties,
    }));
  }

  async amend(eventId: string, agreementId: string, user: AuthUser, input: AmendmentInput): Promise<Recorded> {
    return this.record(eventId, agreementId, user, 'amended', input.reason, async (em, event, history) => {
      const current = currentAgreements(history)[0];
      const state = await this.buildState(em, event, {
        title: input.title ?? current.title,
        kind: input.kind ?? current.kind,
        sector: input.sector ?? current.sector ?? undefined,
        parties: input.parties ?? current.parties.map(partyInput),
        value: input.value === undefined ? current.value : input.value,
        signedAt: input.signedAt ?? current.signedAt,
        sessionId: current.sessionId ?? undefined,
        meetingId: current.meetingId ?? undefined,
        documentSha256: input.documentSha256 ?? current.documentSha256 ?? undefined,
      });
      return { state, notify: input.parties ?? [] };
    });
  }

  async withdraw(eventId: string, agreementId: string, user: AuthUser, reason: string): Promise<Recorded> {
    return this.record(eventId, agreementId, user, 'withdrawn', reason, (_em, _event, history) =>
      Promise.resolve({ state: history[history.length - 1].agreement, notify: [] }),
    );
  }

  /**
   * One ledger entry, in one transaction under the ledger head's lock (the
   * event row itself is only read, so a signing never queues behind a meeting
   * accept holding it): the new state decided from the agreement's history
   * (none for a signing), read under that lock, appended to the chain,
   * confirmed to the parties (`notify`: the parties as given with this
   * request, whose signatories' addresses are mailed too).
   */
  private async record(
    eventId: string,
    agreementId: string | null,
    user: AuthUser,
    action: LedgerAction,
    reason: string | null,
    next: (
      em: EntityManager,
      event: Event,
      history: LedgerPayload[],
    ) => Promise<{ state: AgreementState; notify: PartyInput[] }>,
  ): Promise<Recorded> {
    const recorded = await inTransaction(this.dataSource, async (em) => {
      const event = await this.access.getEvent(eventId, em);
      const head = await this.lockHead(em, event.id);
      const history = agreementId ? await this.history(em, event.id, agreementId) : [];
      if (history.length > 0 && history[history.length - 1].action === 'withdrawn')
        throw new AgreementError(AgreementErrorCode.AgreementWithdrawn, 'This agreement is withdrawn already');
      const { state, notify } = await next(em, event, history);
      const { entry, body } = await this.append(
        em,
        head,
        event.id,
        agreementId ?? newId(),
        action,
        state,
        reason,
        user,
      );
      await this.confirm(em, event, entry, body, notify);
      return { agreement: currentAgreements([...history, body])[0], entry };
    });
    await this.publicCache.changed(eventId);
    return recorded;
  }

  /** Every agreement as it stands now, in signing order. */
  async list(eventId: string): Promise<AgreementView[]> {
    return currentAgreements(await this.payloads(this.dataSource.manager, eventId));
  }

  async get(eventId: string, agreementId: string): Promise<{ agreement: AgreementView; history: LedgerPayload[] }> {
    const history = await this.history(this.dataSource.manager, eventId, agreementId);
    return { agreement: currentAgreements(history)[0], history };
  }

  async ledger(eventId: string, limit: number, cursor?: string): Promise<Page<LedgerEntryView>> {
    const after = decodeCursor(cursor, ['seq']);
    const rows: EntryRow[] = await this.dataSource.query(ENTRIES_AFTER, [eventId, Number(after?.[0] ?? 0), limit + 1]);
    return toPage(
      rows,
      limit,
      (r) => [Number(r.seq)],
      (r) => this.entryView(r),
    );
  }

  /** Recomputes the whole chain, a batch at a time, and names the first entry that does not match. */
  async verify(eventId: string, em: EntityManager = this.dataSource.manager): Promise<ChainReport> {
    const verifier = new ChainVerifier();
    for (let after = 0; ;) {
      const rows: EntryRow[] = await em.query(ENTRIES_AFTER, [eventId, after, VERIFY_BATCH]);
      rows.forEach((r) => verifier.push(toStored(r)));
      if (rows.length < VERIFY_BATCH) break;
      after = Number(rows[rows.length - 1].seq);
    }
    const [head] = await em.query<{ last_seq: number; last_hash: string }[]>(
      'SELECT last_seq, last_hash FROM agreement_ledger_heads WHERE event_id = ?',
      [eventId],
    );
    return verifier.finish({ lastSeq: Number(head?.last_seq ?? 0), lastHash: head?.last_hash ?? GENESIS_HASH });
  }

  /** Active agreements, and their value per currency (never converted), without re-verifying the chain. */
  async totals(eventId: string): Promise<AgreementTotals> {
    const report = agreementReport(currentAgreements(await this.payloads(this.dataSource.manager, eventId)));
    return {
      agreements: report.agreements,
      withdrawn: report.withdrawn,
      byCurrency: report.byCurrency.map((g) => ({
        currency: g.key,
        count: g.count,
        total: g.totals[0]?.total ?? null,
      })),
    };
  }

  /** Read from a replica unless the event's ledger changed moments ago (see ReadReplicas). */
  async report(eventId: string): Promise<VerifiedReport> {
    return this.replicas.read({ eventId }, async (em) => ({
      ...agreementReport(currentAgreements(await this.payloads(em, eventId))),
      ledger: ledgerState(await this.verify(eventId, em)),
    }));
  }

  /** The report for anyone, when the event is public and its organisers chose to publish it. */
  async publicReport(eventId: string, user: AuthUser | undefined): Promise<{ eventName: string } & VerifiedReport> {
    return this.replicas.read({ userId: user?.id, eventId }, async (em) => {
      const event = await this.access.getVisibleEvent(eventId, user, em);
      if (event.status === 'draft' || !event.publicAgreementsReport)
        throw new AgreementError(
          AgreementErrorCode.ReportNotPublic,
          "The organisers have not published this event's agreement report",
        );
      return {
        eventName: event.name,
        ...agreementReport(currentAgreements(await this.payloads(em, event.id))),
        ledger: ledgerState(await this.verify(event.id, em)),
      };
    });
  }

  // ---- internals -------------------------------------------------------------

  private entryView(r: EntryRow): LedgerEntryView {
    return {
      seq: Number(r.seq),
      id: r.id,
      agreementId: r.agreement_id,
      action: r.action,
      payload: r.payload,
      prevHash: r.prev_hash,
      hash: r.hash,
    };
  }

  private async payloads(em: EntityManager, eventId: string, agreementId?: string): Promise<LedgerPayload[]> {
    const rows: { payload: string }[] = await em.query(
      `SELECT payload FROM agreement_entries WHERE event_id = ?${agreementId ? ' AND agreement_id = ?' : ''} ORDER BY seq`,
      agreementId ? [eventId, agreementId] : [eventId],
    );
    return rows.map((r) => JSON.parse(r.payload) as LedgerPayload);
  }

  private async history(em: EntityManager, eventId: string, agreementId: string): Promise<LedgerPayload[]> {
    const history = ID_PATTERN.test(agreementId) ? await this.payloads(em, eventId, agreementId) : [];
    if (history.length === 0) throw new AgreementError(AgreementErrorCode.AgreementNotFound, 'Agreement not found');
    return history;
  }

  /**
   * The event's ledger head, created if need be and locked (FOR UPDATE) for
   * the rest of the transaction: it alone orders the chain. Refuses to go on
   * when the tail does not match it.
   */
  private async lockHead(em: EntityManager, eventId: string): Promise<LedgerHead> {
    await em.query(
      'INSERT INTO agreement_ledger_heads (event_id, last_seq, last_hash) VALUES (?, 0, ?) ON DUPLICATE KEY UPDATE event_id = event_id',
      [eventId, GENESIS_HASH],
    );
    const [head] = await em.query<{ last_seq: number; last_hash: string }[]>(
      'SELECT last_seq, last_hash FROM agreement_ledger_heads WHERE event_id = ? FOR UPDATE',
      [eventId],
    );
    const locked = { lastSeq: Number(head.last_seq), lastHash: head.last_hash };
    await this.checkTail(em, eventId, locked.lastSeq, locked.lastHash);
    return locked;
  }

  /**
   * Takes the next sequence number after the locked head, hashes the entry onto the chain and moves the head.
   * Returns the stored entry and what its payload says.
   */
  private async append(
    em: EntityManager,
    head: LedgerHead,
    eventId: string,
    agreementId: string,
    action: LedgerAction,
    agreement: AgreementState,
    reason: string | null,
    user: AuthUser,
  ): Promise<{ entry: LedgerEntryView; body: LedgerPayload }> {
    const seq = head.lastSeq + 1;
    const body: LedgerPayload = {
      v: 1,
      eventId,
      seq,
      agreementId,
      action,
      recordedAt: new Date().toISOString(),
      recordedBy: user.id,
      reason,
      agreement,
    };
    const payload = canonicalJson(body);
    const row: EntryRow = {
      seq,
      id: newId(),
      event_id: eventId,
      agreement_id: agreementId,
      action,
      payload,
      prev_hash: head.lastHash,
      hash: entryHash(head.lastHash, payload),
    };
    await em.query(
      `INSERT INTO agreement_entries (event_id, seq, id, agreement_id, action, payload, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [row.event_id, row.seq, row.id, row.agreement_id, row.action, row.payload, row.prev_hash, row.hash],
    );
    await em.query('UPDATE agreement_ledger_heads SET last_seq = ?, last_hash = ? WHERE event_id = ?', [
      seq,
      row.hash,
      eventId,
    ]);
    return { entry: this.entryView(row), body };
  }

  /**
   * Refuses to build on a tail that does not hold: the entry the head points
   * to must be there, carry the head's hash and hash to it from its own
   * contents, and nothing may sit beyond the head. Two reads by primary key,
   * so every append pays almost nothing; a full check is `verify`.
   */
  private async checkTail(em: EntityManager, eventId: string, lastSeq: number, lastHash: string): Promise<void> {
    const rows = await em.query<{ seq: number; payload: string; prev_hash: string; hash: string }[]>(
      'SELECT seq, payload, prev_hash, hash FROM agreement_entries WHERE event_id = ? AND seq IN (?, ?)',
      [eventId, lastSeq, lastSeq + 1],
    );
    const last = rows.find((r) => Number(r.seq) === lastSeq);
    const problem = rows.some((r) => Number(r.seq) === lastSeq + 1)
      ? `entry ${lastSeq + 1} was written outside the ledger`
      : lastSeq === 0
        ? null
        : !last
          ? `entry ${lastSeq} is missing`
          : last.hash !== lastHash || entryHash(last.prev_hash, last.payload) !== last.hash
            ? `entry ${lastSeq} does not match the ledger head`
            : null;
    if (problem)
      throw new AgreementError(
        AgreementErrorCode.LedgerBroken,
        `The agreement ledger fails verification (${problem}); nothing more is recorded until the organisers restore it (GET …/agreements/verify)`,
      );
  }

  /** Checks every reference and normalises the value; everything a client sent wrong is a 400 naming it. */
  private async buildState(em: EntityManager, event: Event, input: AgreementInput): Promise<AgreementState> {
    const companyIds = [...new Set(input.parties.flatMap((p) => (p.companyId ? [p.companyId] : [])))];
    if (companyIds.some((id) => !ID_PATTERN.test(id)))
      throw new AgreementError(AgreementErrorCode.UnknownParty, 'parties: companyId is not a company id');
    const companies = await this.delegates.companiesOfEvent(event.id, companyIds, em);
    const parties: Party[] = input.parties.map((p, i) => {
      const company = p.companyId ? companies.get(p.companyId) : undefined;
      if (p.companyId && !company)
        throw new AgreementError(
          AgreementErrorCode.UnknownParty,
          `parties[${i}].companyId: no company of that id is registered for this event`,
        );
      const name = company?.name ?? p.name;
      const country = company?.country ?? p.country;
      if (!name || !country)
        throw new CommonError(
          CommonErrorCode.InvalidValue,
          `parties[${i}]: give either a registered companyId or both name and country`,
        );
      return {
        companyId: p.companyId ?? null,
        name,
        country,
        signatories: p.signatories.map((s) => ({ name: s.name, position: s.position ?? null })),
      };
    });
    let value: AgreementState['value'] = null;
    if (input.value) {
      const problem = amountProblem(input.value.amount, input.value.currency);
      if (problem) throw new AgreementError(AgreementErrorCode.InvalidAmount, `value: ${problem}`);
      value = { amount: normaliseAmount(input.value.amount, input.value.currency), currency: input.value.currency };
    }
    const sessionId = input.sessionId ?? null;
    if (sessionId !== null && !(await this.sessions.belongsToEvent(em, event.id, sessionId)))
      throw new CommonError(CommonErrorCode.BadReference, 'sessionId: no session of that id in this event');
    const meetingId = input.meetingId ?? null;
    if (meetingId !== null && !(await this.meetings.belongsToEvent(event.id, meetingId, em)))
      throw new CommonError(CommonErrorCode.BadReference, 'meetingId: no meeting of that id in this event');
    return {
      title: input.title,
      kind: input.kind,
      sector: input.sector?.trim().toLowerCase() || null,
      parties,
      value,
      signedAt: new Date(input.signedAt).toISOString(),
      sessionId,
      meetingId,
      documentSha256: input.documentSha256?.toLowerCase() ?? null,
    };
  }

  /**
   * Mails the confirmation: to every approved delegate of each registered
   * party company, and to each signatory whose address was given with this
   * request (addresses are not kept in the ledger).
   */
  private async confirm(
    em: EntityManager,
    event: Event,
    entry: LedgerEntryView,
    body: LedgerPayload,
    given: PartyInput[],
  ): Promise<void> {
    const state = body.agreement;
    const recipients = new Map<string, OutboxRecipient>();
    const companyIds = state.parties.flatMap((p) => (p.companyId ? [p.companyId] : []));
    for (const d of await this.delegates.approved(event.id, { companyIds }, em)) {
      recipients.set(d.email.toLowerCase(), {
        userId: d.userId,
        email: d.email,
        name: d.name,
        locale: d.locale as Locale,
        timeZone: d.timeZone,
      });
    }
    for (const s of given.flatMap((p) => p.signatories)) {
      if (s.email && !recipients.has(s.email.toLowerCase()))
        recipients.set(s.email.toLowerCase(), { email: s.email, name: s.name, locale: s.locale });
    }
    const payload: AgreementMailPayload = {
      eventName: event.name,
      action: entry.action,
      title: state.title,
      kind: state.kind,
      parties: partiesLine(state.parties),
      value: state.value ? `${state.value.amount} ${state.value.currency}` : null,
      signedAt: state.signedAt,
      reason: body.reason,
      seq: entry.seq,
      hash: entry.hash,
    };
    await this.outbox.enqueue(
      em,
      ...[...recipients.values()].map((recipient) => ({
        type: 'agreement-recorded',
        dedupeKey: `agreement-recorded:${entry.id}:${recipient.email.toLowerCase()}`,
        recipient,
        eventId: event.id,
        eventTimeZone: event.timeZone,
        eventLocale: event.defaultLocale,
        eventNames: eventNames(event),
        subject: `agreement:${entry.agreementId}`,
        payload,
      })),
    );
  }
}
