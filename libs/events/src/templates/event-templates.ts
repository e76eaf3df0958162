import { composeMail, formatWhen, MailTemplate, words } from '@roundtable/notifications';

export interface SpeakerInvitationPayload {
  eventName: string;
  sessionTitle: string;
  startsAt: string;
  role: 'speaker' | 'moderator';
  signupUrl: string;
}

export const speakerInvitationTemplate: MailTemplate<SpeakerInvitationPayload> = {
  type: 'speaker-invitation',
  example: {
    eventName: 'China-Russia SME Roundtable',
    sessionTitle: 'Logistics corridors between Jiangxi and the Volga region',
    startsAt: '2027-06-10T02:00:00Z',
    role: 'speaker',
    signupUrl: 'http://localhost:3000/docs',
  },
  render(p, c) {
    const when = formatWhen(p.startsAt, c);
    const w = words(
      {
        en: {
          subject: `You are invited to speak at ${p.eventName}`,
          body: `You have been added as ${p.role === 'moderator' ? 'moderator' : 'a speaker'} of the session “${p.sessionTitle}” at ${p.eventName}.`,
          how: 'Create your Roundtable account with this email address to add your abstract, biography and materials.',
          when: 'Time',
          action: 'Create my account',
        },
        zh: {
          subject: `诚邀您在${p.eventName}上发言`,
          body: `您已被列为${p.eventName}“${p.sessionTitle}”环节的${p.role === 'moderator' ? '主持人' : '演讲嘉宾'}。`,
          how: '请使用本邮箱注册 Roundtable 账户，以便填写发言摘要、个人简介并上传相关资料。',
          when: '时间',
          action: '注册账户',
        },
        ru: {
          subject: `Приглашение выступить на мероприятии «${p.eventName}»`,
          body: `Вы включены в сессию «${p.sessionTitle}» мероприятия «${p.eventName}» в качестве ${p.role === 'moderator' ? 'модератора' : 'спикера'}.`,
          how: 'Зарегистрируйтесь в Roundtable с этим адресом электронной почты, чтобы добавить тезисы, биографию и материалы.',
          when: 'Время',
          action: 'Создать учётную запись',
        },
      },
      c,
    );
    return composeMail(
      {
        subject: w.subject,
        paragraphs: [w.body, w.how],
        facts: [[w.when, when]],
        action: { label: w.action, url: p.signupUrl },
      },
      c,
    );
  },
};

export interface SessionNoticePayload {
  eventName: string;
  sessionTitle: string;
  startsAt: string;
  room?: string;
  role: 'speaker' | 'moderator';
}

const ROLE_WORDS = {
  en: { speaker: 'speaker', moderator: 'moderator' },
  zh: { speaker: '演讲嘉宾', moderator: '主持人' },
  ru: { speaker: 'спикер', moderator: 'модератор' },
} as const;

export const sessionReminderTemplate: MailTemplate<SessionNoticePayload> = {
  type: 'session-reminder',
  example: {
    eventName: 'China-Russia SME Roundtable',
    sessionTitle: 'Plenary: SME cooperation in the new era',
    startsAt: '2027-06-10T02:00:00Z',
    room: 'Hall A',
    role: 'moderator',
  },
  render(p, c) {
    const when = formatWhen(p.startsAt, c);
    const w = words(
      {
        en: {
          subject: `Reminder: your session “${p.sessionTitle}”`,
          body: `This is a reminder that you are the ${ROLE_WORDS.en[p.role]} of “${p.sessionTitle}” at ${p.eventName}. Please arrive 15 minutes early.`,
          labels: ['Time', 'Room'],
        },
        zh: {
          subject: `提醒：您参与的环节“${p.sessionTitle}”即将开始`,
          body: `温馨提醒：您将作为${ROLE_WORDS.zh[p.role]}参加${p.eventName}的“${p.sessionTitle}”环节，请提前15分钟到场。`,
          labels: ['时间', '会场'],
        },
        ru: {
          subject: `Напоминание: ваша сессия «${p.sessionTitle}»`,
          body: `Напоминаем, что вы — ${ROLE_WORDS.ru[p.role]} сессии «${p.sessionTitle}» мероприятия «${p.eventName}». Просим прибыть за 15 минут до начала.`,
          labels: ['Время', 'Зал'],
        },
      },
      c,
    );
    const facts: [string, string][] = [[w.labels[0], when]];
    if (p.room) facts.push([w.labels[1], p.room]);
    return composeMail({ subject: w.subject, paragraphs: [w.body], facts }, c);
  },
};

export interface SessionChangedPayload extends SessionNoticePayload {
  cancelled: boolean;
}

export const sessionChangedTemplate: MailTemplate<SessionChangedPayload> = {
  type: 'session-changed',
  example: {
    eventName: 'China-Russia SME Roundtable',
    sessionTitle: 'Panel: cross-border e-commerce',
    startsAt: '2027-06-10T06:00:00Z',
    room: 'Hall B',
    role: 'speaker',
    cancelled: false,
  },
  render(p, c) {
    const when = formatWhen(p.startsAt, c);
    const w = words(
      {
        en: {
          subject: p.cancelled ? `Session cancelled: ${p.sessionTitle}` : `Session changed: ${p.sessionTitle}`,
          body: p.cancelled
            ? `The session “${p.sessionTitle}” at ${p.eventName}, where you were ${ROLE_WORDS.en[p.role]}, has been cancelled.`
            : `The time or room of the session “${p.sessionTitle}” at ${p.eventName} has changed. The updated calendar entry is attached.`,
          labels: ['Time', 'Room'],
        },
        zh: {
          subject: p.cancelled ? `环节取消：${p.sessionTitle}` : `环节变更：${p.sessionTitle}`,
          body: p.cancelled
            ? `您作为${ROLE_WORDS.zh[p.role]}参与的${p.eventName}“${p.sessionTitle}”环节已取消。`
            : `${p.eventName}“${p.sessionTitle}”环节的时间或会场已调整，更新后的日历邀请已附上。`,
          labels: ['时间', '会场'],
        },
        ru: {
          subject: p.cancelled ? `Сессия отменена: ${p.sessionTitle}` : `Изменения в сессии: ${p.sessionTitle}`,
          body: p.cancelled
            ? `Сессия «${p.sessionTitle}» мероприятия «${p.eventName}», в которой вы участвовали как ${ROLE_WORDS.ru[p.role]}, отменена.`
            : `Изменились время или зал сессии «${p.sessionTitle}» мероприятия «${p.eventName}». Обновлённое приглашение в календарь прилагается.`,
          labels: ['Время', 'Зал'],
        },
      },
      c,
    );
    const facts: [string, string][] = [[w.labels[0], when]];
    if (p.room) facts.push([w.labels[1], p.room]);
    return composeMail({ subject: w.subject, paragraphs: [w.body], facts }, c);
  },
};

export const EVENT_TEMPLATES = [speakerInvitationTemplate, sessionReminderTemplate, sessionChangedTemplate];
