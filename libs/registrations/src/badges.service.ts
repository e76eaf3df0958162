import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '@roundtable/config';
import { EventAccessService } from '@roundtable/events';
import QRCode from 'qrcode';
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

  private sign(registration: Pick<Registration, 'id' | 'badgeCode'>): string {
    return createHmac('sha256', this.key).update(`${registration.id}:${registration.badgeCode}`).digest('base64url');
  }

  /** Whether `signature` is this registration's badge signature (compared in constant time). */
  verifies(registration: Pick<Registration, 'id' | 'badgeCode'>, signature: string): boolean {
    const expected = Buffer.from(this.sign(registration));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
