/**
 * Every queue and job name in Roundtable, and the payload each job carries.
 * Payloads hold ids only: a processor reloads the row and decides from the
 * database, never from a copy made when the job was enqueued.
 */
export const QueueName = {
  Mail: 'mail',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  SendMail: 'send-mail',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

/** Which job names each queue carries; the worker refuses to start unless each has exactly one handler. */
export const JOBS_BY_QUEUE: Record<QueueName, readonly JobName[]> = {
  [QueueName.Mail]: [JobName.SendMail],
};

export interface SendMailJob {
  outboxId: string;
}

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');
