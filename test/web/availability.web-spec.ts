import { call, createForum, createUser, registerDelegate, type ApiUser } from './support/api';
import { expect, logIn, screenshotAll, test } from './support/fixtures';

test.describe('availability', () => {
  let organiser: ApiUser;
  let forum: Awaited<ReturnType<typeof createForum>>;

  test.beforeAll(async () => {
    organiser = await createUser({ name: 'Organiser' });
    // Two days of meeting hours, four 30-minute slots each.
    forum = await createForum(organiser, {
      windows: [
        { date: '2027-06-10', start: '14:00', end: '16:00' },
        { date: '2027-06-11', start: '10:00', end: '12:00' },
      ],
    });
  });

  test('refuses the slot grid to a delegate not yet approved, in words', async ({ page }) => {
    const waiting = await createUser({ name: 'Pavel Waiting', locale: 'ru', timeZone: 'Europe/Moscow' });
    await registerDelegate(
      forum.id,
      organiser,
      waiting,
      {
        company: { name: 'Tula Steel', country: 'RU', sectors: ['logistics'] },
        languages: ['ru'],
        timeZone: 'Europe/Moscow',
      },
      false,
    );
    await logIn(page, waiting);
    await page.goto(`/app/events/${forum.id}/availability`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Время для встреч');
    await expect(page.getByRole('alert')).toHaveText('Доступно только подтверждённым делегатам.');
    await expect(page.getByTestId('slot')).toHaveCount(0);
  });

  test('marks slots by click, drag and keyboard, and saves them with a clear message', async ({ page }) => {
    const olga = await createUser({ name: 'Olga Availability', locale: 'en', timeZone: 'Europe/Moscow' });
    const registrationId = await registerDelegate(forum.id, organiser, olga, {
      company: { name: 'Volga Grain', country: 'RU', sectors: ['agriculture'] },
      languages: ['ru', 'en'],
      timeZone: 'Europe/Moscow',
    });
    await logIn(page, olga);
    await page.goto(`/app/events/${forum.id}`);
    await page.getByRole('link', { name: 'My availability' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('My availability');
    const slots = page.getByTestId('slot');
    await expect(slots).toHaveCount(8);
    // Never set: whenever meetings run, so every slot starts marked.
    for (let i = 0; i < 8; i++) await expect(slots.nth(i)).toHaveAttribute('aria-pressed', 'true');
    // Event time large, the delegate's Moscow time beside it (five hours behind Nanchang).
    await expect(slots.nth(0)).toHaveAccessibleName('14:00–14:30 event time, 09:00–09:30 your time (Europe/Moscow)');

    await page.getByRole('button', { name: 'Clear all' }).click();
    await expect(page.getByTestId('availability-count')).toHaveText('Marked: 0 of 8 slots.');

    // Click marks one slot.
    await slots.nth(0).click();
    await expect(slots.nth(0)).toHaveAttribute('aria-pressed', 'true');

    // Drag across day two's first three slots.
    const box = async (i: number) => {
      const b = await slots.nth(i).boundingBox();
      if (!b) throw new Error(`slot ${i} is not visible`);
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    };
    const from = await box(4);
    const to = await box(6);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await page.mouse.up();
    for (const i of [4, 5, 6]) await expect(slots.nth(i)).toHaveAttribute('aria-pressed', 'true');
    await expect(slots.nth(7)).toHaveAttribute('aria-pressed', 'false');

    // Keyboard: one tab stop in the grid; arrows move across days and slots, Space and Enter toggle.
    await expect(page.locator('[data-testid="slot"][tabindex="0"]')).toHaveCount(1);
    await expect(slots.nth(4)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(slots.nth(0)).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(slots.nth(1)).toBeFocused();
    await page.keyboard.press('Space');
    await expect(slots.nth(1)).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('ArrowDown');
    await expect(slots.nth(5)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(slots.nth(5)).toHaveAttribute('aria-pressed', 'false');
    await page.keyboard.press('End');
    await expect(slots.nth(7)).toBeFocused();
    await expect(page.locator('[data-testid="slot"][tabindex="0"]')).toHaveCount(1);
    await expect(page.getByTestId('availability-count')).toHaveText('Marked: 4 of 8 slots.');

    await page.getByRole('button', { name: 'Save availability' }).click();
    await expect(page.getByRole('status')).toHaveText('Saved. Meetings can be placed in your 4 marked slots.');
    const mine = await call<{ items: { id: string; availability: { start: string; end: string }[] | null }[] }>(
      'GET',
      '/me/registrations',
      olga.token,
    );
    expect(mine.items.find((r) => r.id === registrationId)?.availability).toEqual([
      { start: '2027-06-10T06:00:00.000Z', end: '2027-06-10T07:00:00.000Z' },
      { start: '2027-06-11T02:00:00.000Z', end: '2027-06-11T02:30:00.000Z' },
      { start: '2027-06-11T03:00:00.000Z', end: '2027-06-11T03:30:00.000Z' },
    ]);

    // Read back after a reload: the same four slots.
    await page.reload();
    await expect(slots).toHaveCount(8);
    const pressed = await slots.evaluateAll((els) => els.map((el) => el.getAttribute('aria-pressed')));
    expect(pressed).toEqual(['true', 'true', 'false', 'false', 'true', 'false', 'true', 'false']);

    await screenshotAll(page, 'availability', async (language) => {
      const titles = { zh: '我的可会谈时间', ru: 'Время для встреч', en: 'My availability' };
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[language]);
      await expect(slots).toHaveCount(8);
    });
  });
});
