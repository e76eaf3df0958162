import { Locale } from '@roundtable/common';
import { RegistrationStatus } from '../entities/registration.entity';
import { composeMail, formatWhen, MailTemplate, words } from '@roundtable/notifications';

export interface RegistrationMailPayload {
  eventName: string;
  startsAt: string;
  city?: string;
  /** Shown for rejections and cancellations by an organiser, when given. */
  reason?: string;
}

/**
 * The statuses in which each mail is still true. A mail whose registration has
 * moved on before the worker sends it (promoted, then cancelled a moment later)
 * is not sent: it would announce something no longer true. The later change has
 * its own mail. A receipt stays true once the registration is decided either way.
 */
const ANNOUNCES = {
  'registration-received': ['pending', 'approved', 'waitlisted', 'rejected'],
  'registration-approved': ['approved'],
  'registration-waitlisted': ['waitlisted'],
  'registration-promoted': ['approved'],
  'registration-rejected': ['rejected'],
  'registration-cancelled': ['cancelled'],
} as const satisfies Record<string, readonly RegistrationStatus[]>;

type Wording = { subject: (p: RegistrationMailPayload) => string; body: (p: RegistrationMailPayload) => string };

/** One transition's wording in the three languages; the facts are shared. */
function registrationTemplate(
  type: keyof typeof ANNOUNCES,
  wording: Record<Locale, Wording>,
): MailTemplate<RegistrationMailPayload> {
  return {
    type,
    example: {
      eventName: 'China-Russia SME Roundtable',
      startsAt: '2027-06-10T01:00:00Z',
      city: 'Nanchang',
      reason: 'Programme full',
    },
    async isStillWanted(mail, em) {
      const id = mail.subject?.startsWith('registration:') ? mail.subject.slice('registration:'.length) : null;
      if (!id) return false;
      const rows: Array<{ status: string }> = await em.query('SELECT status FROM registrations WHERE id = ?', [id]);
      return (ANNOUNCES[type] as readonly string[]).includes(rows[0]?.status ?? '');
    },
    render(p, c) {
      const shared = words(
        {
          en: {
            when: 'Event starts',
            where: 'City',
            reason: 'Note',
          },
          zh: {
            when: '活动开始时间',
            where: '城市',
            reason: '说明',
          },
          ru: {
            when: 'Начало мероприятия',
            where: 'Город',
            reason: 'Примечание',
          },
        },
        c,
      );
      const w = wording[c.locale];
      const facts: [string, string][] = [[shared.when, formatWhen(p.startsAt, c)]];
      if (p.city) facts.push([shared.where, p.city]);
      if (p.reason) facts.push([shared.reason, p.reason]);
      return composeMail(
        {
          subject: w.subject(p),
          paragraphs: [w.body(p)],
          facts,
        },
        c,
      );
    },
  };
}

/** Sent by registrations when the events lib announces a cancellation (the event's people are this lib's). */
export interface EventCancelledPayload {
  eventName: string;
  startsAt: string;
  reason?: string;
}

export const eventCancelledTemplate: MailTemplate<EventCancelledPayload> = {
  type: 'event-cancelled',
  example: { eventName: 'China-Russia SME Roundtable', startsAt: '2027-06-10T01:00:00Z', reason: 'Venue unavailable' },
  render(p, c) {
    const when = formatWhen(p.startsAt, c);
    const w = words(
      {
        en: {
          subject: `Cancelled: ${p.eventName}`,
          body: `We regret to inform you that ${p.eventName}, planned for ${when}, has been cancelled.`,
          reason: 'Reason',
          after: 'Your registration and any scheduled meetings are cancelled. We apologise for the inconvenience.',
        },
        zh: {
          subject: `活动取消通知：${p.eventName}`,
          body: `我们遗憾地通知您，原定于${when}举行的${p.eventName}已取消。`,
          reason: '原因',
          after: '您的报名及已安排的会谈均随之取消。给您带来不便，敬请谅解。',
        },
        ru: {
          subject: `Мероприятие отменено: ${p.eventName}`,
          body: `С сожалением сообщаем, что мероприятие «${p.eventName}», запланированное на ${when}, отменено.`,
          reason: 'Причина',
          after: 'Ваша регистрация и все назначенные встречи отменены. Приносим извинения за неудобства.',
        },
      },
      c,
    );
    return composeMail(
      {
        subject: w.subject,
        paragraphs: [w.body, w.after],
        facts: p.reason ? [[w.reason, p.reason]] : [],
      },
      c,
    );
  },
};

export const REGISTRATION_TEMPLATES = [
  eventCancelledTemplate,
  registrationTemplate('registration-received', {
    en: {
      subject: (p) => `Registration received: ${p.eventName}`,
      body: (p) =>
        `Thank you for registering for ${p.eventName}. The organisers will review your registration and let you know by mail.`,
    },
    zh: {
      subject: (p) => `报名已收到：${p.eventName}`,
      body: (p) => `感谢您报名参加${p.eventName}。组委会将审核您的报名，并通过邮件通知您结果。`,
    },
    ru: {
      subject: (p) => `Заявка получена: ${p.eventName}`,
      body: (p) =>
        `Благодарим за регистрацию на мероприятие «${p.eventName}». Организаторы рассмотрят вашу заявку и сообщат о решении по электронной почте.`,
    },
  }),
  registrationTemplate('registration-approved', {
    en: {
      subject: (p) => `You are registered: ${p.eventName}`,
      body: (p) =>
        `Your registration for ${p.eventName} is confirmed. You can now browse the delegate directory and request B2B meetings.`,
    },
    zh: {
      subject: (p) => `报名成功：${p.eventName}`,
      body: (p) => `您参加${p.eventName}的报名已确认。现在您可以浏览参会代表名录并预约B2B洽谈。`,
    },
    ru: {
      subject: (p) => `Регистрация подтверждена: ${p.eventName}`,
      body: (p) =>
        `Ваша регистрация на мероприятие «${p.eventName}» подтверждена. Теперь вы можете просматривать каталог делегатов и назначать B2B-встречи.`,
    },
  }),
  registrationTemplate('registration-waitlisted', {
    en: {
      subject: (p) => `Waiting list: ${p.eventName}`,
      body: (p) =>
        `${p.eventName} is fully booked, so you are on the waiting list. We will write to you as soon as a place frees up.`,
    },
    zh: {
      subject: (p) => `候补名单：${p.eventName}`,
      body: (p) => `${p.eventName}名额已满，您已被列入候补名单。一旦有空余名额，我们将第一时间通知您。`,
    },
    ru: {
      subject: (p) => `Лист ожидания: ${p.eventName}`,
      body: (p) =>
        `Все места на мероприятие «${p.eventName}» заняты, поэтому вы внесены в лист ожидания. Мы сразу сообщим, как только освободится место.`,
    },
  }),
  registrationTemplate('registration-promoted', {
    en: {
      subject: (p) => `A place is yours: ${p.eventName}`,
      body: (p) => `Good news: a place has freed up and your registration for ${p.eventName} is now confirmed.`,
    },
    zh: {
      subject: (p) => `候补转正：${p.eventName}`,
      body: (p) => `好消息：已有名额空出，您参加${p.eventName}的报名现已确认。`,
    },
    ru: {
      subject: (p) => `Место освободилось: ${p.eventName}`,
      body: (p) =>
        `Хорошие новости: освободилось место, и ваша регистрация на мероприятие «${p.eventName}» подтверждена.`,
    },
  }),
  registrationTemplate('registration-rejected', {
    en: {
      subject: (p) => `Registration not accepted: ${p.eventName}`,
      body: (p) => `We regret that we cannot accept your registration for ${p.eventName}. Thank you for your interest.`,
    },
    zh: {
      subject: (p) => `报名未获通过：${p.eventName}`,
      body: (p) => `很遗憾，您参加${p.eventName}的报名未能通过审核。感谢您的关注。`,
    },
    ru: {
      subject: (p) => `Заявка отклонена: ${p.eventName}`,
      body: (p) =>
        `К сожалению, мы не можем принять вашу заявку на мероприятие «${p.eventName}». Благодарим за интерес.`,
    },
  }),
  registrationTemplate('registration-cancelled', {
    en: {
      subject: (p) => `Registration cancelled: ${p.eventName}`,
      body: (p) =>
        `Your registration for ${p.eventName} has been cancelled, together with any meetings booked for you.`,
    },
    zh: {
      subject: (p) => `报名已取消：${p.eventName}`,
      body: (p) => `您参加${p.eventName}的报名已取消，为您安排的洽谈也随之取消。`,
    },
    ru: {
      subject: (p) => `Регистрация отменена: ${p.eventName}`,
      body: (p) =>
        `Ваша регистрация на мероприятие «${p.eventName}» отменена вместе со всеми назначенными вам встречами.`,
    },
  }),
];
