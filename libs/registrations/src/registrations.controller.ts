import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Allow, AuthErrorCode, AuthUser, Authenticated, CurrentUser, Public } from '@roundtable/auth';
import { ApiErrors, CommonErrorCode as C } from '@roundtable/common';
import { EventErrorCode, EventOrganiserPolicy } from '@roundtable/events';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { BadgesService } from './badges.service';
import { DirectoryService } from './directory.service';
import {
  BadgeCodeDto,
  BulkRegistrationDto,
  BulkRegistrationResultDto,
  DelegatePageDto,
  DirectoryQueryDto,
  InvitationDto,
  InvitationPageDto,
  InvitationQueryDto,
  InvitationResultDto,
  InviteDto,
  PromotedDto,
  ReasonDto,
  RegisterDto,
  RegistrationDto,
  RegistrationExportQueryDto,
  RegistrationListDto,
  RegistrationPageDto,
  RegistrationQueryDto,
  VisaLetterCheckDto,
  VisaLetterQueryDto,
  VisaLetterRequestPageDto,
  VisaRequestDto,
  VisaRequestStateDto,
  VisaStatusDto,
} from './dto/registration.dto';
import { InvitationsService } from './invitations.service';
import { RegistrationOwnerPolicy } from './policies/registration-owner.policy';
import { RegistrationErrorCode as R } from './registration-error';
import { RegistrationRow, RegistrationsService } from './registrations.service';
import { RegistrationsExportService } from './registrations-export.service';
import { VisaService } from './visa.service';

const toDto = (r: RegistrationRow) => RegistrationDto.from(r.registration, r.user, r.company, r.waitlistPosition);

@ApiTags('registrations')
@Authenticated()
@Controller()
export class RegistrationsController {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly invitations: InvitationsService,
    private readonly directory: DirectoryService,
    private readonly badges: BadgesService,
    private readonly visas: VisaService,
    private readonly exports: RegistrationsExportService,
  ) {}

  @Post('events/:eventId/registrations')
  @ApiOperation({ summary: 'Register yourself (with your company), or with an invitation token' })
  @ApiCreatedResponse({ type: RegistrationDto })
  @ApiErrors(
    EventErrorCode.EventNotFound,
    R.RegistrationClosed,
    R.AlreadyRegistered,
    R.CapacityFull,
    R.InvitationInvalid,
    R.InvitationUsed,
    R.InvitationExpired,
  )
  async register(
    @Param('eventId') eventId: string,
    @Body() dto: RegisterDto,
    @CurrentUser() user: AuthUser,
  ): Promise<RegistrationDto> {
    return toDto(await this.registrations.register(eventId, dto, user));
  }

  @Get('events/:eventId/registrations')
  @Allow(EventOrganiserPolicy)
  @ApiOperation({
    summary: 'Registrations of the event: filter, search and sort on the server, a page at a time',
    description:
      'Sorted by `createdAt` the list pages by `cursor`; another sort, or a numbered `page`, pages by offset ' +
      '(its cursor works the same way). `total` counts every row that matches.',
  })
  @ApiOkResponse({ type: RegistrationPageDto })
  @ApiErrors(C.InvalidCursor)
  async list(@Param('eventId') eventId: string, @Query() query: RegistrationQueryDto): Promise<RegistrationPageDto> {
    const page = await this.registrations.list(eventId, query);
    return { items: page.items.map(toDto), nextCursor: page.nextCursor, total: page.total };
  }

  @Post('events/:eventId/registrations/bulk')
  @HttpCode(200)
  @Allow(EventOrganiserPolicy)
  @ApiOperation({
    summary: 'Approve or reject up to 200 registrations at once; each row says how it went',
    description:
      'Each registration is decided in its own transaction, in the order sent: a refusal (CAPACITY_FULL, ' +
      'INVALID_TRANSITION, REGISTRATION_NOT_FOUND) is reported on its row and the others go ahead.',
  })
  @ApiOkResponse({ type: BulkRegistrationResultDto })
  @ApiErrors(C.InvalidInput)
  async bulk(@Param('eventId') eventId: string, @Body() dto: BulkRegistrationDto): Promise<BulkRegistrationResultDto> {
    const results = await this.registrations.bulk(eventId, dto.action, dto.registrationIds, dto.reason);
    const succeeded = results.filter((r) => r.ok).length;
    return { succeeded, failed: results.length - succeeded, results };
  }

  @Get('events/:eventId/registrations.csv')
  @Allow(EventOrganiserPolicy)
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="registrations.csv"')
  @ApiOperation({
    summary:
      'The registrations as CSV (UTF-8 with BOM, opens in Excel with Chinese and Cyrillic intact), ' +
      'with the same filters, search and sort as the list',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The CSV file', content: { 'text/csv': { schema: { type: 'string' } } } })
  csv(@Param('eventId') eventId: string, @Query() query: RegistrationExportQueryDto): Promise<string> {
    return this.exports.csv(eventId, query);
  }

  @Get('events/:eventId/registrations/:registrationId')
  @Allow(RegistrationOwnerPolicy, EventOrganiserPolicy)
  @ApiOperation({ summary: 'One registration (its delegate, or an organiser)' })
  @ApiOkResponse({ type: RegistrationDto })
  @ApiErrors(R.RegistrationNotFound)
  async one(@Param('eventId') eventId: string, @Param('registrationId') id: string): Promise<RegistrationDto> {
    return toDto(await this.registrations.row(eventId, id));
  }

  @Get('me/registrations')
  @ApiOperation({ summary: 'Your registrations, every event' })
  @ApiOkResponse({ type: RegistrationListDto })
  async mine(@CurrentUser() user: AuthUser): Promise<RegistrationListDto> {
    return { items: (await this.registrations.mine(user)).map(toDto), nextCursor: null };
  }

  @Post('events/:eventId/registrations/:registrationId/approve')
  @HttpCode(200)
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'Approve a pending or waitlisted registration' })
  @ApiOkResponse({ type: RegistrationDto })
  @ApiErrors(R.RegistrationNotFound, R.InvalidTransition, R.CapacityFull)
  async approve(@Param('eventId') eventId: string, @Param('registrationId') id: string): Promise<RegistrationDto> {
    return toDto(await this.registrations.transition(eventId, id, 'approve'));
  }

  @Post('events/:eventId/registrations/:registrationId/reject')
  @HttpCode(200)
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'Reject a registration (the delegate is told, with the reason)' })
  @ApiOkResponse({ type: RegistrationDto })
  @ApiErrors(R.RegistrationNotFound, R.InvalidTransition)
  async reject(
    @Param('eventId') eventId: string,
    @Param('registrationId') id: string,
    @Body() dto: ReasonDto,
  ): Promise<RegistrationDto> {
    return toDto(await this.registrations.transition(eventId, id, 'reject', dto.reason));
  }

  @Post('events/:eventId/registrations/:registrationId/cancel')
  @HttpCode(200)
  @Allow(RegistrationOwnerPolicy, EventOrganiserPolicy)
  @ApiOperation({ summary: 'Cancel a registration (the delegate themself or an organiser)' })
  @ApiOkResponse({ type: RegistrationDto })
  @ApiErrors(R.RegistrationNotFound, R.InvalidTransition)
  async cancel(
    @Param('eventId') eventId: string,
    @Param('registrationId') id: string,
    @Body() dto: ReasonDto,
  ): Promise<RegistrationDto> {
    return toDto(await this.registrations.transition(eventId, id, 'cancel', dto.reason));
  }

  @Post('events/:eventId/registrations/promote')
  @HttpCode(200)
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'Fill free places from the waiting list (e.g. after raising the capacity)' })
  @ApiOkResponse({ type: PromotedDto })
  async promote(@Param('eventId') eventId: string): Promise<PromotedDto> {
    return { promoted: await this.registrations.promote(eventId) };
  }

  @Post('events/:eventId/invitations')
  @Allow(EventOrganiserPolicy)
  @ApiConsumes('application/json', 'text/csv')
  @ApiBody({ type: InviteDto })
  @ApiOperation({
    summary:
      'Invite by JSON list or a CSV body (name,email,company,country,locale); bad rows are reported, good rows go',
    description:
      'Answers with counts and the first 20 invited and rejected rows. Refused whole, sending nothing: ' +
      'INVITATION_QUOTA_EVENT (403; small until a platform admin trusts the event), ' +
      'INVITATION_QUOTA_ORGANISER (429; per organiser per day while the event is untrusted), ' +
      'TOO_MANY_ROWS and INVITATION_LIST_TOO_LARGE (413).',
  })
  @ApiCreatedResponse({ type: InvitationResultDto })
  @ApiErrors(
    C.InvalidInput,
    AuthErrorCode.EmailNotVerified,
    R.InvitationQuotaEvent,
    R.InvitationQuotaOrganiser,
    R.TooManyRows,
    R.InvitationListTooLarge,
  )
  async invite(
    @Param('eventId') eventId: string,
    @Req() req: FastifyRequest,
    @CurrentUser() user: AuthUser,
  ): Promise<InvitationResultDto> {
    return this.invitations.invite(eventId, await this.invitationRows(req), user);
  }

  @Get('events/:eventId/invitations')
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'The invitations sent for the event, newest first, with where each stands' })
  @ApiOkResponse({ type: InvitationPageDto })
  @ApiErrors(C.InvalidCursor)
  invitationList(@Param('eventId') eventId: string, @Query() query: InvitationQueryDto): Promise<InvitationPageDto> {
    return this.invitations.list(eventId, query);
  }

  @Post('events/:eventId/invitations/:invitationId/resend')
  @HttpCode(200)
  @Allow(EventOrganiserPolicy)
  @ApiOperation({
    summary: 'Mail an unused invitation again, with a new link (the old one stops working)',
    description:
      'At most 3 mails per invitation (INVITATION_RESEND_LIMIT), at least 10 minutes apart ' +
      '(INVITATION_RESEND_TOO_SOON, with retryAfterSeconds); the organiser must have confirmed their address.',
  })
  @ApiOkResponse({ type: InvitationDto })
  @ApiErrors(
    AuthErrorCode.EmailNotVerified,
    R.InvitationNotFound,
    R.InvitationUsed,
    R.InvitationResendLimit,
    R.InvitationResendTooSoon,
  )
  resendInvitation(
    @Param('eventId') eventId: string,
    @Param('invitationId') invitationId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<InvitationDto> {
    return this.invitations.resend(eventId, invitationId, user);
  }

  @Get('events/:eventId/delegates')
  @ApiOperation({ summary: 'Delegate directory (approved delegates and organisers only)' })
  @ApiOkResponse({ type: DelegatePageDto })
  @ApiErrors(C.InvalidCursor, EventErrorCode.EventNotFound, R.NotApprovedDelegate)
  async delegates(
    @Param('eventId') eventId: string,
    @Query() query: DirectoryQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<DelegatePageDto> {
    return this.directory.search(eventId, query, user);
  }

  @Get('events/:eventId/registrations/:registrationId/badge.pdf')
  @Allow(RegistrationOwnerPolicy, EventOrganiserPolicy)
  @ApiOperation({ summary: 'The badge as a PDF, with its signed QR code (approved registrations)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'The PDF',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrors(R.InvalidTransition)
  async badge(
    @Param('eventId') eventId: string,
    @Param('registrationId') id: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    res.header('Content-Type', 'application/pdf');
    return new StreamableFile(await this.badges.badgePdf(eventId, id));
  }

  @Get('events/:eventId/registrations/:registrationId/badge')
  @Allow(RegistrationOwnerPolicy, EventOrganiserPolicy)
  @ApiOperation({ summary: 'What the badge QR code carries, to show it on screen (approved registrations)' })
  @ApiOkResponse({ type: BadgeCodeDto })
  @ApiErrors(R.RegistrationNotFound, R.InvalidTransition)
  async badgeCode(@Param('eventId') eventId: string, @Param('registrationId') id: string): Promise<BadgeCodeDto> {
    return { code: await this.badges.badgeCode(eventId, id) };
  }

  @Get('events/:eventId/visa-letters')
  @Allow(EventOrganiserPolicy)
  @ApiOperation({
    summary: 'The visa letter requests of the event, oldest first (passport numbers by their last 4 characters)',
  })
  @ApiOkResponse({ type: VisaLetterRequestPageDto })
  @ApiErrors(C.InvalidCursor)
  visaList(@Param('eventId') eventId: string, @Query() query: VisaLetterQueryDto): Promise<VisaLetterRequestPageDto> {
    return this.visas.list(eventId, query);
  }

  @Get('visa-letters/:reference')
  @Public()
  @ApiOperation({
    summary: 'Check a visa letter by the reference printed on it (its QR code opens this)',
    description:
      'Anyone may ask; the answer holds only what confirms the letter: the name, the last 4 characters of ' +
      'the passport number, the dates and whether it still stands (revoked once the request, the ' +
      'registration or the event is withdrawn).',
  })
  @ApiOkResponse({ type: VisaLetterCheckDto })
  @ApiErrors(C.InvalidInput, R.VisaLetterNotFound)
  checkVisaLetter(@Param('reference') reference: string, @Res({ passthrough: true }) res: FastifyReply) {
    res.header('Cache-Control', 'no-store');
    return this.visas.check(reference);
  }

  @Get('events/:eventId/registrations/:registrationId/visa-letter')
  @Allow(RegistrationOwnerPolicy, EventOrganiserPolicy)
  @ApiOperation({ summary: 'Where the visa letter request stands (status null: none requested)' })
  @ApiOkResponse({ type: VisaRequestStateDto })
  @ApiErrors(R.RegistrationNotFound)
  visaState(@Param('eventId') eventId: string, @Param('registrationId') id: string): Promise<VisaRequestStateDto> {
    return this.visas.state(eventId, id);
  }

  @Put('events/:eventId/registrations/:registrationId/visa-letter')
  @Allow(RegistrationOwnerPolicy)
  @ApiOperation({ summary: 'Request a visa invitation letter with your passport details' })
  @ApiOkResponse({ type: VisaStatusDto })
  @ApiErrors(R.InvalidTransition, C.InvalidInput)
  requestVisa(
    @Param('eventId') eventId: string,
    @Param('registrationId') id: string,
    @Body() dto: VisaRequestDto,
  ): Promise<VisaStatusDto> {
    return this.visas.request(eventId, id, dto);
  }

  @Post('events/:eventId/registrations/:registrationId/visa-letter/approve')
  @HttpCode(200)
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'Approve the visa letter request; the delegate can download the letter' })
  @ApiOkResponse({ type: VisaStatusDto })
  @ApiErrors(R.RegistrationNotFound)
  approveVisa(
    @Param('eventId') eventId: string,
    @Param('registrationId') id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<VisaStatusDto> {
    return this.visas.decide(eventId, id, true, user);
  }

  @Post('events/:eventId/registrations/:registrationId/visa-letter/reject')
  @HttpCode(200)
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'Reject the visa letter request, with the reason the delegate is shown' })
  @ApiOkResponse({ type: VisaStatusDto })
  @ApiErrors(R.RegistrationNotFound, C.InvalidInput)
  rejectVisa(
    @Param('eventId') eventId: string,
    @Param('registrationId') id: string,
    @Body() dto: ReasonDto,
    @CurrentUser() user: AuthUser,
  ): Promise<VisaStatusDto> {
    return this.visas.decide(eventId, id, false, user, dto.reason);
  }

  @Get('events/:eventId/registrations/:registrationId/visa-letter.pdf')
  @Allow(RegistrationOwnerPolicy, EventOrganiserPolicy)
  @ApiOperation({ summary: 'The visa invitation letter as a PDF, once approved' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'The PDF',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrors(R.NotApprovedDelegate, R.VisaLetterNotApproved)
  async visaLetter(
    @Param('eventId') eventId: string,
    @Param('registrationId') id: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    res.header('Content-Type', 'application/pdf');
    return new StreamableFile(await this.visas.letter(eventId, id));
  }

  /** JSON `{ invitations: [...] }` (validated per row in the service) or a raw text/csv body, read as it streams. */
  private invitationRows(req: FastifyRequest): Promise<Record<string, unknown>[]> {
    // a CSV (or plain text) body is the request's stream, read as it arrives (setupApp's body parsers)
    if (req.body instanceof Readable) return this.invitations.csvRows(req.body);
    return Promise.resolve(this.invitations.jsonRows(req.body));
  }
}
