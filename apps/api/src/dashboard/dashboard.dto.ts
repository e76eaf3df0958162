import { ApiProperty } from '@nestjs/swagger';
import { ApiInstant } from '@roundtable/common';

export class DashboardCountDto {
  @ApiProperty({ description: 'A status, an ISO 3166-1 country, a sector or a reason' }) key: string;
  @ApiProperty({ type: 'integer' }) count: number;
}

export class DashboardRegistrationsDto {
  @ApiProperty({ type: 'integer', description: 'Every registration, whatever its status' }) total: number;
  @ApiProperty({ type: [DashboardCountDto] }) byStatus: DashboardCountDto[];
  @ApiProperty({ type: [DashboardCountDto], description: 'Pending, approved and waitlisted, by company country' })
  byCountry: DashboardCountDto[];
  @ApiProperty({
    type: [DashboardCountDto],
    description: 'Pending, approved and waitlisted, by company sector (a company in two sectors counts in both)',
  })
  bySector: DashboardCountDto[];
}

export class DashboardMeetingsDto {
  @ApiProperty({ type: 'integer' }) requests: number;
  @ApiProperty({ type: [DashboardCountDto] }) requestsByStatus: DashboardCountDto[];
  @ApiProperty({ type: 'integer', description: 'Meetings with a slot and a table (scheduled or held)' })
  placed: number;
  @ApiProperty({ type: 'integer', description: 'Accepted requests still without a meeting' }) unplaced: number;
  @ApiProperty({
    type: [DashboardCountDto],
    description: "The scheduler's reason for each; NOT_TRIED when it has not tried",
  })
  unplacedByReason: DashboardCountDto[];
}

export class DashboardMailDto {
  @ApiProperty({ type: 'integer' }) sent: number;
  @ApiProperty({ type: 'integer', description: 'Due and not sent yet' }) waiting: number;
  @ApiProperty({ type: 'integer', description: 'Refused for good; retry by hand' }) failed: number;
  @ApiProperty({ type: 'integer' }) cancelled: number;
  @ApiProperty({ type: 'integer', description: 'Due later (reminders)' }) scheduled: number;
  @ApiInstant({ nullable: true, description: 'When the longest-waiting mail fell due' })
  oldestWaitingSince: string | null;
}

export class DashboardCurrencyDto {
  @ApiProperty({ example: 'CNY', description: 'ISO 4217, or none for agreements without a value' }) currency: string;
  @ApiProperty({ type: 'integer' }) count: number;
  @ApiProperty({ type: String, nullable: true, example: '1200000.00', description: 'Decimal string; null for none' })
  total: string | null;
}

export class DashboardAgreementsDto {
  @ApiProperty({ type: 'integer', description: 'Active (not withdrawn)' }) count: number;
  @ApiProperty({ type: 'integer' }) withdrawn: number;
  @ApiProperty({ type: [DashboardCurrencyDto] }) byCurrency: DashboardCurrencyDto[];
}

/** The event at a glance, for its organisers. */
export class DashboardDto {
  @ApiProperty() eventId: string;
  @ApiInstant() generatedAt: string;
  @ApiProperty({ type: DashboardRegistrationsDto }) registrations: DashboardRegistrationsDto;
  @ApiProperty({ type: DashboardMeetingsDto }) meetings: DashboardMeetingsDto;
  @ApiProperty({ type: DashboardMailDto }) mail: DashboardMailDto;
  @ApiProperty({ type: DashboardAgreementsDto }) agreements: DashboardAgreementsDto;
}
