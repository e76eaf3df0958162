import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { assertEmailVerified, AuthUser } from '@roundtable/auth';
import { CommonError, CommonErrorCode, newId } from '@roundtable/common';
import { AppConfig } from '@roundtable/config';
import { inTransaction } from '@roundtable/database';
import { EventAccessService, eventNames } from '@roundtable/events';
import { InvitationPayload, OutboxService } from '@roundtable/notifications';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { InvitationInputDto } from './dto/registration.dto';
import { Invitation } from './entities/invitation.entity';
import { hashToken } from './registrations.service';

const VALID_FOR_DAYS = 30;

export interface InvitationResult {
  invited: { row: number; email: string; invitationId: string }[];
  rejected: { row: number; email: string | null; errors: string[] }[];
}

/**
 * Invitations by JSON list or CSV. Each row is checked on its own: bad rows
 * are reported with their row number and problem; good rows are invited.
 */
@Injectable()
export class InvitationsService {
  private readonly baseUrl: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventAccessService,
    private readonly outbox: OutboxService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.baseUrl = config.get('app.publicUrl', { infer: true });
  }

  /** Rows of a CSV with a header: name, email, company, country, locale (role, allowLateRegistration optional). */
  parseCsv(csv: string): Record<string, unknown>[] {
    try {
      return parse<Record<string, unknown>>(csv.replace(/^\uFEFF/, ''), {
        columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
        skip_empty_lines: true,
        trim: true,
        relax_column_count: true,
      });
    } catch (error) {
      throw new CommonError(CommonErrorCode.InvalidInput, `CSV could not be read: ${(error as Error).message}`);
    }
  }

  async invite(eventId: string, rows: Record<string, unknown>[], user: AuthUser): Promise<InvitationResult> {
    const event = await this.events.getOrganisedEvent(eventId, user);
    // an account nobody confirmed could otherwise mail anyone in the event's name
    assertEmailVerified(user, 'send invitations');
    const result: InvitationResult = { invited: [], rejected: [] };
    const valid: { row: number; input: InvitationInputDto }[] = [];
    rows.forEach((raw, index) => {
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
        result.rejected.push({
          row,
          email: typeof raw.email === 'string' ? raw.email : null,
          errors: errors.flatMap((e) => Object.values(e.constraints ?? {})),
        });
      } else if (valid.some((v) => v.input.email === input.email)) {
        result.rejected.push({ row, email: input.email, errors: ['email appears twice in this list'] });
      } else {
        valid.push({ row, input });
      }
    });
    await inTransaction(this.dataSource, async (em) => {
      for (const { row, input } of valid) {
        const token = randomBytes(32).toString('base64url');
        const invitation = em.getRepository(Invitation).create({
          id: newId(),
          eventId,
          email: input.email,
          name: input.name,
          companyName: input.company ?? null,
          country: input.country ?? null,
          locale: input.locale ?? null,
          role: input.role ?? 'delegate',
          tokenHash: hashToken(token),
          expiresAt: new Date(Date.now() + VALID_FOR_DAYS * 86_400_000),
          allowLateRegistration: input.allowLateRegistration ?? false,
          usedAt: null,
          invitedBy: user.id,
        });
        await em.getRepository(Invitation).insert(invitation);
        await this.outbox.enqueue(em, {
          type: 'invitation',
          dedupeKey: `invitation:${invitation.id}`,
          eventId,
          eventTimeZone: event.timeZone,
          eventLocale: event.defaultLocale,
          eventNames: eventNames(event),
          recipient: { email: input.email, name: input.name, locale: input.locale },
          payload: {
            eventName: event.name,
            inviterName: user.name,
            registrationUrl: `${this.baseUrl}/events/${eventId}/registrations?invitationToken=${token}`,
            role: invitation.role,
            expiresAt: invitation.expiresAt.toISOString(),
          } satisfies InvitationPayload,
        });
        result.invited.push({ row, email: input.email, invitationId: invitation.id });
      }
    });
    return result;
  }
}
