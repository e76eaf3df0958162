import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ApiInstant, IsInstant, IsSingleLine, IsText, LOCALES } from '@roundtable/common';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Room } from '../entities/room.entity';
import { SESSION_KINDS, SessionKind } from '../entities/session.entity';

const PAIR = /^(zh|ru|en)-(zh|ru|en)$/;
const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class CreateRoomDto {
  @ApiProperty({ example: 'Hall A' }) @IsSingleLine(1, 200) name: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(100_000) capacity?: number;
  @ApiPropertyOptional() @IsOptional() @IsSingleLine(1, 500) notes?: string;
}

export class RoomDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: Number }) capacity: number | null;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;

  static from(room: Room): RoomDto {
    return Object.assign(new RoomDto(), { id: room.id, name: room.name, capacity: room.capacity, notes: room.notes });
  }
}

export class SessionTextDto {
  @ApiPropertyOptional() @IsOptional() @IsSingleLine(1, 300) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsText(20_000) description?: string;
  @ApiPropertyOptional({ description: 'Site visits: the meeting point in this language' })
  @IsOptional()
  @IsSingleLine(1, 500)
  meetingPoint?: string;
  @ApiPropertyOptional({ description: 'Site visits: the transport in this language' })
  @IsOptional()
  @IsSingleLine(1, 300)
  transport?: string;
}

export class SessionTranslationsDto {
  @ApiPropertyOptional({ type: SessionTextDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SessionTextDto)
  zh?: SessionTextDto;
  @ApiPropertyOptional({ type: SessionTextDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SessionTextDto)
  ru?: SessionTextDto;
  @ApiPropertyOptional({ type: SessionTextDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SessionTextDto)
  en?: SessionTextDto;
}

export class SpeakerInputDto {
  @ApiProperty() @Transform(lower) @IsEmail() @MaxLength(254) email: string;
  @ApiProperty({ example: 'Elena Smirnova' }) @IsSingleLine(1, 200) name: string;
  @ApiProperty({ enum: ['speaker', 'moderator'] }) @IsIn(['speaker', 'moderator']) role: 'speaker' | 'moderator';
  @ApiPropertyOptional() @IsOptional() @IsSingleLine(1, 200) company?: string;
  @ApiPropertyOptional({ enum: LOCALES }) @IsOptional() @IsIn(LOCALES) locale?: 'zh' | 'ru' | 'en';
}

export class CreateSessionDto {
  @ApiProperty({ enum: SESSION_KINDS }) @IsIn(SESSION_KINDS) kind: SessionKind;
  @ApiProperty() @IsSingleLine(1, 300) title: string;
  @ApiPropertyOptional() @IsOptional() @IsText(20_000) description?: string;
  @ApiPropertyOptional({ type: SessionTranslationsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SessionTranslationsDto)
  translations?: SessionTranslationsDto;
  @ApiProperty() @IsInstant() startsAt: string;
  @ApiProperty() @IsInstant() endsAt: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[0-9a-f-]{36}$/, { message: 'roomId must be a room id' })
  roomId?: string;
  @ApiPropertyOptional({ enum: LOCALES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(LOCALES, { each: true })
  languages?: string[];
  @ApiPropertyOptional({ example: ['zh-ru'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @ArrayUnique()
  @Matches(PAIR, { each: true, message: 'each interpretation must be a language pair such as zh-ru' })
  interpretation?: string[];
  @ApiPropertyOptional({ description: 'Site visits (required for them, refused for other kinds): seats on the tour' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  capacity?: number;
  @ApiPropertyOptional({ description: 'Site visits: where delegates gather', example: 'Hotel lobby, north entrance' })
  @IsOptional()
  @IsSingleLine(1, 500)
  meetingPoint?: string;
  @ApiPropertyOptional({ description: 'Site visits: when the transport leaves, within the session' })
  @IsOptional()
  @IsInstant()
  departsAt?: string;
  @ApiPropertyOptional({ description: 'Site visits: how delegates travel', example: 'Coach, 40 minutes' })
  @IsOptional()
  @IsSingleLine(1, 300)
  transport?: string;
  @ApiPropertyOptional({ type: [SpeakerInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => SpeakerInputDto)
  speakers?: SpeakerInputDto[];
}

export class UpdateSessionDto extends PartialType(OmitType(CreateSessionDto, ['speakers'] as const)) {}

/** What a speaker may change about their own session: nothing else. */
export class SpeakerProfileDto {
  @ApiPropertyOptional() @IsOptional() @IsText(10_000) abstract?: string;
  @ApiPropertyOptional({ description: 'Your biography' }) @IsOptional() @IsText(5_000) bio?: string;
  @ApiPropertyOptional({ example: ['https://example.com/slides.pdf'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { each: true })
  @MaxLength(1000, { each: true })
  materials?: string[];
}

export class SpeakerDto {
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['speaker', 'moderator'] }) role: 'speaker' | 'moderator';
  @ApiProperty({ nullable: true, type: String }) company: string | null;
  @ApiProperty({ nullable: true, type: String }) bio: string | null;
}

/** What a site visit adds to a session (null for every other kind). */
export class SiteVisitDetailsDto {
  @ApiProperty({ description: 'Seats on the tour' }) capacity: number;
  @ApiProperty() meetingPoint: string;
  @ApiInstant() departsAt: string;
  @ApiProperty({ nullable: true, type: String }) transport: string | null;
}

export class SessionDto {
  @ApiProperty() id: string;
  @ApiProperty() eventId: string;
  @ApiProperty({ enum: SESSION_KINDS }) kind: SessionKind;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ type: SessionTranslationsDto }) translations: SessionTranslationsDto;
  @ApiInstant() startsAt: string;
  @ApiInstant() endsAt: string;
  @ApiProperty({ nullable: true, type: RoomDto }) room: RoomDto | null;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({ type: [String], example: ['zh-ru'] }) interpretation: string[];
  @ApiProperty({ nullable: true, type: String }) abstract: string | null;
  @ApiProperty({ type: [String] }) materials: string[];
  @ApiProperty({ type: [SpeakerDto] }) speakers: SpeakerDto[];
  @ApiProperty({ nullable: true, type: SiteVisitDetailsDto, description: 'Only for kind site_visit' })
  siteVisit: SiteVisitDetailsDto | null;
}

export class RoomListDto {
  @ApiProperty({ type: [RoomDto] }) items: RoomDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Always null: the whole list comes in one page' })
  nextCursor: null;
}

export class SessionListDto {
  @ApiProperty({ type: [SessionDto] }) items: SessionDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Always null: the whole list comes in one page' })
  nextCursor: null;
}

export class MySessionDto extends SessionDto {
  @ApiProperty() eventName: string;
  @ApiProperty({
    description: 'The event’s name in each language the organisers gave one in',
    type: 'object',
    properties: { zh: { type: 'string' }, ru: { type: 'string' }, en: { type: 'string' } },
    example: { zh: '中俄中小企业合作圆桌会议', ru: 'Российско-китайский круглый стол МСП' },
  })
  eventNames: Partial<Record<'zh' | 'ru' | 'en', string>>;
  @ApiProperty() eventTimeZone: string;
  @ApiProperty({ enum: ['speaker', 'moderator'] }) myRole: 'speaker' | 'moderator';
  @ApiInstant({ description: 'Start in the event zone, e.g. 2027-06-10T10:00:00.000+08:00' }) localStart: string;
  @ApiInstant({ description: 'Start in your own zone' }) myStart: string;
}

export class MySessionListDto {
  @ApiProperty({ type: [MySessionDto] }) items: MySessionDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Always null: the whole list comes in one page' })
  nextCursor: null;
}

export class AgendaQueryDto {
  @ApiPropertyOptional({ enum: LOCALES }) @IsOptional() @IsIn(LOCALES) locale?: 'zh' | 'ru' | 'en';
  @ApiPropertyOptional({ enum: ['json', 'ics'] }) @IsOptional() @IsIn(['json', 'ics']) format?: 'json' | 'ics';
}

export class AgendaSiteVisitDto {
  @ApiProperty({ description: 'Seats on the tour (the seats left: GET /events/{eventId}/site-visits)' })
  capacity: number;
  @ApiProperty({ description: 'In the agenda language' }) meetingPoint: string;
  @ApiInstant() departsAt: string;
  @ApiInstant({ description: 'In the event zone', example: '2027-06-11T08:30:00.000+08:00' }) localDeparture: string;
  @ApiProperty({ nullable: true, type: String, description: 'In the agenda language' }) transport: string | null;
}

export class AgendaSessionDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: SESSION_KINDS }) kind: SessionKind;
  @ApiProperty({ description: 'In the agenda language' }) title: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiInstant() startsAt: string;
  @ApiInstant() endsAt: string;
  @ApiInstant({ description: 'In the event zone', example: '2027-06-10T10:00:00.000+08:00' }) localStart: string;
  @ApiInstant({ description: 'In the event zone', example: '2027-06-10T11:00:00.000+08:00' }) localEnd: string;
  @ApiProperty({ nullable: true, type: String, description: 'Room name' }) room: string | null;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({ type: [String] }) interpretation: string[];
  @ApiProperty({ nullable: true, type: String }) abstract: string | null;
  @ApiProperty({ type: [String] }) materials: string[];
  @ApiProperty({ type: [SpeakerDto] }) speakers: SpeakerDto[];
  @ApiProperty({ nullable: true, type: AgendaSiteVisitDto, description: 'Only for kind site_visit' })
  siteVisit: AgendaSiteVisitDto | null;
}

export class AgendaEventDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) theme: string | null;
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone: string;
  @ApiProperty({ nullable: true, type: String }) venue: string | null;
  @ApiProperty({ nullable: true, type: String }) city: string | null;
}

export class AgendaDayDto {
  @ApiProperty({ example: '2027-06-10', description: 'Calendar date in the event zone' }) date: string;
  @ApiProperty({ type: [AgendaSessionDto] }) sessions: AgendaSessionDto[];
}

export class AgendaDto {
  @ApiProperty({ type: AgendaEventDto }) event: AgendaEventDto;
  @ApiProperty({ enum: LOCALES }) locale: 'zh' | 'ru' | 'en';
  @ApiProperty({ type: [AgendaDayDto] }) days: AgendaDayDto[];
}
