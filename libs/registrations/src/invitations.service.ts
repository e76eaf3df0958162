import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { assertEmailVerified, AuthUser } from '@roundtable/auth';
import {
  chunks,
  CommonError,
  CommonErrorCode,
  decodeCursor,
  isoInstant,
  newId,
  Page,
  toPage,
} from '@roundtable/common';
import { AppConfig } from '@roundtable/config';
import { inTransaction } from '@roundtable/database';
import { EventAccessService, eventNames } from '@roundtable/events';
import { InvitationPayload, OutboxMessage, OutboxService } from '@roundtable/notifications';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { parse } from 'csv-parse';
import { DataSource, EntityManager, MoreThan } from 'typeorm';
import { InvitationDto, InvitationInputDto, InvitationQueryDto, InvitationStatus } from './dto/registration.dto';
import { Invitation } from './entities/invitation.entity';
import { RegistrationError, RegistrationErrorCode } from './registration-error';
import { hashToken } from './registrations.service';

const VALID_FOR_DAYS = 30;
/** An invitation is mailed at most this many times (the first mail and two resends)... */
const MAX_SENDS = 3;
/** ...and never twice within this time: a resend cannot turn an invitation into a way to flood an inbox. */
const RESEND_GAP_MS = 10 * 60_000;

/** LIKE wildcards in a search are literal characters, never patterns. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export function invitationStatus(invitation: Invitation, now = Date.now()): InvitationStatus {
  if (invitation.usedAt) return 'registered';
  return invitation.expiresAt.getTime() < now ? 'expired' : 'pending';
}

function toInvitationDto(i: Invitation): InvitationDto {
  return Object.assign(new InvitationDto(), {
    id: i.id,
    email: i.email,
    name: i.name,
    company: i.companyName,
    country: i.country,
    locale: i.locale,
    role: i.role,
    status: invitationStatus(i),
    sentCount: i.sentCount,
    createdAt: isoInstant(i.createdAt),
    lastSentAt: isoInstant(i.lastSentAt),
    expiresAt: isoInstant(i.expiresAt),
    usedAt: isoInstant(i.usedAt),
  });
}
/** Longest stretch of validation or row building between two yields to the event loop: other requests keep flowing. */
const SLICE_MS = 3;
/** Invitations (and their mails) per INSERT: small enough that building one never holds the event loop long. */
const ROWS_PER_INSERT = 100;
const INVITATION_COLUMNS = [
  'id',
  'event_id',
  'email',
  'name',
  'company_name',
  'country',
  'locale',
  'role',
  'token_hash',
  'expires_at',
  'allow_late_registration',
  'invited_by',
];
/** How many invited and rejected rows the answer lists; the counts cover all. */
export const FIRST_ROWS_SHOWN = 20;
const MAX_CSV_BYTES = 2 * 1024 * 1024;
const PARSE_PIECE_BYTES = 1024;

export interface InvitationResult {
  rows: number;
  invitedCount: number;
  rejectedCount: number;
  /** The first FIRST_ROWS_SHOWN invited rows. */
  invited: { row: number; email: string; invitationId: string }[];
  /** The first FIRST_ROWS_SHOWN rejected rows with their problems. */
  rejected: { row: number; email: string | null; errors: string[] }[];
}

/**
 * Invitations by JSON list or CSV. Each row is checked on its own: bad rows
 * are reported with their row number and problem; good rows are invited.
 * Invitations are not a mail relay: rows per request are capped, and an
 * event may send only its quota (small until a platform admin trusts it), an
 * organiser only a daily quota across untrusted events. A list that would
 * exceed a quota is refused whole, so nothing is half sent.
 */
@Injectable()
export class InvitationsService {
  private readonly baseUrl: string;
  private readonly limits: AppConfig['invitations'];

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventAccessService,
    private readonly outbox: OutboxService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.baseUrl = config.get('app.publicUrl', { infer: true });
    this.limits = config.get('invitations', { infer: true });
  }

  /** The rows of a JSON body `{ invitations: [...] }`, at most INVITATIONS_MAX_ROWS_JSON. */
  jsonRows(body: unknown): Record<string, unknown>[] {
    const list = (body as { invitations?: unknown } | undefined)?.invitations;
    if (!Array.isArray(list)) {
      throw new CommonError(CommonErrorCode.InvalidInput, 'invitations must be an array (or send text/csv)');
    }
    if (list.length > this.limits.maxRowsJson) throw this.tooManyRows(this.limits.maxRowsJson, 'JSON list');
    return list.map((row: unknown) =>
      row && typeof row === 'object' && !Array.isArray(row) ? (row as Record<string, unknown>) : {},
    );
  }

  /**
   * Rows of a CSV with a header (name, email, company, country, locale; role, allowLateRegistration optional), parsed as the
   * body streams in: at most 2 MB and INVITATIONS_MAX_ROWS_CSV rows, refused as soon as either is passed.
   */
  async csvRows(body: Readable): Promise<Record<string, unknown>[]> {
    const rows: Record<string, unknown>[] = [];
    let failure: Error | null = null;
    const parser = parse({
      bom: true,
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    });
    parser.on('data', (record: Record<string, unknown>) => {
      rows.push(record);
      if (rows.length > this.limits.maxRowsCsv) failure ??= this.tooManyRows(this.limits.maxRowsCsv, 'CSV');
    });
    const parsed = finished(parser).catch((error: Error) => {
      failure ??= new CommonError(CommonErrorCode.InvalidInput, `CSV could not be read: ${error.message}`);
    });
    let bytes = 0;
    // Fed a small piece at a time with a yield between pieces: parsing a whole 64 KB socket chunk at once
    // holds the event loop too long. After a refusal the rest of the body is read and dropped (the socket
    // stays open, so the client gets its 4xx).
    for await (const chunk of body as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > MAX_CSV_BYTES) {
        failure ??= new RegistrationError(RegistrationErrorCode.InvitationListTooLarge, 'The CSV is larger than 2 MB');
      }
      for (let at = 0; at < chunk.length && !failure; at += PARSE_PIECE_BYTES) {
        parser.write(chunk.subarray(at, at + PARSE_PIECE_BYTES));
        await yieldToEventLoop();
      }
    }
    parser.end();
    await parsed;
    if (failure) throw failure;
    return rows;
  }

  async invite(eventId: string, rows: Record<string, unknown>[], user: AuthUser): Promise<InvitationResult> {
    await this.events.getOrganisedEvent(eventId, user);
    // an account nobody confirmed could otherwise mail anyone in the event's name
    assertEmailVerified(user, 'send invitations');
    const { valid, rejected, rejectedCount } = await this.validate(rows);
    const invited: InvitationResult['invited'] = [];
    await inTransaction(this.dataSource, async (em) => {
      const event = await this.events.lockEvent(em, eventId);
      await this.checkQuotas(em, event.id, event.trusted, valid.length, user);
      const expiresAt = new Date(Date.now() + VALID_FOR_DAYS * 86_400_000);
      for (const batch of chunks(valid, ROWS_PER_INSERT)) {
        await yieldToEventLoop();
        const mails: OutboxMessage<InvitationPayload>[] = [];
        const values = batch.map(({ row, input }) => {
          const id = newId();
          const token = randomBytes(32).toString('base64url');
          const role = input.role ?? 'delegate';
          mails.push({
            type: 'invitation',
            dedupeKey: `invitation:${id}`,
            eventId,
            eventTimeZone: event.timeZone,
            eventLocale: event.defaultLocale,
            eventNames: eventNames(event),
            recipient: { email: input.email, name: input.name, locale: input.locale },
            payload: {
              eventName: event.name,
              inviterName: user.name,
              registrationUrl: `${this.baseUrl}/app/events/${eventId}/register?invitationToken=${token}`,
              role,
              expiresAt: expiresAt.toISOString(),
            },
          });
          if (invited.length < FIRST_ROWS_SHOWN) invited.push({ row, email: input.email, invitationId: id });
          const { email, name, company, country, locale } = input;
          const tokenHash = hashToken(token);
          const cells: unknown[] = [id, eventId, email, name, company ?? null, country ?? null, locale ?? null, role];
          return [...cells, tokenHash, expiresAt, input.allowLateRegistration ?? false, user.id];
        });
        const placeholders = `(${INVITATION_COLUMNS.map(() => '?').join(', ')})`;
        await em.query(
          `INSERT INTO invitations (${INVITATION_COLUMNS.join(', ')}) VALUES ${values.map(() => placeholders).join(', ')}`,
          values.flat(),
        );
        await this.outbox.enqueue(em, ...mails);
      }
    });
    return { rows: rows.length, invitedCount: valid.length, rejectedCount, invited, rejected };
  }

  /** The event's invitations, newest first, with where each stands. */
  async list(eventId: string, query: InvitationQueryDto): Promise<Page<InvitationDto> & { total: number }> {
    const after = decodeCursor(query.cursor, ['instant', 'id']);
    const qb = this.dataSource
      .getRepository(Invitation)
      .createQueryBuilder('i')
      .where('i.eventId = :eventId', { eventId });
    if (query.status === 'registered') qb.andWhere('i.usedAt IS NOT NULL');
    if (query.status === 'pending') qb.andWhere('i.usedAt IS NULL AND i.expiresAt >= :now', { now: new Date() });
    if (query.status === 'expired') qb.andWhere('i.usedAt IS NULL AND i.expiresAt < :now', { now: new Date() });
    if (query.q)
      qb.andWhere('(i.email LIKE :like OR i.name LIKE :like OR i.companyName LIKE :like)', {
        like: `%${escapeLike(query.q)}%`,
      });
    const total = await qb.clone().getCount();
    if (after)
      qb.andWhere('(i.createdAt < :at OR (i.createdAt = :at AND i.id < :id))', {
        at: new Date(after[0]),
        id: String(after[1]),
      });
    const rows = await qb
      .orderBy('i.createdAt', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .take(query.limit + 1)
      .getMany();
    return {
      ...toPage(rows, query.limit, (i) => [i.createdAt.toISOString(), i.id], toInvitationDto),
      total,
    };
  }

  /**
   * Mails an unused invitation again with a fresh link (the old link stops working) and a fresh 30 days.
   * Bounded like the first sending: the organiser's address must be confirmed, an invitation goes out at
   * most MAX_SENDS times and never twice within RESEND_GAP_MS, so resending multiplies no quota by more than that.
   */
  async resend(eventId: string, invitationId: string, user: AuthUser): Promise<InvitationDto> {
    assertEmailVerified(user, 'send invitations');
    return inTransaction(this.dataSource, async (em) => {
      const event = await this.events.lockEvent(em, eventId);
      const repo = em.getRepository(Invitation);
      const invitation = await repo.findOne({
        where: { id: invitationId, eventId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!invitation)
        throw new RegistrationError(RegistrationErrorCode.InvitationNotFound, 'This event has no such invitation');
      if (invitation.usedAt)
        throw new RegistrationError(
          RegistrationErrorCode.InvitationUsed,
          'The guest has already registered with this invitation',
        );
      if (invitation.sentCount >= MAX_SENDS)
        throw new RegistrationError(
          RegistrationErrorCode.InvitationResendLimit,
          `An invitation is mailed at most ${MAX_SENDS} times; this one has been`,
          { maxSends: MAX_SENDS },
        );
      const wait = (invitation.lastSentAt ?? invitation.createdAt).getTime() + RESEND_GAP_MS - Date.now();
      if (wait > 0)
        throw new RegistrationError(
          RegistrationErrorCode.InvitationResendTooSoon,
          `This invitation was mailed less than ${RESEND_GAP_MS / 60_000} minutes ago; try again in ${Math.ceil(wait / 60_000)} min`,
          { retryAfterSeconds: Math.ceil(wait / 1000) },
        );
      const token = randomBytes(32).toString('base64url');
      const now = new Date();
      Object.assign(invitation, {
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + VALID_FOR_DAYS * 86_400_000),
        sentCount: invitation.sentCount + 1,
        lastSentAt: now,
      });
      await repo.update(
        { id: invitation.id },
        {
          tokenHash: invitation.tokenHash,
          expiresAt: invitation.expiresAt,
          sentCount: invitation.sentCount,
          lastSentAt: now,
        },
      );
      await this.outbox.enqueue(em, {
        type: 'invitation',
        dedupeKey: `invitation:${invitation.id}:${invitation.sentCount}`,
        eventId,
        eventTimeZone: event.timeZone,
        eventLocale: event.defaultLocale,
        eventNames: eventNames(event),
        recipient: {
          email: invitation.email,
          name: invitation.name,
          locale: (invitation.locale ?? undefined) as 'zh' | 'ru' | 'en' | undefined,
        },
        payload: {
          eventName: event.name,
          inviterName: user.name,
          registrationUrl: `${this.baseUrl}/app/events/${eventId}/register?invitationToken=${token}`,
          role: invitation.role,
          expiresAt: invitation.expiresAt.toISOString(),
        },
      } satisfies OutboxMessage<InvitationPayload>);
      return toInvitationDto(invitation);
    });
  }

  /** Checks every row, yielding to the event loop every few milliseconds, so a maximal list never stalls the api. */
  private async validate(rows: Record<string, unknown>[]): Promise<{
    valid: { row: number; input: InvitationInputDto }[];
    rejected: InvitationResult['rejected'];
    rejectedCount: number;
  }> {
    const valid: { row: number; input: InvitationInputDto }[] = [];
    const rejected: InvitationResult['rejected'] = [];
    const seen = new Set<string>();
    let rejectedCount = 0;
    const reject = (entry: InvitationResult['rejected'][number]) => {
      rejectedCount += 1;
      if (rejected.length < FIRST_ROWS_SHOWN) rejected.push(entry);
    };
    let sliceStart = performance.now();
    for (const [index, raw] of rows.entries()) {
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
      const row = index + 1;
      const input = plainToInstance(InvitationInputDto, {
        email: raw.email,
        name: raw.name,
        company: raw.company || undefined,
        country: raw.country || undefined,
        locale: raw.locale || undefined,
        role: raw.role || undefined,
        // CSV headers arrive lower-cased
        allowLateRegistration: raw.allowLateRegistration ?? (raw.allowlateregistration || undefined),
      });
      const errors = validateSync(input, { whitelist: true, forbidNonWhitelisted: false });
      if (errors.length > 0) {
        reject({
          row,
          email: typeof raw.email === 'string' ? raw.email.slice(0, 254) : null,
          errors: errors.flatMap((e) => Object.values(e.constraints ?? {})),
        });
      } else if (seen.has(input.email)) {
        reject({ row, email: input.email, errors: ['email appears twice in this list'] });
      } else {
        seen.add(input.email);
        valid.push({ row, input });
      }
    }
    return { valid, rejected, rejectedCount };
  }

  /**
   * Under the event's lock (two lists for one event are counted one after the other). While the event is
   * untrusted, the organiser's invitations of the last 24 hours (for any event) count too, so opening more
   * drafts does not widen the quota.
   */
  private async checkQuotas(
    em: EntityManager,
    eventId: string,
    trusted: boolean,
    requested: number,
    user: AuthUser,
  ): Promise<void> {
    if (requested === 0) return;
    const repo = em.getRepository(Invitation);
    const eventQuota = trusted ? this.limits.perEventTrusted : this.limits.perEventUntrusted;
    const eventUsed = await repo.countBy({ eventId });
    if (eventUsed + requested > eventQuota) {
      throw new RegistrationError(
        RegistrationErrorCode.InvitationQuotaEvent,
        `This event may send ${eventQuota} invitations${trusted ? '' : ' until a platform admin marks it trusted'}; ` +
          `${eventUsed} sent, ${requested} more asked`,
        { quota: eventQuota, used: eventUsed, requested, trusted },
      );
    }
    if (trusted) return;
    const organiserUsed = await repo.countBy({
      invitedBy: user.id,
      createdAt: MoreThan(new Date(Date.now() - 86_400_000)),
    });
    const organiserQuota = this.limits.perOrganiserPerDay;
    if (organiserUsed + requested > organiserQuota) {
      throw new RegistrationError(
        RegistrationErrorCode.InvitationQuotaOrganiser,
        `You may send ${organiserQuota} invitations a day while an event is not marked trusted; ` +
          `${organiserUsed} sent in the last 24 hours, ${requested} more asked`,
        { quota: organiserQuota, used: organiserUsed, requested, retryAfterSeconds: 3600 },
      );
    }
  }

  private tooManyRows(max: number, what: string): RegistrationError {
    return new RegistrationError(RegistrationErrorCode.TooManyRows, `A ${what} may carry at most ${max} invitations`, {
      maxRows: max,
    });
  }
}
