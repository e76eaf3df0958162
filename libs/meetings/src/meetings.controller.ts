import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiAcceptedResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Allow, AuthUser, Authenticated, CurrentUser, Public } from '@roundtable/auth';
import { ApiErrors, CommonErrorCode as C, isoInstant } from '@roundtable/common';
import { EventErrorCode, EventOrganiserPolicy } from '@roundtable/events';
import { RegistrationAccessService, RegistrationErrorCode, RegistrationOwnerPolicy } from '@roundtable/registrations';
import { CalendarService } from './calendar.service';
import {
  AcceptedRequestDto,
  AvailabilityDto,
  AvailabilityViewDto,
  BookMeetingDto,
  CalendarFeedDto,
  CalendarFeedStateDto,
  CalendarQueryDto,
  CreateMeetingRequestDto,
  FixedTableDto,
  FixedTableListDto,
  FixedTableViewDto,
  InterpreterDto,
  InterpreterListDto,
  InterpreterViewDto,
  MeetingListDto,
  MeetingPartyDto,
  MeetingRequestListDto,
  MeetingRequestViewDto,
  MeetingViewDto,
  MeQueryDto,
  MyMeetingDto,
  MyMeetingListDto,
  OutcomeDto,
  OutcomeViewDto,
  PublishedScheduleDto,
  PublishScheduleDto,
  RequestQueryDto,
  ScheduleGridDto,
  ScheduleJobDto,
  ScheduleJobStatusDto,
  UnplacedListDto,
  SlotListDto,
  SlotsQueryDto,
  UpdateMeetingDto,
} from './dto/meeting.dto';
import { Interpreter, Meeting, MeetingRequest } from './entities';
import { Delegate } from './event-meeting-state';
import { MeetingErrorCode as M } from './meeting-error';
import { MeetingPlacementService } from './meeting-placement.service';
import { MeetingRequestsService } from './meeting-requests.service';
import { MyMeeting, MyMeetingsService } from './my-meetings.service';
import { ScheduleBoardService } from './schedule-board.service';
import { ScheduleService } from './schedule.service';

const E = EventErrorCode;
const R = RegistrationErrorCode;

/** Instants as given by a client (any offset), answered in the api's one format. */
const windowsView = (windows: { start: string; end: string }[] | null | undefined) =>
  windows ? windows.map((w) => ({ start: isoInstant(new Date(w.start)), end: isoInstant(new Date(w.end)) })) : null;

const interpreterView = (i: Interpreter): InterpreterViewDto => ({
  id: i.id,
  eventId: i.eventId,
  name: i.name,
  email: i.email,
  pairs: i.pairs,
  availability: windowsView(i.availability),
  createdAt: isoInstant(i.createdAt),
});

const requestView = (r: MeetingRequest): MeetingRequestViewDto => ({
  id: r.id,
  fromRegistrationId: r.fromRegistrationId,
  toRegistrationId: r.toRegistrationId,
  message: r.message,
  status: r.status,
  unscheduledReason: r.unscheduledReason,
  proposedByOrganiser: r.proposedBy !== null,
  preferredSlotIndex: r.preferredSlotIndex ?? null,
  expiresAt: isoInstant(r.expiresAt),
  respondedAt: isoInstant(r.respondedAt),
  createdAt: isoInstant(r.createdAt),
});

/** One side of a request as the other side may see it: who, which company, and their home zone. */
const partyView = (d: Delegate | undefined): MeetingPartyDto | null =>
  d
    ? {
        registrationId: d.registrationId,
        name: d.name,
        company: d.companyName,
        companyNames: d.companyNames,
        timeZone: d.timeZone,
      }
    : null;

const meetingView = (m: Meeting): MeetingViewDto => ({
  id: m.id,
  requestId: m.requestId,
  registrationA: m.registrationA,
  registrationB: m.registrationB,
  slotIndex: m.slotIndex,
  startsAt: isoInstant(m.startsAt),
  endsAt: isoInstant(m.endsAt),
  tableNo: m.tableNo,
  interpreterId: m.interpreterId,
  status: m.status,
  // a freshly inserted row carries the driver's 0/1 for the column default (TypeORM merges it back)
  locked: Boolean(m.locked),
  sequence: m.sequence,
});

/**
 * One of the caller's meetings with times in `zone`: meetingView's object with the caller's fields set on it.
 * Not spread into a new object, nor Object.assign'd: either copied every item again, 5–7% of the api's CPU
 * on GET /me/meetings, the busiest personal read.
 */
const myMeetingView = ({ meeting: m, event, other, interpreterName }: MyMeeting, zone: string): MyMeetingDto => {
  const view = meetingView(m) as MyMeetingDto;
  view.event = event;
  view.with = { registrationId: other.registrationId, name: other.name, company: other.companyName };
  view.interpreter = interpreterName ? { name: interpreterName } : null;
  view.timeZone = zone;
  view.localStart = isoInstant(m.startsAt, zone);
  view.localEnd = isoInstant(m.endsAt, zone);
  return view;
};

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
    private readonly board: ScheduleBoardService,
  ) {}

  @Put('events/:eventId/registrations/:registrationId/availability')
  @Allow(RegistrationOwnerPolicy)
  @ApiOperation({ summary: 'Set when you can meet (UTC windows; null = whenever meetings run)' })
  @ApiOkResponse({ type: AvailabilityViewDto })
  async availability(
    @Param('eventId') eventId: string,
    @Param('registrationId') registrationId: string,
    @Body() dto: AvailabilityDto,
  ): Promise<AvailabilityViewDto> {
    await this.registrations.setAvailability(eventId, registrationId, dto.windows ?? null);
    return { windows: windowsView(dto.windows) };
  }

  @Post('events/:eventId/meeting-requests')
  @ApiOperation({ summary: 'Ask another approved delegate for a meeting' })
  @ApiCreatedResponse({ type: MeetingRequestViewDto })
  @ApiErrors(
    E.EventNotFound,
    R.NotApprovedDelegate,
    R.RegistrationNotFound,
    M.SelfRequest,
    M.PairDeclined,
    M.PendingLimitReached,
    M.PairAlreadyRequested,
    M.InvalidSlot,
  )
  async request(
    @Param('eventId') eventId: string,
    @Body() dto: CreateMeetingRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<MeetingRequestViewDto> {
    return requestView(
      await this.meetingRequests.createRequest(
        eventId,
        user,
        dto.toRegistrationId,
        dto.message ?? null,
        dto.preferredSlotIndex ?? null,
      ),
    );
  }

  @Get('events/:eventId/meeting-requests')
  @ApiOperation({
    summary: 'Requests you sent or received (organisers: all), each with both delegates (`from`, `to`)',
    description: '`from` or `to` is null when that delegate is no longer an approved delegate of the event.',
  })
  @ApiOkResponse({ type: MeetingRequestListDto })
  @ApiErrors(E.EventNotFound, R.NotApprovedDelegate)
  async requests(
    @Param('eventId') eventId: string,
    @Query() query: RequestQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<MeetingRequestListDto> {
    const { requests, parties } = await this.meetingRequests.listRequestsWithParties(eventId, user, query.status);
    return {
      items: requests.map((r) => ({
        ...requestView(r),
        from: partyView(parties.get(r.fromRegistrationId)),
        to: partyView(parties.get(r.toRegistrationId)),
      })),
      nextCursor: null,
    };
  }

  @Post('events/:eventId/meeting-requests/:requestId/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept: the meeting goes into the earliest slot you both can make' })
  @ApiOkResponse({ type: AcceptedRequestDto })
  @ApiErrors(
    E.EventNotFound,
    R.NotApprovedDelegate,
    C.Forbidden,
    M.RequestNotFound,
    M.RequestNotPending,
    M.RequestExpired,
    M.SlotTaken,
  )
  async accept(
    @Param('eventId') eventId: string,
    @Param('requestId') requestId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<AcceptedRequestDto> {
    const { request, meeting } = await this.placement.accept(eventId, requestId, user);
    return { request: requestView(request), meeting: meeting ? meetingView(meeting) : null };
  }

  @Post('events/:eventId/meeting-requests/:requestId/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline a request sent to you (the pair cannot ask again)' })
  @ApiOkResponse({ type: MeetingRequestViewDto })
  @ApiErrors(E.EventNotFound, C.Forbidden, M.RequestNotFound, M.RequestNotPending, M.RequestExpired)
  async decline(
    @Param('eventId') eventId: string,
    @Param('requestId') requestId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<MeetingRequestViewDto> {
    return requestView(await this.meetingRequests.decline(eventId, requestId, user));
  }

  @Post('events/:eventId/meeting-requests/:requestId/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a request you sent (or cancel an accepted one and its meeting)' })
  @ApiOkResponse({ type: MeetingRequestViewDto })
  @ApiErrors(E.EventNotFound, C.Forbidden, M.RequestNotFound, M.RequestNotPending, M.RequestExpired)
  async cancelRequest(
    @Param('eventId') eventId: string,
    @Param('requestId') requestId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<MeetingRequestViewDto> {
    return requestView(await this.meetingRequests.cancelRequest(eventId, requestId, user));
  }

  @Get('events/:eventId/slots')
  @ApiOperation({
    summary: 'Slots you and another delegate can both make, with a free table; without `with`, the whole slot grid',
  })
  @ApiOkResponse({ type: SlotListDto })
  @ApiErrors(E.EventNotFound, R.NotApprovedDelegate, R.RegistrationNotFound, M.SelfRequest)
  async slots(
    @Param('eventId') eventId: string,
    @Query() query: SlotsQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<SlotListDto> {
    const slots = await this.placement.commonSlots(eventId, user, query.with);
    return {
      items: slots.map((s) => ({ index: s.index, start: isoInstant(s.start), end: isoInstant(s.end) })),
      nextCursor: null,
    };
  }

  @Get('events/:eventId/meetings')
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'Every meeting of the event' })
  @ApiOkResponse({ type: MeetingListDto })
  async list(@Param('eventId') eventId: string): Promise<MeetingListDto> {
    return { items: (await this.myMeetings.listMeetings(eventId)).map(meetingView), nextCursor: null };
  }

  @Post('events/:eventId/meetings')
  @ApiOperation({ summary: 'Book an accepted request into a chosen slot' })
  @ApiCreatedResponse({ type: MeetingViewDto })
  @ApiErrors(
    E.EventNotFound,
    R.NotApprovedDelegate,
    C.Forbidden,
    M.RequestNotFound,
    M.NotAccepted,
    M.AlreadyScheduled,
    M.InvalidSlot,
    M.SlotTaken,
    M.SlotUnavailable,
  )
  async book(
    @Param('eventId') eventId: string,
    @Body() dto: BookMeetingDto,
    @CurrentUser() user: AuthUser,
  ): Promise<MeetingViewDto> {
    return meetingView(await this.placement.book(eventId, dto.requestId, dto.slotIndex, user));
  }

  @Patch('events/:eventId/meetings/:meetingId')
  @ApiOperation({
    summary: 'Move a meeting to another slot; organisers also move it to another table, and lock or unlock it',
  })
  @ApiOkResponse({ type: MeetingViewDto })
  @ApiErrors(
    E.EventNotFound,
    C.Forbidden,
    M.MeetingNotFound,
    M.MeetingCancelled,
    M.MeetingLocked,
    M.ScheduleFinal,
    M.InvalidSlot,
    M.InvalidTable,
    M.SlotTaken,
    M.SlotUnavailable,
    M.TableTaken,
  )
  async update(
    @Param('eventId') eventId: string,
    @Param('meetingId') meetingId: string,
    @Body() dto: UpdateMeetingDto,
    @CurrentUser() user: AuthUser,
  ): Promise<MeetingViewDto> {
    return meetingView(await this.placement.update(eventId, meetingId, user, dto));
  }

  @Delete('events/:eventId/meetings/:meetingId')
  @ApiOperation({ summary: 'Cancel a meeting; waiting requests refill its slot' })
  @ApiOkResponse({ type: MeetingViewDto })
  @ApiErrors(E.EventNotFound, C.Forbidden, M.MeetingNotFound, M.MeetingCancelled, M.MeetingLocked)
  async cancel(
    @Param('eventId') eventId: string,
    @Param('meetingId') meetingId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<MeetingViewDto> {
    return meetingView(await this.placement.cancelMeeting(eventId, meetingId, user));
  }

  @Post('events/:eventId/meetings/:meetingId/outcome')
  @ApiOperation({ summary: 'After the meeting: rating, notes, follow-up, agreement expected' })
  @ApiCreatedResponse({ type: OutcomeViewDto })
  @ApiErrors(E.EventNotFound, C.Forbidden, M.MeetingNotFound, M.MeetingNotHeld)
  async outcome(
    @Param('eventId') eventId: string,
    @Param('meetingId') meetingId: string,
    @Body() dto: OutcomeDto,
    @CurrentUser() user: AuthUser,
  ): Promise<OutcomeViewDto> {
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
  @ApiOperation({ summary: 'Add an interpreter to the pool the scheduler assigns from' })
  @ApiCreatedResponse({ type: InterpreterViewDto })
  async addInterpreter(@Param('eventId') eventId: string, @Body() dto: InterpreterDto): Promise<InterpreterViewDto> {
    return interpreterView(await this.scheduling.addInterpreter(eventId, dto));
  }

  @Get('events/:eventId/interpreters')
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'The interpreter pool' })
  @ApiOkResponse({ type: InterpreterListDto })
  async interpreters(@Param('eventId') eventId: string): Promise<InterpreterListDto> {
    return { items: (await this.scheduling.listInterpreters(eventId)).map(interpreterView), nextCursor: null };
  }

  @Put('events/:eventId/fixed-tables')
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: "Reserve a table for a company's meetings" })
  @ApiOkResponse({ type: FixedTableViewDto })
  @ApiErrors(M.InvalidTable, C.BadReference, M.TableTaken)
  async fixTable(@Param('eventId') eventId: string, @Body() dto: FixedTableDto): Promise<FixedTableViewDto> {
    const row = await this.scheduling.fixTable(eventId, dto.companyId, dto.tableNo);
    return { eventId: row.eventId, companyId: row.companyId, tableNo: row.tableNo };
  }

  @Get('events/:eventId/fixed-tables')
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'The tables reserved for companies' })
  @ApiOkResponse({ type: FixedTableListDto })
  async fixedTables(@Param('eventId') eventId: string): Promise<FixedTableListDto> {
    const rows = await this.scheduling.listFixedTables(eventId);
    return {
      items: rows.map((r) => ({ eventId: r.eventId, companyId: r.companyId, tableNo: r.tableNo })),
      nextCursor: null,
    };
  }

  @Delete('events/:eventId/fixed-tables/:companyId')
  @HttpCode(204)
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: "Release a company's reserved table (meetings already placed there stay)" })
  @ApiNoContentResponse({ description: 'Released' })
  @ApiErrors(M.FixedTableNotFound)
  async releaseTable(@Param('eventId') eventId: string, @Param('companyId') companyId: string): Promise<void> {
    await this.scheduling.releaseTable(eventId, companyId);
  }

  @Post('events/:eventId/schedule')
  @HttpCode(202)
  @Allow(EventOrganiserPolicy)
  @ApiOperation({
    summary: 'Schedule every accepted, unscheduled request (a worker job; existing meetings never move)',
  })
  @ApiAcceptedResponse({ type: ScheduleJobDto })
  async schedule(@Param('eventId') eventId: string, @CurrentUser() user: AuthUser): Promise<ScheduleJobDto> {
    return this.scheduling.enqueue(eventId, user);
  }

  @Get('events/:eventId/schedule/jobs/:jobId')
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'How a scheduling job is doing, and its result once completed' })
  @ApiOkResponse({ type: ScheduleJobStatusDto })
  @ApiErrors(M.JobNotFound)
  async job(@Param('eventId') eventId: string, @Param('jobId') jobId: string): Promise<ScheduleJobStatusDto> {
    return this.scheduling.jobStatus(eventId, jobId);
  }

  @Get('events/:eventId/schedule/grid')
  @Allow(EventOrganiserPolicy)
  @ApiOperation({
    summary: 'The B2B grid in one read: slots, table count, every scheduled meeting, the delegates and interpreters',
  })
  @ApiOkResponse({ type: ScheduleGridDto })
  async grid(@Param('eventId') eventId: string): Promise<ScheduleGridDto> {
    const grid = await this.board.grid(eventId);
    return {
      timeZone: grid.timeZone,
      scheduleStatus: grid.scheduleStatus,
      tables: grid.tables,
      slots: grid.slots.map((s) => ({ index: s.index, start: isoInstant(s.start), end: isoInstant(s.end) })),
      delegates: grid.delegates.map(({ delegate: d, available }) => ({
        registrationId: d.registrationId,
        name: d.name,
        companyId: d.companyId,
        company: d.companyName,
        languages: d.languages,
        available,
      })),
      interpreters: grid.interpreters.map((i) => ({ id: i.id, name: i.name, pairs: i.pairs })),
      meetings: grid.meetings.map((m) => ({
        id: m.id,
        requestId: m.requestId,
        registrationA: m.registrationA,
        registrationB: m.registrationB,
        slotIndex: m.slotIndex,
        tableNo: m.tableNo,
        interpreterId: m.interpreterId,
        locked: Boolean(m.locked),
      })),
    };
  }

  @Get('events/:eventId/schedule/unplaced')
  @Allow(EventOrganiserPolicy)
  @ApiOperation({
    summary: 'Accepted requests still without a meeting: why, and the slots where each would fit now (the fix)',
  })
  @ApiOkResponse({ type: UnplacedListDto })
  async unplaced(@Param('eventId') eventId: string): Promise<UnplacedListDto> {
    return {
      items: (await this.board.unplaced(eventId)).map((u) => ({
        requestId: u.requestId,
        from: partyView(u.from)!,
        to: partyView(u.to)!,
        reason: u.reason,
        interpreterPair: u.interpreterPair,
        freeSlots: u.freeSlots.map((s) => ({ index: s.index, start: isoInstant(s.start), end: isoInstant(s.end) })),
      })),
      nextCursor: null,
    };
  }

  @Post('events/:eventId/schedule/publish')
  @HttpCode(200)
  @Allow(EventOrganiserPolicy)
  @ApiOperation({
    summary: 'Publish the schedule as preliminary, then final (final mails every delegate their schedule)',
  })
  @ApiOkResponse({ type: PublishedScheduleDto })
  @ApiErrors(M.ScheduleFinal)
  async publish(@Param('eventId') eventId: string, @Body() dto: PublishScheduleDto): Promise<PublishedScheduleDto> {
    return this.scheduling.publish(eventId, dto.status);
  }

  @Get('me/meetings')
  @ApiOperation({ summary: 'Your meetings, with times in your zone' })
  @ApiOkResponse({ type: MyMeetingListDto })
  async mine(@Query() query: MeQueryDto, @CurrentUser() user: AuthUser): Promise<MyMeetingListDto> {
    const rows = await this.myMeetings.myMeetings(user.id);
    return { items: rows.map((row) => myMeetingView(row, query.tz ?? row.viewerTimeZone)), nextCursor: null };
  }

  @Get('me/calendar-feed')
  @ApiOperation({ summary: 'Whether you have a calendar subscription link in force' })
  @ApiOkResponse({ type: CalendarFeedStateDto })
  async feedState(@CurrentUser() user: AuthUser): Promise<CalendarFeedStateDto> {
    return { active: await this.calendar.isActive(user) };
  }

  @Post('me/calendar-feed')
  @ApiOperation({ summary: 'A personal calendar subscription URL (replaces any previous one)' })
  @ApiCreatedResponse({ type: CalendarFeedDto })
  issueFeed(@CurrentUser() user: AuthUser): Promise<CalendarFeedDto> {
    return this.calendar.issue(user);
  }

  @Delete('me/calendar-feed')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke your calendar subscription URL' })
  @ApiNoContentResponse({ description: 'Revoked' })
  async revokeFeed(@CurrentUser() user: AuthUser) {
    await this.calendar.revoke(user);
  }

  @Public()
  @Get('me/calendar.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @ApiOperation({ summary: 'Your meetings as a calendar feed (token from POST /me/calendar-feed)' })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'iCalendar', content: { 'text/calendar': { schema: { type: 'string' } } } })
  @ApiErrors(M.CalendarTokenInvalid)
  feed(@Query() query: CalendarQueryDto): Promise<string> {
    return this.calendar.feed(query.token);
  }
}
