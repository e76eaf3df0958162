import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AgreementsCoreModule } from '@roundtable/agreements';
import { HealthController } from './health.controller';
import { RedisHealthIndicator } from './redis.health';

@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json', logger: false }), AgreementsCoreModule],
  controllers: [HealthController],
  providers: [RedisHealthIndicator],
})
export class HealthModule {}
