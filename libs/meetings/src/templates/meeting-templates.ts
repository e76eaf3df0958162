import {
  composeMail,
  formatWhen,
  MailTemplate,
  nameForReader,
  RenderContext,
  ScriptNames,
  words,
} from '@roundtable/notifications';
import { Locale } from '@roundtable/common';

/** What every meeting mail knows: the event, the other delegate, and the meeting's time and place when there is one. */
export interface MeetingMailPayload {
  eventName: string;
  otherName: string;
  /** The other delegate's badge names: the reader sees their own script beside the original. */
  otherNames?: ScriptNames | null;
  otherCompany: string | null;
  otherCompanyNames?: ScriptNames | null;
  message?: string | null;
  startsAt?: string | null;
  tableNo?: number | null;
  interpreter?: string | null;
  /** Why an accepted request has no slot yet. */
  reason?: string | null;
  url: string;
}

export interface SchedulePayload {
  eventName: string;
  meetings: Array<{
    startsAt: string;
    tableNo: number;
    otherName: string;
    otherNames?: ScriptNames | null;
    otherCompany: string | null;
    otherCompanyNames?: ScriptNames | null;
    interpreter: string | null;
  }>;
  url: string;
}

type Wording = { subject: string; body: string; action?: string };
type Words = Record<Locale, Wording>;

const LABELS: Record<
  Locale,
  {
    when: string;
    table: string;
    interpreter: string;
    message: string;
  }
> = {
  en: {
    when: 'Time',
    table: 'Table',
    interpreter: 'Interpreter',
    message: 'Message',
  },
  zh: {
    when: '时间',
    table: '桌号',
    interpreter: '翻译',
    message: '留言',
  },
  ru: {
    when: 'Время',
    table: 'Стол',
    interpreter: 'Переводчик',
    message: 'Сообщение',
  },
};

/** "徐晓玲 (Сюй Сяолин), Ganjiang Logistics": a comma, since the name may carry its other script in brackets. */
const who = (p: MeetingMailPayload): string => (p.otherCompany ? `${p.otherName}, ${p.otherCompany}` : p.otherName);

/** The other delegate and their company as the reader writes them: "徐晓玲 (Сюй Сяолин)". */
function forReader<
  T extends Pick<MeetingMailPayload, 'otherName' | 'otherNames' | 'otherCompany' | 'otherCompanyNames'>,
>(p: T, locale: Locale): T {
  return {
    ...p,
    otherName: nameForReader(p.otherName, p.otherNames, locale),
    otherCompany: p.otherCompany ? nameForReader(p.otherCompany, p.otherCompanyNames, locale) : p.otherCompany,
  };
}

const EXAMPLE: MeetingMailPayload = {
  eventName: 'China-Russia SME Roundtable',
  otherName: 'Анна Петрова',
  otherNames: { latin: 'Anna Petrova', ru: 'Анна Петрова', zh: '安娜·彼得罗娃' },
  otherCompany: 'Волга Логистик',
  message: 'We would like to discuss rail freight from Nanchang to Kazan.',
  startsAt: '2027-06-10T06:00:00Z',
  tableNo: 12,
  interpreter: 'Li Na',
  reason: null,
  url: 'http://localhost:3000/docs',
};

/** A meeting mail: wording per locale, and the shared facts (time, table, interpreter, message) below it. */
function meetingTemplate(
  type: string,
  wording: (p: MeetingMailPayload, c: RenderContext) => Words,
): MailTemplate<MeetingMailPayload> {
  return {
    type,
    example: EXAMPLE,
    render(original, c) {
      const p = forReader(original, c.locale);
      const w = words(wording(p, c), c);
      const l = LABELS[c.locale];
      const facts: [string, string][] = [];
      if (p.startsAt) facts.push([l.when, formatWhen(p.startsAt, c)]);
      if (p.tableNo) facts.push([l.table, String(p.tableNo)]);
      if (p.interpreter) facts.push([l.interpreter, p.interpreter]);
      if (p.message) facts.push([l.message, p.message]);
      return composeMail(
        {
          subject: w.subject,
          paragraphs: [w.body],
          facts,
          action: w.action ? { label: w.action, url: p.url } : undefined,
        },
        c,
      );
    },
  };
}

const REASONS: Record<Locale, Record<string, string>> = {
  en: {
    NO_COMMON_AVAILABILITY: 'you have no meeting time in common',
    MEETING_CAP_REACHED: 'one of you has reached the most meetings allowed',
    NO_INTERPRETER: 'no interpreter is free at the times you share',
    NO_FREE_TABLE: 'no table is free at the times you share',
    NO_COMMON_FREE_SLOT: 'your free times do not overlap any more',
  },
  zh: {
    NO_COMMON_AVAILABILITY: '双方没有共同的可会谈时间',
    MEETING_CAP_REACHED: '其中一方的会谈数量已达上限',
    NO_INTERPRETER: '共同空闲时段内没有可用的翻译',
    NO_FREE_TABLE: '共同空闲时段内没有空余桌位',
    NO_COMMON_FREE_SLOT: '双方的空闲时段已不再重合',
  },
  ru: {
    NO_COMMON_AVAILABILITY: 'у вас нет общего времени для встреч',
    MEETING_CAP_REACHED: 'у одного из вас уже максимальное число встреч',
    NO_INTERPRETER: 'в общее свободное время нет свободного переводчика',
    NO_FREE_TABLE: 'в общее свободное время нет свободного стола',
    NO_COMMON_FREE_SLOT: 'ваше свободное время больше не совпадает',
  },
};

export const meetingRequestedTemplate = meetingTemplate('meeting-requested', (p) => ({
  en: {
    subject: `Meeting request from ${who(p)}`,
    body: `${who(p)} would like to meet you at ${p.eventName}. Please accept or decline the request.`,
    action: 'Answer the request',
  },
  zh: {
    subject: `来自${who(p)}的会谈邀请`,
    body: `${who(p)}希望在${p.eventName}期间与您会谈，请接受或拒绝该邀请。`,
    action: '回复邀请',
  },
  ru: {
    subject: `Запрос на встречу от ${who(p)}`,
    body: `${who(p)} хотел(а) бы встретиться с вами на мероприятии «${p.eventName}». Пожалуйста, примите или отклоните запрос.`,
    action: 'Ответить на запрос',
  },
}));

export const meetingAcceptedTemplate = meetingTemplate('meeting-accepted', (p) => {
  const scheduled = Boolean(p.startsAt);
  const reason = (l: Locale) => (p.reason ? (REASONS[l][p.reason] ?? p.reason) : '');
  return {
    en: {
      subject: `${p.otherName} accepted your meeting request`,
      body: scheduled
        ? `${who(p)} accepted your request. The meeting is scheduled; the calendar entry is attached.`
        : `${who(p)} accepted your request, but it could not be scheduled yet because ${reason('en')}. The organisers will place it when a slot frees up.`,
    },
    zh: {
      subject: `${p.otherName}已接受您的会谈邀请`,
      body: scheduled
        ? `${who(p)}已接受您的邀请，会谈已安排，日历文件见附件。`
        : `${who(p)}已接受您的邀请，但由于${reason('zh')}，暂时无法安排。一旦有空余时段，组委会将为您安排。`,
    },
    ru: {
      subject: `${p.otherName} принял(а) ваш запрос на встречу`,
      body: scheduled
        ? `${who(p)} принял(а) ваш запрос. Встреча назначена, файл календаря приложен.`
        : `${who(p)} принял(а) ваш запрос, но назначить встречу пока нельзя: ${reason('ru')}. Организаторы назначат её, как только освободится время.`,
    },
  };
});

export const meetingDeclinedTemplate = meetingTemplate('meeting-declined', (p) => ({
  en: {
    subject: `${p.otherName} declined your meeting request`,
    body: `${who(p)} is unable to meet at ${p.eventName}. You may find other partners in the delegate directory.`,
  },
  zh: {
    subject: `${p.otherName}婉拒了您的会谈邀请`,
    body: `${who(p)}无法在${p.eventName}期间与您会谈。您可以在参会者名录中寻找其他合作伙伴。`,
  },
  ru: {
    subject: `${p.otherName} отклонил(а) ваш запрос на встречу`,
    body: `${who(p)} не сможет встретиться с вами на мероприятии «${p.eventName}». Других партнёров можно найти в каталоге участников.`,
  },
}));

export const meetingRequestCancelledTemplate = meetingTemplate('meeting-request-cancelled', (p) => ({
  en: {
    subject: `${p.otherName} withdrew a meeting request`,
    body: `${who(p)} withdrew the meeting request sent to you for ${p.eventName}.`,
  },
  zh: { subject: `${p.otherName}撤回了会谈邀请`, body: `${who(p)}撤回了发给您的${p.eventName}会谈邀请。` },
  ru: {
    subject: `${p.otherName} отозвал(а) запрос на встречу`,
    body: `${who(p)} отозвал(а) запрос на встречу на мероприятии «${p.eventName}».`,
  },
}));

export const meetingScheduledTemplate = meetingTemplate('meeting-scheduled', (p) => ({
  en: {
    subject: `Meeting with ${p.otherName} scheduled`,
    body: `Your meeting with ${who(p)} at ${p.eventName} has a time and a table. The calendar entry is attached.`,
  },
  zh: {
    subject: `与${p.otherName}的会谈已安排`,
    body: `您在${p.eventName}期间与${who(p)}的会谈已安排好时间和桌号，日历文件见附件。`,
  },
  ru: {
    subject: `Встреча с ${p.otherName} назначена`,
    body: `Для вашей встречи с ${who(p)} на мероприятии «${p.eventName}» назначены время и стол. Файл календаря приложен.`,
  },
}));

export const meetingMovedTemplate = meetingTemplate('meeting-moved', (p) => ({
  en: {
    subject: `Meeting with ${p.otherName} moved`,
    body: `Your meeting with ${who(p)} has a new time or table. The updated calendar entry is attached.`,
  },
  zh: {
    subject: `与${p.otherName}的会谈时间有变`,
    body: `您与${who(p)}的会谈时间或桌号已变更，更新后的日历文件见附件。`,
  },
  ru: {
    subject: `Встреча с ${p.otherName} перенесена`,
    body: `У вашей встречи с ${who(p)} новое время или стол. Обновлённый файл календаря приложен.`,
  },
}));

export const meetingCancelledTemplate = meetingTemplate('meeting-cancelled', (p) => ({
  en: {
    subject: `Meeting with ${p.otherName} cancelled`,
    body: `Your meeting with ${who(p)} at ${p.eventName} has been cancelled.`,
  },
  zh: { subject: `与${p.otherName}的会谈已取消`, body: `您在${p.eventName}期间与${who(p)}的会谈已取消。` },
  ru: {
    subject: `Встреча с ${p.otherName} отменена`,
    body: `Ваша встреча с ${who(p)} на мероприятии «${p.eventName}» отменена.`,
  },
}));

export const meetingReminderTemplate: MailTemplate<MeetingMailPayload> = {
  ...meetingTemplate('meeting-reminder', (p) => ({
    en: {
      subject: `Reminder: meeting with ${p.otherName}`,
      body: `This is a reminder of your meeting with ${who(p)}.`,
    },
    zh: { subject: `提醒：与${p.otherName}的会谈`, body: `温馨提醒：您与${who(p)}的会谈即将开始。` },
    ru: { subject: `Напоминание: встреча с ${p.otherName}`, body: `Напоминаем о вашей встрече с ${who(p)}.` },
  })),
  // The subject row is cancelled when the meeting is; this also covers a reminder already in the queue.
  async isStillWanted(mail, em) {
    const id = mail.subject?.startsWith('meeting:') ? mail.subject.slice('meeting:'.length) : null;
    if (!id) return false;
    const rows: Array<{ status: string }> = await em.query('SELECT status FROM meetings WHERE id = ?', [id]);
    return rows[0]?.status === 'scheduled';
  },
};

export const scheduleFinalTemplate: MailTemplate<SchedulePayload> = {
  type: 'schedule-final',
  example: {
    eventName: 'China-Russia SME Roundtable',
    meetings: [
      {
        startsAt: '2027-06-10T06:00:00Z',
        tableNo: 12,
        otherName: 'Анна Петрова',
        otherCompany: 'Волга Логистик',
        interpreter: null,
      },
    ],
    url: 'http://localhost:3000/docs',
  },
  render(p, c) {
    const w = words(
      {
        en: {
          subject: `Your B2B meeting schedule for ${p.eventName}`,
          body: `The B2B schedule is final. Your ${p.meetings.length} meeting(s):`,
          table: 'table',
          action: 'Open my meetings',
        },
        zh: {
          subject: `您在${p.eventName}的洽谈会日程`,
          body: `洽谈会日程已最终确定。您共有${p.meetings.length}场会谈：`,
          table: '桌号',
          action: '查看我的会谈',
        },
        ru: {
          subject: `Ваше расписание B2B-встреч: ${p.eventName}`,
          body: `Расписание B2B-встреч утверждено. Ваши встречи (${p.meetings.length}):`,
          table: 'стол',
          action: 'Мои встречи',
        },
      },
      c,
    );
    return composeMail(
      {
        subject: w.subject,
        paragraphs: [w.body],
        facts: p.meetings
          .map(forReaderIn(c.locale))
          .map((m) => [
            formatWhen(m.startsAt, c),
            `${m.otherName}${m.otherCompany ? `, ${m.otherCompany}` : ''}, ${w.table} ${m.tableNo}${m.interpreter ? `, ${m.interpreter}` : ''}`,
          ]),
        action: { label: w.action, url: p.url },
      },
      c,
    );
  },
};

const forReaderIn =
  (locale: Locale) =>
  <T extends Pick<MeetingMailPayload, 'otherName' | 'otherNames' | 'otherCompany' | 'otherCompanyNames'>>(m: T): T =>
    forReader(m, locale);

export const meetingProposedTemplate = meetingTemplate('meeting-proposed', (p) => ({
  en: {
    subject: `The organisers suggest you meet ${who(p)}`,
    body: `The organisers of ${p.eventName} think you and ${who(p)} should meet: what one of you offers is what the other seeks. A meeting request between you is waiting for an answer.`,
    action: 'See the request',
  },
  zh: {
    subject: `组委会建议您与${who(p)}会谈`,
    body: `${p.eventName}组委会认为您与${who(p)}值得一谈：一方提供的正是另一方寻求的。你们之间的会谈邀请正在等待答复。`,
    action: '查看邀请',
  },
  ru: {
    subject: `Организаторы предлагают вам встретиться с ${who(p)}`,
    body: `Организаторы мероприятия «${p.eventName}» считают, что вам стоит встретиться с ${who(p)}: то, что предлагает один из вас, ищет другой. Запрос на встречу между вами ждёт ответа.`,
    action: 'Открыть запрос',
  },
}));

export const MEETING_TEMPLATES = [
  meetingRequestedTemplate,
  meetingProposedTemplate,
  meetingAcceptedTemplate,
  meetingDeclinedTemplate,
  meetingRequestCancelledTemplate,
  meetingScheduledTemplate,
  meetingMovedTemplate,
  meetingCancelledTemplate,
  meetingReminderTemplate,
  scheduleFinalTemplate,
];
