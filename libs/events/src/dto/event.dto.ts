import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ApiInstant,
  IsCalendarDate,
  IsInstant,
  isoInstant,
  IsSingleLine,
  IsText,
  IsTimeZone,
  LOCALES,
  PageQueryDto,
} from '@roundtable/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Event, EventLocale, EventStatus, MeetingSettings, MeetingWindow } from '../entities/event.entity';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SECTOR = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

export class EventTextDto {
  @ApiPropertyOptional() @IsOptional() @IsSingleLine(1, 300) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsSingleLine(1, 500) theme?: string;
  @ApiPropertyOptional() @IsOptional() @IsText(20_000) description?: string;
}

export class EventTranslationsDto {
  @ApiPropertyOptional({ type: EventTextDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => EventTextDto)
  zh?: EventTextDto;
  @ApiPropertyOptional({ type: EventTextDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => EventTextDto)
  ru?: EventTextDto;
  @ApiPropertyOptional({ type: EventTextDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => EventTextDto)
  en?: EventTextDto;
}

export class MeetingWindowDto implements MeetingWindow {
  @ApiProperty({ example: '2027-06-10' }) @IsCalendarDate() date: string;
  @ApiProperty({ example: '14:00' }) @Matches(/^([01]\d|2[0-3]):[0-5]\d$/) start: string;
  @ApiProperty({ example: '18:00' }) @Matches(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/) end: string;
}

export class MeetingSettingsDto implements Partial<MeetingSettings> {
  @ApiPropertyOptional({ default: 30 }) @IsOptional() @IsInt() @Min(10) @Max(120) slotMinutes?: number;
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @IsInt() @Min(1) @Max(1000) tables?: number;
  @ApiPropertyOptional({ type: [MeetingWindowDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(31)
  @ValidateNested({ each: true })
  @Type(() => MeetingWindowDto)
  windows?: MeetingWindowDto[];
  @ApiPropertyOptional({ default: 12 }) @IsOptional() @IsInt() @Min(1) @Max(100) maxMeetingsPerDelegate?: number;
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @IsInt() @Min(1) @Max(500) maxPendingRequests?: number;
  @ApiPropertyOptional({ default: 72 }) @IsOptional() @IsInt() @Min(1) @Max(2160) requestExpiryHours?: number;
  @ApiPropertyOptional({ type: 'integer', isArray: true, default: [1440, 30] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(20_160, { each: true })
  reminderLeadMinutes?: number[];
}

export class SessionSettingsDto {
  @ApiPropertyOptional({ type: 'integer', isArray: true, default: [60] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(20_160, { each: true })
  reminderLeadMinutes?: number[];
}

export class RegistrationSettingsDto {
  @ApiPropertyOptional() @IsOptional() @IsInstant() opensAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsInstant() closesAt?: string;
  @ApiPropertyOptional({ description: 'Approved delegates allowed; omit for unlimited' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity?: number;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() requiresApproval?: boolean;
}

export class CreateEventDto {
  @ApiProperty({ example: 'sme-roundtable-nanchang-2027' })
  @Matches(SLUG, { message: 'slug must be lower-case letters, digits and single hyphens' })
  @IsSingleLine(3, 120)
  slug: string;

  @ApiProperty({ example: '12th China-Russia SME Cooperation Roundtable' }) @IsSingleLine(1, 300) name: string;
  @ApiPropertyOptional() @IsOptional() @IsSingleLine(1, 500) theme?: string;
  @ApiPropertyOptional() @IsOptional() @IsText(20_000) description?: string;

  @ApiPropertyOptional({ type: EventTranslationsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => EventTranslationsDto)
  translations?: EventTranslationsDto;

  @ApiPropertyOptional() @IsOptional() @IsSingleLine(1, 300) venue?: string;
  @ApiPropertyOptional({ example: 'Nanchang' }) @IsOptional() @IsSingleLine(1, 120) city?: string;
  @ApiPropertyOptional({ example: 'CN' }) @IsOptional() @IsISO31661Alpha2() country?: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) @IsTimeZone() timeZone: string;
  @ApiProperty({ example: '2027-06-10T09:00:00+08:00' }) @IsInstant() startsAt: string;
  @ApiProperty({ example: '2027-06-11T18:00:00+08:00' }) @IsInstant() endsAt: string;

  @ApiPropertyOptional({ enum: LOCALES, isArray: true, description: 'Working languages; the first is the default' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(LOCALES, { each: true })
  languages?: EventLocale[];

  @ApiPropertyOptional({ example: ['logistics', 'agriculture'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(SECTOR, { each: true, message: 'each sector must be a lower-case slug such as food-retail' })
  sectors?: string[];

  @ApiPropertyOptional({ type: RegistrationSettingsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RegistrationSettingsDto)
  registration?: RegistrationSettingsDto;

  @ApiPropertyOptional({ type: MeetingSettingsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MeetingSettingsDto)
  meetingSettings?: MeetingSettingsDto;

  @ApiPropertyOptional({ type: SessionSettingsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SessionSettingsDto)
  sessionSettings?: SessionSettingsDto;

  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() publicAgreementsReport?: boolean;
}

export class UpdateEventDto extends PartialType(CreateEventDto) {}

export class EventQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['draft', 'published', 'closed', 'cancelled'] })
  @IsOptional()
  @IsIn(['draft', 'published', 'closed', 'cancelled'])
  status?: EventStatus;

  @ApiPropertyOptional({ description: 'Only events I organise' })
  @IsOptional()
  @IsIn(['true', 'false'])
  mine?: 'true' | 'false';
}

export class AddOrganiserDto {
  @ApiProperty() @Matches(/^[^\s@]+@[^\s@]+$/) @IsSingleLine(3, 254) email: string;
}

export class EventRegistrationDto {
  @ApiInstant({ nullable: true }) opensAt: string | null;
  @ApiInstant({ nullable: true }) closesAt: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Approved delegates allowed; null for unlimited' })
  capacity: number | null;
  @ApiProperty() requiresApproval: boolean;
}

export class EventDto {
  @ApiProperty() id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) theme: string | null;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ type: EventTranslationsDto }) translations: EventTranslationsDto;
  @ApiProperty({ nullable: true, type: String }) venue: string | null;
  @ApiProperty({ nullable: true, type: String }) city: string | null;
  @ApiProperty({ nullable: true, type: String }) country: string | null;
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone: string;
  @ApiInstant() startsAt: string;
  @ApiInstant() endsAt: string;
  @ApiProperty({ enum: ['draft', 'published', 'closed', 'cancelled'] }) status: EventStatus;
  @ApiProperty({ enum: LOCALES, isArray: true }) languages: EventLocale[];
  @ApiProperty({ type: [String] }) sectors: string[];
  @ApiProperty({ type: EventRegistrationDto }) registration: EventRegistrationDto;
  @ApiProperty({ type: MeetingSettingsDto }) meetingSettings: MeetingSettings;
  @ApiProperty({ type: SessionSettingsDto }) sessionSettings: { reminderLeadMinutes: number[] };
  @ApiProperty() publicAgreementsReport: boolean;

  static from(event: Event): EventDto {
    return Object.assign(new EventDto(), {
      id: event.id,
      slug: event.slug,
      name: event.name,
      theme: event.theme,
      description: event.description,
      translations: event.translations,
      venue: event.venue,
      city: event.city,
      country: event.country,
      timeZone: event.timeZone,
      startsAt: isoInstant(event.startsAt),
      endsAt: isoInstant(event.endsAt),
      status: event.status,
      languages: event.languages,
      sectors: event.sectors,
      registration: {
        opensAt: isoInstant(event.registrationOpensAt),
        closesAt: isoInstant(event.registrationClosesAt),
        capacity: event.capacity,
        requiresApproval: event.requiresApproval,
      },
      meetingSettings: event.meetingSettings,
      sessionSettings: event.sessionSettings,
      publicAgreementsReport: event.publicAgreementsReport,
    });
  }
}

export class EventPageDto {
  @ApiProperty({ type: [EventDto] }) items: EventDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null: no more' })
  nextCursor: string | null;
}

export class OrganiserDto {
  @ApiProperty() userId: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
}

export class OrganiserListDto {
  @ApiProperty({ type: [OrganiserDto] }) items: OrganiserDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Always null: the whole list comes in one page' })
  nextCursor: null;
}
