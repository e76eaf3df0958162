import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuthUser } from '@roundtable/auth';
import { CommonError, CommonErrorCode, newId } from '@roundtable/common';
import { inTransaction, isDuplicateKey } from '@roundtable/database';
import { EventAccessService } from '@roundtable/events';
import { DataSource, EntityManager } from 'typeorm';
import { BadgesService } from './badges.service';
import { CheckIn } from './entities/check-in.entity';
import { Registration } from './entities/registration.entity';
import { RegistrationError, RegistrationErrorCode } from './registration-error';
import { RegistrationsService } from './registrations.service';

/**
 * A scan as a door's device reports it: the badge's code, or the registration of a person the organiser found by
 * name. Without scanId/scannedAt it is a scan made now, online.
 */
export interface ScanInput {
  code?: string;
  registrationId?: string;
  scanId?: string;
  scannedAt?: string;
  deviceId?: string;
}

export interface CheckInResult {
  registrationId: string;
  name: string;
  company: string | null;
  /** The earliest scan of this badge, from whichever door. */
  checkedInAt: string;
  /** False when this badge had already been scanned (a duplicate): counted once, flagged. */
  firstScan: boolean;
  scanId: string;
  deviceId: string | null;
  scannedAt: string;
  /** How many scans of this badge the server holds, this one included. */
  scans: number;
}

export interface CheckInPerson {
  registrationId: string;
  name: string;
  company: string | null;
  country: string | null;
  role: string;
  codeHash: string;
  checkedInAt: string | null;
  scans: number;
}

export interface CheckInCounts {
  expected: number;
  checkedIn: number;
  duplicateScans: number;
}

/** How far ahead of the server's clock a device's scan time may be (clocks drift) before it is refused. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Check-in at the doors, online and offline (owner of `check_ins`).
 *
 * Verifying badges offline. A badge's QR carries `<registrationId>.<HMAC>`
 * under a server-wide key (BadgesService). That key never leaves the server:
 * on a door device it would let whoever holds the device mint badges for
 * every event. Nor do we hand out a per-event key (the same forgery, one
 * event at a time) or switch to Ed25519 signatures (every printed badge
 * would change, and a public key alone cannot say whose badge it is or
 * whether the registration still stands). Instead the organisers' check-in
 * list carries, for each approved registration, the SHA-256 of its full
 * badge code: the device hashes what it scanned and looks the hash up. A
 * forged or altered code matches no entry (finding one would mean a SHA-256
 * preimage of a 256-bit HMAC), a withdrawn registration is not in the list,
 * and a lost device leaks only hashes, from which no badge can be made. What
 * the device cannot check (a registration approved after its last refresh)
 * it says so, and the scan is checked by the server when it syncs.
 */
@Injectable()
export class CheckInsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventAccessService,
    private readonly registrations: RegistrationsService,
    private readonly badges: BadgesService,
  ) {}

  static codeHash(code: string): string {
    return createHash('sha256').update(code).digest('base64url');
  }

  /**
   * Records a scan. The same scanId again answers what it answered the first time (nothing is recorded twice);
   * a second scan of a badge keeps the earliest scan time as the check-in time and is flagged (firstScan false).
   */
  async checkIn(eventId: string, input: ScanInput, organiser: AuthUser): Promise<CheckInResult> {
    await this.events.getOrganisedEvent(eventId, organiser);
    const invalid = (message = 'This badge code is not valid') =>
      new RegistrationError(RegistrationErrorCode.BadgeInvalid, message);
    const notFound = () =>
      new RegistrationError(RegistrationErrorCode.RegistrationNotFound, 'This registration does not exist');
    const reused = () => new CommonError(CommonErrorCode.Conflict, 'This scanId was already used for another badge');
    if (input.code !== undefined && input.registrationId !== undefined) {
      throw new CommonError(CommonErrorCode.InvalidInput, 'Give code or registrationId, not both');
    }
    // found by name: the organiser vouches for the person, so there is no signature to check
    const [registrationId, signature, extra] =
      input.code !== undefined ? input.code.trim().split('.') : [input.registrationId, null, undefined];
    if (!registrationId || signature === '' || signature === undefined || extra !== undefined) throw invalid();
    const receivedAt = new Date();
    const scannedAt = input.scannedAt ? new Date(input.scannedAt) : receivedAt;
    if (scannedAt.getTime() > receivedAt.getTime() + CLOCK_SKEW_MS) {
      throw new CommonError(
        CommonErrorCode.InvalidInput,
        'scannedAt is in the future: check the scanning device’s clock',
      );
    }
    try {
      return await inTransaction(this.dataSource, async (em) => {
        const registration = await em
          .getRepository(Registration)
          .findOne({ where: { id: registrationId }, lock: { mode: 'pessimistic_write' } })
          .catch(() => null);
        if (!registration) throw input.code !== undefined ? invalid() : notFound();
        if (signature !== null && !this.badges.verifies(registration, signature)) throw invalid();
        if (registration.eventId !== eventId) {
          throw input.code !== undefined ? invalid('This badge belongs to another event') : notFound();
        }
        if (registration.status !== 'approved') throw invalid(`This registration is ${registration.status}`);
        const scans = em.getRepository(CheckIn);
        if (input.scanId) {
          const earlier = await scans.findOneBy({ eventId, scanId: input.scanId });
          if (earlier) {
            if (earlier.registrationId !== registration.id) throw reused();
            return this.result(em, registration, earlier);
          }
        }
        const scan = scans.create({
          id: newId(),
          eventId,
          registrationId: registration.id,
          scanId: input.scanId ?? newId(),
          deviceId: input.deviceId ?? null,
          scannedAt,
          receivedAt,
          firstScan: registration.checkedInAt === null,
        });
        await scans.insert(scan);
        if (registration.checkedInAt === null || scannedAt < registration.checkedInAt) {
          registration.checkedInAt = scannedAt;
          await em.getRepository(Registration).update({ id: registration.id }, { checkedInAt: scannedAt });
        }
        return this.result(em, registration, scan);
      });
    } catch (error) {
      // the same scanId for two different badges at once: the unique key lets one in
      if (isDuplicateKey(error, 'uq_check_ins_scan')) throw reused();
      throw error;
    }
  }

  /** Everyone approved, with what a door device needs to check their badge offline, and the counts. */
  async list(eventId: string, organiser: AuthUser): Promise<{ people: CheckInPerson[]; counts: CheckInCounts }> {
    await this.events.getOrganisedEvent(eventId, organiser);
    const registrations = await this.dataSource
      .getRepository(Registration)
      .find({ where: { eventId, status: 'approved' }, order: { createdAt: 'ASC', id: 'ASC' } });
    const rows = await this.registrations.withPeople(registrations);
    const scans = await this.scanCounts(eventId);
    const people = rows.map(({ registration, user, company }) => ({
      registrationId: registration.id,
      name: user.name,
      company: company?.name ?? null,
      country: company?.country ?? null,
      role: registration.role,
      codeHash: CheckInsService.codeHash(this.badges.codeFor(registration)),
      checkedInAt: registration.checkedInAt?.toISOString() ?? null,
      scans: scans.get(registration.id) ?? 0,
    }));
    people.sort((a, b) => a.name.localeCompare(b.name));
    return { people, counts: await this.countsOf(eventId) };
  }

  async counts(eventId: string, organiser: AuthUser): Promise<CheckInCounts> {
    await this.events.getOrganisedEvent(eventId, organiser);
    return this.countsOf(eventId);
  }

  private async countsOf(eventId: string): Promise<CheckInCounts> {
    const [row] = await this.dataSource.query<Array<{ expected: string; checkedIn: string | null }>>(
      `SELECT COUNT(*) AS expected, SUM(checked_in_at IS NOT NULL) AS checkedIn
         FROM registrations WHERE event_id = ? AND status = 'approved'`,
      [eventId],
    );
    const duplicateScans = await this.dataSource.getRepository(CheckIn).countBy({ eventId, firstScan: false });
    return { expected: Number(row.expected), checkedIn: Number(row.checkedIn ?? 0), duplicateScans };
  }

  private async scanCounts(eventId: string): Promise<Map<string, number>> {
    const rows = await this.dataSource.query<Array<{ registrationId: string; scans: string }>>(
      'SELECT registration_id AS registrationId, COUNT(*) AS scans FROM check_ins WHERE event_id = ? GROUP BY registration_id',
      [eventId],
    );
    return new Map(rows.map((r) => [r.registrationId, Number(r.scans)]));
  }

  private async result(em: EntityManager, registration: Registration, scan: CheckIn): Promise<CheckInResult> {
    const [row] = await this.registrations.withPeople([registration], em);
    const scans = await em.getRepository(CheckIn).countBy({ registrationId: registration.id });
    return {
      registrationId: registration.id,
      name: row.user.name,
      company: row.company?.name ?? null,
      checkedInAt: registration.checkedInAt!.toISOString(),
      firstScan: scan.firstScan,
      scanId: scan.scanId,
      deviceId: scan.deviceId,
      scannedAt: scan.scannedAt.toISOString(),
      scans,
    };
  }
}
