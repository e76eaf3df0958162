import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { call, createForum, createUser, registerDelegate, type ApiUser } from './support/api';
import { expect, LANGUAGES, logIn, screenshotAll, switchLanguage, test } from './support/fixtures';

/** Two delegates ask Anna for a meeting; she accepts both, so her day has two meetings back to back. */
async function annaWithTwoMeetings(organiser: ApiUser, eventId: string) {
  const delegate = async (name: string, country: string, timeZone: string) => {
    const user = await createUser({ name, timeZone });
    const id = await registerDelegate(eventId, organiser, user, {
      company: { name: `${name} Co ${randomBytes(3).toString('hex')}`, country, sectors: ['logistics'] },
      languages: ['en'],
      timeZone,
    });
    return { user, id };
  };
  const anna = await delegate('Anna Petrova', 'RU', 'Europe/Moscow');
  for (const name of ['Li Wei', 'Zhou Min']) {
    const other = await delegate(name, 'CN', 'Asia/Shanghai');
    const request = await call<{ id: string }>('POST', `/events/${eventId}/meeting-requests`, other.user.token, {
      toRegistrationId: anna.id,
    });
    await call('POST', `/events/${eventId}/meeting-requests/${request.id}/accept`, anna.user.token);
  }
  const meetings = await call<{
    items: { event: { id: string }; startsAt: string; tableNo: number; with: { name: string } }[];
  }>('GET', '/me/meetings', anna.user.token);
  const mine = meetings.items
    .filter((m) => m.event.id === eventId)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return { anna: anna.user, meetings: mine };
}

test.describe('my schedule on the day', () => {
  let organiser: ApiUser;

  test.beforeAll(async () => {
    organiser = await createUser({ name: 'Organiser' });
  });

  test('shows the next and the current meeting with table and countdown, prints compactly, and refuses an outcome before the meeting', async ({
    page,
  }) => {
    // Six accounts through the mail, then screenshots of two screens in three languages at two widths.
    test.setTimeout(150_000);
    const forum = await createForum(organiser);
    const { anna, meetings } = await annaWithTwoMeetings(organiser, forum.id);
    expect(meetings.map((m) => m.startsAt)).toEqual(['2027-06-10T06:00:00.000Z', '2027-06-10T06:30:00.000Z']);
    const [first, second] = meetings;

    // 13:50 in Nanchang on the first day: the first meeting starts in ten minutes.
    await page.clock.install({ time: new Date('2027-06-10T05:50:00Z') });
    await logIn(page, anna);
    await page.goto(`/app/events/${forum.id}/schedule`);
    const card = page.getByTestId('now-next');
    await expect(card.getByTestId('meeting-next')).toContainText('Starts in 10 min');
    await expect(card.getByTestId('meeting-next')).toContainText(`Table ${first.tableNo}`);
    await expect(card.getByTestId('meeting-next')).toContainText(first.with.name);
    await expect(card.getByTestId('meeting-now')).toHaveCount(0);

    // 14:10: the first is on, twenty minutes left; the second is next.
    await page.clock.fastForward('20:00');
    await expect(card.getByTestId('meeting-now')).toContainText('Ends in 20 min');
    await expect(card.getByTestId('meeting-now')).toContainText(first.with.name);
    await expect(card.getByTestId('meeting-next')).toContainText('Starts in 20 min');
    await expect(card.getByTestId('meeting-next')).toContainText(second.with.name);
    await screenshotAll(page, 'schedule-now', async (language) => {
      const now = { zh: '进行中', ru: 'Сейчас', en: 'Now' };
      await expect(card.getByTestId('meeting-now')).toContainText(now[language]);
    });

    // The printed schedule: only the meetings, without the site's header, the card and the calendar link.
    for (const language of LANGUAGES) {
      await page.emulateMedia({ media: 'screen' });
      await switchLanguage(page, language);
      await page.emulateMedia({ media: 'print' });
      await expect(page.getByRole('banner')).toBeHidden();
      await expect(card).toBeHidden();
      await expect(page.getByRole('button', { name: /Print|Печать|打印/ })).toBeHidden();
      await expect(page.getByTestId('schedule-meeting')).toHaveCount(2);
      // Whose schedule, at which forum: the paper has no header to say so.
      await expect(page.getByTestId('print-heading')).toHaveText('China-Russia SME Roundtable · Anna Petrova');
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({
          path: join(__dirname, 'screenshots', `schedule-print-${language}-${width}.png`),
          fullPage: true,
        });
      }
    }
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await switchLanguage(page, 'en');

    // 16:30 by this device's clock: both meetings look over, but the server's clock says they have not happened.
    await page.clock.fastForward('02:20:00');
    await expect(card).toHaveCount(0);
    const outcomes = page.getByTestId('outcome');
    await expect(outcomes).toHaveCount(2);
    const form = outcomes.first();
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByRole('alert')).toHaveText('Choose a rating from 1 to 5.');
    await form.getByRole('radio', { name: '4' }).check();
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByRole('alert')).toHaveText(
      'This meeting has not taken place yet: record its outcome afterwards.',
    );
  });

  test('records how a meeting that took place went', async ({ page }) => {
    test.setTimeout(120_000);
    // A forum that ran three days ago (by the server's clock too).
    const day = (offset: number) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
        new Date(Date.now() + offset * 86_400_000),
      );
    const event = await call<{ id: string }>('POST', '/events', organiser.token, {
      slug: `past-${randomBytes(4).toString('hex')}`,
      name: 'Past SME Roundtable',
      timeZone: 'Asia/Shanghai',
      startsAt: `${day(-3)}T09:00:00+08:00`,
      endsAt: `${day(-2)}T18:00:00+08:00`,
      languages: ['zh', 'ru', 'en'],
      sectors: ['logistics'],
      meetingSettings: { windows: [{ date: day(-3), start: '14:00', end: '16:00' }] },
    });
    await call('POST', `/events/${event.id}/publish`, organiser.token);
    const { anna, meetings } = await annaWithTwoMeetings(organiser, event.id);
    expect(meetings).toHaveLength(2);

    await logIn(page, anna);
    await page.goto(`/app/events/${event.id}/schedule`);
    await expect(page.getByTestId('now-next')).toHaveCount(0);
    const form = page.getByRole('article', { name: new RegExp(meetings[0].with.name) });
    await form.getByRole('radio', { name: '5' }).check();
    await form.getByLabel('Notes').fill('Rail freight to Kazan: 40 containers a month.');
    await form.getByLabel('Follow-up agreed').fill('Send the tariff sheet by Friday.');
    await form.getByLabel('We expect to sign an agreement').check();
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByRole('status')).toHaveText('Saved. Thank you!');

    // Whether a calendar link is in force is read from the API (the link itself is shown only once).
    await expect(page.getByTestId('feed-state')).toHaveText('You have no calendar link yet.');
    await page.getByRole('button', { name: 'Get my calendar link' }).click();
    await expect(page.getByRole('textbox', { name: 'Your personal calendar link' })).toHaveValue(/token=/);
    await page.reload();
    await expect(page.getByTestId('feed-state')).toHaveText(
      'You have a calendar link in force. It is shown only once, when issued: get a new link to copy it again (the old one then stops).',
    );

    await screenshotAll(page, 'schedule-outcome', async (language) => {
      const titles = { zh: '会谈之后', ru: 'После встреч', en: 'After your meetings' };
      await expect(page.getByRole('heading', { name: titles[language] })).toBeVisible();
    });
  });
});
