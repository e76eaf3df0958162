import { Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, AuthUser, Authenticated, CurrentUser, Public } from '@roundtable/auth';
import { ApiErrors, isoInstant } from '@roundtable/common';
import { EventErrorCode as E, EventOrganiserPolicy } from '@roundtable/events';
import {
  MySiteVisitDto,
  MySiteVisitListDto,
  seatsOf,
  SiteVisitSeatsListDto,
  SiteVisitSignUpDto,
  SiteVisitSignUpListDto,
  SiteVisitSignUpRowDto,
  siteVisitTexts,
} from './dto/site-visit.dto';
import { RegistrationErrorCode as R } from './registration-error';
import { SiteVisitsService } from './site-visits.service';

/**
 * Site visits: approved delegates sign up (confirmed within the capacity,
 * waitlisted beyond it) and cancel; anyone sees the seats left; organisers
 * see who is going.
 */
@ApiTags('site visits')
@Controller()
@Authenticated()
export class SiteVisitsController {
  constructor(private readonly visits: SiteVisitsService) {}

  @Public()
  @Get('events/:eventId/site-visits')
  @ApiOperation({ summary: 'Seats taken, left and waiting on each site visit; with a token, your own sign-up too' })
  @ApiOkResponse({ type: SiteVisitSeatsListDto })
  @ApiErrors(E.EventNotFound)
  async seats(@Param('eventId') eventId: string, @CurrentUser() user?: AuthUser): Promise<SiteVisitSeatsListDto> {
    const { visits, organiser } = await this.visits.seats(eventId, user);
    return {
      organiser,
      items: visits.map((v) => ({
        ...seatsOf(v.session, v.confirmed, v.waitlisted),
        mine: v.mine ? SiteVisitSignUpDto.from(v.mine) : null,
      })),
      nextCursor: null,
    };
  }

  @Post('events/:eventId/sessions/:sessionId/sign-ups')
  @ApiOperation({
    summary: 'Sign up for a site visit (approved delegates): a seat while there is one, else the waiting list',
  })
  @ApiCreatedResponse({ type: SiteVisitSignUpDto })
  @ApiErrors(
    E.EventNotFound,
    E.SessionNotFound,
    E.NotASiteVisit,
    R.NotApprovedDelegate,
    R.AlreadySignedUp,
    R.SiteVisitClosed,
    R.SiteVisitClash,
    R.SiteVisitMeetingClash,
  )
  async signUp(
    @Param('eventId') eventId: string,
    @Param('sessionId') sessionId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<SiteVisitSignUpDto> {
    return SiteVisitSignUpDto.from(await this.visits.signUp(eventId, sessionId, user));
  }

  @Delete('events/:eventId/sessions/:sessionId/sign-ups/mine')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel your sign-up; a seat you held goes to the first on the waiting list' })
  @ApiOkResponse({ type: SiteVisitSignUpDto })
  @ApiErrors(E.EventNotFound, E.SessionNotFound, E.NotASiteVisit, R.SignUpNotFound, R.SiteVisitClosed)
  async cancel(
    @Param('eventId') eventId: string,
    @Param('sessionId') sessionId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<SiteVisitSignUpDto> {
    return SiteVisitSignUpDto.from(await this.visits.cancel(eventId, sessionId, user));
  }

  @Get('events/:eventId/sessions/:sessionId/sign-ups')
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'Organisers: every sign-up of a site visit in signing-up order, with the delegates' })
  @ApiOkResponse({ type: SiteVisitSignUpListDto })
  @ApiErrors(E.SessionNotFound, E.NotASiteVisit)
  async list(
    @Param('eventId') eventId: string,
    @Param('sessionId') sessionId: string,
  ): Promise<SiteVisitSignUpListDto> {
    const { session, rows } = await this.visits.list(eventId, sessionId);
    return {
      sessionId: session.id,
      title: session.title,
      capacity: session.capacity,
      confirmed: rows.filter((r) => r.signup.status === 'confirmed').length,
      waitlisted: rows.filter((r) => r.signup.status === 'waitlisted').length,
      items: rows.map((r) =>
        Object.assign(new SiteVisitSignUpRowDto(), SiteVisitSignUpDto.from(r), {
          name: r.name,
          email: r.email,
          companyName: r.companyName,
          languages: r.registration.languages ?? [],
        }),
      ),
      nextCursor: null,
    };
  }

  @Get('me/site-visits')
  @ApiOperation({ summary: 'Your site-visit sign-ups (confirmed or waiting), every event, in departure order' })
  @ApiOkResponse({ type: MySiteVisitListDto })
  async mine(@CurrentUser() user: AuthUser): Promise<MySiteVisitListDto> {
    const rows = await this.visits.mine(user);
    return {
      items: rows.map((r) =>
        Object.assign(new MySiteVisitDto(), SiteVisitSignUpDto.from(r), {
          title: r.session.title,
          translations: siteVisitTexts(r.session),
          meetingPoint: r.session.meetingPoint,
          transport: r.session.transport,
          startsAt: isoInstant(r.session.startsAt),
          endsAt: isoInstant(r.session.endsAt),
          departsAt: isoInstant(r.session.departsAt),
        }),
      ),
      nextCursor: null,
    };
  }
}
