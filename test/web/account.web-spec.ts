import { call, createForum, createUser, uniqueEmail } from './support/api';
import { expect, logIn, screenshotAll, switchLanguage, test } from './support/fixtures';
import { waitForMail } from './support/mail';

/** The path (with its query) of the first link to the web app in a mail that matches `pattern`. */
async function mailedPath(to: string, pattern: RegExp): Promise<string> {
  const mail = await waitForMail(to, pattern);
  const found = /https?:\/\/[^\s"<>]+\/app\/[^\s"<>]+/.exec(mail.slice(mail.search(pattern) - 200));
  if (!found) throw new Error(`no app link in the mail to ${to}`);
  const url = new URL(found[0].replace(/&amp;/g, '&'));
  return url.pathname + url.search;
}

test.describe('account screens the mails link to', () => {
  test('after the address is confirmed, leads back to where the person was going when they signed up', async ({
    page,
  }) => {
    const organiser = await createUser({ name: 'Organiser' });
    const forum = await createForum(organiser);
    const email = uniqueEmail('backto');
    await page.goto(`/app/signup?redirect=${encodeURIComponent(`/events/${forum.id}/register`)}`);
    await page.getByLabel('Full name').fill('Gao Ming');
    await page.locator('input[type="email"]').fill(email);
    await page.locator('input[type="password"]').fill('correct horse battery');
    await page.locator('form button[type="submit"]').click();
    await expect(page.getByRole('status')).toContainText(email);

    await page.goto(await mailedPath(email, /verify-email\?token=/));
    await expect(page.getByRole('status')).toHaveText(`Your address ${email} is confirmed. Welcome!`);
    await page.getByRole('button', { name: 'Continue where you left off' }).click();
    await expect(page).toHaveURL(new RegExp(`/app/events/${forum.id}/register$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Register for China-Russia SME Roundtable');
  });

  test('confirms the address from the mailed link, signs its owner in, and explains a used or broken link', async ({
    page,
  }) => {
    const email = uniqueEmail('confirm');
    await call('POST', '/auth/signup', undefined, {
      email,
      password: 'correct horse battery',
      name: 'Chen Jing',
      locale: 'en',
      timeZone: 'Asia/Shanghai',
    });
    const path = await mailedPath(email, /verify-email\?token=/);
    expect(path).toMatch(/^\/app\/verify-email\?token=[A-Za-z0-9_-]+$/);

    await page.goto(path);
    await expect(page.getByRole('status')).toHaveText(`Your address ${email} is confirmed. Welcome!`);
    await expect(page.getByRole('banner').getByText('Chen Jing')).toBeVisible();
    await screenshotAll(page, 'verify-email', async (language) => {
      const done = { zh: `您的邮箱 ${email} 已确认。欢迎！`, ru: `Адрес ${email} подтверждён. Добро пожаловать!` };
      await expect(page.getByRole('status')).toHaveText(
        language === 'en' ? `Your address ${email} is confirmed. Welcome!` : done[language],
      );
    });
    await page.getByRole('banner').getByText('Chen Jing').click();
    await expect(page.getByTestId('email-status')).toHaveText('Confirmed');

    // The same link a second time: used.
    await page.goto(path);
    await expect(page.getByRole('alert')).toHaveText(
      'This link has already been used, or a newer one was sent. Use the latest mail, or request a new link.',
    );
    await switchLanguage(page, 'ru');
    await expect(page.getByRole('alert')).toHaveText(
      'Ссылка уже использована или отправлена более новая. Откройте последнее письмо или запросите новую ссылку.',
    );
    await switchLanguage(page, 'en');

    // A token that was never issued, opened by a visitor: invalid, and a way to a new link.
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.goto('/app/verify-email?token=not-a-real-token');
    await expect(page.getByRole('alert')).toHaveText(
      'This link is not valid. Check that you opened the whole link from the mail.',
    );
    await page.getByRole('link', { name: 'Log in to get a new confirmation link.' }).click();
    await expect(page).toHaveURL(/\/app\/login\?redirect=%2Faccount/);
  });

  test('an unconfirmed account sees so on its page and has a new link sent', async ({ page }) => {
    const email = uniqueEmail('unconfirmed');
    const user = { email, password: 'correct horse battery', name: 'Olga Petrova' };
    await call('POST', '/auth/signup', undefined, { ...user, locale: 'ru', timeZone: 'Europe/Moscow' });
    await waitForMail(email, /verify-email\?token=/);
    await logIn(page, user);
    await page.goto('/app/account');
    await expect(page.getByTestId('email-status')).toHaveText('Не подтверждён');
    await page.getByRole('button', { name: 'Отправить новую ссылку' }).click();
    await expect(page.getByRole('status')).toHaveText(`Новая ссылка отправлена на ${email}.`);
  });

  test('sends a reset link from the login screen, sets the new password through it, and refuses the link after', async ({
    page,
  }) => {
    const user = await createUser({ name: 'Ivan Sokolov', timeZone: 'Europe/Moscow' });
    await page.goto('/app/login');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await expect(page).toHaveURL(/\/app\/forgot-password$/);
    await screenshotAll(page, 'forgot-password', async (language) => {
      const titles = { zh: '忘记密码？', ru: 'Забыли пароль?', en: 'Forgot your password?' };
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[language]);
    });
    await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill(user.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect(page.getByRole('status')).toContainText(`If an account uses ${user.email}, a link is on its way.`);

    const path = await mailedPath(user.email, /reset-password\?token=/);
    expect(path).toMatch(/^\/app\/reset-password\?token=[A-Za-z0-9_-]+$/);
    await page.goto(path);
    await screenshotAll(page, 'reset-password', async (language) => {
      const titles = { zh: '设置新密码', ru: 'Новый пароль', en: 'Set a new password' };
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[language]);
    });
    await page.getByRole('textbox', { name: 'New password', exact: true }).fill('a brand new password');
    await page.getByRole('textbox', { name: 'New password, again', exact: true }).fill('a different password');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await expect(page.getByText('The two passwords differ.')).toBeVisible();
    await page.getByRole('textbox', { name: 'New password, again', exact: true }).fill('a brand new password');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await expect(page.getByRole('status')).toHaveText(
      'Your password is changed, and every other session is logged out.',
    );
    await expect(page.getByRole('banner').getByText('Ivan Sokolov')).toBeVisible();

    // The old session ended; the new password works, the old one does not.
    await expect(call('GET', '/me', user.token)).rejects.toThrow(/401/);
    await call('POST', '/auth/login', undefined, { email: user.email, password: 'a brand new password' });
    await expect(
      call('POST', '/auth/login', undefined, { email: user.email, password: user.password }),
    ).rejects.toThrow(/401/);

    await page.goto(path);
    await page.getByRole('textbox', { name: 'New password', exact: true }).fill('yet another password');
    await page.getByRole('textbox', { name: 'New password, again', exact: true }).fill('yet another password');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      'This link has already been used, or a newer one was sent. Use the latest mail, or request a new link.',
    );
    await page.getByRole('link', { name: 'Request a new link' }).click();
    await expect(page).toHaveURL(/\/app\/forgot-password$/);
  });

  test('changes language and time zone in the settings, and the password only with the current one', async ({
    page,
  }) => {
    const user = await createUser({ name: 'Zhang Min', timeZone: 'Asia/Shanghai' });
    await logIn(page, user);
    await page.goto('/app/account');
    await expect(page.getByTestId('email-status')).toHaveText('Confirmed');
    await screenshotAll(page, 'account', async (language) => {
      const titles = { zh: '设置', ru: 'Настройки', en: 'Settings' };
      await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(titles[language]);
    });

    await page.getByRole('combobox', { name: 'Language' }).click();
    await page.getByRole('option', { name: /^русский/ }).click();
    await page.getByRole('combobox', { name: 'Time zone' }).fill('Europe/Mos');
    await page.getByRole('option', { name: 'Europe/Moscow' }).click();
    await page.getByRole('button', { name: 'Save settings' }).click();
    // The account's language now applies: the page speaks Russian without a reload.
    await expect(page.getByRole('status')).toHaveText('Настройки сохранены.');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    const me = await call<{ locale: string; timeZone: string }>('GET', '/me', user.token);
    expect(me).toMatchObject({ locale: 'ru', timeZone: 'Europe/Moscow' });

    const form = page.getByRole('region', { name: 'Смена пароля' });
    await form.getByRole('textbox', { name: 'Текущий пароль', exact: true }).fill('not my password');
    await form.getByRole('textbox', { name: 'Новый пароль', exact: true }).fill('a brand new password');
    await form.getByRole('textbox', { name: 'Новый пароль ещё раз', exact: true }).fill('a brand new password');
    await form.getByRole('button', { name: 'Сменить пароль' }).click();
    await expect(form.getByRole('alert')).toHaveText('Текущий пароль указан неверно.');
    await call('POST', '/auth/login', undefined, { email: user.email, password: user.password });

    await form.getByRole('textbox', { name: 'Текущий пароль', exact: true }).fill(user.password);
    await form.getByRole('button', { name: 'Сменить пароль' }).click();
    await expect(form.getByRole('status')).toHaveText('Пароль изменён. Остальные сеансы завершены.');
    await expect(call('GET', '/me', user.token)).rejects.toThrow(/401/);
    // This browser keeps going with the new session.
    await page.reload();
    await expect(page.getByTestId('email-status')).toHaveText('Подтверждён');
  });

  test('a co-organiser accepts the mailed invitation after logging in; the link is refused to another address and after use', async ({
    page,
  }) => {
    const organiser = await createUser({ name: 'Organiser' });
    const forum = await createForum(organiser);
    const invitee = await createUser({ name: 'Anna Kuznetsova' });
    await call('POST', `/events/${forum.id}/organisers`, organiser.token, { email: invitee.email });
    const path = await mailedPath(invitee.email, /organisers\/accept\?token=/);
    expect(path).toMatch(new RegExp(`^/app/events/${forum.id}/organisers/accept\\?token=[A-Za-z0-9_-]+$`));

    // Not an organiser yet.
    await expect(call('GET', `/events/${forum.id}/organisers`, invitee.token)).rejects.toThrow(/403/);

    // Someone else opens the link: refused, in words.
    const stranger = await createUser({ name: 'Someone Else' });
    await page.goto(path);
    await expect(page).toHaveURL(/\/app\/login\?redirect=/);
    await logIn(page, stranger);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Invitation to organise');
    await page.getByRole('button', { name: 'Accept the invitation' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      'This invitation was sent to another e-mail address. Log in with the account of that address.',
    );

    await page.getByRole('button', { name: 'Log in with another account' }).click();
    await expect(page).toHaveURL(/\/app\/login\?redirect=/);
    await logIn(page, invitee);
    await expect(
      page.getByText('You are invited to organise “China-Russia SME Roundtable” on Roundtable.'),
    ).toBeVisible();
    await screenshotAll(page, 'organiser-invitation', async (language) => {
      const buttons = { zh: '接受邀请', ru: 'Принять приглашение', en: 'Accept the invitation' };
      await expect(page.getByRole('button', { name: buttons[language] })).toBeVisible();
    });
    await page.getByRole('button', { name: 'Accept the invitation' }).click();
    await expect(page.getByRole('status')).toHaveText('You are now an organiser of this forum.');
    const organisers = await call<{ userId?: string; email?: string }[]>(
      'GET',
      `/events/${forum.id}/organisers`,
      invitee.token,
    );
    expect(JSON.stringify(organisers)).toContain(invitee.email);

    await page.reload();
    await page.getByRole('button', { name: 'Accept the invitation' }).click();
    await expect(page.getByRole('alert')).toHaveText('This invitation has already been accepted.');
  });
});
