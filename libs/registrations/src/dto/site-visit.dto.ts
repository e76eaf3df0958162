import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiInstant, isoInstant } from '@roundtable/common';
import { SiteVisitSession } from '@roundtable/events';
import { SiteVisitSignupStatus } from '../entities/site-visit-signup.entity';
import { SignupView } from '../site-visits.service';

const STATUSES = ['confirmed', 'waitlisted', 'cancelled'];

export class SiteVisitSignUpDto {
  @ApiProperty() id: string;
  @ApiProperty() eventId: string;
  @ApiProperty({ description: 'The site visit (a session of kind site_visit)' }) sessionId: string;
  @ApiProperty() registrationId: string;
  @ApiProperty({ enum: STATUSES }) status: SiteVisitSignupStatus;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Place on the waiting list (1 = next); null unless waitlisted',
  })
  waitlistPosition: number | null;
  @ApiInstant() signedUpAt: string;
  @ApiInstant({ nullable: true }) cancelledAt: string | null;

  static from({ signup, waitlistPosition }: SignupView): SiteVisitSignUpDto {
    return Object.assign(new SiteVisitSignUpDto(), {
      id: signup.id,
      eventId: signup.eventId,
      sessionId: signup.sessionId,
      registrationId: signup.registrationId,
      status: signup.status,
      waitlistPosition,
      signedUpAt: isoInstant(signup.createdAt),
      cancelledAt: signup.cancelledAt ? isoInstant(signup.cancelledAt) : null,
    });
  }
}

export class SiteVisitSeatsDto {
  @ApiProperty() sessionId: string;
  @ApiProperty() capacity: number;
  @ApiProperty({ description: 'Delegates with a seat' }) confirmed: number;
  @ApiProperty({ description: 'capacity − confirmed (never below 0)' }) seatsLeft: number;
  @ApiProperty({ description: 'Delegates on the waiting list' }) waitlisted: number;
  @ApiInstant() departsAt: string;
  @ApiProperty({ description: 'Whether sign-ups and cancellations are still taken (before departure)' }) open: boolean;
  @ApiProperty({
    nullable: true,
    type: SiteVisitSignUpDto,
    description: 'Your live sign-up, when signed in and signed up',
  })
  mine: SiteVisitSignUpDto | null;
}

export class SiteVisitSeatsListDto {
  @ApiProperty({ type: [SiteVisitSeatsDto] }) items: SiteVisitSeatsDto[];
  @ApiProperty({ description: 'Whether you organise the event (and so may see each visit’s sign-ups)' })
  organiser: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Always null: the whole list comes in one page' })
  nextCursor: null;
}

export class SiteVisitSignUpRowDto extends SiteVisitSignUpDto {
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ nullable: true, type: String }) companyName: string | null;
  @ApiProperty({ type: [String] }) languages: string[];
}

export class SiteVisitSignUpListDto {
  @ApiProperty() sessionId: string;
  @ApiProperty() title: string;
  @ApiProperty() capacity: number;
  @ApiProperty() confirmed: number;
  @ApiProperty() waitlisted: number;
  @ApiProperty({ type: [SiteVisitSignUpRowDto], description: 'Every sign-up in signing-up order, cancelled ones too' })
  items: SiteVisitSignUpRowDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Always null: the whole list comes in one page' })
  nextCursor: null;
}

export class SiteVisitTextDto {
  @ApiPropertyOptional() title?: string;
  @ApiPropertyOptional() meetingPoint?: string;
  @ApiPropertyOptional() transport?: string;
}

export class SiteVisitTranslationsDto {
  @ApiPropertyOptional({ type: SiteVisitTextDto }) zh?: SiteVisitTextDto;
  @ApiPropertyOptional({ type: SiteVisitTextDto }) ru?: SiteVisitTextDto;
  @ApiPropertyOptional({ type: SiteVisitTextDto }) en?: SiteVisitTextDto;
}

export class MySiteVisitDto extends SiteVisitSignUpDto {
  @ApiProperty() title: string;
  @ApiProperty({
    type: SiteVisitTranslationsDto,
    description: 'The title, meeting point and transport in each language the organisers gave them in',
  })
  translations: SiteVisitTranslationsDto;
  @ApiProperty() meetingPoint: string;
  @ApiProperty({ nullable: true, type: String }) transport: string | null;
  @ApiInstant() startsAt: string;
  @ApiInstant() endsAt: string;
  @ApiInstant() departsAt: string;
}

export class MySiteVisitListDto {
  @ApiProperty({ type: [MySiteVisitDto] }) items: MySiteVisitDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Always null: the whole list comes in one page' })
  nextCursor: null;
}

export function seatsOf(
  session: SiteVisitSession,
  confirmed: number,
  waitlisted: number,
): Omit<SiteVisitSeatsDto, 'mine'> {
  return {
    sessionId: session.id,
    capacity: session.capacity,
    confirmed,
    seatsLeft: Math.max(0, session.capacity - confirmed),
    waitlisted,
    departsAt: isoInstant(session.departsAt),
    open: session.departsAt.getTime() > Date.now(),
  };
}

/** Only the visit's own texts of the session's translations (not its description). */
export function siteVisitTexts(session: SiteVisitSession): SiteVisitTranslationsDto {
  const out: SiteVisitTranslationsDto = {};
  for (const locale of ['zh', 'ru', 'en'] as const) {
    const t = session.translations[locale];
    if (!t) continue;
    const text: SiteVisitTextDto = {};
    if (t.title) text.title = t.title;
    if (t.meetingPoint) text.meetingPoint = t.meetingPoint;
    if (t.transport) text.transport = t.transport;
    if (Object.keys(text).length > 0) out[locale] = text;
  }
  return out;
}
