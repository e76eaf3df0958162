import { composeMail, words } from '../mail-format';
import { MailTemplate } from '../notification.types';

export interface InvitationPayload {
  eventName: string;
  inviterName: string;
  /** Registration link carrying the invitation token. */
  registrationUrl: string;
  /** e.g. 'delegate' or 'speaker' */
  role: string;
  /** ISO instant the invitation stops working, if any. */
  expiresAt?: string;
}

const ROLE = {
  en: { delegate: 'a delegate', speaker: 'a speaker', press: 'a member of the press', staff: 'staff' },
  zh: { delegate: '参会代表', speaker: '演讲嘉宾', press: '媒体记者', staff: '工作人员' },
  ru: { delegate: 'делегата', speaker: 'спикера', press: 'представителя прессы', staff: 'сотрудника' },
} as const;

const roleName = (locale: 'en' | 'zh' | 'ru', role: string): string =>
  (ROLE[locale] as Record<string, string>)[role] ?? role;

export const invitationTemplate: MailTemplate<InvitationPayload> = {
  type: 'invitation',
  example: {
    eventName: '12th China-Russia SME Cooperation Roundtable',
    inviterName: 'Wang Fang',
    registrationUrl: 'http://localhost:3000/events/e1/register?invitation=abc',
    role: 'delegate',
    expiresAt: '2027-06-01T00:00:00Z',
  },
  render(p, context) {
    const w = words(
      {
        en: {
          subject: `Invitation: ${p.eventName}`,
          body: `${p.inviterName} invites you to take part in ${p.eventName} as ${roleName('en', p.role)}.`,
          how: 'Register with the link below; your registration will be approved at once.',
          action: 'Register',
        },
        zh: {
          subject: `邀请函：${p.eventName}`,
          body: `${p.inviterName}诚挚邀请您以${roleName('zh', p.role)}身份出席${p.eventName}。`,
          how: '请通过下方链接完成注册，您的报名将直接获得确认。',
          action: '立即注册',
        },
        ru: {
          subject: `Приглашение: ${p.eventName}`,
          body: `${p.inviterName} приглашает вас принять участие в мероприятии «${p.eventName}» в качестве ${roleName('ru', p.role)}.`,
          how: 'Зарегистрируйтесь по ссылке ниже — ваша регистрация будет подтверждена сразу.',
          action: 'Зарегистрироваться',
        },
      },
      context,
    );
    return composeMail(
      {
        subject: w.subject,
        paragraphs: [w.body, w.how],
        action: { label: w.action, url: p.registrationUrl },
      },
      context,
    );
  },
};
