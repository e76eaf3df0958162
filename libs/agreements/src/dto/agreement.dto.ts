import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { ApiInstant, IsInstant, IsSingleLine, LOCALES, Locale, PageQueryDto } from '@roundtable/common';
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

// ---- responses ---------------------------------------------------------------

export class SignatoryViewDto {
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) position: string | null;
}

export class PartyViewDto {
  @ApiProperty({ nullable: true, type: String, description: 'Set when the party is a registered company' })
  companyId: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'RU' }) country: string;
  @ApiProperty({ type: [SignatoryViewDto] }) signatories: SignatoryViewDto[];
}

export class MoneyViewDto {
  @ApiProperty({ example: '1250000.50', description: 'Decimal string, never a number' }) amount: string;
  @ApiProperty({ example: 'CNY' }) currency: string;
}

export class AgreementStateDto {
  @ApiProperty() title: string;
  @ApiProperty({ enum: AGREEMENT_KINDS }) kind: AgreementKind;
  @ApiProperty({ nullable: true, type: String }) sector: string | null;
  @ApiProperty({ type: [PartyViewDto] }) parties: PartyViewDto[];
  @ApiProperty({ type: MoneyViewDto, nullable: true }) value: MoneyViewDto | null;
  @ApiInstant() signedAt: string;
  @ApiProperty({ nullable: true, type: String }) sessionId: string | null;
  @ApiProperty({ nullable: true, type: String }) meetingId: string | null;
  @ApiProperty({ nullable: true, type: String }) documentSha256: string | null;
}

export class AgreementViewDto extends AgreementStateDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['active', 'withdrawn'] }) status: 'active' | 'withdrawn';
  @ApiProperty({ type: 'integer', description: 'How many ledger entries describe it (1 = never amended)' })
  version: number;
  @ApiProperty({ type: 'integer' }) firstSeq: number;
  @ApiProperty({ type: 'integer' }) lastSeq: number;
  @ApiInstant() recordedAt: string;
  @ApiInstant() updatedAt: string;
}

export class LedgerEntryDto {
  @ApiProperty({ type: 'integer' }) seq: number;
  @ApiProperty() id: string;
  @ApiProperty() agreementId: string;
  @ApiProperty({ enum: ['signed', 'amended', 'withdrawn'] }) action: 'signed' | 'amended' | 'withdrawn';
  @ApiProperty({ description: 'The canonical JSON exactly as hashed: sha256(prevHash + "\\n" + payload) = hash' })
  payload: string;
  @ApiProperty() prevHash: string;
  @ApiProperty() hash: string;
}

export class RecordedAgreementDto {
  @ApiProperty({ type: AgreementViewDto }) agreement: AgreementViewDto;
  @ApiProperty({ type: LedgerEntryDto }) entry: LedgerEntryDto;
}

export class AgreementListDto {
  @ApiProperty({ type: [AgreementViewDto] }) items: AgreementViewDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Always null: the whole list comes in one page' })
  nextCursor: null;
}

export class LedgerPageDto {
  @ApiProperty({ type: [LedgerEntryDto] }) items: LedgerEntryDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null: no more' })
  nextCursor: string | null;
}

export class LedgerPayloadDto {
  @ApiProperty({ enum: [1] }) v: 1;
  @ApiProperty() eventId: string;
  @ApiProperty({ type: 'integer' }) seq: number;
  @ApiProperty() agreementId: string;
  @ApiProperty({ enum: ['signed', 'amended', 'withdrawn'] }) action: 'signed' | 'amended' | 'withdrawn';
  @ApiInstant() recordedAt: string;
  @ApiProperty({ description: 'User id' }) recordedBy: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ type: AgreementStateDto }) agreement: AgreementStateDto;
}

export class AgreementHistoryDto {
  @ApiProperty({ type: AgreementViewDto }) agreement: AgreementViewDto;
  @ApiProperty({ type: [LedgerPayloadDto] }) history: LedgerPayloadDto[];
}

export class ChainBreakDto {
  @ApiProperty({ type: 'integer' }) seq: number;
  @ApiProperty({
    enum: [
      'ENTRY_MISSING',
      'PAYLOAD_NOT_CANONICAL',
      'PAYLOAD_DOES_NOT_MATCH_ROW',
      'PREVIOUS_HASH_MISMATCH',
      'HASH_MISMATCH',
      'ENTRY_NOT_IN_HEAD',
    ],
  })
  reason: string;
  @ApiProperty() message: string;
}

export class ChainReportDto {
  @ApiProperty() valid: boolean;
  @ApiProperty({ type: 'integer' }) entriesChecked: number;
  @ApiProperty({ description: 'The hash of the last entry, for notarising the ledger state' }) headHash: string;
  @ApiProperty({ type: ChainBreakDto, nullable: true }) firstBroken: ChainBreakDto | null;
}

export class LedgerStateDto {
  @ApiProperty() valid: boolean;
  @ApiProperty({ type: 'integer' }) entriesChecked: number;
  @ApiProperty({ type: ChainBreakDto, nullable: true }) firstBroken: ChainBreakDto | null;
}

export class CurrencyTotalDto {
  @ApiProperty({ example: 'CNY' }) currency: string;
  @ApiProperty({ example: '1250000.50', description: 'Exact decimal string' }) total: string;
}

export class ReportGroupDto {
  @ApiProperty() key: string;
  @ApiProperty({ type: 'integer' }) count: number;
  @ApiProperty({ type: [CurrencyTotalDto] }) totals: CurrencyTotalDto[];
}

export class AgreementReportDto {
  @ApiProperty({ type: 'integer' }) agreements: number;
  @ApiProperty({ type: 'integer' }) withdrawn: number;
  @ApiProperty({ type: 'integer' }) fromMeetings: number;
  @ApiProperty({ type: [CurrencyTotalDto] }) totals: CurrencyTotalDto[];
  @ApiProperty({ type: [ReportGroupDto] }) bySector: ReportGroupDto[];
  @ApiProperty({ type: [ReportGroupDto] }) byCountryPair: ReportGroupDto[];
  @ApiProperty({ type: [ReportGroupDto] }) byKind: ReportGroupDto[];
  @ApiProperty({ type: [ReportGroupDto] }) byCurrency: ReportGroupDto[];
  @ApiProperty({ type: LedgerStateDto }) ledger: LedgerStateDto;
}

export class PublicAgreementReportDto extends AgreementReportDto {
  @ApiProperty() eventName: string;
}
