import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { AuthUser, Authenticated, CurrentUser } from '@roundtable/auth';
import { ApiErrors, CommonErrorCode as C } from '@roundtable/common';
import { EventErrorCode } from '@roundtable/events';
import { MeetingErrorCode } from '@roundtable/meetings';
import { RegistrationErrorCode } from '@roundtable/registrations';
import {
  ConceptDto,
  ConceptListDto,
  CreateConceptDto,
  ProposalDto,
  ProposeMeetingDto,
  RecommendationPageDto,
  RecommendationQueryDto,
} from './dto/recommendation.dto';
import { RecommendationErrorCode as R } from './recommendation-error';
import { RecommendationsService } from './recommendations.service';

@ApiTags('recommendations')
@Authenticated()
@ApiUnauthorizedResponse({ description: 'INVALID_TOKEN: no or a bad token' })
@Controller('events/:eventId/recommendations')
export class RecommendationsController {
  constructor(private readonly recommendations: RecommendationsService) {}

  @Get()
  @ApiOperation({
    summary: 'Who should I meet: other approved delegates ranked by how their offers meet your seeks (and back)',
    description:
      'Each item has a score, a one-line reason in your language naming the offer and the seek that met, and the ' +
      'supporting signals (sector, countries, languages, common free slots). People you have already met, asked or ' +
      'declined are left out. Organisers pass `for` to see the suggestions for any approved delegate.',
  })
  @ApiOkResponse({ type: RecommendationPageDto })
  @ApiBadRequestResponse({
    description:
      'VALIDATION_FAILED (limit, cursor, for, lang), INVALID_CURSOR, RECOMMENDATION_SUBJECT_REQUIRED (an organiser ' +
      'without `for`), BAD_REFERENCE (`for` is not an approved delegate)',
  })
  @ApiForbiddenResponse({
    description:
      'NOT_APPROVED_DELEGATE (not an approved delegate here), FORBIDDEN (`for` someone else, not an organiser)',
  })
  @ApiNotFoundResponse({ description: 'EVENT_NOT_FOUND, REGISTRATION_NOT_FOUND (`for`)' })
  @ApiErrors(
    C.InvalidCursor,
    R.SubjectRequired,
    C.BadReference,
    RegistrationErrorCode.NotApprovedDelegate,
    C.Forbidden,
    EventErrorCode.EventNotFound,
    RegistrationErrorCode.RegistrationNotFound,
  )
  list(
    @Param('eventId') eventId: string,
    @Query() query: RecommendationQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<RecommendationPageDto> {
    return this.recommendations.list(eventId, query, user);
  }

  @Get('concepts')
  @ApiOperation({ summary: 'The concept lexicon used for this event: built-in concepts and the organisers’ own' })
  @ApiOkResponse({ type: ConceptListDto })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: organisers only' })
  @ApiNotFoundResponse({ description: 'EVENT_NOT_FOUND' })
  @ApiErrors(C.Forbidden, EventErrorCode.EventNotFound)
  async concepts(@Param('eventId') eventId: string, @CurrentUser() user: AuthUser): Promise<ConceptListDto> {
    return { items: await this.recommendations.concepts(eventId, user) };
  }

  @Post('concepts')
  @ApiOperation({
    summary: 'Add a product or service to this event’s lexicon, named in English, Chinese and Russian',
    description: 'Every delegate’s recommendations are recomputed by the worker shortly after.',
  })
  @ApiCreatedResponse({ type: ConceptDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, CONCEPT_TERM_UNUSABLE' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: organisers only' })
  @ApiNotFoundResponse({ description: 'EVENT_NOT_FOUND' })
  @ApiConflictResponse({ description: 'CONCEPT_TERM_TAKEN: a term already names another concept' })
  @ApiErrors(R.TermUnusable, C.Forbidden, EventErrorCode.EventNotFound, R.TermTaken)
  addConcept(
    @Param('eventId') eventId: string,
    @Body() dto: CreateConceptDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ConceptDto> {
    return this.recommendations.addConcept(eventId, dto, user);
  }

  @Post('proposals')
  @ApiOperation({
    summary: 'Organisers: propose that a delegate and a suggested delegate meet',
    description:
      'Creates a pending meeting request from `registrationId` to `candidateId`, marked as proposed by the ' +
      'organisers; both are mailed. The candidate accepts or declines it as any request.',
  })
  @ApiCreatedResponse({ type: ProposalDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, SELF_REQUEST, BAD_REFERENCE (not an approved delegate)' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: organisers only' })
  @ApiNotFoundResponse({ description: 'EVENT_NOT_FOUND, REGISTRATION_NOT_FOUND' })
  @ApiConflictResponse({ description: 'PAIR_ALREADY_REQUESTED, PAIR_DECLINED' })
  @ApiErrors(
    MeetingErrorCode.SelfRequest,
    C.BadReference,
    C.Forbidden,
    EventErrorCode.EventNotFound,
    RegistrationErrorCode.RegistrationNotFound,
    MeetingErrorCode.PairAlreadyRequested,
    MeetingErrorCode.PairDeclined,
  )
  propose(
    @Param('eventId') eventId: string,
    @Body() dto: ProposeMeetingDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ProposalDto> {
    return this.recommendations.propose(eventId, dto, user);
  }
}
