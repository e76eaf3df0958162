import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { IsInstant, IsSingleLine, LOCALES, Locale, PageQueryDto } from '@roundtable/common';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  Matches,
  ValidateNested,
} from 'class-validator';
import { AGREEMENT_KINDS, AgreementKind } from '../agreement-model';

const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

export class SignatoryDto {
  @ApiProperty({ example: 'Wang Lei' }) @IsSingleLine(1, 200) name: string;
  @ApiPropertyOptional({ example: 'General Director' }) @IsOptional() @IsSingleLine(1, 200) position?: string;
  @ApiPropertyOptional({ description: 'Receives the confirmation mail; never written to the ledger' })
  @IsOptional()
  @IsEmail()
  email?: string;
  @ApiPropertyOptional({ enum: LOCALES }) @IsOptional() @IsIn(LOCALES) locale?: Locale;
}

export class PartyDto {
  @ApiPropertyOptional({ description: 'A company registered for this event (name and country are taken from it)' })
  @IsOptional()
  @IsString()
  companyId?: string;
  @ApiPropertyOptional({ description: 'Required when companyId is absent' })
  @IsOptional()
  @IsSingleLine(1, 200)
  name?: string;
  @ApiPropertyOptional({ example: 'RU', description: 'ISO 3166-1 alpha-2; required when companyId is absent' })
  @IsOptional()
  @Transform(upper)
  @IsISO31661Alpha2()
  country?: string;
  @ApiProperty({ type: [SignatoryDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SignatoryDto)
  signatories: SignatoryDto[];
}

export class MoneyDto {
  @ApiProperty({ example: '1250000.50', description: 'Decimal string, never a number' })
  @IsString()
  amount: string;
  @ApiProperty({ example: 'CNY', description: 'ISO 4217' }) @Transform(upper) @IsString() currency: string;
}

export class AgreementDto {
  @ApiProperty({ example: 'Rail freight Nanchang–Kazan cooperation agreement' }) @IsSingleLine(1, 300) title: string;
  @ApiProperty({ enum: AGREEMENT_KINDS }) @IsIn(AGREEMENT_KINDS) kind: AgreementKind;
  @ApiPropertyOptional({ example: 'logistics' }) @IsOptional() @IsSingleLine(1, 80) sector?: string;
  @ApiProperty({ type: [PartyDto] })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PartyDto)
  parties: PartyDto[];
  @ApiPropertyOptional({ type: MoneyDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyDto)
  value?: MoneyDto | null;
  @ApiProperty({ example: '2027-06-11T08:30:00Z' }) @IsInstant() signedAt: string;
  @ApiPropertyOptional({ description: 'The session it was signed at, e.g. the signing ceremony' })
  @IsOptional()
  @IsString()
  sessionId?: string;
  @ApiPropertyOptional({ description: 'The B2B meeting it came out of' }) @IsOptional() @IsString() meetingId?: string;
  @ApiPropertyOptional({ description: 'SHA-256 (hex) of the signed document' })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/i, { message: 'documentSha256 must be 64 hexadecimal digits' })
  documentSha256?: string;
}

/** An amendment: the fields that change (the rest stay) and why. */
export class AmendAgreementDto extends PartialType(
  PickType(AgreementDto, ['title', 'kind', 'sector', 'parties', 'value', 'signedAt', 'documentSha256'] as const),
) {
  @ApiProperty({ example: 'Value corrected after the annex was signed' }) @IsSingleLine(1, 1000) reason: string;
}

export class WithdrawAgreementDto {
  @ApiProperty({ example: 'The parties cancelled the agreement' }) @IsSingleLine(1, 1000) reason: string;
}

export class LedgerQueryDto extends PageQueryDto {}

export class ReportQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv'] }) @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
}
