/**
 * The words of the visa invitation letter in English, Chinese and Russian. The letter prints English beside
 * the host country's language (Chinese for an event in China, Russian for one in Russia); an event held
 * elsewhere prints the applicant's language instead, when it is one of these.
 */
export type LetterLanguage = 'en' | 'zh' | 'ru';

export interface LetterFacts {
  eventName: string;
  fullName: string;
  nationality: string;
  passportNumber: string;
  dateOfBirth: string;
  company: string | null;
  city: string | null;
  startsOn: string;
  endsOn: string;
  entryOn: string;
  exitOn: string;
  passportExpiresOn: string;
  issuedOn: string;
  reference: string;
  contact: string;
  checkUrl: string;
}

export interface LetterText {
  title: string;
  reference: string;
  date: string;
  invitation: string;
  stay: string;
  request: string;
  signature: string;
  contact: string;
  check: string;
}

export const LETTER_TEXT: Record<LetterLanguage, (f: LetterFacts) => LetterText> = {
  en: (f) => ({
    title: 'LETTER OF INVITATION',
    reference: `Reference: ${f.reference}`,
    date: `Date: ${f.issuedOn}`,
    invitation:
      `The organising committee of ${f.eventName} invites ${f.fullName}, citizen of ${f.nationality}, ` +
      `passport number ${f.passportNumber}, born on ${f.dateOfBirth}` +
      (f.company ? `, representing ${f.company}` : '') +
      `, to take part in the event held in ${f.city ?? 'the host city'} from ${f.startsOn} to ${f.endsOn}.`,
    stay: `Planned stay: from ${f.entryOn} to ${f.exitOn}. Passport valid until ${f.passportExpiresOn}.`,
    request: 'We kindly ask the consular authorities to issue the appropriate business visa.',
    signature: 'The organising committee',
    contact: `Contact: ${f.contact}`,
    check: `To check this letter, scan the QR code or open ${f.checkUrl}`,
  }),
  zh: (f) => ({
    title: '邀请函',
    reference: `编号：${f.reference}`,
    date: `日期：${f.issuedOn}`,
    invitation:
      `${f.eventName}组委会诚邀${f.fullName}（国籍：${f.nationality}，护照号码：${f.passportNumber}，` +
      `出生日期：${f.dateOfBirth}）` +
      (f.company ? `代表${f.company}` : '') +
      `出席于${f.startsOn}至${f.endsOn}在${f.city ?? '主办城市'}举行的活动。`,
    stay: `计划停留时间：${f.entryOn}至${f.exitOn}。护照有效期至${f.passportExpiresOn}。`,
    request: '恳请领事机关为其办理相应的商务签证。',
    signature: '组委会',
    contact: `联系人：${f.contact}`,
    check: `核验本函：请扫描二维码或访问 ${f.checkUrl}`,
  }),
  ru: (f) => ({
    title: 'ПРИГЛАШЕНИЕ',
    reference: `Номер: ${f.reference}`,
    date: `Дата: ${f.issuedOn}`,
    invitation:
      `Организационный комитет мероприятия «${f.eventName}» приглашает ${f.fullName} ` +
      `(гражданство: ${f.nationality}, паспорт № ${f.passportNumber}, дата рождения: ${f.dateOfBirth})` +
      (f.company ? `, представителя компании ${f.company},` : '') +
      ` принять участие в мероприятии, которое пройдёт в городе ${f.city ?? 'проведения'} с ${f.startsOn} по ${f.endsOn}.`,
    stay: `Планируемое пребывание: с ${f.entryOn} по ${f.exitOn}. Паспорт действителен до ${f.passportExpiresOn}.`,
    request: 'Просим консульские учреждения выдать соответствующую деловую визу.',
    signature: 'Организационный комитет',
    contact: `Контакт: ${f.contact}`,
    check: `Проверить письмо: отсканируйте QR-код или откройте ${f.checkUrl}`,
  }),
};

const BY_COUNTRY: Record<string, LetterLanguage> = {
  CN: 'zh',
  TW: 'zh',
  HK: 'zh',
  MO: 'zh',
  RU: 'ru',
  BY: 'ru',
  KZ: 'ru',
  KG: 'ru',
};

/**
 * The language printed beside English: the host country's, else the applicant's (by nationality, then by
 * the language their account uses); null when that is English too.
 */
export function secondLanguage(
  hostCountry: string | null,
  nationality: string,
  accountLocale: string | null,
): LetterLanguage | null {
  const host = hostCountry ? BY_COUNTRY[hostCountry] : undefined;
  if (host) return host;
  const applicant =
    BY_COUNTRY[nationality] ?? (accountLocale === 'zh' || accountLocale === 'ru' ? accountLocale : undefined);
  return applicant ?? null;
}
