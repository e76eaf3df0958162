import { INestApplication } from '@nestjs/common';
import { OutboxMessage, OutboxMessageEntity, OutboxService } from '@roundtable/notifications';
import { DataSource, FindOptionsWhere } from 'typeorm';
import { uniqueEmail } from './factories';

/** Writes mails the way a feature does: through OutboxService inside a transaction. */
export async function enqueueMail(app: INestApplication, ...messages: OutboxMessage<object>[]): Promise<void> {
  await app.get(DataSource).transaction((em) => app.get(OutboxService).enqueue(em, ...messages));
}

export function invitation(overrides: Partial<OutboxMessage<object>> = {}): OutboxMessage<object> {
  const email = uniqueEmail('guest');
  return {
    type: 'invitation',
    dedupeKey: `test-invitation:${email}`,
    recipient: { email, name: 'Guest Delegate', locale: 'en' },
    payload: {
      eventName: 'China-Russia SME Roundtable',
      inviterName: 'Wang Fang',
      registrationUrl: 'http://localhost:3000/register?invitation=abc',
      role: 'delegate',
    },
    ...overrides,
  };
}

export async function outboxRows(
  app: INestApplication,
  where: FindOptionsWhere<OutboxMessageEntity>,
): Promise<OutboxMessageEntity[]> {
  return app.get(DataSource).getRepository(OutboxMessageEntity).findBy(where);
}

/** Polls until the outbox rows matching `where` satisfy the predicate. */
export async function waitForOutbox(
  app: INestApplication,
  where: FindOptionsWhere<OutboxMessageEntity>,
  predicate: (rows: OutboxMessageEntity[]) => boolean,
  timeoutMs = 20_000,
): Promise<OutboxMessageEntity[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await outboxRows(app, where);
    if (predicate(rows)) return rows;
    if (Date.now() > deadline) {
      throw new Error(
        `outbox condition not met within ${timeoutMs} ms: ${JSON.stringify(rows.map((r) => [r.status, r.lastError]))}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
