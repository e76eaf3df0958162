import { Module } from '@nestjs/common';
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
  controllers: [RecommendationsController],
  providers: [RecommendationsRepository, RecommendationsService],
})
export class RecommendationsModule {}
