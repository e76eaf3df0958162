import { appLink } from '@roundtable/auth';
import { composeMail, formatInstant, MailTemplate, PendingMail, words } from '@roundtable/notifications';
import { EntityManager } from 'typeorm';

export interface OrganiserInvitationPayload {
  invitationId: string;
  eventId: string;
  eventName: string;
  inviterName: string;
  /** The secret half of the link; the database keeps only its hash. */
  token: string;
  expiresAt: string;
}

export const organiserInvitationTemplate: MailTemplate<OrganiserInvitationPayload> = {
  type: 'organiser-invitation',
  example: {
    invitationId: '00000000-0000-4000-8000-000000000002',
    eventId: '00000000-0000-4000-8000-000000000003',
    eventName: '12th China-Russia SME Cooperation Roundtable',
    inviterName: 'Wang Fang',
    token: 'q2VbB3kq9c1x',
    expiresAt: '2027-06-01T00:00:00Z',
  },
  render(p, context) {
    const until = formatInstant(p.expiresAt, context.recipient.timeZone ?? 'UTC', context.locale);
    const w = words(
      {
        en: {
          subject: `Join the organisers of ${p.eventName}`,
          body: `${p.inviterName} invites you to organise ${p.eventName} with them.`,
          how: `Accept with the link below while signed in with this address (sign up first if you have no account). The link works once, until ${until}.`,
          action: 'Accept',
        },
        zh: {
          subject: `邀请您加入${p.eventName}组委会`,
          body: `${p.inviterName}邀请您共同组织${p.eventName}。`,
          how: `请使用此邮箱登录后点击下方链接接受邀请（如尚无账户，请先注册）。该链接仅可使用一次，有效期至${until}。`,
          action: '接受邀请',
        },
        ru: {
          subject: `Приглашение в оргкомитет: ${p.eventName}`,
          body: `${p.inviterName} приглашает вас стать организатором мероприятия «${p.eventName}».`,
          how: `Примите приглашение по ссылке ниже, войдя с этим адресом (если учётной записи нет, сначала зарегистрируйтесь). Ссылка действует один раз, до ${until}.`,
          action: 'Принять',
        },
      },
      context,
    );
    return composeMail(
      {
        subject: w.subject,
        paragraphs: [w.body, w.how],
        action: { label: w.action, url: appLink(context.baseUrl, `events/${p.eventId}/organisers/accept`, p.token) },
      },
      context,
    );
  },
  async isStillWanted(mail: PendingMail, em: EntityManager) {
    const rows = await em.query<unknown[]>(
      'SELECT 1 FROM organiser_invitations WHERE id = ? AND accepted_at IS NULL AND expires_at > NOW(3)',
      [mail.payload.invitationId],
    );
    return rows.length > 0;
  },
};
