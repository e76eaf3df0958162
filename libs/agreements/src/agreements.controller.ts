import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Allow, AuthUser, Authenticated, CurrentUser, Public } from '@roundtable/auth';
import { ApiErrors, CommonErrorCode as C } from '@roundtable/common';
import { EventErrorCode, EventOrganiserPolicy } from '@roundtable/events';
import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';
import { reportRows } from './agreement-model';
import { AgreementErrorCode as A } from './agreement-error';
import { AgreementsService } from './agreements.service';
import {
  AgreementDto,
  AgreementHistoryDto,
  AgreementListDto,
  AgreementReportDto,
  AmendAgreementDto,
  ChainReportDto,
  LedgerPageDto,
  LedgerQueryDto,
  PublicAgreementReportDto,
  RecordedAgreementDto,
  ReportQueryDto,
  WithdrawAgreementDto,
} from './dto/agreement.dto';

/** Signed agreements of an event: recorded, amended and withdrawn as ledger entries, and reported. Organisers only, except the public summary. */
@ApiTags('agreements')
@Authenticated()
@Controller('events/:eventId/agreements')
export class AgreementsController {
  constructor(private readonly agreements: AgreementsService) {}

  @Post()
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'Record a signed agreement (appends a ledger entry; parties get a confirmation mail)' })
  @ApiCreatedResponse({ type: RecordedAgreementDto })
  @ApiErrors(A.InvalidAmount, A.UnknownParty, C.BadReference, C.InvalidValue, A.LedgerBroken)
  async sign(
    @Param('eventId') eventId: string,
    @Body() dto: AgreementDto,
    @CurrentUser() user: AuthUser,
  ): Promise<RecordedAgreementDto> {
    return this.agreements.sign(eventId, user, dto);
  }

  @Get()
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'Every agreement as it stands after its latest ledger entry' })
  @ApiOkResponse({ type: AgreementListDto })
  async list(@Param('eventId') eventId: string): Promise<AgreementListDto> {
    return { items: await this.agreements.list(eventId), nextCursor: null };
  }

  @Get('ledger')
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'The ledger in sequence order, with each entry’s canonical JSON and hashes' })
  @ApiOkResponse({ type: LedgerPageDto })
  @ApiErrors(C.InvalidCursor)
  async ledger(@Param('eventId') eventId: string, @Query() query: LedgerQueryDto): Promise<LedgerPageDto> {
    return this.agreements.ledger(eventId, query.limit, query.cursor);
  }

  @Get('verify')
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'Recompute the hash chain; names the first entry that does not match' })
  @ApiOkResponse({ type: ChainReportDto })
  async verify(@Param('eventId') eventId: string): Promise<ChainReportDto> {
    return this.agreements.verify(eventId);
  }

  @Get('report')
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'Totals by sector, country pair, kind and currency (exact decimals); ?format=csv' })
  @ApiExtraModels(AgreementReportDto)
  @ApiOkResponse({
    description: 'JSON by default; a CSV file with ?format=csv',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(AgreementReportDto) } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  async report(
    @Param('eventId') eventId: string,
    @Query() query: ReportQueryDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<AgreementReportDto | string> {
    const report = await this.agreements.report(eventId);
    if (query.format !== 'csv') return report;
    res.header('Content-Type', 'text/csv; charset=utf-8');
    res.header('Content-Disposition', 'attachment; filename="agreements-report.csv"');
    const ledger = report.ledger.valid ? 'valid' : `BROKEN at entry ${report.ledger.firstBroken?.seq ?? '?'}`;
    return `\uFEFF${stringify([...reportRows(report), ['ledger', 'verification', String(report.ledger.entriesChecked), '', ledger]])}`;
  }

  @Get('summary')
  @Public()
  @ApiOperation({ summary: 'Public agreement report of a published event, when its organisers allow it' })
  @ApiOkResponse({ type: PublicAgreementReportDto })
  @ApiErrors(EventErrorCode.EventNotFound, A.ReportNotPublic)
  async summary(@Param('eventId') eventId: string, @CurrentUser() user?: AuthUser): Promise<PublicAgreementReportDto> {
    return this.agreements.publicReport(eventId, user);
  }

  @Get(':agreementId')
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'One agreement and every ledger entry about it' })
  @ApiOkResponse({ type: AgreementHistoryDto })
  @ApiErrors(A.AgreementNotFound)
  async get(
    @Param('eventId') eventId: string,
    @Param('agreementId') agreementId: string,
  ): Promise<AgreementHistoryDto> {
    return this.agreements.get(eventId, agreementId);
  }

  @Post(':agreementId/amend')
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'Record an amendment (a new entry; the earlier ones stay)' })
  @ApiCreatedResponse({ type: RecordedAgreementDto })
  @ApiErrors(
    A.AgreementNotFound,
    A.AgreementWithdrawn,
    A.InvalidAmount,
    A.UnknownParty,
    C.BadReference,
    C.InvalidValue,
    A.LedgerBroken,
  )
  async amend(
    @Param('eventId') eventId: string,
    @Param('agreementId') agreementId: string,
    @Body() dto: AmendAgreementDto,
    @CurrentUser() user: AuthUser,
  ): Promise<RecordedAgreementDto> {
    return this.agreements.amend(eventId, agreementId, user, dto);
  }

  @Post(':agreementId/withdraw')
  @Allow(EventOrganiserPolicy)
  @ApiOperation({ summary: 'Record a withdrawal (a new entry; the agreement leaves the report)' })
  @ApiCreatedResponse({ type: RecordedAgreementDto })
  @ApiErrors(A.AgreementNotFound, A.AgreementWithdrawn, A.LedgerBroken)
  async withdraw(
    @Param('eventId') eventId: string,
    @Param('agreementId') agreementId: string,
    @Body() dto: WithdrawAgreementDto,
    @CurrentUser() user: AuthUser,
  ): Promise<RecordedAgreementDto> {
    return this.agreements.withdraw(eventId, agreementId, user, dto.reason);
  }
}
