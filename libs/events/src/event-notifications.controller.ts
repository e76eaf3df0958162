import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, AuthUser, Authenticated, CurrentUser } from '@roundtable/auth';
import { ApiErrors, CommonError, CommonErrorCode } from '@roundtable/common';
import { OutboxQueryService } from '@roundtable/notifications';
import {
  NotificationDto,
  NotificationFacetsDto,
  NotificationPageDto,
  NotificationQueryDto,
} from './dto/notification.dto';
import { EventAccessService } from './event-access.service';
import { EventOrganiserPolicy } from './policies/event-organiser.policy';

/** Organisers see the delivery status of every mail of their event and can retry failed ones. */
@ApiTags('notifications')
@Authenticated()
@Controller()
export class EventNotificationsController {
  constructor(
    private readonly outbox: OutboxQueryService,
    private readonly access: EventAccessService,
  ) {}

  @Get('events/:eventId/notifications')
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'Delivery status of every mail of the event (filter by status and type)' })
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiErrors(CommonErrorCode.InvalidCursor)
  async list(@Param('eventId') eventId: string, @Query() query: NotificationQueryDto): Promise<NotificationPageDto> {
    const page = await this.outbox.listForEvent(eventId, query);
    return { items: page.items.map((row) => NotificationDto.from(row)), nextCursor: page.nextCursor };
  }

  @Get('events/:eventId/notifications/facets')
  @Allow(EventOrganiserPolicy)
  @ApiOperation({
    summary: 'How many of the event’s mails have each status and each type (the delivery view’s filters)',
  })
  @ApiOkResponse({ type: NotificationFacetsDto })
  async facets(@Param('eventId') eventId: string): Promise<NotificationFacetsDto> {
    return NotificationFacetsDto.from(await this.outbox.facetsForEvent(eventId));
  }

  @Post('notifications/:notificationId/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a failed mail again' })
  @ApiOkResponse({ type: NotificationDto })
  @ApiErrors(CommonErrorCode.NotFound, CommonErrorCode.Forbidden, CommonErrorCode.Conflict)
  async retry(@Param('notificationId') id: string, @CurrentUser() user: AuthUser): Promise<NotificationDto> {
    const row = await this.outbox.find(id);
    if (!row.eventId || !(await this.access.isOrganiser(row.eventId, user))) {
      throw CommonError.forbidden('Only organisers of the event may retry its mails');
    }
    return NotificationDto.from(await this.outbox.retry(id));
  }
}
