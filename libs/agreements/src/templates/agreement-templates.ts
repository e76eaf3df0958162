import { Locale } from '@roundtable/common';
import { composeMail, formatMoneyText, formatWhen, MailTemplate, words } from '@roundtable/notifications';
import { AgreementKind, LedgerAction } from '../agreement-model';

/** The confirmation a party gets for each ledger entry about its agreement. */
export interface AgreementMailPayload {
  eventName: string;
  action: LedgerAction;
  title: string;
  kind: AgreementKind;
  /** "Ganzhou Auto Parts Co. (CN) · ООО «Волга Логистик» (RU)" */
  parties: string;
  /** "1250000.50 CNY" (the exact decimal and the ISO 4217 code; formatted for the reader when rendered), or null. */
  value: string | null;
  signedAt: string;
  reason: string | null;
  seq: number;
  hash: string;
}

const KINDS: Record<Locale, Record<AgreementKind, string>> = {
  en: {
    mou: 'memorandum of understanding',
    cooperation_agreement: 'cooperation agreement',
    contract: 'contract',
    letter_of_intent: 'letter of intent',
  },
  zh: { mou: '谅解备忘录', cooperation_agreement: '合作协议', contract: '合同', letter_of_intent: '意向书' },
  ru: {
    mou: 'меморандум о взаимопонимании',
    cooperation_agreement: 'соглашение о сотрудничестве',
    contract: 'контракт',
    letter_of_intent: 'письмо о намерениях',
  },
};

const LABELS: Record<
  Locale,
  {
    kind: string;
    parties: string;
    value: string;
    signedAt: string;
    reason: string;
    entry: string;
  }
> = {
  en: {
    kind: 'Kind',
    parties: 'Parties',
    value: 'Value',
    signedAt: 'Signed',
    reason: 'Reason',
    entry: 'Ledger entry',
  },
  zh: {
    kind: '类型',
    parties: '签约方',
    value: '金额',
    signedAt: '签署时间',
    reason: '原因',
    entry: '登记编号',
  },
  ru: {
    kind: 'Вид',
    parties: 'Стороны',
    value: 'Сумма',
    signedAt: 'Подписано',
    reason: 'Причина',
    entry: 'Запись в реестре',
  },
};

export const agreementRecordedTemplate: MailTemplate<AgreementMailPayload> = {
  type: 'agreement-recorded',
  example: {
    eventName: 'China-Russia SME Cooperation Roundtable',
    action: 'signed',
    title: 'Rail freight Nanchang–Kazan',
    kind: 'cooperation_agreement',
    parties: 'Jiangxi Ganpo Logistics (CN) · ООО «Волга Логистик» (RU)',
    value: '1250000.50 CNY',
    signedAt: '2027-06-11T08:30:00Z',
    reason: null,
    seq: 7,
    hash: 'a3f1c2d4e5b6a7980a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6071',
  },
  render(p, c) {
    const w = words(
      {
        en: {
          signed: {
            subject: `Agreement recorded: ${p.title}`,
            body: `The organisers of ${p.eventName} have recorded the signing of “${p.title}” in the event's agreement ledger. Please check the details below and tell the organisers if anything is wrong; they will record a correction.`,
          },
          amended: {
            subject: `Agreement amended: ${p.title}`,
            body: `The organisers of ${p.eventName} have recorded an amendment to “${p.title}”. The details below are the agreement as it now stands.`,
          },
          withdrawn: {
            subject: `Agreement withdrawn: ${p.title}`,
            body: `The organisers of ${p.eventName} have recorded that “${p.title}” was withdrawn. It no longer counts in the event's results.`,
          },
        }[p.action],
        zh: {
          signed: {
            subject: `协议已登记：${p.title}`,
            body: `${p.eventName}组委会已将《${p.title}》的签署登记在本次活动的协议登记簿中。请核对以下信息，如有错误请告知组委会，组委会将登记更正。`,
          },
          amended: {
            subject: `协议已变更：${p.title}`,
            body: `${p.eventName}组委会已登记《${p.title}》的变更。以下为协议变更后的内容。`,
          },
          withdrawn: {
            subject: `协议已撤销：${p.title}`,
            body: `${p.eventName}组委会已登记《${p.title}》撤销，该协议不再计入本次活动的成果。`,
          },
        }[p.action],
        ru: {
          signed: {
            subject: `Соглашение зарегистрировано: ${p.title}`,
            body: `Организаторы мероприятия «${p.eventName}» внесли подписание документа «${p.title}» в реестр соглашений. Пожалуйста, проверьте данные ниже и сообщите организаторам, если что-то указано неверно: они внесут исправление.`,
          },
          amended: {
            subject: `В соглашение внесены изменения: ${p.title}`,
            body: `Организаторы мероприятия «${p.eventName}» зарегистрировали изменение документа «${p.title}». Ниже — его актуальная редакция.`,
          },
          withdrawn: {
            subject: `Соглашение отозвано: ${p.title}`,
            body: `Организаторы мероприятия «${p.eventName}» зарегистрировали отзыв документа «${p.title}». Он больше не учитывается в итогах мероприятия.`,
          },
        }[p.action],
      },
      c,
    );
    const l = LABELS[c.locale];
    const facts: [string, string][] = [
      [l.kind, KINDS[c.locale][p.kind]],
      [l.parties, p.parties],
    ];
    if (p.value) facts.push([l.value, formatMoneyText(p.value, c.locale)]);
    facts.push([l.signedAt, formatWhen(p.signedAt, c)]);
    if (p.reason) facts.push([l.reason, p.reason]);
    facts.push([l.entry, `#${p.seq} · SHA-256 ${p.hash}`]);
    return composeMail(
      {
        subject: w.subject,
        paragraphs: [w.body],
        facts,
      },
      c,
    );
  },
};
