import { composeMail, formatInstant, MailTemplate, PendingMail, words } from '@roundtable/notifications';
import { EntityManager } from 'typeorm';

export interface AccountLinkPayload {
  /** The account token's row: the mail is dropped once it is used or superseded. */
  tokenId: string;
  /** The secret half of the link; the database keeps only its hash. */
  token: string;
  expiresAt: string;
}

/** The web app's screens these mails link to (PUBLIC_URL + /app/…). */
export const appLink = (baseUrl: string, path: string, token?: string): string =>
  `${baseUrl}/app/${path}${token ? `?token=${encodeURIComponent(token)}` : ''}`;

/** A link mail is still worth sending only while its token can still be used. */
async function tokenStillUsable(mail: PendingMail, em: EntityManager): Promise<boolean> {
  const rows = await em.query<unknown[]>(
    'SELECT 1 FROM account_tokens WHERE id = ? AND used_at IS NULL AND expires_at > NOW(3)',
    [mail.payload.tokenId],
  );
  return rows.length > 0;
}

const EXAMPLE: AccountLinkPayload = {
  tokenId: '00000000-0000-4000-8000-000000000001',
  token: 'q2VbB3kq9c1x',
  expiresAt: '2027-06-01T00:00:00Z',
};

export const verifyEmailTemplate: MailTemplate<AccountLinkPayload> = {
  type: 'account-verify-email',
  example: EXAMPLE,
  render(p, context) {
    const until = formatInstant(p.expiresAt, context.recipient.timeZone ?? 'UTC', context.locale);
    const w = words(
      {
        en: {
          subject: 'Confirm your e-mail address',
          body: 'Please confirm that this address is yours to finish creating your Roundtable account.',
          until: `The link works once, until ${until}. If you did not sign up, ignore this mail: nothing happens without the link.`,
          action: 'Confirm my address',
        },
        zh: {
          subject: '请确认您的电子邮箱',
          body: '请确认此邮箱属于您本人，以完成 Roundtable 账户注册。',
          until: `该链接仅可使用一次，有效期至${until}。如果您没有注册，请忽略此邮件：不点击链接不会有任何变化。`,
          action: '确认邮箱',
        },
        ru: {
          subject: 'Подтвердите адрес электронной почты',
          body: 'Подтвердите, что этот адрес принадлежит вам, чтобы завершить создание учётной записи Roundtable.',
          until: `Ссылка действует один раз, до ${until}. Если вы не регистрировались, просто проигнорируйте это письмо.`,
          action: 'Подтвердить адрес',
        },
      },
      context,
    );
    return composeMail(
      {
        subject: w.subject,
        paragraphs: [w.body, w.until],
        action: { label: w.action, url: appLink(context.baseUrl, 'verify-email', p.token) },
      },
      context,
    );
  },
  isStillWanted: tokenStillUsable,
};

export const resetPasswordTemplate: MailTemplate<AccountLinkPayload> = {
  type: 'account-reset-password',
  example: EXAMPLE,
  render(p, context) {
    const until = formatInstant(p.expiresAt, context.recipient.timeZone ?? 'UTC', context.locale);
    const w = words(
      {
        en: {
          subject: 'Reset your password',
          body: 'Someone asked to reset the password of your Roundtable account. Choose a new one with the link below; every device signed in to your account will be signed out.',
          until: `The link works once, until ${until}. If it was not you, ignore this mail: your password stays as it is.`,
          action: 'Choose a new password',
        },
        zh: {
          subject: '重置您的密码',
          body: '有人申请重置您的 Roundtable 账户密码。请通过下方链接设置新密码；所有已登录的设备都将被登出。',
          until: `该链接仅可使用一次，有效期至${until}。如果不是您本人操作，请忽略此邮件，您的密码不会改变。`,
          action: '设置新密码',
        },
        ru: {
          subject: 'Сброс пароля',
          body: 'Кто-то запросил сброс пароля вашей учётной записи Roundtable. Задайте новый пароль по ссылке ниже; все устройства, где выполнен вход, будут отключены.',
          until: `Ссылка действует один раз, до ${until}. Если это были не вы, проигнорируйте письмо: пароль останется прежним.`,
          action: 'Задать новый пароль',
        },
      },
      context,
    );
    return composeMail(
      {
        subject: w.subject,
        paragraphs: [w.body, w.until],
        action: { label: w.action, url: appLink(context.baseUrl, 'reset-password', p.token) },
      },
      context,
    );
  },
  isStillWanted: tokenStillUsable,
};

/** Sent instead of a confirmation when someone signs up with an address that already has an account. */
export const accountExistsTemplate: MailTemplate<Record<string, never>> = {
  type: 'account-exists',
  example: {},
  render(_p, context) {
    const w = words(
      {
        en: {
          subject: 'You already have a Roundtable account',
          body: 'Someone (perhaps you) tried to sign up with this address, but it already has an account, so nothing was changed.',
          how: 'Log in as usual; if you forgot your password, you can choose a new one from the login page.',
          action: 'Forgot my password',
        },
        zh: {
          subject: '您已拥有 Roundtable 账户',
          body: '有人（可能是您本人）尝试用此邮箱注册，但该邮箱已有账户，因此没有做任何更改。',
          how: '请照常登录；如果忘记密码，可在登录页面设置新密码。',
          action: '忘记密码',
        },
        ru: {
          subject: 'У вас уже есть учётная запись Roundtable',
          body: 'Кто-то (возможно, вы) попытался зарегистрироваться с этим адресом, но учётная запись уже существует, поэтому ничего не изменилось.',
          how: 'Входите как обычно; если вы забыли пароль, задайте новый на странице входа.',
          action: 'Я забыл(а) пароль',
        },
      },
      context,
    );
    return composeMail(
      {
        subject: w.subject,
        paragraphs: [w.body, w.how],
        action: { label: w.action, url: appLink(context.baseUrl, 'forgot-password') },
      },
      context,
    );
  },
};

export const ACCOUNT_TEMPLATES = [verifyEmailTemplate, resetPasswordTemplate, accountExistsTemplate];
