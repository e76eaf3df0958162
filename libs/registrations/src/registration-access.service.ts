import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuthUser } from '@roundtable/auth';
import { ID_PATTERN } from '@roundtable/common';
import { EntityManager, Repository } from 'typeorm';
import { Registration } from './entities/registration.entity';
import { RegistrationError, RegistrationErrorCode } from './registration-error';

/** Lookups other features use to decide who is a delegate of an event. */
@Injectable()
export class RegistrationAccessService {
  constructor(@InjectRepository(Registration) private readonly registrations: Repository<Registration>) {}

  async getRegistration(eventId: string, registrationId: string, em?: EntityManager): Promise<Registration> {
    const registration = ID_PATTERN.test(registrationId)
      ? await (em ? em.getRepository(Registration) : this.registrations).findOneBy({ id: registrationId, eventId })
      : null;
    if (!registration)
      throw new RegistrationError(RegistrationErrorCode.RegistrationNotFound, 'Registration not found');
    return registration;
  }

  /** The caller's own registration at the event, if any. */
  findOwn(eventId: string, userId: string, em?: EntityManager): Promise<Registration | null> {
    return (em ? em.getRepository(Registration) : this.registrations).findOneBy({ eventId, userId });
  }

  /**
   * SQL for another lib's own query, as UserLookupService.contactJoin:
   * left-joins (alias caller_own) the registration, in any status, of the
   * user given as the join's one `?` parameter at the event whose id is
   * `eventIdColumn`, adding own_registration_id (null when they hold none):
   * `findOwn` without a round trip of its own.
   */
  ownJoin(eventIdColumn: string): { columns: string; join: string } {
    return {
      columns: 'caller_own.id AS own_registration_id',
      join: `LEFT JOIN registrations caller_own ON caller_own.event_id = ${eventIdColumn} AND caller_own.user_id = ?`,
    };
  }

  /** Every registration the user holds, at any event and in any status. */
  findAllOwn(userId: string): Promise<Registration[]> {
    return this.registrations.findBy({ userId });
  }

  /** The caller's registration if it is approved; otherwise NOT_APPROVED_DELEGATE (403). */
  async requireApproved(eventId: string, user: AuthUser, em?: EntityManager): Promise<Registration> {
    const own = await this.findOwn(eventId, user.id, em);
    if (!own || own.status !== 'approved') {
      throw new RegistrationError(
        RegistrationErrorCode.NotApprovedDelegate,
        'Only approved delegates of this event may do this',
      );
    }
    return own;
  }

  /**
   * Locks the event's registrations with these ids, in id order (so callers
   * that lock several never deadlock each other), and returns their statuses as
   * they are under the lock. FOR UPDATE by default; `share` for a caller that
   * only needs them to stay as they are (approved), which a withdrawal, taking
   * them FOR UPDATE, then waits for.
   */
  async lockStatuses(
    em: EntityManager,
    eventId: string,
    registrationIds: string[],
    mode: 'update' | 'share' = 'update',
  ): Promise<Array<{ id: string; status: string }>> {
    const sorted = [...new Set(registrationIds)].sort();
    if (sorted.length === 0) return [];
    return em.query(
      `SELECT id, status FROM registrations WHERE event_id = ? AND id IN (${sorted.map(() => '?').join(', ')})
        ORDER BY id ${mode === 'share' ? 'LOCK IN SHARE MODE' : 'FOR UPDATE'}`,
      [eventId, ...sorted],
    );
  }

  /** When the delegate can meet (UTC windows), or null for whenever meetings run. */
  async setAvailability(
    eventId: string,
    registrationId: string,
    windows: Array<{ start: string; end: string }> | null,
  ): Promise<void> {
    await this.registrations.update({ id: registrationId, eventId }, { availability: windows });
  }
}
