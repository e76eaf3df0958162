import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { LedgerHealthIndicator } from '@roundtable/agreements';
import { Public } from '@roundtable/auth';
import { MailHealthIndicator } from '@roundtable/notifications';
import { RedisHealthIndicator } from './redis.health';

@ApiTags('ops')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly mysql: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly mail: MailHealthIndicator,
    private readonly ledger: LedgerHealthIndicator,
  ) {}

  @Public()
  @Get()
  @HealthCheck()
  @ApiOperation({
    summary:
      'MySQL, Redis, SMTP (when configured) and the oldest undelivered mail, 503 when one is down; also the agreement ledgers the worker found broken (listed, not a failure)',
  })
  check(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.mysql.pingCheck('mysql', { timeout: 1_500 }),
      () => this.redis.check(),
      () => this.mail.smtp(),
      () => this.mail.outbox(),
      () => this.ledger.check(),
    ]);
  }
}
