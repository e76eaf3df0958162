import { createConnection } from 'mysql2/promise';
import { call, createForum, createUser, registerDelegate, type ApiUser } from './support/api';
import { expect, logIn, screenshotAll, test } from './support/fixtures';

interface Mail {
  id: string;
  type: string;
  status: string;
  recipientEmail: string;
}

/**
 * Makes one of the event's mails fail as a 550 would: written straight into the test server's database (the
 * browser tests' server writes mail to files, which never refuse a recipient).
 */
async function failMail(id: string): Promise<void> {
  const db = await createConnection({
    host: process.env.DB_HOST ?? '127.0.0.1',
    port: Number(process.env.DB_PORT ?? 3306),
    user: process.env.DB_USER ?? 'root',
    password: process.env.DB_PASSWORD ?? '',
    database: process.env.DB_NAME,
  });
  try {
    await db.execute(
      "UPDATE outbox SET status = 'failed', last_error = ?, sent_at = NULL, message_id = NULL WHERE id = ?",
      ['550 5.1.1 Mailbox unavailable', id],
    );
  } finally {
    await db.end();
  }
}

/** The first mail a delegate gets, by type, as the mail screen names it. */
const TYPE_NAMES: Record<string, Record<'zh' | 'ru' | 'en', string>> = {
  'registration-received': { zh: '报名已收到', ru: 'Заявка получена', en: 'Registration received' },
  'registration-approved': { zh: '报名已批准', ru: 'Заявка подтверждена', en: 'Registration approved' },
};

test.describe('the organisers’ mail view', () => {
  let organiser: ApiUser;
  let delegate: ApiUser;
  let forum: Awaited<ReturnType<typeof createForum>>;

  test.beforeAll(async () => {
    organiser = await createUser({ name: 'Mail Organiser' });
    forum = await createForum(organiser);
    delegate = await createUser({ name: 'Olga Mailova' });
    await registerDelegate(forum.id, organiser, delegate, {
      company: { name: `Volga Trans ${Math.random().toString(36).slice(2, 7)}`, country: 'RU', sectors: ['logistics'] },
      languages: ['ru'],
      timeZone: 'Europe/Moscow',
    });
  });

  const mails = () =>
    call<{ items: Mail[] }>('GET', `/events/${forum.id}/notifications?limit=100`, organiser.token).then((p) => p.items);

  test('is refused to a delegate', async ({ page }) => {
    await logIn(page, delegate);
    await page.goto(`/app/events/${forum.id}/manage/mail`);
    await expect(page.getByTestId('mail-refused')).toHaveText('Only organisers of this forum can see its mail.');
  });

  test('filters by status and type on the server, shows why a mail failed, and sends it again', async ({ page }) => {
    await expect
      .poll(async () => (await mails()).filter((m) => m.recipientEmail === delegate.email).length)
      .toBeGreaterThan(0);
    const mail = (await mails()).find((m) => m.recipientEmail === delegate.email)!;
    await expect.poll(async () => (await mails()).find((m) => m.id === mail.id)?.status).toBe('sent');
    await failMail(mail.id);

    await logIn(page, organiser);
    await page.goto(`/app/events/${forum.id}/manage/mail`);
    await expect(page.getByTestId('mail-row').first()).toBeVisible();
    await page.getByTestId('mail-status').getByText('Failed (1)').click();
    await expect(page).toHaveURL(/status=failed/);
    const row = page.getByTestId('mail-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(delegate.email);
    await expect(row).toContainText('550 5.1.1 Mailbox unavailable');
    // the type reads as its name in the reader's language, not as the template's key
    const typeName = TYPE_NAMES[mail.type];
    expect(typeName, `a name for ${mail.type}`).toBeDefined();
    await expect(row).toContainText(typeName.en);
    await expect(row).not.toContainText(mail.type);

    await screenshotAll(page, 'organiser-mail', async (language) => {
      const failed = { zh: '失败', ru: 'Ошибка', en: 'Failed' }[language];
      await expect(row.getByText(failed, { exact: true })).toBeVisible();
      await expect(row).toContainText(typeName[language]);
    });

    await page.getByRole('button', { name: `Send the mail to ${delegate.email} again` }).click();
    await expect(page.getByTestId('mail-retried')).toHaveText(
      `The mail to ${delegate.email} is queued to be sent again.`,
    );
    await expect(page.getByTestId('mail-empty')).toHaveText('No mail matches these filters.');
    await expect.poll(async () => (await mails()).find((m) => m.id === mail.id)?.status).toBe('sent');

    // the type filter is in the URL and asks the server: a type the event has none of lists nothing
    await page.goto(`/app/events/${forum.id}/manage/mail?status=sent&type=${mail.type}`);
    await expect(row.filter({ hasText: delegate.email }).first()).toBeVisible();
    await expect(page.getByTestId('mail-type')).toHaveValue(new RegExp(`^${typeName.en} \\(`));
    // a type the screen has no name for shows as its key
    await page.goto(`/app/events/${forum.id}/manage/mail?type=no-such-type`);
    await expect(page.getByTestId('mail-empty')).toBeVisible();
    await expect(page.getByTestId('mail-type')).toHaveValue('no-such-type');
  });
});
