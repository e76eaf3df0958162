import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Allow, AuthUser, Authenticated, CurrentUser, Public } from '@roundtable/auth';
import { ApiErrors, isoInstant } from '@roundtable/common';
import type { FastifyReply } from 'fastify';
import { Agenda, AgendaService } from './agenda.service';
import {
  AgendaDto,
  AgendaQueryDto,
  CreateRoomDto,
  CreateSessionDto,
  MySessionDto,
  MySessionListDto,
  RoomDto,
  RoomListDto,
  SessionDto,
  SessionListDto,
  SpeakerInputDto,
  SpeakerProfileDto,
  UpdateSessionDto,
} from './dto/session.dto';
import { EventErrorCode as E } from './event-error';
import { eventNames } from './event-names';
import { EventOrganiserPolicy } from './policies/event-organiser.policy';
import { SessionSpeakerPolicy } from './policies/session-speaker.policy';
import { SessionsService, SessionView } from './sessions.service';

const toDto = ({ session, room, speakers }: SessionView): SessionDto =>
  Object.assign(new SessionDto(), {
    id: session.id,
    eventId: session.eventId,
    kind: session.kind,
    title: session.title,
    description: session.description,
    translations: session.translations,
    startsAt: isoInstant(session.startsAt),
    endsAt: isoInstant(session.endsAt),
    room: room ? RoomDto.from(room) : null,
    languages: session.languages,
    interpretation: session.interpretation,
    abstract: session.abstract,
    materials: session.materials,
    speakers: speakers.map((s) => ({ name: s.name, role: s.role, company: s.company, bio: s.bio })),
    siteVisit:
      session.kind === 'site_visit' && session.capacity !== null && session.departsAt && session.meetingPoint
        ? {
            capacity: session.capacity,
            meetingPoint: session.meetingPoint,
            departsAt: isoInstant(session.departsAt),
            transport: session.transport,
          }
        : null,
  });

@ApiTags('agenda')
@Controller()
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly agenda: AgendaService,
  ) {}

  @Post('events/:eventId/rooms')
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'Add a room (names are unique in the event)' })
  @ApiCreatedResponse({ type: RoomDto })
  @ApiErrors(E.RoomClash)
  async createRoom(
    @Param('eventId') eventId: string,
    @Body() dto: CreateRoomDto,
    @CurrentUser() user: AuthUser,
  ): Promise<RoomDto> {
    return RoomDto.from(await this.sessions.createRoom(eventId, dto, user));
  }

  @Public()
  @Get('events/:eventId/rooms')
  @ApiOperation({ summary: 'The rooms of the event' })
  @ApiOkResponse({ type: RoomListDto })
  @ApiErrors(E.EventNotFound)
  async rooms(@Param('eventId') eventId: string, @CurrentUser() user?: AuthUser): Promise<RoomListDto> {
    return { items: (await this.sessions.listRooms(eventId, user)).map((r) => RoomDto.from(r)), nextCursor: null };
  }

  @Post('events/:eventId/sessions')
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'Add a session; a room or speaker already busy then is a 409' })
  @ApiCreatedResponse({ type: SessionDto })
  @ApiErrors(
    E.InvalidEventDates,
    E.SessionOutsideEvent,
    E.RoomNotFound,
    E.RoomClash,
    E.SpeakerClash,
    E.SiteVisitDetailsRequired,
    E.NotASiteVisit,
    E.DepartureOutsideSession,
  )
  async create(
    @Param('eventId') eventId: string,
    @Body() dto: CreateSessionDto,
    @CurrentUser() user: AuthUser,
  ): Promise<SessionDto> {
    return toDto(await this.sessions.create(eventId, dto, user));
  }

  @Public()
  @Get('events/:eventId/sessions')
  @ApiOperation({ summary: 'The sessions of the event, in time order' })
  @ApiOkResponse({ type: SessionListDto })
  @ApiErrors(E.EventNotFound)
  async list(@Param('eventId') eventId: string, @CurrentUser() user?: AuthUser): Promise<SessionListDto> {
    return { items: (await this.sessions.list(eventId, user)).map(toDto), nextCursor: null };
  }

  @Patch('events/:eventId/sessions/:sessionId')
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'Edit a session; moving it updates its speakers and their reminders' })
  @ApiOkResponse({ type: SessionDto })
  @ApiErrors(
    E.SessionNotFound,
    E.InvalidEventDates,
    E.SessionOutsideEvent,
    E.RoomNotFound,
    E.RoomClash,
    E.SpeakerClash,
    E.SiteVisitDetailsRequired,
    E.NotASiteVisit,
    E.DepartureOutsideSession,
    E.SiteVisitCapacityBelowSignUps,
  )
  async update(
    @Param('eventId') eventId: string,
    @Param('sessionId') sessionId: string,
    @Body() dto: UpdateSessionDto,
    @CurrentUser() user: AuthUser,
  ): Promise<SessionDto> {
    return toDto(await this.sessions.update(eventId, sessionId, dto, user));
  }

  @Delete('events/:eventId/sessions/:sessionId')
  @HttpCode(204)
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'Delete a session; its speakers are told' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(E.SessionNotFound)
  async remove(
    @Param('eventId') eventId: string,
    @Param('sessionId') sessionId: string,
    @CurrentUser() user: AuthUser,
  ) {
    await this.sessions.remove(eventId, sessionId, user);
  }

  @Post('events/:eventId/sessions/:sessionId/speakers')
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'Add a speaker or moderator by email (invited by mail when they have no account)' })
  @ApiCreatedResponse({ type: SessionDto })
  @ApiErrors(E.SessionNotFound, E.SpeakerClash)
  async addSpeaker(
    @Param('eventId') eventId: string,
    @Param('sessionId') sessionId: string,
    @Body() dto: SpeakerInputDto,
    @CurrentUser() user: AuthUser,
  ): Promise<SessionDto> {
    return toDto(await this.sessions.addSpeaker(eventId, sessionId, dto, user));
  }

  @Patch('events/:eventId/sessions/:sessionId/speaker-profile')
  @Allow(SessionSpeakerPolicy)
  @ApiOperation({ summary: 'Speakers: edit the abstract, your bio and the materials links of your session' })
  @ApiOkResponse({ type: SessionDto })
  @ApiErrors(E.SessionNotFound)
  async speakerProfile(
    @Param('eventId') eventId: string,
    @Param('sessionId') sessionId: string,
    @Body() dto: SpeakerProfileDto,
    @CurrentUser() user: AuthUser,
  ): Promise<SessionDto> {
    return toDto(await this.sessions.updateSpeakerProfile(eventId, sessionId, dto, user));
  }

  @Get('me/sessions')
  @Authenticated()
  @ApiOperation({ summary: 'Sessions where you speak or moderate' })
  @ApiOkResponse({ type: MySessionListDto })
  async mine(@CurrentUser() user: AuthUser): Promise<MySessionListDto> {
    const items = (await this.sessions.mine(user)).map((v) =>
      Object.assign(new MySessionDto(), toDto(v), {
        eventName: v.event.name,
        eventNames: eventNames(v.event),
        eventTimeZone: v.event.timeZone,
        myRole: v.myRole,
        localStart: isoInstant(v.session.startsAt, v.event.timeZone),
        myStart: isoInstant(v.session.startsAt, user.timeZone),
      }),
    );
    return { items, nextCursor: null };
  }

  @Public()
  @Get('events/:eventId/agenda')
  @ApiOperation({ summary: 'The programme by day in event-local time; ?format=ics for a calendar' })
  @ApiExtraModels(AgendaDto)
  @ApiOkResponse({
    description: 'JSON by default; an iCalendar file with ?format=ics',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(AgendaDto) } },
      'text/calendar': { schema: { type: 'string' } },
    },
  })
  @ApiErrors(E.EventNotFound)
  async getAgenda(
    @Param('eventId') eventId: string,
    @Query() query: AgendaQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
    @CurrentUser() user?: AuthUser,
  ): Promise<Agenda | string> {
    const locale = query.locale ?? acceptLanguage;
    if (query.format === 'ics') {
      res.header('Content-Type', 'text/calendar; charset=utf-8');
      res.header('Content-Disposition', 'attachment; filename="agenda.ics"');
      return this.agenda.ics(eventId, user, locale);
    }
    return this.agenda.agenda(eventId, user, locale);
  }
}
