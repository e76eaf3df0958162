import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInstant, IsSingleLine, IsText, IsTimeZone } from '@roundtable/common';
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
}

export class RequestQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'accepted', 'declined', 'cancelled', 'expired'] })
  @IsOptional()
  @IsIn(['pending', 'accepted', 'declined', 'cancelled', 'expired'])
  status?: string;
}

export class SlotsQueryDto {
  @ApiProperty({ description: 'The other delegate’s registration id' }) @IsString() with: string;
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
