import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ID_PATTERN, IsSingleLine, LOCALES, Locale, PageQueryDto } from '@roundtable/common';
import { DelegateDto } from '@roundtable/registrations';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { SECTORS } from '../lexicon/lexicon';

export class RecommendationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Organisers: the registration to see suggestions for (a delegate may only pass their own)',
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'for must be a registration id' })
  for?: string;

  @ApiPropertyOptional({ enum: LOCALES, description: 'Language of the reasons; defaults to the caller’s locale' })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}

export class RecommendationMatchDto {
  @ApiProperty({
    enum: ['they', 'you'],
    description: '`they`: the candidate offers what you seek; `you`: the other way round',
  })
  direction: 'they' | 'you';
  @ApiProperty({ nullable: true, type: String, description: 'Lexicon concept that met (null: a shared word)' })
  conceptId: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'The concept’s name in the language of the reasons',
  })
  concept: string | null;
  @ApiProperty({ description: 'The clause of the offer that matched, as written' }) offer: string;
  @ApiProperty({ description: 'The clause of the seek that matched, as written' }) seek: string;
}

export class RecommendationSignalsDto {
  @ApiProperty({ type: [String], description: 'Sectors both companies work in' }) sectors: string[];
  @ApiProperty({ type: [String], description: 'The two countries (ISO 3166-1) when they differ; empty otherwise' })
  countries: string[];
  @ApiProperty({ type: [String] }) sharedLanguages: string[];
  @ApiProperty({ description: 'No common language (or one side asked for an interpreter)' }) interpreterNeeded: boolean;
  @ApiProperty({
    type: Number,
    description:
      'B2B slots both can make (by their declared availability) in which neither has a meeting yet, counted when read',
  })
  commonFreeSlots: number;
}

export class RecommendationDto {
  @ApiProperty() registrationId: string;
  @ApiProperty({ type: DelegateDto }) delegate: DelegateDto;
  @ApiProperty({ description: 'Higher is a better fit (BM25 over concepts and words, lifted by the signals)' })
  score: number;
  @ApiProperty({ example: 'They offer cold chain logistics; you seek Cold-chain logistics to Moscow.' }) reason: string;
  @ApiProperty({ type: [String], example: ['Same sector: logistics', 'Cross-border: China – Russia'] })
  supporting: string[];
  @ApiProperty({ type: [RecommendationMatchDto] }) matches: RecommendationMatchDto[];
  @ApiProperty({ type: RecommendationSignalsDto }) signals: RecommendationSignalsDto;
}

export class RecommendationPageDto {
  @ApiProperty({ type: [RecommendationDto] }) items: RecommendationDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
  @ApiProperty() limit: number;
  @ApiProperty({ enum: LOCALES }) locale: Locale;
  @ApiProperty({ description: 'The registration the suggestions are for' }) registrationId: string;
}

const termList = (): PropertyDecorator =>
  applyDecorators(
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(10),
    IsString({ each: true }),
    MinLength(1, { each: true }),
    MaxLength(100, { each: true }),
    Matches(/^[^\p{Cc}\u2028\u2029]*$/u, { each: true, message: '$property must be single lines' }),
  );

export class CreateConceptDto {
  @ApiProperty({ enum: Object.keys(SECTORS) }) @IsIn(Object.keys(SECTORS)) sector: string;
  @ApiProperty({ type: [String], example: ['graphite electrodes'], description: 'English names; the first is shown' })
  @termList()
  en: string[];
  @ApiProperty({ type: [String], example: ['石墨电极'] }) @termList() zh: string[];
  @ApiProperty({ type: [String], example: ['графитовые электроды'] }) @termList() ru: string[];
}

export class ConceptDto {
  @ApiProperty() id: string;
  @ApiProperty() sector: string;
  @ApiProperty({ type: [String] }) en: string[];
  @ApiProperty({ type: [String] }) zh: string[];
  @ApiProperty({ type: [String] }) ru: string[];
  @ApiProperty({ description: 'Built into the lexicon, or added by this event’s organisers' }) builtIn: boolean;
}

export class ConceptListDto {
  @ApiProperty({ type: [ConceptDto] }) items: ConceptDto[];
}

export class ProposeMeetingDto {
  @ApiProperty({ description: 'The delegate the suggestion was for (sends the request)' })
  @Matches(ID_PATTERN, { message: 'registrationId must be a registration id' })
  registrationId: string;
  @ApiProperty({ description: 'The suggested delegate (answers the request)' })
  @Matches(ID_PATTERN, { message: 'candidateId must be a registration id' })
  candidateId: string;
  @ApiPropertyOptional({ description: 'A note to both' }) @IsOptional() @IsSingleLine(1, 1000) message?: string;
}

export class ProposalDto {
  @ApiProperty() requestId: string;
  @ApiProperty() fromRegistrationId: string;
  @ApiProperty() toRegistrationId: string;
  @ApiProperty({ enum: ['pending'] }) status: string;
  @ApiProperty({ description: 'Always true: the organisers proposed this meeting' }) proposedByOrganiser: boolean;
}
