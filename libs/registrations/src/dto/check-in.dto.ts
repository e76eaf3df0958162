import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiInstant, ID_PATTERN, IsInstant, IsSingleLine } from '@roundtable/common';
import { IsOptional, Matches, ValidateIf } from 'class-validator';

const TOKEN = /^[A-Za-z0-9_-]{8,64}$/;

/** A scan: the badge's code, or (a person found by name, badge forgotten) the registration id; one of the two. */
export class CheckInDto {
  @ApiPropertyOptional({ description: 'The code from the badge QR (or give registrationId)' })
  @ValidateIf((dto: CheckInDto) => dto.registrationId === undefined || dto.code !== undefined)
  @IsSingleLine(10, 200)
  code?: string;

  @ApiPropertyOptional({
    description: 'Check in a person the organiser found by name, without their badge (or give code)',
  })
  @ValidateIf((dto: CheckInDto) => dto.registrationId !== undefined)
  @Matches(ID_PATTERN, { message: 'registrationId must be a registration id' })
  registrationId?: string;

  @ApiPropertyOptional({
    description:
      'An id the scanning device gives this scan (8-64 of A-Z a-z 0-9 _ -): sending the same scan again records it once',
    example: 'door-a-4f9c2e71b0',
  })
  @IsOptional()
  @Matches(TOKEN, { message: 'scanId must be 8 to 64 letters, digits, _ or -' })
  scanId?: string;

  @ApiPropertyOptional({
    description: 'When the badge was scanned (a device that was offline sends it later); default now',
    example: '2027-06-10T08:55:00+08:00',
  })
  @IsOptional()
  @IsInstant()
  scannedAt?: string;

  @ApiPropertyOptional({ description: 'The door or device that scanned', example: 'North door' })
  @IsOptional()
  @IsSingleLine(1, 64)
  deviceId?: string;
}

export class CheckInResultDto {
  @ApiProperty() registrationId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) company: string | null;
  @ApiInstant({ description: 'The earliest scan of this badge, from any door' }) checkedInAt: string;
  @ApiProperty({ description: 'False when this badge had already been scanned: a duplicate, counted once' })
  firstScan: boolean;
  @ApiProperty({ description: 'This scan’s id (the one sent, or one made up by the server)' }) scanId: string;
  @ApiProperty({ nullable: true, type: String }) deviceId: string | null;
  @ApiInstant() scannedAt: string;
  @ApiProperty({ description: 'How many scans of this badge the server holds, this one included' }) scans: number;
}

export class CheckInCountsDto {
  @ApiProperty({ description: 'Approved registrations' }) expected: number;
  @ApiProperty({ description: 'Of them, checked in' }) checkedIn: number;
  @ApiProperty({ description: 'Scans of a badge that had already been scanned' }) duplicateScans: number;
}

export class CheckInPersonDto {
  @ApiProperty() registrationId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) company: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'ISO 3166-1 alpha-2' }) country: string | null;
  @ApiProperty({ enum: ['delegate', 'speaker', 'press', 'staff'] }) role: string;
  @ApiProperty({
    description:
      'SHA-256 (base64url) of the full badge code: a device checks a scanned badge offline by hashing what it read',
  })
  codeHash: string;
  @ApiInstant({ nullable: true }) checkedInAt: string | null;
  @ApiProperty({ description: 'Scans recorded for this badge; more than one means duplicates' }) scans: number;
}

export class CheckInListDto {
  @ApiProperty({ type: [CheckInPersonDto], description: 'Every approved registration, by name' })
  people: CheckInPersonDto[];
  @ApiProperty({ type: CheckInCountsDto }) counts: CheckInCountsDto;
  @ApiInstant({ description: 'When the list was made: registrations approved later are not in it' })
  generatedAt: string;
}
