import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AuthUser } from '@roundtable/auth';
import { AppConfig } from '@roundtable/config';
import { inTransaction } from '@roundtable/database';
import { EventAccessService } from '@roundtable/events';
import QRCode from 'qrcode';
import { DataSource } from 'typeorm';
import { BadgeNames, Registration } from './entities/registration.entity';
import { renderPdf } from './pdf';
import { RegistrationError, RegistrationErrorCode } from './registration-error';
import { RegistrationsService } from './registrations.service';

/** The person's name in the scripts the badge prints under the main one: Latin, then Chinese, then Cyrillic. */
const otherNames = (name: string, names: BadgeNames | null): string[] =>
  [names?.latin, names?.zh, names?.ru].filter((n): n is string => !!n && n !== name);

function assertBadgeable(registration: Registration): void {
  if (registration.status !== 'approved') {
    throw new RegistrationError(
      RegistrationErrorCode.InvalidTransition,
      'Badges exist for approved registrations only',
    );
  }
}

export interface CheckInResult {
  registrationId: string;
  name: string;
  company: string | null;
  checkedInAt: string;
  /** False when this badge had already been scanned: checkedInAt is the first scan. */
  firstScan: boolean;
}

/**
 * Badges carry `<registrationId>.<signature>` in their QR code; the signature
 * is an HMAC of the registration id and its random badge code, under a key
 * of its own (BADGE_SECRET, or derived from JWT_SECRET for this purpose alone),
 * so a badge cannot be forged or guessed, and a leaked badge key signs no session.
 */
@Injectable()
export class BadgesService {
  private readonly key: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventAccessService,
    private readonly registrations: RegistrationsService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.key = Buffer.from(config.get('auth.badgeSecret', { infer: true }));
  }

  codeFor(registration: Pick<Registration, 'id' | 'badgeCode'>): string {
    return `${registration.id}.${this.sign(registration)}`;
  }

  /** The QR code printed on the badge, as a PNG. */
  qrPng(registration: Pick<Registration, 'id' | 'badgeCode'>): Promise<Buffer> {
    return QRCode.toBuffer(this.codeFor(registration), { errorCorrectionLevel: 'M', margin: 1, width: 300 });
  }

  /** What the badge's QR code carries, so the delegate's phone can show it on screen (approved registrations). */
  async badgeCode(eventId: string, registrationId: string): Promise<string> {
    await this.events.getEvent(eventId);
    const { registration } = await this.registrations.row(eventId, registrationId);
    assertBadgeable(registration);
    return this.codeFor(registration);
  }

  async badgePdf(eventId: string, registrationId: string): Promise<Buffer> {
    const event = await this.events.getEvent(eventId);
    const { registration, user, company } = await this.registrations.row(eventId, registrationId);
    assertBadgeable(registration);
    const qr = await this.qrPng(registration);
    const names = otherNames(user.name, registration.badgeNames);
    const companyNames = [company?.nameZh, company?.nameRu].filter((n): n is string => !!n && n !== company?.name);
    return renderPdf([288, 432], (doc) => {
      const centred = { align: 'center' as const };
      doc.fontSize(11).fillColor('#555').text(event.name, centred);
      doc.moveDown(1.2).fontSize(22).fillColor('#000').text(user.name, centred);
      for (const name of names) doc.fontSize(14).text(name, centred);
      if (company) {
        doc.moveDown(0.4).fontSize(13).text(company.name, centred);
        for (const name of companyNames) doc.fontSize(11).text(name, centred);
      }
      doc
        .moveDown(0.4)
        .fontSize(11)
        .fillColor('#555')
        .text([company?.country, registration.role.toUpperCase()].filter(Boolean).join(' · '), centred);
      doc.image(qr, 84, 280, { width: 120 });
    });
  }

  async checkIn(eventId: string, code: string, organiser: AuthUser): Promise<CheckInResult> {
    await this.events.getOrganisedEvent(eventId, organiser);
    const [registrationId, signature] = code.trim().split('.');
    const invalid = () => new RegistrationError(RegistrationErrorCode.BadgeInvalid, 'This badge code is not valid');
    if (!registrationId || !signature) throw invalid();
    return inTransaction(this.dataSource, async (em) => {
      const registration = await em
        .getRepository(Registration)
        .findOne({ where: { id: registrationId }, lock: { mode: 'pessimistic_write' } })
        .catch(() => null);
      if (!registration || !this.verify(registration, signature)) throw invalid();
      if (registration.eventId !== eventId) {
        throw new RegistrationError(RegistrationErrorCode.BadgeInvalid, 'This badge belongs to another event');
      }
      if (registration.status !== 'approved') {
        throw new RegistrationError(RegistrationErrorCode.BadgeInvalid, `This registration is ${registration.status}`);
      }
      const firstScan = registration.checkedInAt === null;
      if (firstScan) {
        registration.checkedInAt = new Date();
        await em.getRepository(Registration).update({ id: registration.id }, { checkedInAt: registration.checkedInAt });
      }
      const [row] = await this.registrations.withPeople([registration], em);
      return {
        registrationId: registration.id,
        name: row.user.name,
        company: row.company?.name ?? null,
        checkedInAt: registration.checkedInAt!.toISOString(),
        firstScan,
      };
    });
  }

  private sign(registration: Pick<Registration, 'id' | 'badgeCode'>): string {
    return createHmac('sha256', this.key).update(`${registration.id}:${registration.badgeCode}`).digest('base64url');
  }

  private verify(registration: Registration, signature: string): boolean {
    const expected = Buffer.from(this.sign(registration));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
