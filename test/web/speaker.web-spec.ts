import { call, createForum, createUser, type ApiUser } from './support/api';
import { expect, logIn, screenshotAll, test } from './support/fixtures';

test.describe('speaker screen', () => {
  let organiser: ApiUser;
  let speaker: ApiUser;
  let forum: Awaited<ReturnType<typeof createForum>>;

  test.beforeAll(async () => {
    organiser = await createUser({ name: 'Organiser' });
    speaker = await createUser({ name: 'Irina Volkova', timeZone: 'Europe/Moscow' });
    forum = await createForum(organiser);
    const panel = forum.sessions.find((s) => s.title === 'Agriculture panel')!;
    await call('POST', `/events/${forum.id}/sessions/${panel.id}/speakers`, organiser.token, {
      email: speaker.email,
      name: speaker.name,
      role: 'speaker',
      company: 'Altai Honey',
    });
  });

  test('lists the sessions I speak at in event time and mine, and what I save shows on the public agenda', async ({
    page,
  }) => {
    await logIn(page, speaker);
    await page.getByRole('banner').getByRole('link', { name: 'My sessions' }).click();
    await expect(page).toHaveURL(/\/app\/speaker$/);
    const card = page.getByRole('region', { name: 'Agriculture panel' });
    await expect(page.getByTestId('speaker-session')).toHaveCount(1); // not the sessions others speak at
    await expect(card).toContainText('Speaker');
    await expect(card).toContainText('Hall B');
    // 10:00 in Nanchang (UTC+8) is 05:00 in Moscow (UTC+3)
    await expect(card.getByLabel(/Event time \(Asia\/Shanghai\)/)).toContainText('10:00–11:30');
    await expect(card.getByLabel(/Your time \(Europe\/Moscow\)/)).toContainText('05:00–06:30');

    await card.getByLabel('Abstract').fill('Altai honey for Jiangxi supermarkets: certification and cold chain.');
    await card.getByLabel('Your biography').fill('Export director of Altai Honey since 2015.');
    await card.getByLabel('Materials').fill('slides on the shared drive');
    await card.getByRole('button', { name: 'Save' }).click();
    await expect(card.getByText('Not a web link: slides on the shared drive')).toBeVisible();

    await card.getByLabel('Materials').fill('https://example.com/altai-honey.pdf');
    await card.getByRole('button', { name: 'Save' }).click();
    await expect(card.getByRole('status')).toHaveText('Saved. The public agenda shows it now.');

    await card.getByRole('link', { name: 'See the public agenda' }).click();
    const onAgenda = page.getByRole('article', { name: 'Agriculture panel' });
    await expect(onAgenda.getByTestId('abstract')).toHaveText(
      'Altai honey for Jiangxi supermarkets: certification and cold chain.',
    );
    await expect(onAgenda.getByRole('link', { name: 'example.com' })).toHaveAttribute(
      'href',
      'https://example.com/altai-honey.pdf',
    );

    await page.goto('/app/speaker');
    await expect(page.getByRole('region', { name: 'Agriculture panel' }).getByLabel('Your biography')).toHaveValue(
      'Export director of Altai Honey since 2015.',
    );
    await screenshotAll(page, 'speaker', async (language) => {
      const title = { zh: '我的议程', ru: 'Мои выступления', en: 'My sessions' }[language];
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(page.getByTestId('speaker-session')).toContainText(
        { zh: '农业分论坛', ru: 'Панель: сельское хозяйство', en: 'Agriculture panel' }[language],
      );
    });
  });

  test('shows someone who speaks nowhere no link and an empty screen, and cannot change a session', async ({
    page,
  }) => {
    const delegate = await createUser({ name: 'Plain Delegate' });
    await logIn(page, delegate);
    await expect(page.getByRole('banner').getByRole('link', { name: 'My sessions' })).toHaveCount(0);
    await page.goto('/app/speaker');
    await expect(page.getByTestId('no-sessions')).toBeVisible();
    const panel = forum.sessions.find((s) => s.title === 'Agriculture panel')!;
    const refused = await page.request.patch(`/events/${forum.id}/sessions/${panel.id}/speaker-profile`, {
      headers: { authorization: `Bearer ${delegate.token}` },
      data: { abstract: 'Defaced' },
    });
    expect(refused.status()).toBe(403);
  });

  test('sends a visitor to log in first, and back to the screen afterwards', async ({ page }) => {
    await page.goto('/app/speaker');
    await expect(page).toHaveURL(/\/app\/login\?redirect=/);
    await logIn(page, speaker);
    await expect(page).toHaveURL(/\/app\/speaker$/);
    await expect(page.getByTestId('speaker-session')).toHaveCount(1);
  });
});
