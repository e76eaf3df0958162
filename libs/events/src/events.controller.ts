import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AcceptedResponseDto, Allow, AuthUser, Authenticated, CurrentUser, Public, TokenDto } from '@roundtable/auth';
import { IsSingleLine } from '@roundtable/common';
import { IsOptional } from 'class-validator';
import {
  AddOrganiserDto,
  CreateEventDto,
  EventDto,
  EventPageDto,
  EventQueryDto,
  OrganiserDto,
  UpdateEventDto,
} from './dto/event.dto';
import { EventAccessService } from './event-access.service';
import { EventsService } from './events.service';
import { OrganiserInvitationsService } from './organiser-invitations.service';
import { EventOrganiserPolicy } from './policies/event-organiser.policy';

class CancelEventDto {
  @IsOptional() @IsSingleLine(1, 500) reason?: string;
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
  async create(@Body() dto: CreateEventDto, @CurrentUser() user: AuthUser): Promise<EventDto> {
    return EventDto.from(await this.events.create(dto, user));
  }

  @Public()
  @Get()
  @ApiOperation({ summary: 'Events: published ones for everyone, plus drafts you organise' })
  async list(@Query() query: EventQueryDto, @CurrentUser() user?: AuthUser): Promise<EventPageDto> {
    const page = await this.events.list(query, user);
    return { items: page.items.map((e) => EventDto.from(e)), nextCursor: page.nextCursor };
  }

  @Public()
  @Get(':eventId')
  @ApiOperation({ summary: 'One event (drafts only for their organisers)' })
  async get(@Param('eventId') eventId: string, @CurrentUser() user?: AuthUser): Promise<EventDto> {
    return EventDto.from(await this.access.getVisibleEvent(eventId, user));
  }

  @Patch(':eventId')
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'Edit the event' })
  async update(@Param('eventId') eventId: string, @Body() dto: UpdateEventDto, @CurrentUser() user: AuthUser) {
    return EventDto.from(await this.events.update(eventId, dto, user));
  }

  @Post(':eventId/publish')
  @HttpCode(200)
  @Allow(EventOrganiserPolicy)
  async publish(@Param('eventId') eventId: string, @CurrentUser() user: AuthUser): Promise<EventDto> {
    return EventDto.from(await this.events.changeStatus(eventId, 'publish', user));
  }

  @Post(':eventId/close')
  @HttpCode(200)
  @Allow(EventOrganiserPolicy)
  async close(@Param('eventId') eventId: string, @CurrentUser() user: AuthUser): Promise<EventDto> {
    return EventDto.from(await this.events.changeStatus(eventId, 'close', user));
  }

  @Post(':eventId/cancel')
  @HttpCode(200)
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'Cancel the event; everyone registered is told by mail' })
  async cancel(@Param('eventId') eventId: string, @Body() dto: CancelEventDto, @CurrentUser() user: AuthUser) {
    return EventDto.from(await this.events.changeStatus(eventId, 'cancel', user, dto.reason));
  }

  @Get(':eventId/organisers')
  @Allow(EventOrganiserPolicy)
  organisers(@Param('eventId') eventId: string): Promise<OrganiserDto[]> {
    return this.events.listOrganisers(eventId);
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
  async acceptOrganiserInvitation(
    @Param('eventId') eventId: string,
    @Body() dto: TokenDto,
    @CurrentUser() user: AuthUser,
  ): Promise<OrganiserDto[]> {
    await this.organiserInvitations.accept(eventId, dto.token, user);
    return this.events.listOrganisers(eventId);
  }

  @Delete(':eventId/organisers/:userId')
  @Allow(EventOrganiserPolicy)
  removeOrganiser(@Param('eventId') eventId: string, @Param('userId') userId: string, @CurrentUser() user: AuthUser) {
    return this.events.removeOrganiser(eventId, userId, user);
  }
}
