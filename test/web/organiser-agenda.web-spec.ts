import type { Page } from '@playwright/test';
import { call, createForum, createUser, registerDelegate, uniqueEmail, type ApiUser } from './support/api';
import { expect, expectAccessible, logIn, screenshotAll, test } from './support/fixtures';

test.describe('the organisers’ agenda editor', () => {
  let organiser: ApiUser;
  let delegate: ApiUser;
  let forum: Awaited<ReturnType<typeof createForum>>;
  const busySpeaker = uniqueEmail('speaker');
  const hall = `Hall C ${Math.random().toString(36).slice(2, 6)}`;

  test.beforeAll(async () => {
    organiser = await createUser({ name: 'Agenda Organiser' });
    forum = await createForum(organiser);
    // a speaker already booked 10:30–12:00 on the first day (the Rail freight panel in Hall B)
    const panel = forum.sessions.find((s) => s.title === 'Rail freight panel')!;
    await call('POST', `/events/${forum.id}/sessions/${panel.id}/speakers`, organiser.token, {
      email: busySpeaker,
      name: 'Pavel Busy',
      role: 'speaker',
    });
    delegate = await createUser({ name: 'Agenda Delegate' });
    await registerDelegate(forum.id, organiser, delegate, {
      company: { name: `Kama Trucks ${hall}`, country: 'RU', sectors: ['logistics'] },
      languages: ['ru'],
      timeZone: 'Europe/Moscow',
    });
  });

  async function fillSession(page: Page, fields: { title: string; room: string; start: string; end: string }) {
    const form = page.getByTestId('session-form');
    await form.getByLabel('Title').fill(fields.title);
    await form.getByRole('combobox', { name: 'Room' }).click();
    await page.getByRole('option', { name: fields.room, exact: true }).click();
    await form.getByLabel('Day (event time, Asia/Shanghai)').fill('2027-06-10');
    await form.getByLabel('Starts').fill(fields.start);
    await form.getByLabel('Ends').fill(fields.end);
  }

  test('is refused to a delegate', async ({ page }) => {
    await logIn(page, delegate);
    await page.goto(`/app/events/${forum.id}/manage/agenda`);
    await expect(page.getByTestId('agenda-editor-refused')).toHaveText(
      'Only organisers of this forum can edit its agenda.',
    );
  });

  test('adds a room and sessions, and says a room or speaker clash on the field that causes it', async ({ page }) => {
    await logIn(page, organiser);
    await page.goto(`/app/events/${forum.id}/manage/agenda`);
    await expect(page.getByTestId('editor-session')).toHaveCount(3);

    await page.getByLabel('New room').fill(hall);
    await page.getByRole('button', { name: 'Add the room' }).click();
    await expect(page.getByTestId('rooms')).toContainText(hall);
    await page.getByLabel('New room').fill(hall);
    await page.getByRole('button', { name: 'Add the room' }).click();
    await expect(page.getByText(`There is already a room called “${hall}”.`)).toBeVisible();
    // the error under the field is red text that must still read at 4.5:1 (Mantine's default red does not);
    // the mouse leaves the button first, as in screenshotAll, so its hover state is not what axe measures
    await page.mouse.move(640, 899);
    await expectAccessible(page);
    await page.getByLabel('New room').fill('');

    // Main Hall has the opening plenary 09:00–10:00: the clash is said under the room
    await page.getByTestId('new-session').click();
    const form = page.getByTestId('session-form');
    await fillSession(page, { title: 'Logistics roundtable', room: 'Main Hall', start: '09:30', end: '10:30' });
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByText('This room is taken by “Opening plenary” at that time.')).toBeVisible();
    await page.mouse.move(640, 899);
    await expectAccessible(page);
    await form.getByRole('combobox', { name: 'Room' }).click();
    await page.getByRole('option', { name: hall, exact: true }).click();
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toHaveCount(0);
    await expect(page.getByTestId('editor-session')).toHaveCount(4);
    await expect(page.getByTestId('editor-session').filter({ hasText: 'Logistics roundtable' })).toContainText(
      `09:30–10:30 · Panel · ${hall}`,
    );

    // a speaker already on the rail panel at 11:00: the clash is said under that speaker's e-mail
    await page.getByTestId('new-session').click();
    await fillSession(page, { title: 'Customs workshop', room: hall, start: '11:00', end: '11:45' });
    await form.getByLabel('Speaker 1: e-mail').fill(busySpeaker);
    await form.getByLabel('Speaker 1: name').fill('Pavel Busy');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByText(`${busySpeaker} already speaks at “Rail freight panel” at that time.`)).toBeVisible();
    await form.getByLabel('Starts').fill('12:30');
    await form.getByLabel('Ends').fill('13:15');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toHaveCount(0);
    await expect(page.getByTestId('editor-session').filter({ hasText: 'Customs workshop' })).toContainText(
      'Pavel Busy',
    );

    // editing: the end moves, checked like a new one
    await page.getByRole('button', { name: 'Edit “Logistics roundtable”' }).click();
    await form.getByLabel('Ends').fill('10:45');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toHaveCount(0);
    await expect(page.getByTestId('editor-session').filter({ hasText: 'Logistics roundtable' })).toContainText(
      '09:30–10:45',
    );

    await screenshotAll(page, 'organiser-agenda', async (language) => {
      const title = { zh: '议程', ru: 'Программа', en: 'Agenda' }[language];
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    });
  });
});
