import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  ApiInstant,
  IsCalendarDate,
  isoInstant,
  IsSingleLine,
  IsText,
  IsTimeZone,
  PageQueryDto,
} from '@roundtable/common';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsOptional,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Company, CompanySize } from '../entities/company.entity';
import { Registration, RegistrationRole, RegistrationStatus } from '../entities/registration.entity';
import { VisaStatus } from '../entities/visa-request.entity';

const SECTOR = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
const LANGUAGE = /^[a-z]{2}$/;
const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
/** How a CSV cell spells a yes/no column; anything else stays a string and fails @IsBoolean. */
const CSV_BOOLEAN: Record<string, boolean> = { true: true, yes: true, '1': true, false: false, no: false, '0': false };
export const STATUSES: RegistrationStatus[] = ['pending', 'approved', 'waitlisted', 'rejected', 'cancelled'];
export const ROLES: RegistrationRole[] = ['delegate', 'speaker', 'press', 'staff'];

export class CompanyInputDto {
  @ApiProperty({ example: 'Jiangxi Ganjiang Logistics Co.' }) @IsSingleLine(1, 200) name: string;
  @ApiPropertyOptional({ example: '江西赣江物流有限公司' }) @IsOptional() @IsSingleLine(1, 200) nameZh?: string;
  @ApiPropertyOptional({ example: 'Цзянси Ганьцзян Логистик' }) @IsOptional() @IsSingleLine(1, 200) nameRu?: string;
  @ApiProperty({ example: 'CN' }) @Transform(upper) @IsISO31661Alpha2() country: string;
  @ApiPropertyOptional({ example: 'Jiangxi' }) @IsOptional() @IsSingleLine(1, 120) region?: string;
  @ApiPropertyOptional({ example: ['logistics'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(SECTOR, { each: true, message: 'each sector must be a lower-case slug such as food-retail' })
  sectors?: string[];
  @ApiPropertyOptional({ enum: ['micro', 'small', 'medium', 'large'] })
  @IsOptional()
  @IsIn(['micro', 'small', 'medium', 'large'])
  size?: CompanySize;
  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(300)
  website?: string;
  @ApiPropertyOptional({ description: 'What the company offers' }) @IsOptional() @IsText(5_000) offers?: string;
  @ApiPropertyOptional({ description: 'What the company seeks' }) @IsOptional() @IsText(5_000) seeks?: string;
}

export class BadgeNamesDto {
  @ApiPropertyOptional({ example: 'Wang Fang' }) @IsOptional() @IsSingleLine(1, 200) latin?: string;
  @ApiPropertyOptional({ example: '王芳' }) @IsOptional() @IsSingleLine(1, 200) zh?: string;
  @ApiPropertyOptional({ example: 'Ван Фан' }) @IsOptional() @IsSingleLine(1, 200) ru?: string;
}

export class RegisterDto {
  @ApiPropertyOptional({ type: CompanyInputDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CompanyInputDto)
  company?: CompanyInputDto;
  @ApiPropertyOptional({ enum: ['delegate', 'press'], default: 'delegate' })
  @IsOptional()
  @IsIn(['delegate', 'press'])
  role?: 'delegate' | 'press';
  @ApiPropertyOptional() @IsOptional() @IsSingleLine(1, 200) jobTitle?: string;
  @ApiPropertyOptional({ example: ['zh', 'en'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @Matches(LANGUAGE, { each: true, message: 'each language must be a two-letter code such as zh' })
  languages?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() needsInterpreter?: boolean;
  @ApiPropertyOptional({ example: 'Asia/Shanghai' }) @IsOptional() @IsTimeZone() timeZone?: string;
  @ApiPropertyOptional({ description: 'Show my email in the delegate directory' })
  @IsOptional()
  @IsBoolean()
  shareEmail?: boolean;
  @ApiPropertyOptional({
    type: BadgeNamesDto,
    description: 'Your name in other scripts, printed on your badge',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => BadgeNamesDto)
  badgeNames?: BadgeNamesDto;
  @ApiPropertyOptional({ description: 'Token from an invitation mail' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{20,100}$/)
  invitationToken?: string;
}

/** How the organisers' registration list can be sorted; a leading `-` sorts descending. */
export const REGISTRATION_SORTS = [
  'createdAt',
  '-createdAt',
  'name',
  '-name',
  'company',
  '-company',
  'country',
  '-country',
  'status',
  '-status',
] as const;
export type RegistrationSort = (typeof REGISTRATION_SORTS)[number];
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export class RegistrationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES) status?: RegistrationStatus;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: RegistrationRole;
  @ApiPropertyOptional() @IsOptional() @Transform(upper) @IsISO31661Alpha2() country?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(SECTOR) sector?: string;
  @ApiPropertyOptional({ description: "Part of the person's name or e-mail, or of the company's name (any script)" })
  @IsOptional()
  @IsSingleLine(1, 100)
  q?: string;
  @ApiPropertyOptional({
    enum: REGISTRATION_SORTS,
    default: 'createdAt',
    description: 'Sort key; a leading - sorts descending. Ties go by id.',
  })
  @IsOptional()
  @IsIn(REGISTRATION_SORTS, { message: `sort must be one of ${REGISTRATION_SORTS.join(', ')}` })
  sort?: RegistrationSort;
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 10_000,
    description: 'A numbered page of `limit` rows (instead of `cursor`), for tables that jump to a page',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  page?: number;
}

/** The export takes the list's filters and sort, and always gives every matching row. */
export class RegistrationExportQueryDto extends OmitType(RegistrationQueryDto, ['limit', 'cursor', 'page'] as const) {}

export class BulkRegistrationDto {
  @ApiProperty({ enum: ['approve', 'reject'] })
  @IsIn(['approve', 'reject'], { message: 'action must be approve or reject' })
  action: 'approve' | 'reject';
  @ApiProperty({ type: [String], minItems: 1, maxItems: 200 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @Matches(ID, { each: true, message: 'each of registrationIds must be a registration id' })
  registrationIds: string[];
  @ApiPropertyOptional({ description: 'Told to the people rejected' })
  @IsOptional()
  @IsSingleLine(1, 500)
  reason?: string;
}

export class BulkRowResultDto {
  @ApiProperty() registrationId: string;
  @ApiProperty() ok: boolean;
  @ApiProperty({ enum: STATUSES, nullable: true, description: 'The status after the action (null: unknown id)' })
  status: RegistrationStatus | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why this row was refused, e.g. CAPACITY_FULL' })
  code: string | null;
  @ApiProperty({ nullable: true, type: String }) message: string | null;
}

export class BulkRegistrationResultDto {
  @ApiProperty({ type: 'integer' }) succeeded: number;
  @ApiProperty({ type: 'integer' }) failed: number;
  @ApiProperty({ type: [BulkRowResultDto], description: 'One per id, in the order sent' }) results: BulkRowResultDto[];
}

export class DirectoryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Words in name, company, offers or seeks' })
  @IsOptional()
  @IsSingleLine(1, 100)
  q?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(upper) @IsISO31661Alpha2() country?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(SECTOR) sector?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(LANGUAGE) language?: string;
}

export class ReasonDto {
  @ApiPropertyOptional() @IsOptional() @IsSingleLine(1, 500) reason?: string;
}

export class InvitationInputDto {
  @ApiProperty()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  @MaxLength(254)
  email: string;
  @ApiProperty() @IsSingleLine(1, 200) name: string;
  @ApiPropertyOptional() @IsOptional() @IsSingleLine(1, 200) company?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(upper) @IsISO31661Alpha2() country?: string;
  @ApiPropertyOptional({ enum: ['zh', 'ru', 'en'] }) @IsOptional() @IsIn(['zh', 'ru', 'en']) locale?:
    'zh' | 'ru' | 'en';
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: RegistrationRole;
  @ApiPropertyOptional({
    default: false,
    description:
      'Let this guest register with the token after the registration window has closed (CSV: true/false, yes/no, 1/0)',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? (CSV_BOOLEAN[value.trim().toLowerCase()] ?? value) : value,
  )
  @IsBoolean()
  allowLateRegistration?: boolean;
}

export class InviteDto {
  @ApiProperty({
    type: [InvitationInputDto],
    description: 'At most INVITATIONS_MAX_ROWS_JSON rows (500 by default); a CSV body at most INVITATIONS_MAX_ROWS_CSV',
  })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => InvitationInputDto)
  invitations: InvitationInputDto[];
}

export class CompanyDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) nameZh: string | null;
  @ApiProperty({ nullable: true, type: String }) nameRu: string | null;
  @ApiProperty() country: string;
  @ApiProperty({ nullable: true, type: String }) region: string | null;
  @ApiProperty({ type: [String] }) sectors: string[];
  @ApiProperty({ nullable: true, type: String }) size: string | null;
  @ApiProperty({ nullable: true, type: String }) website: string | null;
  @ApiProperty({ nullable: true, type: String }) offers: string | null;
  @ApiProperty({ nullable: true, type: String }) seeks: string | null;

  static from(c: Company): CompanyDto {
    return Object.assign(new CompanyDto(), {
      id: c.id,
      name: c.name,
      nameZh: c.nameZh,
      nameRu: c.nameRu,
      country: c.country,
      region: c.region,
      sectors: c.sectors,
      size: c.size,
      website: c.website,
      offers: c.offers,
      seeks: c.seeks,
    });
  }
}

export class AvailabilityWindowDto {
  @ApiInstant() start: string;
  @ApiInstant() end: string;
}

export class RegistrationDto {
  @ApiProperty() id: string;
  @ApiProperty() eventId: string;
  @ApiProperty() userId: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ROLES }) role: RegistrationRole;
  @ApiProperty({ enum: STATUSES }) status: RegistrationStatus;
  @ApiProperty({ nullable: true, type: String }) jobTitle: string | null;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty() needsInterpreter: boolean;
  @ApiProperty() timeZone: string;
  @ApiProperty() shareEmail: boolean;
  @ApiProperty({ nullable: true, type: BadgeNamesDto }) badgeNames: BadgeNamesDto | null;
  @ApiProperty({ nullable: true, type: CompanyDto }) company: CompanyDto | null;
  @ApiInstant({ nullable: true }) checkedInAt: string | null;
  @ApiProperty({
    type: [AvailabilityWindowDto],
    nullable: true,
    description: 'When the delegate can meet (UTC windows); null = whenever meetings run',
  })
  availability: AvailabilityWindowDto[] | null;
  @ApiProperty({
    nullable: true,
    type: 'integer',
    minimum: 1,
    description: 'Place on the waiting list (1 = next to be approved); null unless waitlisted',
  })
  waitlistPosition: number | null;
  @ApiInstant() createdAt: string;

  static from(
    r: Registration,
    user: { name: string; email: string },
    company: Company | null,
    waitlistPosition: number | null = null,
  ): RegistrationDto {
    return Object.assign(new RegistrationDto(), {
      id: r.id,
      eventId: r.eventId,
      userId: r.userId,
      name: user.name,
      email: user.email,
      role: r.role,
      status: r.status,
      jobTitle: r.jobTitle,
      languages: r.languages,
      needsInterpreter: r.needsInterpreter,
      timeZone: r.timeZone,
      shareEmail: r.shareEmail,
      badgeNames: r.badgeNames,
      company: company ? CompanyDto.from(company) : null,
      checkedInAt: isoInstant(r.checkedInAt),
      availability: r.availability
        ? r.availability.map((w) => ({ start: isoInstant(new Date(w.start)), end: isoInstant(new Date(w.end)) }))
        : null,
      waitlistPosition,
      createdAt: isoInstant(r.createdAt),
    });
  }
}

export class DelegateDto {
  @ApiProperty() registrationId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String, description: 'Only when the delegate shares it' }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) jobTitle: string | null;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({
    example: 'Europe/Moscow',
    description: 'Home time zone, so times can be shown in both parties’ clocks',
  })
  timeZone: string;
  @ApiProperty({ nullable: true, type: CompanyDto }) company: CompanyDto | null;
}

export class VisaRequestDto {
  @ApiProperty({ example: 'IVANOV IVAN' }) @IsSingleLine(2, 200) fullName: string;
  @ApiProperty({ example: 'RU' }) @Transform(upper) @IsISO31661Alpha2() nationality: string;
  @ApiProperty()
  @Matches(/^[A-Z0-9]{5,20}$/, { message: 'passportNumber must be 5 to 20 capital letters and digits' })
  passportNumber: string;
  @ApiProperty({ example: '1980-04-12' }) @IsCalendarDate() dateOfBirth: string;
  @ApiProperty({ example: '2031-01-01' }) @IsCalendarDate() passportExpiresOn: string;
  @ApiProperty({ example: '2027-06-08' }) @IsCalendarDate() entryOn: string;
  @ApiProperty({ example: '2027-06-13' }) @IsCalendarDate() exitOn: string;
}

export class RegistrationPageDto {
  @ApiProperty({ type: [RegistrationDto] }) items: RegistrationDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null: no more' })
  nextCursor: string | null;
  @ApiProperty({ type: 'integer', description: 'How many registrations match the filters' }) total: number;
}

export class RegistrationListDto {
  @ApiProperty({ type: [RegistrationDto] }) items: RegistrationDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Always null: the whole list comes in one page' })
  nextCursor: null;
}

export class DelegatePageDto {
  @ApiProperty({ type: [DelegateDto] }) items: DelegateDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null: no more' })
  nextCursor: string | null;
}

export class PromotedDto {
  @ApiProperty({ type: 'integer', description: 'Registrations moved from the waiting list to approved' })
  promoted: number;
}

export class InvitedRowDto {
  @ApiProperty({ type: 'integer', description: '1-based row of the list or CSV' }) row: number;
  @ApiProperty() email: string;
  @ApiProperty() invitationId: string;
}

export class RejectedRowDto {
  @ApiProperty({ type: 'integer', description: '1-based row of the list or CSV' }) row: number;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ type: [String] }) errors: string[];
}

export class InvitationResultDto {
  @ApiProperty({ type: 'integer' }) rows: number;
  @ApiProperty({ type: 'integer' }) invitedCount: number;
  @ApiProperty({ type: 'integer' }) rejectedCount: number;
  @ApiProperty({ type: [InvitedRowDto], description: 'The first 20 invited rows' }) invited: InvitedRowDto[];
  @ApiProperty({ type: [RejectedRowDto], description: 'The first 20 rejected rows with their problems' })
  rejected: RejectedRowDto[];
}

export class VisaStatusDto {
  @ApiProperty({ enum: ['requested', 'approved', 'rejected'] }) status: string;
}

export class VisaRequestStateDto {
  @ApiProperty({ enum: ['requested', 'approved', 'rejected'], nullable: true, description: 'null: none requested' })
  status: 'requested' | 'approved' | 'rejected' | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why the organisers rejected it' }) reason: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The letter's reference number, once approved" })
  reference: string | null;
}

export const VISA_STATUSES = ['requested', 'approved', 'rejected'] as const;

export class VisaLetterQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: VISA_STATUSES }) @IsOptional() @IsIn(VISA_STATUSES) status?: VisaStatus;
}

/** A visa letter request as the organisers see it: the passport number only by its last digits. */
export class VisaLetterRequestDto {
  @ApiProperty() registrationId: string;
  @ApiProperty({ description: 'As in the passport' }) fullName: string;
  @ApiProperty({ description: "The account's name" }) name: string;
  @ApiProperty() email: string;
  @ApiProperty({ nullable: true, type: String }) company: string | null;
  @ApiProperty({ enum: STATUSES }) registrationStatus: RegistrationStatus;
  @ApiProperty({ example: 'RU' }) nationality: string;
  @ApiProperty({ example: '4567', description: 'The last 4 characters of the passport number' })
  passportLast4: string;
  @ApiProperty({ example: '2027-06-08' }) entryOn: string;
  @ApiProperty({ example: '2027-06-13' }) exitOn: string;
  @ApiProperty({ enum: VISA_STATUSES }) status: VisaStatus;
  @ApiProperty({ nullable: true, type: String }) reference: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiInstant() requestedAt: string;
  @ApiInstant({ nullable: true }) decidedAt: string | null;
}

export class VisaLetterRequestPageDto {
  @ApiProperty({ type: [VisaLetterRequestDto] }) items: VisaLetterRequestDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null: no more' })
  nextCursor: string | null;
}

/** What the public check of a letter shows: enough to confirm it, nothing more. */
export class VisaLetterCheckDto {
  @ApiProperty() reference: string;
  @ApiProperty({
    enum: ['valid', 'revoked'],
    description: 'revoked: the request, the registration or the event was withdrawn after the letter was issued',
  })
  status: 'valid' | 'revoked';
  @ApiProperty() fullName: string;
  @ApiProperty({ example: '4567', description: 'The last 4 characters of the passport number only' })
  passportLast4: string;
  @ApiProperty({ example: '2027-06-08' }) entryOn: string;
  @ApiProperty({ example: '2027-06-13' }) exitOn: string;
  @ApiProperty() eventName: string;
  @ApiProperty({ nullable: true, type: String }) city: string | null;
  @ApiInstant() eventStartsAt: string;
  @ApiInstant() eventEndsAt: string;
  @ApiProperty() eventTimeZone: string;
  @ApiInstant({ description: 'When the letter was issued (approved)' }) issuedAt: string;
}

export const INVITATION_STATUSES = ['pending', 'registered', 'expired'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export class InvitationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INVITATION_STATUSES })
  @IsOptional()
  @IsIn(INVITATION_STATUSES)
  status?: InvitationStatus;
  @ApiPropertyOptional({ description: 'Part of the e-mail, name or company' })
  @IsOptional()
  @IsSingleLine(1, 100)
  q?: string;
}

export class InvitationDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) company: string | null;
  @ApiProperty({ nullable: true, type: String }) country: string | null;
  @ApiProperty({ nullable: true, type: String }) locale: string | null;
  @ApiProperty({ enum: ROLES }) role: RegistrationRole;
  @ApiProperty({ enum: INVITATION_STATUSES, description: 'registered: the guest used it; expired: unused and too old' })
  status: InvitationStatus;
  @ApiProperty({ type: 'integer', description: 'Times mailed (resends included)' }) sentCount: number;
  @ApiInstant() createdAt: string;
  @ApiInstant({ nullable: true }) lastSentAt: string | null;
  @ApiInstant() expiresAt: string;
  @ApiInstant({ nullable: true }) usedAt: string | null;
}

export class InvitationPageDto {
  @ApiProperty({ type: [InvitationDto] }) items: InvitationDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null: no more' })
  nextCursor: string | null;
  @ApiProperty({ type: 'integer', description: 'How many invitations match the filters' }) total: number;
}

export class BadgeCodeDto {
  @ApiProperty({ description: 'What the badge QR code carries: `<registrationId>.<signature>`' }) code: string;
}
