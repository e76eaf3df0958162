import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, AuthUser, Authenticated, CurrentUser } from '@roundtable/auth';
import { ApiErrors, CommonErrorCode as C } from '@roundtable/common';
import { EventOrganiserPolicy } from '@roundtable/events';
import type { FastifyReply } from 'fastify';
import { CheckInsService } from './check-ins.service';
import { CheckInCountsDto, CheckInDto, CheckInListDto, CheckInResultDto } from './dto/check-in.dto';
import { RegistrationErrorCode as R } from './registration-error';

/** Check-in at the doors: scans (online, or queued on an offline device and sent later), the list and the counts. */
@ApiTags('check-in')
@Authenticated()
@Controller()
export class CheckInsController {
  constructor(private readonly checkIns: CheckInsService) {}

  @Post('events/:eventId/check-ins')
  @Allow(EventOrganiserPolicy)
  @ApiOperation({
    summary: 'Check a person in by the code on their badge',
    description:
      'Idempotent by scanId: the same scan sent again answers as the first time and is recorded once. ' +
      'A later scan of a badge already scanned (at this door or another) counts once and is flagged firstScan: false; ' +
      'checkedInAt stays the earliest scannedAt.',
  })
  @ApiCreatedResponse({ type: CheckInResultDto, description: 'The first scan of this badge' })
  @ApiOkResponse({ type: CheckInResultDto, description: 'A duplicate: the badge had already been scanned' })
  @ApiErrors(R.BadgeInvalid, R.RegistrationNotFound, C.InvalidInput, C.Conflict)
  async checkIn(
    @Param('eventId') eventId: string,
    @Body() dto: CheckInDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<CheckInResultDto> {
    const result = await this.checkIns.checkIn(eventId, dto, user);
    res.status(result.firstScan ? 201 : 200);
    return result;
  }

  @Get('events/:eventId/check-ins')
  @Allow(EventOrganiserPolicy)
  @ApiOperation({
    summary: 'Everyone who may be checked in, for a door device to hold (and check badges against offline)',
  })
  @ApiOkResponse({ type: CheckInListDto })
  async list(@Param('eventId') eventId: string, @CurrentUser() user: AuthUser): Promise<CheckInListDto> {
    const generatedAt = new Date().toISOString();
    return { ...(await this.checkIns.list(eventId, user)), generatedAt };
  }

  @Get('events/:eventId/check-ins/counts')
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'Live counts: expected, checked in, duplicate scans' })
  @ApiOkResponse({ type: CheckInCountsDto })
  counts(@Param('eventId') eventId: string, @CurrentUser() user: AuthUser): Promise<CheckInCountsDto> {
    return this.checkIns.counts(eventId, user);
  }
}
