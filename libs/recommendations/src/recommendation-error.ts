import { DomainError } from '@roundtable/common';

export enum RecommendationErrorCode {
  /** An organiser without a registration of their own must say whose suggestions to show. */
  SubjectRequired = 'RECOMMENDATION_SUBJECT_REQUIRED',
  /** A concept term with no letters or digits to match on. */
  TermUnusable = 'CONCEPT_TERM_UNUSABLE',
  /** A term already names another concept of the lexicon. */
  TermTaken = 'CONCEPT_TERM_TAKEN',
}

export class RecommendationError extends DomainError<RecommendationErrorCode> {}
