import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '@roundtable/config';
import { JobHandlerRegistry, JobName, QueueName, SendMailJob } from '@roundtable/queue';
import { Job, Queue } from 'bull';
import { MailSenderService } from './mail-sender.service';

const AUTH_PAUSE_MS = 30_000;

/** The `send-mail` job: thin; the rows decide everything. Pauses this worker while SMTP refuses our login. */
@Injectable()
export class MailJobHandler implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('MailJob');
  private resumeTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly sender: MailSenderService,
    @InjectQueue(QueueName.Mail) private readonly queue: Queue<SendMailJob>,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      queue: QueueName.Mail,
      job: JobName.SendMail,
      concurrency: this.config.get('mail.concurrency', { infer: true }),
      handle: (job: Job<SendMailJob>) => this.handle(job),
    });
  }

  onModuleDestroy(): void {
    if (this.resumeTimer) clearTimeout(this.resumeTimer);
  }

  private async handle(job: Job<SendMailJob>): Promise<string> {
    const ids = job.data.outboxIds ?? [];
    const outcomes = await this.sender.sendBatch(ids);
    if (outcomes.includes('auth-failure') && !this.resumeTimer) {
      await this.queue.pause(true, true);
      this.resumeTimer = setTimeout(() => {
        this.resumeTimer = null;
        this.queue.resume(true).catch((error: unknown) => this.logger.warn(`Resume failed: ${String(error)}`));
      }, AUTH_PAUSE_MS);
    }
    return outcomes.join(',');
  }
}
