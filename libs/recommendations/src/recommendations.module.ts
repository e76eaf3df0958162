import { Module } from '@nestjs/common';
import { AuthCoreModule } from '@roundtable/auth';
import { EventsCoreModule } from '@roundtable/events';
import { MeetingsCoreModule } from '@roundtable/meetings';
import { RegistrationsCoreModule } from '@roundtable/registrations';
import { RecommendationsController } from './recommendations.controller';
import { RecommendationsRepository } from './recommendations.repository';
import { RecommendationsService } from './recommendations.service';

/**
 * Owns recommendation_profiles, recommendation_pairs, recommendation_dirty,
 * recommendation_watermark, recommendation_events and recommendation_concepts.
 * Reads delegates through the registrations lib and meeting requests through
 * the meetings lib; never their tables.
 */
@Module({
  imports: [AuthCoreModule, EventsCoreModule, RegistrationsCoreModule, MeetingsCoreModule],
  controllers: [RecommendationsController],
  providers: [RecommendationsRepository, RecommendationsService],
})
export class RecommendationsModule {}
