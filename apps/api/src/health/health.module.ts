import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AgreementsModule } from '@roundtable/agreements';
import { HealthController } from './health.controller';
import { RedisHealthIndicator } from './redis.health';

@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json', logger: false }), AgreementsModule],
  controllers: [HealthController],
  providers: [RedisHealthIndicator],
})
export class HealthModule {}
