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
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, AuthUser, Authenticated, CurrentUser } from '@roundtable/auth';
import { EventOrganiserPolicy } from '@roundtable/events';
import { Request, Response } from 'express';
import { BadgesService, CheckInResult } from './badges.service';
import { DirectoryService } from './directory.service';
import {
  CheckInDto,
  DirectoryQueryDto,
  InviteDto,
  ReasonDto,
  RegisterDto,
  RegistrationDto,
  RegistrationQueryDto,
  VisaRequestDto,
} from './dto/registration.dto';
import { InvitationResult, InvitationsService } from './invitations.service';
import { RegistrationOwnerPolicy } from './policies/registration-owner.policy';
import { RegistrationRow, RegistrationsService } from './registrations.service';
import { RegistrationsExportService } from './registrations-export.service';
import { VisaService } from './visa.service';

const toDto = (r: RegistrationRow) => RegistrationDto.from(r.registration, r.user, r.company);

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
  async register(@Param('eventId') eventId: string, @Body() dto: RegisterDto, @CurrentUser() user: AuthUser) {
    return toDto(await this.registrations.register(eventId, dto, user));
  }

  @Get('events/:eventId/registrations')
  @Allow(EventOrganiserPolicy)
  async list(@Param('eventId') eventId: string, @Query() query: RegistrationQueryDto) {
    const page = await this.registrations.list(eventId, query);
    return { items: page.items.map(toDto), nextCursor: page.nextCursor };
  }

  @Get('events/:eventId/registrations.csv')
  @Allow(EventOrganiserPolicy)
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="registrations.csv"')
  @ApiOperation({
    summary: 'All registrations as CSV (UTF-8 with BOM, opens in Excel with Chinese and Cyrillic intact)',
  })
  csv(@Param('eventId') eventId: string): Promise<string> {
    return this.exports.csv(eventId);
  }

  @Get('me/registrations')
  async mine(@CurrentUser() user: AuthUser) {
    return (await this.registrations.mine(user)).map(toDto);
  }

  @Post('events/:eventId/registrations/:registrationId/approve')
  @HttpCode(200)
  @Allow(EventOrganiserPolicy)
  async approve(@Param('eventId') eventId: string, @Param('registrationId') id: string) {
    return toDto(await this.registrations.transition(eventId, id, 'approve'));
  }

  @Post('events/:eventId/registrations/:registrationId/reject')
  @HttpCode(200)
  @Allow(EventOrganiserPolicy)
  async reject(@Param('eventId') eventId: string, @Param('registrationId') id: string, @Body() dto: ReasonDto) {
    return toDto(await this.registrations.transition(eventId, id, 'reject', dto.reason));
  }

  @Post('events/:eventId/registrations/:registrationId/cancel')
  @HttpCode(200)
  @Allow(RegistrationOwnerPolicy, EventOrganiserPolicy)
  async cancel(@Param('eventId') eventId: string, @Param('registrationId') id: string, @Body() dto: ReasonDto) {
    return toDto(await this.registrations.transition(eventId, id, 'cancel', dto.reason));
  }

  @Post('events/:eventId/registrations/promote')
  @HttpCode(200)
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'Fill free places from the waiting list (e.g. after raising the capacity)' })
  async promote(@Param('eventId') eventId: string): Promise<{ promoted: number }> {
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
  async invite(
    @Param('eventId') eventId: string,
    @Req() req: Request,
    @CurrentUser() user: AuthUser,
  ): Promise<InvitationResult> {
    return this.invitations.invite(eventId, await this.invitationRows(req), user);
  }

  @Get('events/:eventId/delegates')
  @ApiOperation({ summary: 'Delegate directory (approved delegates and organisers only)' })
  async delegates(@Param('eventId') eventId: string, @Query() query: DirectoryQueryDto, @CurrentUser() user: AuthUser) {
    return this.directory.search(eventId, query, user);
  }

  @Get('events/:eventId/registrations/:registrationId/badge.pdf')
  @Allow(RegistrationOwnerPolicy, EventOrganiserPolicy)
  async badge(
    @Param('eventId') eventId: string,
    @Param('registrationId') id: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    res.setHeader('Content-Type', 'application/pdf');
    return new StreamableFile(await this.badges.badgePdf(eventId, id));
  }

  @Post('events/:eventId/check-ins')
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'Check a person in by the code on their badge; a second scan says when they first came' })
  async checkIn(
    @Param('eventId') eventId: string,
    @Body() dto: CheckInDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CheckInResult> {
    const result = await this.badges.checkIn(eventId, dto.code, user);
    res.status(result.firstScan ? 201 : 200);
    return result;
  }

  @Put('events/:eventId/registrations/:registrationId/visa-letter')
  @Allow(RegistrationOwnerPolicy)
  @ApiOperation({ summary: 'Request a visa invitation letter with your passport details' })
  requestVisa(@Param('eventId') eventId: string, @Param('registrationId') id: string, @Body() dto: VisaRequestDto) {
    return this.visas.request(eventId, id, dto);
  }

  @Post('events/:eventId/registrations/:registrationId/visa-letter/approve')
  @HttpCode(200)
  @Allow(EventOrganiserPolicy)
  approveVisa(@Param('eventId') eventId: string, @Param('registrationId') id: string, @CurrentUser() user: AuthUser) {
    return this.visas.decide(eventId, id, true, user);
  }

  @Post('events/:eventId/registrations/:registrationId/visa-letter/reject')
  @HttpCode(200)
  @Allow(EventOrganiserPolicy)
  rejectVisa(@Param('eventId') eventId: string, @Param('registrationId') id: string, @CurrentUser() user: AuthUser) {
    return this.visas.decide(eventId, id, false, user);
  }

  @Get('events/:eventId/registrations/:registrationId/visa-letter.pdf')
  @Allow(RegistrationOwnerPolicy, EventOrganiserPolicy)
  async visaLetter(
    @Param('eventId') eventId: string,
    @Param('registrationId') id: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    res.setHeader('Content-Type', 'application/pdf');
    return new StreamableFile(await this.visas.letter(eventId, id));
  }

  /** JSON `{ invitations: [...] }` (validated per row in the service) or a raw text/csv body, read as it streams. */
  private invitationRows(req: Request): Promise<Record<string, unknown>[]> {
    if (req.is('text/csv') || req.is('text/plain')) return this.invitations.csvRows(req);
    return Promise.resolve(this.invitations.jsonRows(req.body));
  }
}
