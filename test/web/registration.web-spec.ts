import { call, createForum, createUser, uniqueEmail } from './support/api';
import { expect, logIn, screenshotAll, test } from './support/fixtures';
import { waitForMail } from './support/mail';

test.describe('registration', () => {
  let organiser: Awaited<ReturnType<typeof createUser>>;
  let forum: Awaited<ReturnType<typeof createForum>>;

  test.beforeAll(async () => {
    organiser = await createUser({ name: 'Organiser' });
    forum = await createForum(organiser);
  });

  test('logs a visitor in and back, registers a company named in three scripts, and shows the status and badge', async ({
    page,
  }) => {
    // Two rounds of screenshots in three languages at two widths, with the badge and the visa form.
    test.setTimeout(120_000);
    const delegate = await createUser({ name: 'Wang Fang' });
    await page.goto(`/app/events/${forum.id}`);
    await page.getByRole('link', { name: 'Register' }).click();
    await expect(page).toHaveURL(/\/app\/login\?redirect=/);
    await logIn(page, delegate);
    await expect(page).toHaveURL(new RegExp(`/app/events/${forum.id}/register$`));

    const form = page.locator('form');
    await expect(form.getByLabel('Company name (Latin letters)')).toBeVisible();
    await screenshotAll(page, 'registration-form', async (language) => {
      const titles = {
        zh: '报名：中俄中小企业圆桌会议',
        ru: 'Регистрация: Российско-китайский круглый стол МСП',
        en: 'Register for China-Russia SME Roundtable',
      };
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[language]);
      // The language chips speak the reader's language (never "English" in the Russian UI).
      const english = { zh: '英语', ru: 'английский', en: 'English' };
      await expect(form.locator('.mantine-Pill-label')).toHaveText([english[language]]);
    });

    await form.getByLabel('Company name (Latin letters)').fill('Jiangxi Ganjiang Logistics Co.');
    await form.getByLabel('Company name in Chinese').fill('江西赣江物流有限公司');
    await form.getByLabel('Company name in Russian').fill('Цзянси Ганьцзян Логистик');
    await form.getByRole('combobox', { name: 'Country' }).click();
    await page.getByRole('option', { name: 'China' }).click();
    await form.getByRole('combobox', { name: 'Sectors' }).click({ force: true });
    await page.getByRole('option', { name: 'Logistics' }).click();
    await form.getByLabel('What you offer').fill('Rail freight Nanchang–Moscow');
    await form.getByLabel('What you seek').fill('Russian importers');
    await form.getByLabel('I need an interpreter at meetings').check();
    await form.getByRole('button', { name: 'Register' }).click();

    await expect(page.getByTestId('registration-status')).toHaveText('Pending');
    await expect(page.getByText('江西赣江物流有限公司')).toBeVisible();
    const mine = await call<{
      items: { id: string; eventId: string; needsInterpreter: boolean; company: { nameRu: string } }[];
    }>('GET', '/me/registrations', delegate.token);
    const registration = mine.items.find((r) => r.eventId === forum.id);
    expect(registration?.company.nameRu).toBe('Цзянси Ганьцзян Логистик');
    expect(registration?.needsInterpreter).toBe(true);

    await call('POST', `/events/${forum.id}/registrations/${registration?.id}/approve`, organiser.token);
    await page.reload();
    await expect(page.getByTestId('registration-status')).toHaveText('Approved');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the badge (PDF)' }).click();
    expect((await download).suggestedFilename()).toBe('badge.pdf');
    await expect(page.getByTestId('badge-qr')).toBeVisible();

    await screenshotAll(page, 'registration-status', async (language) => {
      const approved = { zh: '已通过', ru: 'Подтверждена', en: 'Approved' };
      await expect(page.getByTestId('registration-status')).toHaveText(approved[language]);
    });
  });

  test('registers through the invitation mail’s link, and refuses the link to anyone after', async ({ page }) => {
    const email = uniqueEmail('invited');
    await call('POST', `/events/${forum.id}/invitations`, organiser.token, {
      invitations: [{ name: 'Li Wei', email, company: 'Nanchang Rail Port', country: 'CN', locale: 'en' }],
    });
    const mail = await waitForMail(email, /invitationToken=/);
    const link = /https?:\/\/[^\s"<>]+\/app\/events\/[^\s"<>]+\/register\?invitationToken=[A-Za-z0-9_-]+/.exec(
      mail,
    )?.[0];
    expect(link).toBeDefined();
    const path = new URL(link ?? '').pathname + new URL(link ?? '').search;

    const invited = await createUser({ name: 'Li Wei', email });
    await page.goto(path);
    await logIn(page, invited);
    await expect(page.getByText('You are registering with an invitation.')).toBeVisible();
    const form = page.locator('form');
    await form.getByLabel('Company name (Latin letters)').fill('Nanchang Rail Port');
    await form.getByRole('combobox', { name: 'Country' }).click();
    await page.getByRole('option', { name: 'China' }).click();
    await form.getByRole('button', { name: 'Register' }).click();
    await expect(page.getByTestId('registration-status')).toHaveText('Approved');

    await page.getByRole('button', { name: 'Log out' }).click();
    const stranger = await createUser({ name: 'Someone Else' });
    await page.goto(path);
    await logIn(page, stranger);
    await form.getByLabel('Company name (Latin letters)').fill('Other Co.');
    await form.getByRole('combobox', { name: 'Country' }).click();
    await page.getByRole('option', { name: 'China' }).click();
    await form.getByRole('button', { name: 'Register' }).click();
    await expect(page.getByRole('alert')).toHaveText('This invitation link has already been used.');
  });
});
