import { Locale } from '@roundtable/common';
import { composeMail, formatWhen, MailTemplate } from '@roundtable/notifications';

/** Per-language texts of the visit, so each reader gets theirs (falling back to the organisers' original). */
export type LocalTexts = Partial<Record<Locale, string>>;

export interface SiteVisitMailPayload {
  eventName: string;
  title: string;
  titles: LocalTexts;
  meetingPoint: string;
  meetingPoints: LocalTexts;
  transport: string | null;
  transports: LocalTexts;
  departsAt: string;
  /** The event page, where the visit and the delegate's sign-up are. */
  url: string;
}

export const SITE_VISIT_REMINDER = 'site-visit-reminder';
export const SITE_VISIT_PROMOTED = 'site-visit-promoted';
export const signupSubject = (signupId: string): string => `site-visit-signup:${signupId}`;

type Wording = {
  subject: (title: string) => string;
  body: (title: string, eventName: string) => string;
  departs: string;
  meetingPoint: string;
  transport: string;
  action: string;
};

const EXAMPLE: SiteVisitMailPayload = {
  eventName: 'China-Russia SME Roundtable',
  title: 'Tour of the Jiangling vehicle plant',
  titles: { zh: '江铃汽车工厂参观', ru: 'Экскурсия на автозавод Цзянлин' },
  meetingPoint: 'Hotel lobby, north entrance',
  meetingPoints: { zh: '酒店大堂北门', ru: 'Лобби отеля, северный вход' },
  transport: 'Coach, 40 minutes',
  transports: { zh: '大巴，约40分钟', ru: 'Автобус, 40 минут' },
  departsAt: '2027-06-11T00:30:00.000Z',
  url: 'http://localhost:3000/app/events/00000000-0000-0000-0000-000000000000',
};

/** A mail about a confirmed seat; sent only while the sign-up is still confirmed (not cancelled meanwhile). */
function siteVisitTemplate(type: string, wording: Record<Locale, Wording>): MailTemplate<SiteVisitMailPayload> {
  return {
    type,
    example: EXAMPLE,
    async isStillWanted(mail, em) {
      const id = mail.subject?.startsWith('site-visit-signup:')
        ? mail.subject.slice('site-visit-signup:'.length)
        : null;
      if (!id) return false;
      const rows: Array<{ status: string }> = await em.query('SELECT status FROM site_visit_signups WHERE id = ?', [
        id,
      ]);
      return rows[0]?.status === 'confirmed';
    },
    render(p, c) {
      const w = wording[c.locale];
      const title = p.titles[c.locale] ?? p.title;
      const facts: [string, string][] = [
        [w.departs, formatWhen(p.departsAt, c)],
        [w.meetingPoint, p.meetingPoints[c.locale] ?? p.meetingPoint],
      ];
      const transport = p.transports[c.locale] ?? p.transport;
      if (transport) facts.push([w.transport, transport]);
      return composeMail(
        {
          subject: w.subject(title),
          paragraphs: [w.body(title, p.eventName)],
          facts,
          action: { label: w.action, url: p.url },
        },
        c,
      );
    },
  };
}

const FACT_WORDS = {
  en: { departs: 'Departure', meetingPoint: 'Meeting point', transport: 'Transport', action: 'See the visit' },
  zh: { departs: '出发时间', meetingPoint: '集合地点', transport: '交通方式', action: '查看参观详情' },
  ru: { departs: 'Отправление', meetingPoint: 'Место сбора', transport: 'Транспорт', action: 'Открыть визит' },
} as const;

export const SITE_VISIT_TEMPLATES = [
  siteVisitTemplate(SITE_VISIT_REMINDER, {
    en: {
      ...FACT_WORDS.en,
      subject: (t) => `Reminder: ${t}`,
      body: (t, e) =>
        `A reminder that you are signed up for the site visit "${t}" at ${e}. Please be at the meeting point on time: the transport leaves as scheduled.`,
    },
    zh: {
      ...FACT_WORDS.zh,
      subject: (t) => `参观提醒：${t}`,
      body: (t, e) => `提醒您：您已报名${e}的参观活动“${t}”。请准时到达集合地点，车辆将按时出发。`,
    },
    ru: {
      ...FACT_WORDS.ru,
      subject: (t) => `Напоминание: ${t}`,
      body: (t, e) =>
        `Напоминаем, что вы записаны на выездной визит «${t}» (${e}). Пожалуйста, приходите к месту сбора вовремя: транспорт отправляется по расписанию.`,
    },
  }),
  siteVisitTemplate(SITE_VISIT_PROMOTED, {
    en: {
      ...FACT_WORDS.en,
      subject: (t) => `A seat is yours: ${t}`,
      body: (t, e) =>
        `A seat on the site visit "${t}" at ${e} has freed up, and it is yours: you are no longer on the waiting list.`,
    },
    zh: {
      ...FACT_WORDS.zh,
      subject: (t) => `您已获得名额：${t}`,
      body: (t, e) => `${e}的参观活动“${t}”有名额空出，已分配给您，您不再处于候补名单中。`,
    },
    ru: {
      ...FACT_WORDS.ru,
      subject: (t) => `Место за вами: ${t}`,
      body: (t, e) => `На выездном визите «${t}» (${e}) освободилось место, и оно ваше: вы больше не в листе ожидания.`,
    },
  }),
];
