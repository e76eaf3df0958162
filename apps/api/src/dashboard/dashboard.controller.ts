import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AgreementsService } from '@roundtable/agreements';
import { Allow } from '@roundtable/auth';
import { isoInstant } from '@roundtable/common';
import { EventOrganiserPolicy } from '@roundtable/events';
import { ScheduleService } from '@roundtable/meetings';
import { OutboxQueryService } from '@roundtable/notifications';
import { RegistrationsService } from '@roundtable/registrations';
import { DashboardDto } from './dashboard.dto';

const sum = (counts: { count: number }[]) => counts.reduce((n, c) => n + c.count, 0);
const largestFirst = <T extends { count: number }>(counts: T[]) => [...counts].sort((a, b) => b.count - a.count);

/**
 * The organisers' dashboard: one read gathering what each owning lib counts (grouped queries, no rows loaded
 * but the agreements' current state), so the screen needs no list of 2,000 registrations to draw a bar.
 */
@ApiTags('events')
@Controller('events/:eventId/dashboard')
export class DashboardController {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly schedule: ScheduleService,
    private readonly outbox: OutboxQueryService,
    private readonly agreements: AgreementsService,
  ) {}

  @Get()
  @Allow(EventOrganiserPolicy)
  @ApiOperation({
    summary: 'The event at a glance (organisers and platform admins)',
    description:
      'Registrations by status, country and sector; meeting requests, meetings placed, unplaced by reason; mail ' +
      'sent, waiting (with the oldest), failed; agreements and their value per currency.',
  })
  @ApiOkResponse({ type: DashboardDto })
  async get(@Param('eventId') eventId: string): Promise<DashboardDto> {
    const now = new Date();
    const [registrations, meetings, mail, agreements] = await Promise.all([
      this.registrations.dashboardCounts(eventId),
      this.schedule.dashboardCounts(eventId),
      this.outbox.deliveryCounts(eventId, now),
      this.agreements.totals(eventId),
    ]);
    return {
      eventId,
      generatedAt: isoInstant(now),
      registrations: {
        total: sum(registrations.byStatus),
        byStatus: largestFirst(registrations.byStatus),
        byCountry: largestFirst(registrations.byCountry),
        bySector: largestFirst(registrations.bySector),
      },
      meetings: {
        requests: sum(meetings.requestsByStatus),
        requestsByStatus: largestFirst(meetings.requestsByStatus),
        placed: meetings.placed,
        unplaced: sum(meetings.unplacedByReason),
        unplacedByReason: largestFirst(meetings.unplacedByReason),
      },
      mail: { ...mail, oldestWaitingSince: isoInstant(mail.oldestWaitingSince) },
      agreements: {
        count: agreements.agreements,
        withdrawn: agreements.withdrawn,
        byCurrency: largestFirst(agreements.byCurrency),
      },
    };
  }
}
