import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AcceptedResponseDto, Allow, AuthUser, Authenticated, CurrentUser, Public, TokenDto } from '@roundtable/auth';
import { ApiErrors, CommonErrorCode, IsSingleLine } from '@roundtable/common';
import { AuthErrorCode } from '@roundtable/auth';
import { IsOptional } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  AddOrganiserDto,
  CreateEventDto,
  EventDto,
  EventPageDto,
  EventQueryDto,
  OrganiserListDto,
  UpdateEventDto,
} from './dto/event.dto';
import { EventAccessService } from './event-access.service';
import { EventErrorCode as E } from './event-error';
import { EventsService } from './events.service';
import { OrganiserInvitationsService } from './organiser-invitations.service';
import { EventOrganiserPolicy } from './policies/event-organiser.policy';

class CancelEventDto {
  @ApiPropertyOptional({ description: 'Told to everyone registered' })
  @IsOptional()
  @IsSingleLine(1, 500)
  reason?: string;
}

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly access: EventAccessService,
    private readonly organiserInvitations: OrganiserInvitationsService,
  ) {}

  @Post()
  @Authenticated()
  @ApiOperation({ summary: 'Create an event (as a draft); you become its organiser' })
  @ApiCreatedResponse({ type: EventDto })
  @ApiErrors(E.SlugTaken, E.InvalidEventDates)
  async create(@Body() dto: CreateEventDto, @CurrentUser() user: AuthUser): Promise<EventDto> {
    return EventDto.from(await this.events.create(dto, user));
  }

  @Public()
  @Get()
  @ApiOperation({ summary: 'Events: published ones for everyone, plus drafts you organise' })
  @ApiOkResponse({ type: EventPageDto })
  @ApiErrors(CommonErrorCode.InvalidCursor)
  async list(@Query() query: EventQueryDto, @CurrentUser() user?: AuthUser): Promise<EventPageDto> {
    const page = await this.events.list(query, user);
    return { items: page.items.map((e) => EventDto.from(e)), nextCursor: page.nextCursor };
  }

  @Public()
  @Get(':eventId')
  @ApiOperation({ summary: 'One event (drafts only for their organisers)' })
  @ApiOkResponse({ type: EventDto })
  @ApiErrors(E.EventNotFound)
  async get(@Param('eventId') eventId: string, @CurrentUser() user?: AuthUser): Promise<EventDto> {
    return EventDto.from(await this.access.getVisibleEvent(eventId, user));
  }

  @Patch(':eventId')
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'Edit the event' })
  @ApiOkResponse({ type: EventDto })
  @ApiErrors(E.EventNotEditable, E.SlugTaken, E.InvalidEventDates, E.SessionOutsideEvent)
  async update(
    @Param('eventId') eventId: string,
    @Body() dto: UpdateEventDto,
    @CurrentUser() user: AuthUser,
  ): Promise<EventDto> {
    return EventDto.from(await this.events.update(eventId, dto, user));
  }

  @Post(':eventId/publish')
  @HttpCode(200)
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'Publish a draft: it becomes visible to everyone' })
  @ApiOkResponse({ type: EventDto })
  @ApiErrors(E.InvalidStatusChange, E.InvalidEventDates)
  async publish(@Param('eventId') eventId: string, @CurrentUser() user: AuthUser): Promise<EventDto> {
    return EventDto.from(await this.events.changeStatus(eventId, 'publish', user));
  }

  @Post(':eventId/close')
  @HttpCode(200)
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'Close a published event: no more registrations or changes' })
  @ApiOkResponse({ type: EventDto })
  @ApiErrors(E.InvalidStatusChange)
  async close(@Param('eventId') eventId: string, @CurrentUser() user: AuthUser): Promise<EventDto> {
    return EventDto.from(await this.events.changeStatus(eventId, 'close', user));
  }

  @Post(':eventId/cancel')
  @HttpCode(200)
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'Cancel the event; everyone registered is told by mail' })
  @ApiOkResponse({ type: EventDto })
  @ApiErrors(E.InvalidStatusChange)
  async cancel(
    @Param('eventId') eventId: string,
    @Body() dto: CancelEventDto,
    @CurrentUser() user: AuthUser,
  ): Promise<EventDto> {
    return EventDto.from(await this.events.changeStatus(eventId, 'cancel', user, dto.reason));
  }

  @Get(':eventId/organisers')
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'The organisers of the event' })
  @ApiOkResponse({ type: OrganiserListDto })
  async organisers(@Param('eventId') eventId: string): Promise<OrganiserListDto> {
    return { items: await this.events.listOrganisers(eventId), nextCursor: null };
  }

  @Post(':eventId/organisers')
  @Allow(EventOrganiserPolicy)
  @HttpCode(202)
  @ApiOperation({
    summary: 'Invite a co-organiser by e-mail; they join by accepting',
    description:
      'The answer says nothing about the address (whether it has an account). Needs a confirmed address ' +
      '(EMAIL_NOT_VERIFIED otherwise); at most 20 invitations per event a day (ORGANISER_INVITATION_QUOTA, 429).',
  })
  @ApiAcceptedResponse({ type: AcceptedResponseDto })
  @ApiErrors(AuthErrorCode.EmailNotVerified, E.OrganiserInvitationQuota)
  async addOrganiser(
    @Param('eventId') eventId: string,
    @Body() dto: AddOrganiserDto,
    @CurrentUser() user: AuthUser,
  ): Promise<AcceptedResponseDto> {
    await this.organiserInvitations.invite(eventId, dto.email, user);
    return { message: 'An invitation is on its way to this address' };
  }

  @Post(':eventId/organisers/accept')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept an invitation to organise (signed in, with the confirmed address it was sent to)',
    description:
      'ORGANISER_INVITATION_INVALID (400), _USED or _EXPIRED (410), _FOR_ANOTHER_ADDRESS (403), EMAIL_NOT_VERIFIED (403).',
  })
  @ApiOkResponse({ type: OrganiserListDto, description: 'The organisers, you among them' })
  @ApiErrors(
    E.OrganiserInvitationInvalid,
    E.OrganiserInvitationUsed,
    E.OrganiserInvitationExpired,
    E.OrganiserInvitationForAnotherAddress,
    AuthErrorCode.EmailNotVerified,
  )
  async acceptOrganiserInvitation(
    @Param('eventId') eventId: string,
    @Body() dto: TokenDto,
    @CurrentUser() user: AuthUser,
  ): Promise<OrganiserListDto> {
    await this.organiserInvitations.accept(eventId, dto.token, user);
    return { items: await this.events.listOrganisers(eventId), nextCursor: null };
  }

  @Delete(':eventId/organisers/:userId')
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'Remove an organiser (an event keeps at least one); answers the organisers left' })
  @ApiOkResponse({ type: OrganiserListDto })
  @ApiErrors(CommonErrorCode.NotFound, E.InvalidStatusChange)
  async removeOrganiser(
    @Param('eventId') eventId: string,
    @Param('userId') userId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<OrganiserListDto> {
    return { items: await this.events.removeOrganiser(eventId, userId, user), nextCursor: null };
  }
}
