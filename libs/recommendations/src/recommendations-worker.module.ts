import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { EventsCoreModule } from '@roundtable/events';
import { MeetingsCoreModule } from '@roundtable/meetings';
import { JobHandlerRegistry, JobName, QueueName, RefreshRecommendationsJob } from '@roundtable/queue';
import { RegistrationsCoreModule } from '@roundtable/registrations';
import { Job } from 'bull';
import { RecommendationRefreshService } from './recommendation-refresh.service';
import { RecommendationRelayService } from './recommendation-relay.service';
import { RecommendationsRepository } from './recommendations.repository';

/** The `refresh-recommendations` job: one batch at a time per worker (a batch is CPU-bound). */
@Injectable()
export class RefreshRecommendationsJobHandler implements OnModuleInit {
  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly refresh: RecommendationRefreshService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      queue: QueueName.Recommendations,
      job: JobName.RefreshRecommendations,
      concurrency: 1,
      handle: (job: Job<RefreshRecommendationsJob>) => this.refresh.refresh(job.data.eventId, job.data.registrationIds),
    });
  }
}

/** What a worker runs for recommendations: the change scan and relay, and the refresh job. */
@Module({
  imports: [EventsCoreModule, RegistrationsCoreModule, MeetingsCoreModule],
  providers: [
    RecommendationsRepository,
    RecommendationRefreshService,
    RecommendationRelayService,
    RefreshRecommendationsJobHandler,
  ],
  exports: [RecommendationRefreshService, RecommendationRelayService],
})
export class RecommendationsWorkerModule {}
