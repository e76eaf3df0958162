import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiInstant, IsInstant, IsSingleLine, IsText, IsTimeZone } from '@roundtable/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';

/** A window's end comes after its start (both already checked as ISO 8601 instants). */
const IsAfterStart = (): PropertyDecorator =>
  ValidateBy({
    name: 'isAfterStart',
    validator: {
      validate: (end: unknown, args) =>
        Date.parse(String(end)) > Date.parse(String((args?.object as TimeWindowDto).start)),
      defaultMessage: () => '$property must be after start',
    },
  });

export class TimeWindowDto {
  @ApiProperty({ example: '2027-06-10T06:00:00Z' }) @IsInstant() start: string;
  @ApiProperty({ example: '2027-06-10T10:00:00Z' }) @IsInstant() @IsAfterStart() end: string;
}

export class AvailabilityDto {
  @ApiProperty({
    type: [TimeWindowDto],
    nullable: true,
    description: 'When you can meet (UTC instants); null = whenever meetings run',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => TimeWindowDto)
  windows: TimeWindowDto[] | null;
}

export class CreateMeetingRequestDto {
  @ApiProperty() @IsString() toRegistrationId: string;
  @ApiPropertyOptional() @IsOptional() @IsText(2000) message?: string;
  @ApiPropertyOptional({
    type: 'integer',
    description:
      'The slot you would like (index from GET /events/:eventId/slots?with=…); accepting places the meeting there ' +
      'when it still works for both, else in the earliest slot both can make',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  preferredSlotIndex?: number;
}

export class RequestQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'accepted', 'declined', 'cancelled', 'expired'] })
  @IsOptional()
  @IsIn(['pending', 'accepted', 'declined', 'cancelled', 'expired'])
  status?: string;
}

export class SlotsQueryDto {
  @ApiPropertyOptional({
    description: 'The other delegate’s registration id; without it, every slot of the event’s grid',
  })
  @IsOptional()
  @IsString()
  with?: string;
}

export class BookMeetingDto {
  @ApiProperty() @IsString() requestId: string;
  @ApiProperty({ description: 'Index in the event’s slot grid (see GET /events/:eventId/slots)' })
  @IsInt()
  @Min(0)
  slotIndex: number;
}

export class UpdateMeetingDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) slotIndex?: number;
  @ApiPropertyOptional({
    description: 'Organisers only: the table to move it to (in its slot, or in slotIndex); any free table when omitted',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  tableNo?: number;
  @ApiPropertyOptional({ description: 'Organisers only: a locked meeting is never moved' })
  @IsOptional()
  @IsBoolean()
  locked?: boolean;
}

export class OutcomeDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) rating: number;
  @ApiPropertyOptional() @IsOptional() @IsText(5000) notes?: string;
  @ApiPropertyOptional() @IsOptional() @IsText(5000) followUp?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() agreementExpected?: boolean;
}

export class InterpreterDto {
  @ApiProperty() @IsSingleLine(1, 200) name: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() email?: string;
  @ApiProperty({ example: ['ru-zh'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @Matches(/^[a-z]{2}-[a-z]{2}$/, { each: true, message: 'each pair must look like "ru-zh"' })
  pairs: string[];
  @ApiPropertyOptional({ type: [TimeWindowDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TimeWindowDto)
  availability?: TimeWindowDto[];
}

export class FixedTableDto {
  @ApiProperty() @IsString() companyId: string;
  @ApiProperty() @IsInt() @Min(1) tableNo: number;
}

export class PublishScheduleDto {
  @ApiProperty({ enum: ['preliminary', 'final'] }) @IsIn(['preliminary', 'final']) status: 'preliminary' | 'final';
}

export class MeQueryDto {
  @ApiPropertyOptional({ description: 'IANA zone to show times in; defaults to your registration’s zone' })
  @IsOptional()
  @IsTimeZone()
  tz?: string;
}

export class CalendarQueryDto {
  @ApiProperty() @IsString() token: string;
}

const WHOLE_LIST = 'Always null: the whole list comes in one page';

export class MeetingRequestViewDto {
  @ApiProperty() id: string;
  @ApiProperty() fromRegistrationId: string;
  @ApiProperty() toRegistrationId: string;
  @ApiProperty({ nullable: true, type: String }) message: string | null;
  @ApiProperty({ enum: ['pending', 'accepted', 'declined', 'cancelled', 'expired'] }) status: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Why an accepted request has no meeting yet (NO_COMMON_FREE_SLOT, …)',
  })
  unscheduledReason: string | null;
  @ApiProperty({ description: 'Proposed by the organisers from a recommendation' }) proposedByOrganiser: boolean;
  @ApiProperty({ nullable: true, type: 'integer', description: 'The slot the sender would like, if they named one' })
  preferredSlotIndex: number | null;
  @ApiInstant() expiresAt: string;
  @ApiInstant({ nullable: true }) respondedAt: string | null;
  @ApiInstant({ nullable: true }) createdAt: string | null;
}

export class ScriptNamesDto {
  @ApiPropertyOptional({ nullable: true, type: String }) latin?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) zh?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) ru?: string | null;
}

export class MeetingPartyDto {
  @ApiProperty() registrationId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) company: string | null;
  @ApiProperty({ type: ScriptNamesDto, nullable: true, description: 'The company name in other scripts' })
  companyNames: ScriptNamesDto | null;
  @ApiProperty({ example: 'Europe/Moscow', description: 'Their home time zone' }) timeZone: string;
}

export class MeetingRequestWithPartiesDto extends MeetingRequestViewDto {
  @ApiProperty({ type: MeetingPartyDto, nullable: true, description: 'Null once no longer an approved delegate' })
  from: MeetingPartyDto | null;
  @ApiProperty({ type: MeetingPartyDto, nullable: true, description: 'Null once no longer an approved delegate' })
  to: MeetingPartyDto | null;
}

export class MeetingRequestListDto {
  @ApiProperty({ type: [MeetingRequestWithPartiesDto] }) items: MeetingRequestWithPartiesDto[];
  @ApiProperty({ nullable: true, type: String, description: WHOLE_LIST }) nextCursor: null;
}

export class MeetingViewDto {
  @ApiProperty() id: string;
  @ApiProperty() requestId: string;
  @ApiProperty() registrationA: string;
  @ApiProperty() registrationB: string;
  @ApiProperty({ type: 'integer' }) slotIndex: number;
  @ApiInstant() startsAt: string;
  @ApiInstant() endsAt: string;
  @ApiProperty({ type: 'integer' }) tableNo: number;
  @ApiProperty({ nullable: true, type: String }) interpreterId: string | null;
  @ApiProperty({ enum: ['scheduled', 'cancelled'] }) status: string;
  @ApiProperty() locked: boolean;
  @ApiProperty({ type: 'integer', description: 'Bumped on every move (calendar SEQUENCE)' }) sequence: number;
}

export class MeetingListDto {
  @ApiProperty({ type: [MeetingViewDto] }) items: MeetingViewDto[];
  @ApiProperty({ nullable: true, type: String, description: WHOLE_LIST }) nextCursor: null;
}

export class AcceptedRequestDto {
  @ApiProperty({ type: MeetingRequestViewDto }) request: MeetingRequestViewDto;
  @ApiProperty({ type: MeetingViewDto, nullable: true, description: 'Null when no common free slot was found' })
  meeting: MeetingViewDto | null;
}

export class SlotDto {
  @ApiProperty({ type: 'integer' }) index: number;
  @ApiInstant() start: string;
  @ApiInstant() end: string;
}

export class SlotListDto {
  @ApiProperty({ type: [SlotDto] }) items: SlotDto[];
  @ApiProperty({ nullable: true, type: String, description: WHOLE_LIST }) nextCursor: null;
}

export class OutcomeViewDto {
  @ApiProperty() meetingId: string;
  @ApiProperty() registrationId: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 }) rating: number;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty({ nullable: true, type: String }) followUp: string | null;
  @ApiProperty() agreementExpected: boolean;
}

export class TimeWindowViewDto {
  @ApiInstant() start: string;
  @ApiInstant() end: string;
}

export class AvailabilityViewDto {
  @ApiProperty({ type: [TimeWindowViewDto], nullable: true, description: 'null = whenever meetings run' })
  windows: TimeWindowViewDto[] | null;
}

export class InterpreterViewDto {
  @ApiProperty() id: string;
  @ApiProperty() eventId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ type: [String], example: ['ru-zh'] }) pairs: string[];
  @ApiProperty({ type: [TimeWindowViewDto], nullable: true }) availability: TimeWindowViewDto[] | null;
  @ApiInstant() createdAt: string;
}

export class InterpreterListDto {
  @ApiProperty({ type: [InterpreterViewDto] }) items: InterpreterViewDto[];
  @ApiProperty({ nullable: true, type: String, description: WHOLE_LIST }) nextCursor: null;
}

export class FixedTableViewDto {
  @ApiProperty() eventId: string;
  @ApiProperty() companyId: string;
  @ApiProperty({ type: 'integer' }) tableNo: number;
}

export class FixedTableListDto {
  @ApiProperty({ type: [FixedTableViewDto] }) items: FixedTableViewDto[];
  @ApiProperty({ nullable: true, type: String, description: WHOLE_LIST }) nextCursor: null;
}

export class ScheduleJobDto {
  @ApiProperty({ description: 'Poll GET /events/{eventId}/schedule/jobs/{jobId}' }) jobId: string;
}

export class ScheduleRunResultDto {
  @ApiProperty({ type: 'integer' }) placed: number;
  @ApiProperty({ type: 'integer' }) unplaced: number;
  @ApiProperty({ type: 'integer' }) fewestMeetingsPerDelegate: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Unplaced requests by reason',
  })
  reasons: Record<string, number>;
}

export class ScheduleJobStatusDto {
  @ApiProperty() jobId: string;
  @ApiProperty({ example: 'completed', description: 'waiting, active, completed, failed, delayed…' }) state: string;
  @ApiProperty({ type: 'number' }) progress: number;
  @ApiProperty({ type: ScheduleRunResultDto, nullable: true }) result: ScheduleRunResultDto | null;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
}

export class PublishedScheduleDto {
  @ApiProperty({ enum: ['draft', 'preliminary', 'final'] }) scheduleStatus: string;
  @ApiProperty({ enum: ['draft', 'preliminary', 'final'], description: 'The status before this publication' })
  previousStatus: string;
  @ApiProperty({ type: 'integer', description: 'Scheduled meetings the publication covers' }) meetings: number;
  @ApiProperty({ type: 'integer', description: 'Delegates mailed their schedule (final only)' }) mailed: number;
}

export class MyMeetingEventDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() timeZone: string;
}

export class MeetingCounterpartDto {
  @ApiProperty() registrationId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) company: string | null;
}

/** The interpreter booked for a meeting, as the delegates see them. */
export class MeetingInterpreterDto {
  @ApiProperty() name: string;
}

export class MyMeetingDto extends MeetingViewDto {
  @ApiProperty({ type: MyMeetingEventDto }) event: MyMeetingEventDto;
  @ApiProperty({ type: MeetingCounterpartDto }) with: MeetingCounterpartDto;
  @ApiProperty({ type: MeetingInterpreterDto, nullable: true, description: 'null when the two share a language' })
  interpreter: MeetingInterpreterDto | null;
  @ApiProperty({ description: 'The zone of localStart and localEnd' }) timeZone: string;
  @ApiInstant({ example: '2027-06-10T14:00:00.000+08:00' }) localStart: string;
  @ApiInstant({ example: '2027-06-10T14:30:00.000+08:00' }) localEnd: string;
}

export class MyMeetingListDto {
  @ApiProperty({ type: [MyMeetingDto] }) items: MyMeetingDto[];
  @ApiProperty({ nullable: true, type: String, description: WHOLE_LIST }) nextCursor: null;
}

export class CalendarFeedStateDto {
  @ApiProperty({ description: 'Whether a calendar link is in force (its URL is shown only when issued)' })
  active: boolean;
}

export class CalendarFeedDto {
  @ApiProperty({ description: 'Subscribe to this URL in a calendar app' }) url: string;
  @ApiProperty() token: string;
}

export class GridDelegateDto {
  @ApiProperty() registrationId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) companyId: string | null;
  @ApiProperty({ nullable: true, type: String }) company: string | null;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({
    type: 'array',
    items: { type: 'integer' },
    nullable: true,
    description: 'Slot indexes they can meet in; null = every slot',
  })
  available: number[] | null;
}

export class GridInterpreterDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String], example: ['ru-zh'] }) pairs: string[];
}

/** A scheduled meeting as a grid cell: the parties are ids into the grid's delegates. */
export class GridMeetingDto {
  @ApiProperty() id: string;
  @ApiProperty() requestId: string;
  @ApiProperty() registrationA: string;
  @ApiProperty() registrationB: string;
  @ApiProperty({ type: 'integer' }) slotIndex: number;
  @ApiProperty({ type: 'integer' }) tableNo: number;
  @ApiProperty({ nullable: true, type: String }) interpreterId: string | null;
  @ApiProperty() locked: boolean;
}

export class ScheduleGridDto {
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone: string;
  @ApiProperty({ enum: ['draft', 'preliminary', 'final'] }) scheduleStatus: string;
  @ApiProperty({ type: 'integer' }) tables: number;
  @ApiProperty({ type: [SlotDto] }) slots: SlotDto[];
  @ApiProperty({ type: [GridDelegateDto], description: 'Every approved delegate' }) delegates: GridDelegateDto[];
  @ApiProperty({ type: [GridInterpreterDto] }) interpreters: GridInterpreterDto[];
  @ApiProperty({ type: [GridMeetingDto], description: 'Every scheduled meeting' }) meetings: GridMeetingDto[];
}

export class UnplacedRequestDto {
  @ApiProperty() requestId: string;
  @ApiProperty({ type: MeetingPartyDto }) from: MeetingPartyDto;
  @ApiProperty({ type: MeetingPartyDto }) to: MeetingPartyDto;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'Why the scheduler could not place it (NO_COMMON_AVAILABILITY, MEETING_CAP_REACHED, NO_INTERPRETER, NO_FREE_TABLE, NO_COMMON_FREE_SLOT); null: not tried yet',
  })
  reason: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The language pair to interpret ("ru-zh"), or null' })
  interpreterPair: string | null;
  @ApiProperty({
    type: [SlotDto],
    description: 'Where it fits now (both free and available, a free table, an interpreter if needed), earliest first',
  })
  freeSlots: SlotDto[];
}

export class UnplacedListDto {
  @ApiProperty({ type: [UnplacedRequestDto] }) items: UnplacedRequestDto[];
  @ApiProperty({ nullable: true, type: String, description: WHOLE_LIST }) nextCursor: null;
}
