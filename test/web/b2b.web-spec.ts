import { call, createForum, createUser, registerDelegate, type ApiUser } from './support/api';
import { walkGrid } from './support/grid';
import { expect, logIn, screenshotAll, test } from './support/fixtures';
import { waitForMail } from './support/mail';

interface GridMeeting {
  id: string;
  registrationA: string;
  registrationB: string;
  slotIndex: number;
  tableNo: number;
  locked: boolean;
}

test.describe('the organisers’ B2B board', () => {
  let organiser: ApiUser;
  let forum: Awaited<ReturnType<typeof createForum>>;
  const ids: Record<string, string> = {};
  const users: Record<string, ApiUser> = {};
  const suffix = Math.random().toString(36).slice(2, 7);

  async function delegate(name: string, company: string, country: string, languages: string[]) {
    const user = await createUser({ name, locale: 'en', timeZone: 'Asia/Shanghai' });
    ids[name] = await registerDelegate(forum.id, organiser, user, {
      company: { name: `${company} ${suffix}`, country, sectors: ['logistics'] },
      languages,
      timeZone: country === 'RU' ? 'Europe/Moscow' : 'Asia/Shanghai',
    });
    users[name] = user;
  }
  const availability = (name: string, windows: Array<{ start: string; end: string }> | null) =>
    call('PUT', `/events/${forum.id}/registrations/${ids[name]}/availability`, users[name].token, { windows });
  const NEVER = [{ start: '2027-06-10T00:00:00Z', end: '2027-06-10T01:00:00Z' }];
  async function acceptedRequest(from: string, to: string) {
    const request = await call<{ id: string }>('POST', `/events/${forum.id}/meeting-requests`, users[from].token, {
      toRegistrationId: ids[to],
    });
    await call('POST', `/events/${forum.id}/meeting-requests/${request.id}/accept`, users[to].token);
  }
  const grid = () =>
    call<{ meetings: GridMeeting[] }>('GET', `/events/${forum.id}/schedule/grid`, organiser.token).then(
      (g) => g.meetings,
    );
  const between = (meetings: GridMeeting[], a: string, b: string) =>
    meetings.find(
      (m) =>
        (m.registrationA === ids[a] && m.registrationB === ids[b]) ||
        (m.registrationA === ids[b] && m.registrationB === ids[a]),
    )!;

  test.beforeAll(async () => {
    organiser = await createUser({ name: 'Organiser' });
    // one afternoon of four 30-minute slots (14:00–16:00 Shanghai) at six tables, and a second morning
    forum = await createForum(organiser, {
      tables: 6,
      windows: [
        { date: '2027-06-10', start: '14:00', end: '16:00' },
        { date: '2027-06-11', start: '09:00', end: '10:00' },
      ],
    });
    await delegate('Olga Smirnova', 'Volga Trans', 'RU', ['ru', 'en']);
    await delegate('Wang Fang', 'Ganjiang Logistics', 'CN', ['zh', 'en']);
    await delegate('Li Wei', 'Nanchang Rail Port', 'CN', ['zh', 'en']);
    await delegate('Petr Volkov', 'Kazan Cargo', 'RU', ['ru', 'en']);
    await delegate('Ivan Sokolov', 'Ural Rail', 'RU', ['ru', 'en']);
    await delegate('Zhou Min', 'Jiangxi Copper', 'CN', ['zh', 'en']);
    // Petr–Li is placed on acceptance; Olga can meet no one while she accepts, so hers wait for the scheduler.
    await acceptedRequest('Li Wei', 'Petr Volkov');
    await availability('Olga Smirnova', NEVER);
    await acceptedRequest('Wang Fang', 'Olga Smirnova');
    await acceptedRequest('Li Wei', 'Olga Smirnova');
    await availability('Olga Smirnova', null);
    // Ivan never can: the scheduler leaves this one unplaced, with its reason.
    await availability('Ivan Sokolov', NEVER);
    await acceptedRequest('Wang Fang', 'Ivan Sokolov');
  });

  test('is refused to a delegate and to the organiser of another forum', async ({ page }) => {
    await logIn(page, users['Olga Smirnova']);
    await page.goto(`/app/events/${forum.id}/b2b`);
    await expect(page.getByTestId('b2b-refused')).toHaveText(
      'Only the organisers of this forum can see and change its B2B schedule.',
    );
    await expect(page.getByRole('grid')).toHaveCount(0);
    await page.getByRole('button', { name: 'Log out' }).click();

    const other = await createUser({ name: 'Other Organiser' });
    await createForum(other);
    await logIn(page, other);
    await page.goto(`/app/events/${forum.id}/b2b`);
    await expect(page.getByTestId('b2b-refused')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Run the scheduler' })).toHaveCount(0);
  });

  test('runs the scheduler, moves a meeting by keyboard (and undoes it), is told why a clashing move is refused, locks it, places an unplaced request in one click and publishes final', async ({
    page,
  }) => {
    await logIn(page, organiser);
    await page.goto(`/app/events/${forum.id}/b2b`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('B2B meetings');
    await expect(page.getByTestId('unplaced-item')).toHaveCount(3);

    await page.getByRole('button', { name: 'Run the scheduler' }).click();
    const result = page.getByTestId('scheduler-result');
    await expect(result).toContainText('The scheduler has finished');
    await expect(result).toContainText('Placed: 2 meetings');
    await expect(result).toContainText('Not placed: 1');
    await expect(result).toContainText('They have no time in common.: 1');
    await expect(result).toContainText('Fewest meetings any delegate got: 0');
    const unplaced = page.getByTestId('unplaced-item');
    await expect(unplaced).toHaveCount(1);
    await expect(unplaced.getByTestId('unplaced-reason')).toHaveText('They have no time in common.');
    await expect(unplaced).toContainText('No slot works for both now.');

    const before = await grid();
    expect(before).toHaveLength(3);
    const olgaWang = between(before, 'Olga Smirnova', 'Wang Fang');
    const olgaLi = between(before, 'Olga Smirnova', 'Li Wei');
    const cell = (slot: number, table: number) => page.locator(`[data-cell="${slot}:${table}"]`);
    await expect(cell(olgaWang.slotIndex, olgaWang.tableNo)).toHaveAttribute(
      'aria-label',
      new RegExp(`Olga Smirnova \\(Volga Trans ${suffix}\\)|Wang Fang \\(Ganjiang Logistics ${suffix}\\)`),
    );

    // Keyboard only: from the first cell to Olga–Wang, pick it up, carry it to a free table in a slot both have free.
    const gridEl = page.getByRole('grid', { name: 'Schedule grid: tables by slots' });
    await gridEl.focus();
    const walk = (slot: number, table: number) => walkGrid(page, gridEl, slot, table);
    const busy = (slot: number) =>
      before.some(
        (m) =>
          m.slotIndex === slot &&
          [m.registrationA, m.registrationB].some((r) => r === ids['Olga Smirnova'] || r === ids['Wang Fang']),
      );
    const freeSlot = [0, 1, 2, 3].find((s) => !busy(s))!;
    await walk(olgaWang.slotIndex, olgaWang.tableNo);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('grid-live')).toContainText('Moving');
    await walk(freeSlot, 5);
    await expect(page.getByTestId('grid-live')).toContainText('Drop here');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('grid-callout')).toContainText(/Moved .* to \d\d:\d\d, table 5/);
    expect(between(await grid(), 'Olga Smirnova', 'Wang Fang')).toMatchObject({ slotIndex: freeSlot, tableNo: 5 });

    // Undo puts it back; moving it again lands it, and both delegates get the move mail.
    await page.keyboard.press('Control+z');
    await expect(page.getByTestId('grid-callout')).toContainText('back to');
    expect(between(await grid(), 'Olga Smirnova', 'Wang Fang')).toMatchObject({
      slotIndex: olgaWang.slotIndex,
      tableNo: olgaWang.tableNo,
    });
    await walk(olgaWang.slotIndex, olgaWang.tableNo);
    await page.keyboard.press('Enter');
    await walk(freeSlot, 5);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('grid-callout')).toContainText('Both delegates are mailed');
    await waitForMail(users['Olga Smirnova'].email, /new time or table/);
    await waitForMail(users['Wang Fang'].email, /new time or table/);

    // A clash: Olga already meets Li in that slot. Told why at the target; nothing moves.
    await page.keyboard.press('Enter');
    await walk(olgaLi.slotIndex, 6);
    await expect(page.getByTestId('grid-callout')).toContainText(
      /Olga Smirnova already has a meeting at \d\d:\d\d \(table \d, /,
    );
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('grid-callout')).toContainText('Olga Smirnova already has a meeting at');
    expect(between(await grid(), 'Olga Smirnova', 'Wang Fang')).toMatchObject({ slotIndex: freeSlot, tableNo: 5 });
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('grid-callout')).toContainText('Move cancelled');
    await expect(gridEl).toHaveAttribute('aria-activedescendant', `cell-${freeSlot}-5`);

    // Lock it (L); a locked meeting cannot be picked up.
    await page.keyboard.press('l');
    await expect(page.getByTestId('grid-callout')).toContainText('is locked');
    await expect(cell(freeSlot, 5)).toHaveAttribute('aria-label', /Locked$/);
    expect(between(await grid(), 'Olga Smirnova', 'Wang Fang').locked).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('grid-callout')).toHaveText('This meeting is locked. Unlock it first to move it.');

    // An unplaced request with a fix: Zhou–Olga, accepted while Olga could meet no one.
    await availability('Olga Smirnova', NEVER);
    await acceptedRequest('Zhou Min', 'Olga Smirnova');
    await availability('Olga Smirnova', null);
    await page.reload();
    const zhou = page.getByTestId('unplaced-item').filter({ hasText: 'Zhou Min' });
    await zhou.getByRole('button', { name: /^Place at / }).click();
    await expect(zhou).toHaveCount(0);
    await expect(page.getByTestId('unplaced-item')).toHaveCount(1);
    expect(between(await grid(), 'Olga Smirnova', 'Zhou Min')).toBeDefined();

    await screenshotAll(page, 'b2b', async (language) => {
      const titles = { zh: 'B2B 洽谈', ru: 'B2B-встречи', en: 'B2B meetings' };
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[language]);
      await expect(page.getByRole('grid')).toBeVisible();
    });

    await page.getByRole('button', { name: 'Publish preliminary' }).click();
    await expect(page.getByTestId('publish-result')).toHaveText(
      'Published as preliminary (was: Draft). Delegates now see their 4 meetings as provisional.',
    );
    await page.getByRole('button', { name: 'Publish final' }).click();
    await page.getByRole('button', { name: 'Yes, publish final and mail everyone' }).click();
    await expect(page.getByTestId('publish-result')).toHaveText(
      'Published as final (was: Preliminary). 4 meetings; 5 delegates are mailed their schedule.',
    );
    await expect(page.getByTestId('schedule-status')).toHaveText('Now: Final');
    await waitForMail(users['Zhou Min'].email, /Olga Smirnova/);
  });

  test('reserves a table for a company, lists it, refuses it to a second company, and gives it back', async ({
    page,
  }) => {
    await logIn(page, organiser);
    await page.goto(`/app/events/${forum.id}/b2b`);
    const panel = page.getByRole('region', { name: 'Fixed tables' });
    const list = panel.getByTestId('fixed-table-list');
    await expect(list).toContainText('No table is reserved.');
    const reserve = async (company: string, table: string) => {
      await panel.getByRole('combobox', { name: 'Company' }).fill(company);
      await page.getByRole('option', { name: `${company} ${suffix}` }).click();
      await panel.getByRole('textbox', { name: 'Table number' }).fill(table);
      await panel.getByRole('button', { name: 'Reserve the table' }).click();
    };
    await reserve('Volga Trans', '3');
    await expect(panel.getByRole('status')).toHaveText(`Table 3 is reserved for Volga Trans ${suffix}.`);
    await expect(list.getByRole('row')).toHaveCount(2);
    await expect(list.getByRole('row').nth(1)).toContainText(`3Volga Trans ${suffix}`);

    // a second company cannot have table 3; the reservation stays as it was
    await reserve('Ganjiang Logistics', '3');
    await expect(panel.getByRole('alert')).toHaveText('That table is already reserved for another company.');
    const reserved = await call<{ items: Array<{ tableNo: number }> }>(
      'GET',
      `/events/${forum.id}/fixed-tables`,
      organiser.token,
    );
    expect(reserved.items).toEqual([expect.objectContaining({ tableNo: 3 })]);

    await list.getByRole('button', { name: `Release table 3 (Volga Trans ${suffix})` }).click();
    await expect(list.getByRole('status')).toHaveText(
      `Table 3 is no longer reserved for Volga Trans ${suffix}; meetings already there stay.`,
    );
    await expect(list).toContainText('No table is reserved.');
    expect(
      (await call<{ items: unknown[] }>('GET', `/events/${forum.id}/fixed-tables`, organiser.token)).items,
    ).toEqual([]);
  });
});
