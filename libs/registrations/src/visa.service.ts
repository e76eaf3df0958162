import { Injectable } from '@nestjs/common';
import { AuthUser } from '@roundtable/auth';
import { CommonError, CommonErrorCode } from '@roundtable/common';
import { inTransaction } from '@roundtable/database';
import { EventAccessService } from '@roundtable/events';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { VisaRequestDto } from './dto/registration.dto';
import { VisaRequest } from './entities/visa-request.entity';
import { renderPdf } from './pdf';
import { RegistrationAccessService } from './registration-access.service';
import { RegistrationError, RegistrationErrorCode } from './registration-error';
import { RegistrationsService } from './registrations.service';

/** Visa invitation letters: requested by the delegate, decided by an organiser, downloadable by those two only. */
@Injectable()
export class VisaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventAccessService,
    private readonly access: RegistrationAccessService,
    private readonly registrations: RegistrationsService,
  ) {}

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
    await this.dataSource
      .getRepository(VisaRequest)
      .upsert({ registrationId, eventId, ...dto, status: 'requested', decidedBy: null, decidedAt: null }, [
        'registrationId',
      ]);
    return { status: 'requested' };
  }

  /** Where the delegate's visa letter request stands (null: none requested). */
  async state(eventId: string, registrationId: string): Promise<{ status: VisaRequest['status'] | null }> {
    await this.access.getRegistration(eventId, registrationId);
    const visa = await this.dataSource.getRepository(VisaRequest).findOneBy({ registrationId, eventId });
    return { status: visa?.status ?? null };
  }

  async decide(
    eventId: string,
    registrationId: string,
    approve: boolean,
    organiser: AuthUser,
  ): Promise<{ status: string }> {
    return inTransaction(this.dataSource, async (em) => {
      const visa = await em.getRepository(VisaRequest).findOneBy({ registrationId, eventId });
      if (!visa)
        throw new RegistrationError(RegistrationErrorCode.RegistrationNotFound, 'No visa letter was requested');
      const status = approve ? 'approved' : 'rejected';
      await em
        .getRepository(VisaRequest)
        .update({ registrationId }, { status, decidedBy: organiser.id, decidedAt: new Date() });
      return { status };
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
    if (!visa || visa.status !== 'approved') {
      throw new RegistrationError(RegistrationErrorCode.VisaLetterNotApproved, 'The visa letter has not been approved');
    }
    const event = await this.events.getEvent(eventId);
    const day = (d: Date) => DateTime.fromJSDate(d, { zone: event.timeZone }).toFormat('d LLLL yyyy');
    return renderPdf('A4', (doc) => {
      doc.fontSize(16).text(event.name, { align: 'center' });
      doc
        .fontSize(10)
        .fillColor('#555')
        .text([event.venue, event.city, event.country].filter(Boolean).join(', '), { align: 'center' });
      doc.moveDown(2).fillColor('#000').fontSize(12).text('LETTER OF INVITATION', { align: 'center' });
      doc.moveDown(1.5).fontSize(11);
      doc.text(`Date: ${DateTime.now().setZone(event.timeZone).toFormat('d LLLL yyyy')}`);
      doc.moveDown();
      doc.text(
        `The organising committee of ${event.name} invites ${visa.fullName}, citizen of ${visa.nationality}, ` +
          `passport number ${visa.passportNumber}, born on ${visa.dateOfBirth}` +
          (company ? `, representing ${company.name}` : '') +
          `, to take part in the event held in ${event.city ?? 'the host city'} from ${day(event.startsAt)} to ${day(event.endsAt)}.`,
      );
      doc.moveDown();
      doc.text(`Planned stay: from ${visa.entryOn} to ${visa.exitOn}. Passport valid until ${visa.passportExpiresOn}.`);
      doc.moveDown();
      doc.text('We kindly ask the consular authorities to issue the appropriate business visa.');
      doc.moveDown(3).text('The organising committee');
    });
  }
}
