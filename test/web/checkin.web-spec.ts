import type { Browser, BrowserContext, Page } from '@playwright/test';
import { browserFilmingBadge } from './support/camera';
import { call, createForum, createUser, registerDelegate, type ApiUser } from './support/api';
import { expect, logIn, screenshotAll, test } from './support/fixtures';

interface Counts {
  expected: number;
  checkedIn: number;
  duplicateScans: number;
}

const suffix = Math.random().toString(36).slice(2, 7);

/** A forum with three approved delegates, and each one's badge code (what their badge QR carries). */
async function doorForum(organiser: ApiUser) {
  const forum = await createForum(organiser);
  const people: Array<{ user: ApiUser; registrationId: string; code: string; company: string }> = [];
  for (const [name, company, country] of [
    ['Marina Volkova', 'Baikal Tea', 'RU'],
    ['Zhang Wei', 'Ganjiang Freight', 'CN'],
    ['Ivan Sokolov', 'Ural Rail', 'RU'],
  ]) {
    const user = await createUser({ name: `${name} ${suffix}` });
    const companyName = `${company} ${suffix}`;
    const registrationId = await registerDelegate(forum.id, organiser, user, {
      company: { name: companyName, country, sectors: ['logistics'] },
      languages: ['en'],
      timeZone: 'Asia/Shanghai',
    });
    const { code } = await call<{ code: string }>(
      'GET',
      `/events/${forum.id}/registrations/${registrationId}/badge`,
      organiser.token,
    );
    people.push({ user, registrationId, code, company: companyName });
  }
  return { forum, people };
}

const counts = (eventId: string, organiser: ApiUser) =>
  call<Counts>('GET', `/events/${eventId}/check-ins/counts`, organiser.token);

/** Whether the service worker has taken the page over (it serves the app itself when offline). */
const controlled = (page: Page) =>
  page.evaluate(
    () =>
      (globalThis as unknown as { navigator: { serviceWorker: { controller: unknown } } }).navigator.serviceWorker
        .controller !== null,
  );

async function openDoor(page: Page, organiser: ApiUser, eventId: string): Promise<void> {
  await page.goto('/app/');
  await expect.poll(() => controlled(page)).toBe(true);
  await logIn(page, organiser);
  await page.goto(`/app/events/${eventId}/check-in`);
  await expect(page.getByTestId('count-checked-in')).toHaveText('0 of 3');
}

async function typeCode(page: Page, code: string): Promise<void> {
  await page.getByTestId('badge-code').fill(code);
  await page.getByTestId('badge-code').press('Enter');
}

test.describe('check-in at the doors', () => {
  let organiser: ApiUser;

  test.beforeAll(async () => {
    // the organiser reads their own time in Moscow, the forum runs on Shanghai time: times show both
    organiser = await createUser({ name: 'Door Organiser', timeZone: 'Europe/Moscow' });
  });

  test('two doors offline scan the same badge: once back online it counts once and is flagged', async ({ browser }) => {
    const { forum, people } = await doorForum(organiser);
    const marina = people[0];
    const options = {
      baseURL: process.env.WEB_BASE_URL,
      locale: 'en-GB',
      timezoneId: 'Europe/Berlin',
      viewport: { width: 1280, height: 900 },
    };
    const north: BrowserContext = await browser.newContext(options);
    const south: BrowserContext = await browser.newContext(options);
    try {
      const northPage = await north.newPage();
      const southPage = await south.newPage();
      await openDoor(northPage, organiser, forum.id);
      await openDoor(southPage, organiser, forum.id);

      await north.setOffline(true);
      await south.setOffline(true);
      // the south door's page even reloads without a network: the app and the list are held on the device
      await southPage.reload();
      await expect(southPage.getByTestId('count-checked-in')).toHaveText('0 of 3');
      await expect(southPage.getByTestId('check-in-offline')).toBeVisible();

      for (const page of [northPage, southPage]) {
        await typeCode(page, marina.code);
        const result = page.getByTestId('scan-result');
        await expect(result).toHaveAttribute('data-outcome', 'checkedIn');
        await expect(result).toHaveAttribute('data-pending', 'true');
        await expect(page.getByTestId('scan-name')).toHaveText(marina.user.name);
        await expect(page.getByTestId('scan-company')).toHaveText(marina.company);
        await expect(page.getByTestId('count-checked-in')).toHaveText('1 of 3');
        await expect(page.getByTestId('count-waiting')).toHaveText('1');
      }
      // a forged badge is refused on the device itself, offline
      await typeCode(northPage, `${marina.registrationId}.${'A'.repeat(43)}`);
      await expect(northPage.getByTestId('scan-result')).toHaveAttribute('data-outcome', 'invalid');
      await expect(northPage.getByTestId('count-waiting')).toHaveText('1');
      expect(await counts(forum.id, organiser)).toEqual({ expected: 3, checkedIn: 0, duplicateScans: 0 });

      await north.setOffline(false);
      await expect(northPage.getByTestId('count-waiting')).toHaveText('0');
      await expect(northPage.getByTestId('count-checked-in')).toHaveText('1 of 3');
      await south.setOffline(false);
      await expect(southPage.getByTestId('count-waiting')).toHaveText('0');
      // the later of the two is the duplicate: counted once, flagged on the door that scanned it
      await expect(southPage.getByTestId('flagged')).toContainText(marina.user.name);
      await expect(southPage.getByTestId('count-duplicates')).toHaveText('1');
      await expect(southPage.getByTestId('count-checked-in')).toHaveText('1 of 3');
      // and the north door's live counts catch up
      await expect(northPage.getByTestId('count-duplicates')).toHaveText('1');
      expect(await counts(forum.id, organiser)).toEqual({ expected: 3, checkedIn: 1, duplicateScans: 1 });
    } finally {
      await north.close();
      await south.close();
    }
  });

  test('finds a person by name, checks them in, and says so in three languages', async ({ page }) => {
    const { forum, people } = await doorForum(organiser);
    const zhang = people[1];
    await logIn(page, organiser);
    await page.goto(`/app/events/${forum.id}/check-in`);
    await expect(page.getByTestId('count-checked-in')).toHaveText('0 of 3');
    await page.getByTestId('person-search').fill('zhang');
    await expect(page.getByTestId('person')).toHaveCount(1);
    await page.getByRole('button', { name: `Check in ${zhang.user.name}` }).click();
    await expect(page.getByTestId('scan-result')).toHaveAttribute('data-outcome', 'checkedIn');
    await expect(page.getByTestId('scan-result')).toHaveAttribute('data-pending', 'false');
    await expect(page.getByTestId('count-checked-in')).toHaveText('1 of 3');
    await expect(page.getByTestId('person')).toContainText(/In at (\d\d):(\d\d) \(yours (\d\d):\2\)/);
    // the same person again: already in, counted once
    await page.getByRole('button', { name: `Check in ${zhang.user.name}` }).click();
    await expect(page.getByTestId('scan-result')).toHaveAttribute('data-outcome', 'already');
    await expect(page.getByTestId('scan-result')).toContainText(/First checked in at \d\d:\d\d \(yours \d\d:\d\d\)/);
    // Shanghai is five hours ahead of Moscow
    const text = (await page.getByTestId('person').textContent()) ?? '';
    const [, shanghai, moscow] = /In at (\d\d):\d\d \(yours (\d\d):/.exec(text) ?? [];
    expect((Number(shanghai) - Number(moscow) + 24) % 24).toBe(5);
    await expect(page.getByTestId('count-duplicates')).toHaveText('1');
    expect(await counts(forum.id, organiser)).toEqual({ expected: 3, checkedIn: 1, duplicateScans: 1 });

    await screenshotAll(page, 'check-in', async (language) => {
      const already = { zh: '已签到过', ru: 'Уже отмечен', en: 'Already checked in' }[language];
      await expect(page.getByTestId('scan-outcome')).toContainText(already);
    });
  });

  test('is refused to a delegate and to the organiser of another forum', async ({ page }) => {
    const { forum, people } = await doorForum(organiser);
    await logIn(page, people[2].user);
    await page.goto(`/app/events/${forum.id}/check-in`);
    await expect(page.getByTestId('check-in-refused')).toHaveText('Only organisers of this forum can check people in.');
    await expect(page.getByTestId('badge-code')).toHaveCount(0);
  });

  test.describe('through the camera', () => {
    let browser: Browser | undefined;
    test.afterAll(async () => {
      await browser?.close();
    });

    test('checks a delegate in by scanning their badge with a (fake) camera', async () => {
      const { forum, people } = await doorForum(organiser);
      const ivan = people[2];
      browser = await browserFilmingBadge(ivan.code, suffix);
      const context = await browser.newContext({
        baseURL: process.env.WEB_BASE_URL,
        locale: 'en-GB',
        timezoneId: 'Europe/Berlin',
        permissions: ['camera'],
      });
      const page = await context.newPage();
      await logIn(page, organiser);
      await page.goto(`/app/events/${forum.id}/check-in`);
      await expect(page.getByTestId('count-checked-in')).toHaveText('0 of 3');
      await page.getByTestId('camera-start').click();
      await expect(page.getByTestId('camera-view')).toBeVisible();
      await expect(page.getByTestId('scan-name')).toHaveText(ivan.user.name, { timeout: 20_000 });
      await expect(page.getByTestId('scan-result')).toHaveAttribute('data-outcome', 'checkedIn');
      await expect(page.getByTestId('scan-company')).toHaveText(ivan.company);
      await expect(page.getByTestId('count-checked-in')).toHaveText('1 of 3');
      await page.getByTestId('camera-stop').click();
      expect(await counts(forum.id, organiser)).toEqual({ expected: 3, checkedIn: 1, duplicateScans: 0 });
      await context.close();
    });
  });
});
