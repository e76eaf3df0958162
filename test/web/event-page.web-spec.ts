import { createForum, createUser } from './support/api';
import { expect, screenshotAll, test } from './support/fixtures';

test.describe('public event page', () => {
  let forum: Awaited<ReturnType<typeof createForum>>;

  test.beforeAll(async () => {
    forum = await createForum(await createUser({ name: 'Organiser' }));
  });

  test('shows the agenda by day in event time and the viewer’s time, filtered through the URL', async ({ page }) => {
    await page.goto(`/app/events/${forum.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('China-Russia SME Roundtable');
    await expect(page.getByTestId('session')).toHaveCount(3);

    // The browser runs in Europe/Berlin (CEST, UTC+2); the forum is in Asia/Shanghai (UTC+8).
    const opening = page.getByRole('article', { name: 'Opening plenary' });
    await expect(opening.getByLabel(/Event time \(Asia\/Shanghai\)/)).toContainText('09:00–10:00');
    await expect(opening.getByLabel(/Your time \(Europe\/Berlin\)/)).toContainText('03:00–04:00');
    await expect(page.getByRole('article', { name: 'Rail freight panel' })).toContainText('Elena Smirnova (moderator)');

    await page.getByLabel('Search the agenda').fill('rail');
    await expect(page.getByTestId('session')).toHaveCount(1);
    await expect(page).toHaveURL(/[?&]q=rail/);
    await page.reload();
    await expect(page.getByTestId('session')).toHaveCount(1);
    await expect(page.getByLabel('Search the agenda')).toHaveValue('rail');

    await page.getByLabel('Search the agenda').fill('no such session');
    await expect(page.getByText('No session matches these filters.')).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page.getByTestId('session')).toHaveCount(3);

    await page.goto(`/app/events/${forum.id}?day=2027-06-11`);
    await expect(page.getByTestId('session')).toHaveCount(1);
    await expect(page.getByTestId('session')).toContainText('Agriculture panel');
  });

  test('offers the calendar file and sends a visitor to log in before registering', async ({ page }) => {
    await page.goto(`/app/events/${forum.id}`);
    const href = await page.getByRole('link', { name: 'Calendar file (.ics)' }).getAttribute('href');
    const ics = await page.request.get(href ?? '');
    expect(ics.headers()['content-type']).toContain('text/calendar');
    expect(await ics.text()).toContain('Opening plenary');

    await page.getByRole('link', { name: 'Register' }).click();
    await expect(page).toHaveURL(/\/app\/login\?redirect=/);
  });

  test('speaks zh, ru and en without reloading, and passes axe at 1280 and 360 px', async ({ page }) => {
    await page.goto(`/app/events/${forum.id}`);
    await expect(page.getByTestId('session')).toHaveCount(3);
    await page.evaluate(() => ((globalThis as unknown as { notReloaded: boolean }).notReloaded = true));
    const titles = {
      zh: '中俄中小企业圆桌会议',
      ru: 'Российско-китайский круглый стол МСП',
      en: 'China-Russia SME Roundtable',
    };
    const sessions = { zh: '开幕全体会议', ru: 'Пленарное заседание', en: 'Opening plenary' };
    await screenshotAll(page, 'event-page', async (language) => {
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[language]);
      await expect(page.getByRole('article', { name: sessions[language] })).toBeVisible();
    });
    expect(await page.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });

  test('says so when the forum does not exist', async ({ page }) => {
    await page.goto('/app/events/01a23b52-e26d-7143-8903-000000000000');
    await expect(page.getByRole('alert')).toHaveText('This forum does not exist.');
  });
});
