import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, PlatformAdminPolicy } from '@roundtable/auth';
import { ApiErrors, CommonErrorCode } from '@roundtable/common';
import { AdminEventDto, AdminEventPageDto, AdminEventQueryDto } from './dto/admin-event.dto';
import { EventErrorCode } from './event-error';
import { EventsService } from './events.service';

/** Platform admins: every event, and the trust that lifts its invitation quota. */
@ApiTags('admin')
@Controller('admin/events')
@Allow(PlatformAdminPolicy)
export class AdminEventsController {
  constructor(private readonly events: EventsService) {}

  @Get()
  @ApiOperation({ summary: 'Every event, drafts included, newest first, with its trusted flag (platform admins)' })
  @ApiOkResponse({ type: AdminEventPageDto })
  @ApiErrors(CommonErrorCode.InvalidCursor)
  async list(@Query() query: AdminEventQueryDto): Promise<AdminEventPageDto> {
    const page = await this.events.listForAdmin(query);
    return { items: page.items.map((e) => AdminEventDto.from(e)), nextCursor: page.nextCursor };
  }

  @Post(':eventId/trust')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark an event trusted: it may send invitations at the trusted quota (platform admins)' })
  @ApiOkResponse({ type: AdminEventDto })
  @ApiErrors(EventErrorCode.EventNotFound)
  async trust(@Param('eventId') eventId: string): Promise<AdminEventDto> {
    return AdminEventDto.from(await this.events.setTrusted(eventId, true));
  }

  @Post(':eventId/untrust')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw the trust: back to the small invitation quota (platform admins)' })
  @ApiOkResponse({ type: AdminEventDto })
  @ApiErrors(EventErrorCode.EventNotFound)
  async untrust(@Param('eventId') eventId: string): Promise<AdminEventDto> {
    return AdminEventDto.from(await this.events.setTrusted(eventId, false));
  }
}
