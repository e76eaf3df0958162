import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '@roundtable/config';
import { createTransport, SendMailOptions, Transporter } from 'nodemailer';

export interface SendResult {
  messageId: string;
  response: string;
}

export type FailureKind = 'temporary' | 'permanent' | 'auth';

interface SmtpErrorLike {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/**
 * How a failed send should be treated (README, "Mail and notifications"): 4xx and connection
 * errors are temporary; 5xx and a rejected envelope are permanent for that
 * recipient; 535/EAUTH is our own misconfiguration, never the recipient's fault.
 */
export function classifySmtpError(error: unknown): FailureKind {
  const e = (error ?? {}) as SmtpErrorLike;
  if (e.code === 'EAUTH' || e.responseCode === 535 || e.responseCode === 530) return 'auth';
  if (typeof e.responseCode === 'number') return e.responseCode >= 500 ? 'permanent' : 'temporary';
  if (e.code === 'EENVELOPE' || e.code === 'EMESSAGE') return 'permanent';
  return 'temporary';
}

export const describeSmtpError = (error: unknown): string => {
  const e = (error ?? {}) as SmtpErrorLike;
  return (e.response ?? e.message ?? String(error)).slice(0, 1000);
};

/**
 * The one nodemailer transport of a process: pooled SMTP when SMTP_URL is
 * set, otherwise each mail written as an .eml file under MAIL_DIR.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter;
  private readonly dir: string;
  readonly usesSmtp: boolean;
  readonly from: string;

  constructor(config: ConfigService<AppConfig, true>) {
    const mail = config.get('mail', { infer: true });
    this.from = mail.from;
    this.dir = resolve(mail.dir);
    this.usesSmtp = Boolean(mail.smtpUrl);
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- nodemailer's overloads type the pooled transport loosely
    this.transporter = mail.smtpUrl
      ? createTransport({
          url: mail.smtpUrl,
          pool: true,
          maxConnections: mail.poolSize,
          maxMessages: 500,
          // the pool's default requeue can resend a message the server already took
          maxRequeues: 0,
          disableFileAccess: true,
          disableUrlAccess: true,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        } as Parameters<typeof createTransport>[0])
      : createTransport({
          streamTransport: true,
          buffer: true,
          newline: 'unix',
          disableFileAccess: true,
          disableUrlAccess: true,
        });
  }

  async send(mail: SendMailOptions, fileName: string): Promise<SendResult> {
    const info = (await this.transporter.sendMail(mail)) as { messageId: string; response?: string; message?: Buffer };
    if (!this.usesSmtp && info.message) {
      await this.writeMailFile(`${fileName}.eml`, info.message);
      return { messageId: info.messageId, response: 'written to file' };
    }
    return { messageId: info.messageId, response: String(info.response ?? '') };
  }

  /**
   * Writes one mail under MAIL_DIR, making the directory only when it is missing (the first mail, or after
   * it was removed), not before every mail: a recursive mkdir per mail was 6% of a worker's CPU.
   */
  private async writeMailFile(name: string, message: Buffer): Promise<void> {
    try {
      await writeFile(join(this.dir, name), message);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await mkdir(this.dir, { recursive: true });
      await writeFile(join(this.dir, name), message);
    }
  }

  /** SMTP reachability (no-op true for the file transport). */
  async verify(timeoutMs: number): Promise<void> {
    if (!this.usesSmtp) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.transporter.verify(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no SMTP answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}
