import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AuthUser, UserLookupService } from '@roundtable/auth';
import { CommonError, CommonErrorCode, decodeCursor, isoInstant, Page, toPage } from '@roundtable/common';
import { AppConfig } from '@roundtable/config';
import { inTransaction } from '@roundtable/database';
import { EventAccessService } from '@roundtable/events';
import { DateTime } from 'luxon';
import QRCode from 'qrcode';
import { DataSource, In } from 'typeorm';
import {
  VisaLetterCheckDto,
  VisaLetterQueryDto,
  VisaLetterRequestDto,
  VisaRequestDto,
  VisaRequestStateDto,
} from './dto/registration.dto';
import { Registration } from './entities/registration.entity';
import { VisaRequest } from './entities/visa-request.entity';
import { renderPdf } from './pdf';
import { RegistrationAccessService } from './registration-access.service';
import { RegistrationError, RegistrationErrorCode } from './registration-error';
import { RegistrationsService } from './registrations.service';
import { LETTER_TEXT, LetterFacts, LetterLanguage, secondLanguage } from './visa-letter-text';

/** Crockford's base32: no I, L, O or U, so a reference read aloud or retyped is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** RT- and four groups of five: 100 random bits, far beyond guessing. */
export const REFERENCE = /^RT(?:-[0-9A-HJKMNP-TV-Z]{5}){4}$/;

function newReference(): string {
  const chars = [...randomBytes(20)].map((b) => ALPHABET[b & 31]).join('');
  return `RT-${chars.match(/.{5}/g)!.join('-')}`;
}

const last4 = (passport: string) => passport.slice(-4);

/**
 * Visa invitation letters: requested by the delegate, decided by an organiser (a rejection with its
 * reason), downloadable by those two only. An approved letter gets a reference number; its QR code opens
 * a public check that confirms the letter (name, the passport's last digits, dates) and says when it has
 * been revoked, and nothing more.
 */
@Injectable()
export class VisaService {
  private readonly baseUrl: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventAccessService,
    private readonly access: RegistrationAccessService,
    private readonly registrations: RegistrationsService,
    private readonly users: UserLookupService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.baseUrl = config.get('app.publicUrl', { infer: true });
  }

  async request(eventId: string, registrationId: string, dto: VisaRequestDto): Promise<{ status: string }> {
    const registration = await this.access.getRegistration(eventId, registrationId);
    if (!['approved', 'pending', 'waitlisted'].includes(registration.status)) {
      throw new RegistrationError(
        RegistrationErrorCode.InvalidTransition,
        `The registration is ${registration.status}`,
      );
    }
    for (const field of ['dateOfBirth', 'passportExpiresOn', 'entryOn', 'exitOn'] as const) {
      if (!DateTime.fromISO(dto[field]).isValid) {
        throw new CommonError(CommonErrorCode.InvalidInput, `${field} is not a real date`);
      }
    }
    if (dto.exitOn < dto.entryOn)
      throw new CommonError(CommonErrorCode.InvalidInput, 'exitOn must not be before entryOn');
    // new details make a new letter: a letter issued on the old ones no longer checks out
    await this.dataSource.getRepository(VisaRequest).upsert(
      {
        registrationId,
        eventId,
        ...dto,
        status: 'requested',
        reference: null,
        decisionReason: null,
        decidedBy: null,
        decidedAt: null,
      },
      ['registrationId'],
    );
    return { status: 'requested' };
  }

  /** Where the delegate's visa letter request stands (status null: none requested). */
  async state(eventId: string, registrationId: string): Promise<VisaRequestStateDto> {
    await this.access.getRegistration(eventId, registrationId);
    const visa = await this.dataSource.getRepository(VisaRequest).findOneBy({ registrationId, eventId });
    return {
      status: visa?.status ?? null,
      reason: visa?.status === 'rejected' ? visa.decisionReason : null,
      reference: visa?.status === 'approved' ? visa.reference : null,
    };
  }

  /** The event's requests, oldest first, for the organisers (passport numbers by their last digits only). */
  async list(eventId: string, query: VisaLetterQueryDto): Promise<Page<VisaLetterRequestDto>> {
    const after = decodeCursor(query.cursor, ['instant', 'id']);
    const qb = this.dataSource
      .getRepository(VisaRequest)
      .createQueryBuilder('v')
      .where('v.eventId = :eventId', { eventId })
      .orderBy('v.createdAt', 'ASC')
      .addOrderBy('v.registrationId', 'ASC')
      .take(query.limit + 1);
    if (query.status) qb.andWhere('v.status = :status', { status: query.status });
    if (after)
      qb.andWhere('(v.createdAt > :at OR (v.createdAt = :at AND v.registrationId > :id))', {
        at: new Date(after[0]),
        id: String(after[1]),
      });
    const visas = await qb.getMany();
    const registrations = visas.length
      ? await this.dataSource.getRepository(Registration).findBy({ id: In(visas.map((v) => v.registrationId)) })
      : [];
    const people = new Map(
      (await this.registrations.withPeople(registrations)).map((row) => [row.registration.id, row]),
    );
    return toPage(
      visas,
      query.limit,
      (v) => [v.createdAt.toISOString(), v.registrationId],
      (v) => {
        const row = people.get(v.registrationId)!;
        return Object.assign(new VisaLetterRequestDto(), {
          registrationId: v.registrationId,
          fullName: v.fullName,
          name: row.user.name,
          email: row.user.email,
          company: row.company?.name ?? null,
          registrationStatus: row.registration.status,
          nationality: v.nationality,
          passportLast4: last4(v.passportNumber),
          entryOn: v.entryOn,
          exitOn: v.exitOn,
          status: v.status,
          reference: v.reference,
          reason: v.decisionReason,
          requestedAt: isoInstant(v.createdAt),
          decidedAt: isoInstant(v.decidedAt),
        });
      },
    );
  }

  async decide(
    eventId: string,
    registrationId: string,
    approve: boolean,
    organiser: AuthUser,
    reason?: string,
  ): Promise<{ status: string }> {
    return inTransaction(this.dataSource, async (em) => {
      const visa = await em
        .getRepository(VisaRequest)
        .findOne({ where: { registrationId, eventId }, lock: { mode: 'pessimistic_write' } });
      if (!visa)
        throw new RegistrationError(RegistrationErrorCode.RegistrationNotFound, 'No visa letter was requested');
      const status = approve ? 'approved' : 'rejected';
      await em.getRepository(VisaRequest).update(
        { registrationId },
        {
          status,
          // approving again keeps the number printed on a letter already handed out
          reference: approve ? (visa.reference ?? newReference()) : visa.reference,
          decisionReason: approve ? null : (reason ?? null),
          decidedBy: organiser.id,
          decidedAt: new Date(),
        },
      );
      return { status };
    });
  }

  /**
   * The public check behind the letter's QR code. Valid only while the request stays approved, the
   * registration approved and the event not cancelled; otherwise revoked. A reference that was never
   * issued is a 404, told apart from nothing else.
   */
  async check(reference: string): Promise<VisaLetterCheckDto> {
    const wanted = reference.trim().toUpperCase();
    if (!REFERENCE.test(wanted))
      throw new CommonError(
        CommonErrorCode.InvalidInput,
        'reference must look like RT-XXXXX-XXXXX-XXXXX-XXXXX, as printed on the letter',
      );
    const visa = await this.dataSource.getRepository(VisaRequest).findOneBy({ reference: wanted });
    if (!visa)
      throw new RegistrationError(RegistrationErrorCode.VisaLetterNotFound, 'No visa letter has this reference');
    const registration = await this.dataSource.getRepository(Registration).findOneByOrFail({ id: visa.registrationId });
    const event = await this.events.getEvent(visa.eventId);
    const valid = visa.status === 'approved' && registration.status === 'approved' && event.status !== 'cancelled';
    return Object.assign(new VisaLetterCheckDto(), {
      reference: wanted,
      status: valid ? 'valid' : 'revoked',
      fullName: visa.fullName,
      passportLast4: last4(visa.passportNumber),
      entryOn: visa.entryOn,
      exitOn: visa.exitOn,
      eventName: event.name,
      city: event.city,
      eventStartsAt: isoInstant(event.startsAt),
      eventEndsAt: isoInstant(event.endsAt),
      eventTimeZone: event.timeZone,
      issuedAt: isoInstant(visa.decidedAt ?? visa.updatedAt),
    });
  }

  async letter(eventId: string, registrationId: string): Promise<Buffer> {
    const visa = await this.dataSource.getRepository(VisaRequest).findOneBy({ registrationId, eventId });
    const { registration, company } = await this.registrations.row(eventId, registrationId);
    if (registration.status !== 'approved') {
      throw new RegistrationError(
        RegistrationErrorCode.NotApprovedDelegate,
        `The registration is ${registration.status}: no invitation letter is issued for it`,
      );
    }
    if (!visa || visa.status !== 'approved' || !visa.reference) {
      throw new RegistrationError(RegistrationErrorCode.VisaLetterNotApproved, 'The visa letter has not been approved');
    }
    const event = await this.events.getEvent(eventId);
    const organiserId = visa.decidedBy ?? (await this.events.organiserIds(eventId))[0];
    const organiser = await this.users.contact(organiserId);
    const account = (await this.users.contacts([registration.userId])).get(registration.userId);
    const checkUrl = `${this.baseUrl}/app/visa-letters/verify/${visa.reference}`;
    const qr = await QRCode.toBuffer(checkUrl, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
    const second = secondLanguage(event.country, visa.nationality, account?.locale ?? null);
    const languages: LetterLanguage[] = second ? ['en', second] : ['en'];
    const issued = DateTime.fromJSDate(visa.decidedAt ?? new Date(), { zone: event.timeZone });
    const facts = (language: LetterLanguage): LetterFacts => {
      const day = (d: DateTime) =>
        d.setLocale(language === 'en' ? 'en-GB' : language).toLocaleString(DateTime.DATE_FULL);
      const date = (iso: string) => day(DateTime.fromISO(iso, { zone: 'UTC' }));
      const instant = (d: Date) => day(DateTime.fromJSDate(d, { zone: event.timeZone }));
      const localName = language === 'en' ? undefined : event.translations?.[language]?.name;
      const localCompany = language === 'zh' ? company?.nameZh : language === 'ru' ? company?.nameRu : undefined;
      return {
        eventName: localName ?? event.name,
        fullName: visa.fullName,
        nationality: new Intl.DisplayNames([language], { type: 'region' }).of(visa.nationality) ?? visa.nationality,
        passportNumber: visa.passportNumber,
        dateOfBirth: date(visa.dateOfBirth),
        company: localCompany ?? company?.name ?? null,
        city: event.city,
        startsOn: instant(event.startsAt),
        endsOn: instant(event.endsAt),
        entryOn: date(visa.entryOn),
        exitOn: date(visa.exitOn),
        passportExpiresOn: date(visa.passportExpiresOn),
        issuedOn: day(issued),
        reference: visa.reference!,
        contact: `${organiser.name}, ${organiser.email}`,
        checkUrl,
      };
    };
    const texts = languages.map((language) => LETTER_TEXT[language](facts(language)));
    return renderPdf('A4', (doc) => {
      const left = doc.page.margins.left;
      const full = doc.page.width - left - doc.page.margins.right;
      const gap = 20;
      const width = texts.length === 2 ? (full - gap) / 2 : full;
      /** One block of the letter, each language in its own column, side by side; the next block starts below both. */
      const block = (pick: (t: (typeof texts)[number]) => string, size = 10, align: 'left' | 'center' = 'left') => {
        const top = doc.y;
        let bottom = top;
        texts.forEach((t, i) => {
          doc.fontSize(size).text(pick(t), left + i * (width + gap), top, { width, align });
          bottom = Math.max(bottom, doc.y);
        });
        doc.x = left;
        doc.y = bottom;
        doc.moveDown(0.8);
      };
      doc.fontSize(15).text(event.name, left, doc.y, { width: full, align: 'center' });
      const localName = second ? event.translations?.[second]?.name : undefined;
      if (localName) doc.fontSize(13).text(localName, { width: full, align: 'center' });
      doc
        .fontSize(9)
        .fillColor('#555')
        .text([event.venue, event.city, event.country].filter(Boolean).join(', '), { width: full, align: 'center' });
      doc.fillColor('#000').moveDown(1.5);
      block((t) => t.title, 13, 'center');
      block((t) => t.reference, 9);
      block((t) => t.date, 9);
      block((t) => t.invitation);
      block((t) => t.stay);
      block((t) => t.request);
      block((t) => t.signature);
      block((t) => t.contact, 9);
      const qrTop = doc.y + 6;
      doc.image(qr, left, qrTop, { width: 96 });
      doc.y = qrTop + 104;
      block((t) => t.check, 8);
    });
  }
}
