import { AppConfig } from '@roundtable/config';
import { reasonOf, StartupCheck, StartupError } from '@roundtable/common';
import { createTransport } from 'nodemailer';
import { describeSmtpError } from './mail-transport';

const TIMEOUT_MS = 3_000;

/**
 * Does the SMTP server in SMTP_URL answer (and take our login)? Not fatal: every mail is an outbox
 * row first and waits there until the server answers, so the process starts and says so in one
 * warning line. Nothing to check when mail goes to files.
 */
export function smtpStartupCheck(mail: AppConfig['mail']): StartupCheck {
  return {
    name: 'SMTP',
    fatal: false,
    run: async () => {
      if (!mail.smtpUrl) return;
      const url = new URL(mail.smtpUrl);
      // the URL may carry a password: only its host and port are ever printed
      const where = `${url.hostname}:${url.port || (url.protocol === 'smtps:' ? '465' : '587')}`;
      const transport = createTransport({
        url: mail.smtpUrl,
        connectionTimeout: TIMEOUT_MS,
        greetingTimeout: TIMEOUT_MS,
        socketTimeout: TIMEOUT_MS,
      } as Parameters<typeof createTransport>[0]);
      try {
        await transport.verify();
      } catch (error) {
        const e = error as { code?: string; responseCode?: number };
        const outbox = 'mail waits in the outbox and goes out once it does';
        if (e.code === 'EAUTH' || e.responseCode === 535 || e.responseCode === 530) {
          throw new StartupError(
            `SMTP server at ${where} refused our login (${describeSmtpError(error).split('\n')[0]}): fix the user or password in SMTP_URL; ${outbox}`,
          );
        }
        throw new StartupError(
          `SMTP server is not reachable at ${where} (${reasonOf(error, TIMEOUT_MS)}): start it, or fix SMTP_URL; ${outbox}`,
        );
      } finally {
        transport.close();
      }
    },
  };
}
