import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Allow, AuthUser, Authenticated, CurrentUser, Public } from '@roundtable/auth';
import { Response } from 'express';
import { DateTime } from 'luxon';
import { Agenda, AgendaService } from './agenda.service';
import {
  AgendaQueryDto,
  CreateRoomDto,
  CreateSessionDto,
  MySessionDto,
  RoomDto,
  SessionDto,
  SpeakerInputDto,
  SpeakerProfileDto,
  UpdateSessionDto,
} from './dto/session.dto';
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
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    room: room ? RoomDto.from(room) : null,
    languages: session.languages,
    interpretation: session.interpretation,
    abstract: session.abstract,
    materials: session.materials,
    speakers: speakers.map((s) => ({ name: s.name, role: s.role, company: s.company, bio: s.bio })),
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
  async createRoom(@Param('eventId') eventId: string, @Body() dto: CreateRoomDto, @CurrentUser() user: AuthUser) {
    return RoomDto.from(await this.sessions.createRoom(eventId, dto, user));
  }

  @Public()
  @Get('events/:eventId/rooms')
  async rooms(@Param('eventId') eventId: string, @CurrentUser() user?: AuthUser): Promise<RoomDto[]> {
    return (await this.sessions.listRooms(eventId, user)).map((r) => RoomDto.from(r));
  }

  @Post('events/:eventId/sessions')
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'Add a session; a room or speaker already busy then is a 409' })
  async create(@Param('eventId') eventId: string, @Body() dto: CreateSessionDto, @CurrentUser() user: AuthUser) {
    return toDto(await this.sessions.create(eventId, dto, user));
  }

  @Public()
  @Get('events/:eventId/sessions')
  async list(@Param('eventId') eventId: string, @CurrentUser() user?: AuthUser): Promise<SessionDto[]> {
    return (await this.sessions.list(eventId, user)).map(toDto);
  }

  @Patch('events/:eventId/sessions/:sessionId')
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'Edit a session; moving it updates its speakers and their reminders' })
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
  async mine(@CurrentUser() user: AuthUser): Promise<MySessionDto[]> {
    return (await this.sessions.mine(user)).map((v) =>
      Object.assign(new MySessionDto(), toDto(v), {
        eventName: v.event.name,
        eventTimeZone: v.event.timeZone,
        myRole: v.myRole,
        localStart: DateTime.fromJSDate(v.session.startsAt, { zone: v.event.timeZone }).toISO({
          suppressMilliseconds: true,
        }),
        myStart: DateTime.fromJSDate(v.session.startsAt, { zone: user.timeZone }).toISO({ suppressMilliseconds: true }),
      }),
    );
  }

  @Public()
  @Get('events/:eventId/agenda')
  @ApiProduces('application/json', 'text/calendar')
  @ApiOperation({ summary: 'The programme by day in event-local time; ?format=ics for a calendar' })
  async getAgenda(
    @Param('eventId') eventId: string,
    @Query() query: AgendaQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() user?: AuthUser,
  ): Promise<Agenda | string> {
    const locale = query.locale ?? acceptLanguage;
    if (query.format === 'ics') {
      res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
      res.setHeader('Content-Disposition', 'attachment; filename="agenda.ics"');
      return this.agenda.ics(eventId, user, locale);
    }
    return this.agenda.agenda(eventId, user, locale);
  }
}
