import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { AppConfig } from '@roundtable/config';
import { DataSource } from 'typeorm';
import { MailAlertService } from './mail-alert.service';
import { MailTransport } from './mail-transport';

const SMTP_CACHE_MS = 5_000;

/**
 * Mail health for /health: the age of the oldest mail that is due but not
 * sent (a stuck relay or worker shows here first), SMTP reachability when
 * SMTP is configured, and the SMTP authentication alarm.
 */
@Injectable()
export class MailHealthIndicator {
  private smtpChecked: { at: number; error: string | null } | null = null;
  private readonly staleAfterSeconds: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: MailTransport,
    private readonly alerts: MailAlertService,
    private readonly indicators: HealthIndicatorService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.staleAfterSeconds = config.get('mail', { infer: true }).staleAfterSeconds;
  }

  async outbox(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('outbox');
    const [row] = await this.dataSource.query<{ oldest: Date | null; due: string | number }[]>(
      `SELECT MIN(due_at) AS oldest, COUNT(*) AS due FROM outbox WHERE status IN ('pending', 'queued') AND due_at <= ?`,
      [new Date()],
    );
    const ageSeconds = row.oldest ? Math.max(0, Math.round((Date.now() - new Date(row.oldest).getTime()) / 1000)) : 0;
    const details = { oldestDueAgeSeconds: ageSeconds, due: Number(row.due) };
    return ageSeconds > this.staleAfterSeconds ? indicator.down(details) : indicator.up(details);
  }

  async smtp(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('smtp');
    const alert = await this.alerts.current();
    if (alert) return indicator.down({ message: 'SMTP authentication failed; sending paused', alert });
    if (!this.transport.usesSmtp) return indicator.up({ transport: 'file' });
    if (!this.smtpChecked || Date.now() - this.smtpChecked.at > SMTP_CACHE_MS) {
      const error = await this.transport.verify(2_000).then(
        () => null,
        (e: unknown) => (e as Error).message,
      );
      this.smtpChecked = { at: Date.now(), error };
    }
    return this.smtpChecked.error ? indicator.down({ message: this.smtpChecked.error }) : indicator.up();
  }
}
