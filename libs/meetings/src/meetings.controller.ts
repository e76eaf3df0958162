import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, AuthUser, Authenticated, CurrentUser, Public } from '@roundtable/auth';
import { EventOrganiserPolicy } from '@roundtable/events';
import { RegistrationAccessService, RegistrationOwnerPolicy } from '@roundtable/registrations';
import { DateTime } from 'luxon';
import { CalendarService } from './calendar.service';
import {
  AvailabilityDto,
  BookMeetingDto,
  CalendarQueryDto,
  CreateMeetingRequestDto,
  FixedTableDto,
  InterpreterDto,
  MeQueryDto,
  OutcomeDto,
  PublishScheduleDto,
  RequestQueryDto,
  SlotsQueryDto,
  UpdateMeetingDto,
} from './dto/meeting.dto';
import { Meeting, MeetingRequest } from './entities';
import { Delegate } from './event-meeting-state';
import { MeetingPlacementService } from './meeting-placement.service';
import { MeetingRequestsService } from './meeting-requests.service';
import { MyMeetingsService } from './my-meetings.service';
import { ScheduleService } from './schedule.service';

const requestView = (r: MeetingRequest) => ({
  id: r.id,
  fromRegistrationId: r.fromRegistrationId,
  toRegistrationId: r.toRegistrationId,
  message: r.message,
  status: r.status,
  unscheduledReason: r.unscheduledReason,
  proposedByOrganiser: r.proposedBy !== null,
  expiresAt: r.expiresAt.toISOString(),
  respondedAt: r.respondedAt?.toISOString() ?? null,
  createdAt: r.createdAt?.toISOString() ?? null,
});

/** One side of a request as the other side may see it: who, which company, and their home zone. */
const partyView = (d: Delegate | undefined) =>
  d
    ? {
        registrationId: d.registrationId,
        name: d.name,
        company: d.companyName,
        companyNames: d.companyNames,
        timeZone: d.timeZone,
      }
    : null;

const meetingView = (m: Meeting) => ({
  id: m.id,
  requestId: m.requestId,
  registrationA: m.registrationA,
  registrationB: m.registrationB,
  slotIndex: m.slotIndex,
  startsAt: m.startsAt.toISOString(),
  endsAt: m.endsAt.toISOString(),
  tableNo: m.tableNo,
  interpreterId: m.interpreterId,
  status: m.status,
  locked: m.locked,
  sequence: m.sequence,
});

@ApiTags('meetings')
@Authenticated()
@Controller()
export class MeetingsController {
  constructor(
    private readonly meetingRequests: MeetingRequestsService,
    private readonly placement: MeetingPlacementService,
    private readonly myMeetings: MyMeetingsService,
    private readonly registrations: RegistrationAccessService,
    private readonly scheduling: ScheduleService,
    private readonly calendar: CalendarService,
  ) {}

  @Put('events/:eventId/registrations/:registrationId/availability')
  @Allow(RegistrationOwnerPolicy)
  @ApiOperation({ summary: 'Set when you can meet (UTC windows; null = whenever meetings run)' })
  async availability(
    @Param('eventId') eventId: string,
    @Param('registrationId') registrationId: string,
    @Body() dto: AvailabilityDto,
  ) {
    await this.registrations.setAvailability(eventId, registrationId, dto.windows ?? null);
    return { windows: dto.windows ?? null };
  }

  @Post('events/:eventId/meeting-requests')
  @ApiOperation({ summary: 'Ask another approved delegate for a meeting' })
  async request(
    @Param('eventId') eventId: string,
    @Body() dto: CreateMeetingRequestDto,
    @CurrentUser() user: AuthUser,
  ) {
    return requestView(
      await this.meetingRequests.createRequest(eventId, user, dto.toRegistrationId, dto.message ?? null),
    );
  }

  @Get('events/:eventId/meeting-requests')
  @ApiOperation({
    summary: 'Requests you sent or received (organisers: all), each with both delegates (`from`, `to`)',
    description: '`from` or `to` is null when that delegate is no longer an approved delegate of the event.',
  })
  async requests(@Param('eventId') eventId: string, @Query() query: RequestQueryDto, @CurrentUser() user: AuthUser) {
    const { requests, parties } = await this.meetingRequests.listRequestsWithParties(eventId, user, query.status);
    return {
      items: requests.map((r) => ({
        ...requestView(r),
        from: partyView(parties.get(r.fromRegistrationId)),
        to: partyView(parties.get(r.toRegistrationId)),
      })),
    };
  }

  @Post('events/:eventId/meeting-requests/:requestId/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept: the meeting goes into the earliest slot you both can make' })
  async accept(
    @Param('eventId') eventId: string,
    @Param('requestId') requestId: string,
    @CurrentUser() user: AuthUser,
  ) {
    const { request, meeting } = await this.placement.accept(eventId, requestId, user);
    return { request: requestView(request), meeting: meeting ? meetingView(meeting) : null };
  }

  @Post('events/:eventId/meeting-requests/:requestId/decline')
  @HttpCode(200)
  async decline(
    @Param('eventId') eventId: string,
    @Param('requestId') requestId: string,
    @CurrentUser() user: AuthUser,
  ) {
    return requestView(await this.meetingRequests.decline(eventId, requestId, user));
  }

  @Post('events/:eventId/meeting-requests/:requestId/cancel')
  @HttpCode(200)
  async cancelRequest(
    @Param('eventId') eventId: string,
    @Param('requestId') requestId: string,
    @CurrentUser() user: AuthUser,
  ) {
    return requestView(await this.meetingRequests.cancelRequest(eventId, requestId, user));
  }

  @Get('events/:eventId/slots')
  @ApiOperation({ summary: 'Slots you and another delegate can both make, with a free table' })
  async slots(@Param('eventId') eventId: string, @Query() query: SlotsQueryDto, @CurrentUser() user: AuthUser) {
    const slots = await this.placement.commonSlots(eventId, user, query.with);
    return { items: slots.map((s) => ({ index: s.index, start: s.start.toISOString(), end: s.end.toISOString() })) };
  }

  @Get('events/:eventId/meetings')
  @Allow(EventOrganiserPolicy)
  async list(@Param('eventId') eventId: string) {
    return { items: (await this.myMeetings.listMeetings(eventId)).map(meetingView) };
  }

  @Post('events/:eventId/meetings')
  @ApiOperation({ summary: 'Book an accepted request into a chosen slot' })
  async book(@Param('eventId') eventId: string, @Body() dto: BookMeetingDto, @CurrentUser() user: AuthUser) {
    return meetingView(await this.placement.book(eventId, dto.requestId, dto.slotIndex, user));
  }

  @Patch('events/:eventId/meetings/:meetingId')
  @ApiOperation({ summary: 'Move a meeting to another slot; organisers also lock or unlock it' })
  async update(
    @Param('eventId') eventId: string,
    @Param('meetingId') meetingId: string,
    @Body() dto: UpdateMeetingDto,
    @CurrentUser() user: AuthUser,
  ) {
    return meetingView(await this.placement.update(eventId, meetingId, user, dto));
  }

  @Delete('events/:eventId/meetings/:meetingId')
  @ApiOperation({ summary: 'Cancel a meeting; waiting requests refill its slot' })
  async cancel(
    @Param('eventId') eventId: string,
    @Param('meetingId') meetingId: string,
    @CurrentUser() user: AuthUser,
  ) {
    return meetingView(await this.placement.cancelMeeting(eventId, meetingId, user));
  }

  @Post('events/:eventId/meetings/:meetingId/outcome')
  @ApiOperation({ summary: 'After the meeting: rating, notes, follow-up, agreement expected' })
  async outcome(
    @Param('eventId') eventId: string,
    @Param('meetingId') meetingId: string,
    @Body() dto: OutcomeDto,
    @CurrentUser() user: AuthUser,
  ) {
    const o = await this.placement.recordOutcome(eventId, meetingId, user, dto);
    return {
      meetingId: o.meetingId,
      registrationId: o.registrationId,
      rating: o.rating,
      notes: o.notes,
      followUp: o.followUp,
      agreementExpected: o.agreementExpected,
    };
  }

  @Post('events/:eventId/interpreters')
  @Allow(EventOrganiserPolicy)
  async addInterpreter(@Param('eventId') eventId: string, @Body() dto: InterpreterDto) {
    return this.scheduling.addInterpreter(eventId, dto);
  }

  @Get('events/:eventId/interpreters')
  @Allow(EventOrganiserPolicy)
  async interpreters(@Param('eventId') eventId: string) {
    return { items: await this.scheduling.listInterpreters(eventId) };
  }

  @Put('events/:eventId/fixed-tables')
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: "Reserve a table for a company's meetings" })
  async fixTable(@Param('eventId') eventId: string, @Body() dto: FixedTableDto) {
    return this.scheduling.fixTable(eventId, dto.companyId, dto.tableNo);
  }

  @Post('events/:eventId/schedule')
  @HttpCode(202)
  @Allow(EventOrganiserPolicy)
  @ApiOperation({
    summary: 'Schedule every accepted, unscheduled request (a worker job; existing meetings never move)',
  })
  async schedule(@Param('eventId') eventId: string, @CurrentUser() user: AuthUser) {
    return this.scheduling.enqueue(eventId, user);
  }

  @Get('events/:eventId/schedule/jobs/:jobId')
  @Allow(EventOrganiserPolicy)
  async job(@Param('eventId') eventId: string, @Param('jobId') jobId: string) {
    return this.scheduling.jobStatus(eventId, jobId);
  }

  @Post('events/:eventId/schedule/publish')
  @HttpCode(200)
  @Allow(EventOrganiserPolicy)
  @ApiOperation({
    summary: 'Publish the schedule as preliminary, then final (final mails every delegate their schedule)',
  })
  async publish(@Param('eventId') eventId: string, @Body() dto: PublishScheduleDto) {
    return this.scheduling.publish(eventId, dto.status);
  }

  @Get('me/meetings')
  @ApiOperation({ summary: 'Your meetings, with times in your zone' })
  async mine(@Query() query: MeQueryDto, @CurrentUser() user: AuthUser) {
    const rows = await this.myMeetings.myMeetings(user.id);
    return {
      items: rows.map(({ meeting, event, other, interpreterName, viewerTimeZone }) => {
        const zone = query.tz ?? viewerTimeZone;
        return {
          ...meetingView(meeting),
          event,
          with: { registrationId: other.registrationId, name: other.name, company: other.companyName },
          interpreter: interpreterName ? { name: interpreterName } : null,
          timeZone: zone,
          localStart: DateTime.fromJSDate(meeting.startsAt, { zone }).toISO(),
          localEnd: DateTime.fromJSDate(meeting.endsAt, { zone }).toISO(),
        };
      }),
    };
  }

  @Post('me/calendar-feed')
  @ApiOperation({ summary: 'A personal calendar subscription URL (replaces any previous one)' })
  issueFeed(@CurrentUser() user: AuthUser) {
    return this.calendar.issue(user);
  }

  @Delete('me/calendar-feed')
  @HttpCode(204)
  async revokeFeed(@CurrentUser() user: AuthUser) {
    await this.calendar.revoke(user);
  }

  @Public()
  @Get('me/calendar.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @ApiOperation({ summary: 'Your meetings as a calendar feed (token from POST /me/calendar-feed)' })
  feed(@Query() query: CalendarQueryDto) {
    return this.calendar.feed(query.token);
  }
}
