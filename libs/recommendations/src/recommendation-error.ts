import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@roundtable/common';

export enum RecommendationErrorCode {
  /** An organiser without a registration of their own must say whose suggestions to show. */
  SubjectRequired = 'RECOMMENDATION_SUBJECT_REQUIRED',
  /** A concept term with no letters or digits to match on. */
  TermUnusable = 'CONCEPT_TERM_UNUSABLE',
  /** A term already names another concept of the lexicon. */
  TermTaken = 'CONCEPT_TERM_TAKEN',
}

/** The HTTP status of each code (exhaustive: a new code without one fails to compile); the api merges every lib's map. */
export const RECOMMENDATION_ERROR_STATUS: Record<RecommendationErrorCode, HttpStatus> = {
  [RecommendationErrorCode.SubjectRequired]: HttpStatus.BAD_REQUEST,
  [RecommendationErrorCode.TermUnusable]: HttpStatus.BAD_REQUEST,
  [RecommendationErrorCode.TermTaken]: HttpStatus.CONFLICT,
};

export class RecommendationError extends DomainError<RecommendationErrorCode> {}
