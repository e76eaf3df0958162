/**
 * Every queue and job name in Roundtable, and the payload each job carries.
 * Payloads hold ids only: a processor reloads the row and decides from the
 * database, never from a copy made when the job was enqueued.
 */
export const QueueName = {
  Mail: 'mail',
  Scheduling: 'scheduling',
  Recommendations: 'recommendations',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  SendMail: 'send-mail',
  ScheduleMeetings: 'schedule-meetings',
  RefreshRecommendations: 'refresh-recommendations',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

/** Which job names each queue carries; the worker refuses to start unless each has exactly one handler. */
export const JOBS_BY_QUEUE: Record<QueueName, readonly JobName[]> = {
  [QueueName.Mail]: [JobName.SendMail],
  [QueueName.Scheduling]: [JobName.ScheduleMeetings],
  [QueueName.Recommendations]: [JobName.RefreshRecommendations],
};

/**
 * The outbox rows of one relay claim, sent together. (A job of the retired
 * one-row shape finds no ids and does nothing; its row's lease runs out and
 * the relay claims it again.)
 */
export interface SendMailJob {
  outboxIds: string[];
}

const MAIL_BATCH_MAX = 20;

/**
 * How many mails one `send-mail` job carries, and how many such jobs the
 * Redis limiter lets start per second, so that mails per second stay within
 * MAIL_RATE_PER_SECOND across every worker.
 */
export function mailBatching(ratePerSecond: number): { batchSize: number; jobsPerSecond: number } {
  const batchSize = Math.max(1, Math.min(MAIL_BATCH_MAX, ratePerSecond));
  return { batchSize, jobsPerSecond: Math.max(1, Math.floor(ratePerSecond / batchSize)) };
}

/** Place every accepted, unscheduled meeting request of an event. */
export interface ScheduleMeetingsJob {
  eventId: string;
  requestedBy: string;
}

/** Recompute the recommendations of these delegates of one event (claimed from `recommendation_dirty`). */
export interface RefreshRecommendationsJob {
  eventId: string;
  registrationIds: string[];
}

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');
