import { composeMail, formatWhen, MailTemplate, words } from '@roundtable/notifications';
import { BreakReason } from '../chain';

/** The alert an event's organisers get when the worker's periodic verification finds its ledger broken. */
export interface LedgerBrokenMailPayload {
  eventName: string;
  eventId: string;
  /** The first entry that does not verify. */
  seq: number;
  reason: BreakReason;
  detectedAt: string;
}

const REASONS: Record<'en' | 'zh' | 'ru', Record<BreakReason, string>> = {
  en: {
    ENTRY_MISSING: 'the entry is missing',
    PAYLOAD_NOT_CANONICAL: 'its content was rewritten',
    PAYLOAD_DOES_NOT_MATCH_ROW: 'its content names another entry',
    PREVIOUS_HASH_MISMATCH: 'it no longer links to the entry before it',
    HASH_MISMATCH: 'its content was changed after it was recorded',
    ENTRY_NOT_IN_HEAD: 'the ledger head does not end at this entry',
  },
  zh: {
    ENTRY_MISSING: '该记录缺失',
    PAYLOAD_NOT_CANONICAL: '其内容被改写',
    PAYLOAD_DOES_NOT_MATCH_ROW: '其内容指向另一条记录',
    PREVIOUS_HASH_MISMATCH: '它与前一条记录的链接不再一致',
    HASH_MISMATCH: '其内容在登记后被修改',
    ENTRY_NOT_IN_HEAD: '登记簿头部与该记录不符',
  },
  ru: {
    ENTRY_MISSING: 'запись отсутствует',
    PAYLOAD_NOT_CANONICAL: 'её содержимое переписано',
    PAYLOAD_DOES_NOT_MATCH_ROW: 'её содержимое относится к другой записи',
    PREVIOUS_HASH_MISMATCH: 'она больше не связана с предыдущей записью',
    HASH_MISMATCH: 'её содержимое изменено после регистрации',
    ENTRY_NOT_IN_HEAD: 'заголовок реестра не заканчивается этой записью',
  },
};

export const ledgerBrokenTemplate: MailTemplate<LedgerBrokenMailPayload> = {
  type: 'ledger-broken',
  example: {
    eventName: 'China-Russia SME Cooperation Roundtable',
    eventId: '0190f0a2-1c2d-7e3f-8a4b-5c6d7e8f9a0b',
    seq: 12,
    reason: 'HASH_MISMATCH',
    detectedAt: '2027-06-11T10:00:00Z',
  },
  render(p, c) {
    const w = words(
      {
        en: {
          subject: `Agreement ledger broken: ${p.eventName}`,
          body: `The agreement ledger of ${p.eventName} no longer verifies: entry ${p.seq} fails (${REASONS.en[p.reason]}). Someone with direct access to the database has changed it. Until the ledger is restored from a backup, no agreement can be recorded and every report says the ledger is broken.`,
          entry: 'First broken entry',
          detected: 'Found',
          check: 'Check it',
        },
        zh: {
          subject: `协议登记簿校验失败：${p.eventName}`,
          body: `${p.eventName}的协议登记簿校验未通过：第 ${p.seq} 条记录有误（${REASONS.zh[p.reason]}）。有人直接修改了数据库。在从备份恢复登记簿之前，无法登记新的协议，所有报告都会注明登记簿已损坏。`,
          entry: '第一条有误的记录',
          detected: '发现时间',
          check: '核查',
        },
        ru: {
          subject: `Реестр соглашений нарушен: ${p.eventName}`,
          body: `Реестр соглашений мероприятия «${p.eventName}» не проходит проверку: запись ${p.seq} неверна (${REASONS.ru[p.reason]}). Кто-то изменил базу данных напрямую. Пока реестр не восстановлен из резервной копии, новые соглашения не регистрируются, а все отчёты указывают, что реестр нарушен.`,
          entry: 'Первая неверная запись',
          detected: 'Обнаружено',
          check: 'Проверить',
        },
      },
      c,
    );
    return composeMail(
      {
        subject: w.subject,
        paragraphs: [w.body],
        facts: [
          [w.entry, `#${p.seq} (${p.reason})`],
          [w.detected, formatWhen(p.detectedAt, c)],
          [w.check, `GET ${c.baseUrl}/events/${p.eventId}/agreements/verify`],
        ],
      },
      c,
    );
  },
};
