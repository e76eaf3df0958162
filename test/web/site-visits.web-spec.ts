import { randomBytes } from 'node:crypto';
import { call, createForum, createUser, registerDelegate, type ApiUser } from './support/api';
import { expect, expectAccessible, logIn, screenshotAll, test } from './support/fixtures';

const TITLE = { en: 'Jiangling vehicle plant tour', zh: '江铃汽车工厂参观', ru: 'Экскурсия на автозавод Цзянлин' };

test.describe('site visits', () => {
  // one forum for the three: the organiser's list shows what the delegates did before
  test.describe.configure({ mode: 'serial' });
  let organiser: ApiUser;
  let first: ApiUser;
  let second: ApiUser;
  let forum: Awaited<ReturnType<typeof createForum>>;
  let visitId: string;

  const company = (name: string, country: string) => ({
    company: { name: `${name} ${randomBytes(3).toString('hex')}`, country, sectors: ['automotive'] },
    languages: country === 'RU' ? ['ru'] : ['zh'],
    timeZone: country === 'RU' ? 'Europe/Moscow' : 'Asia/Shanghai',
  });

  test.beforeAll(async () => {
    organiser = await createUser({ name: 'Organiser' });
    first = await createUser({ name: 'Sergei Ivanov', timeZone: 'Europe/Moscow' });
    second = await createUser({ name: 'Li Wei' });
    forum = await createForum(organiser);
    const visit = await call<{ id: string }>('POST', `/events/${forum.id}/sessions`, organiser.token, {
      kind: 'site_visit',
      title: TITLE.en,
      translations: {
        zh: { title: TITLE.zh, meetingPoint: '绿地中心酒店大堂北门', transport: '大巴，约40分钟' },
        ru: { title: TITLE.ru, meetingPoint: 'Лобби отеля «Гринлэнд», северный вход', transport: 'Автобус, 40 минут' },
      },
      startsAt: '2027-06-11T14:00:00+08:00',
      endsAt: '2027-06-11T17:00:00+08:00',
      departsAt: '2027-06-11T14:15:00+08:00',
      capacity: 1,
      meetingPoint: 'Greenland Center hotel lobby, north entrance',
      transport: 'Coach, 40 minutes',
    });
    visitId = visit.id;
    await registerDelegate(forum.id, organiser, first, company('Volga Motors', 'RU'));
    await registerDelegate(forum.id, organiser, second, company('Ganzhou Auto Parts', 'CN'));
  });

  test('a delegate sees where and when the visit leaves, takes the seat; the next joins the waiting list and moves up', async ({
    page,
  }) => {
    await logIn(page, first);
    await page.goto(`/app/events/${forum.id}`);
    const card = page.getByRole('article', { name: TITLE.en });
    const visit = card.getByTestId('site-visit');
    await expect(visit).toContainText('Greenland Center hotel lobby, north entrance');
    await expect(visit).toContainText('Coach, 40 minutes');
    // 14:15 in Nanchang (UTC+8) is 09:15 in Moscow (UTC+3)
    await expect(visit.getByLabel(/Event time \(Asia\/Shanghai\)/)).toContainText('14:15');
    await expect(visit.getByLabel(/Your time \(Europe\/Moscow\)/)).toContainText('09:15');
    await expect(visit.getByTestId('seats')).toHaveText('Seats left: 1 of 1');
    await visit.getByRole('button', { name: `Sign up: ${TITLE.en}` }).click();
    await expect(visit.getByTestId('my-sign-up')).toHaveText('You have a seat');
    await expect(visit.getByTestId('seats')).toHaveText('Full (1 seats)');
    await expect(visit.getByRole('button', { name: `Cancel my seat: ${TITLE.en}` })).toBeVisible();
    await screenshotAll(page, 'site-visit', async (language) => {
      const article = page.getByRole('article', { name: TITLE[language] });
      await expect(article.getByTestId('my-sign-up')).toHaveText(
        { zh: '您已获得名额', ru: 'Место за вами', en: 'You have a seat' }[language],
      );
      await expect(article.getByTestId('site-visit')).toContainText(
        { zh: '绿地中心酒店大堂北门', ru: 'Лобби отеля «Гринлэнд»', en: 'Greenland Center hotel lobby' }[language],
      );
    });

    await page.getByRole('banner').getByRole('button', { name: 'Log out' }).click();
    await logIn(page, second);
    await page.goto(`/app/events/${forum.id}`);
    const secondVisit = page.getByRole('article', { name: TITLE.en }).getByTestId('site-visit');
    await secondVisit.getByRole('button', { name: `Join the waiting list: ${TITLE.en}` }).click();
    await expect(secondVisit.getByTestId('my-sign-up')).toHaveText('Waiting list: you are no. 1');
    await expect(secondVisit.getByTestId('seats')).toHaveText('Full (1 seats) · waiting list: 1');
    await screenshotAll(page, 'site-visit-waiting', async (language) => {
      await expect(page.getByRole('article', { name: TITLE[language] }).getByTestId('my-sign-up')).toHaveText(
        { zh: '候补名单：第 1 位', ru: 'Лист ожидания: вы № 1', en: 'Waiting list: you are no. 1' }[language],
      );
    });

    // the first gives up the seat: the waiting delegate has it
    await call('DELETE', `/events/${forum.id}/sessions/${visitId}/sign-ups/mine`, first.token);
    await page.reload();
    await expect(secondVisit.getByTestId('my-sign-up')).toHaveText('You have a seat');
    await expect(secondVisit.getByRole('link', { name: /Sign-up list/ })).toHaveCount(0); // not an organiser

    // The reminder mail's link (?visit=<id>) opens the agenda scrolled to the visit, here on a phone.
    await page.setViewportSize({ width: 360, height: 640 });
    await page.goto(`/app/events/${forum.id}?visit=${visitId}`);
    await expect(page.getByRole('article', { name: TITLE.en })).toBeInViewport();
    expect(await page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY)).toBeGreaterThan(0);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test('organisers see who is going and who waits, in order; a delegate may not', async ({ page }) => {
    const third = await createUser({ name: 'Anna Petrova', timeZone: 'Europe/Moscow' });
    await registerDelegate(forum.id, organiser, third, company('Kama Trucks', 'RU'));
    await call('POST', `/events/${forum.id}/sessions/${visitId}/sign-ups`, third.token);

    await logIn(page, organiser);
    await page.goto(`/app/events/${forum.id}`);
    await page
      .getByRole('article', { name: TITLE.en })
      .getByRole('link', { name: /Sign-up list/ })
      .click();
    await expect(page).toHaveURL(new RegExp(`/app/events/${forum.id}/visits/${visitId}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Sign-ups: ${TITLE.en}`);
    await expect(page.getByTestId('sign-up-summary')).toHaveText('1 of 1 seats taken · 1 on the waiting list');
    const rows = page.getByTestId('sign-ups').locator('tbody tr');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toContainText('Sergei Ivanov');
    await expect(rows.nth(0)).toContainText('Cancelled');
    await expect(rows.nth(1)).toContainText('Li Wei');
    await expect(rows.nth(1)).toContainText('Seat confirmed');
    await expect(rows.nth(2)).toContainText('Anna Petrova');
    await expect(rows.nth(2)).toContainText('Waiting list no. 1');
    // When each signed up, in the forum's time with its zone (Nanchang: GMT+8), never a bare time.
    await expect(rows.nth(1).locator('td').nth(4)).toHaveText(/\d{2}:\d{2} GMT\+8$/);
    await screenshotAll(page, 'site-visit-sign-ups', async (language) => {
      await expect(page.getByRole('heading', { level: 1 })).toContainText(
        { zh: '报名名单', ru: 'Записавшиеся', en: 'Sign-ups' }[language],
      );
      // a table from 768 px, a card per sign-up below
      const wide = (page.viewportSize()?.width ?? 1280) >= 768;
      await expect(wide ? rows : page.getByTestId('sign-up-cards').locator('li')).toHaveCount(3);
      if (!wide) await expect(page.getByTestId('sign-up-cards').locator('li').nth(1)).toContainText(/:\d{2} GMT\+8/);
    });

    await page.getByRole('banner').getByRole('button', { name: 'Log out' }).click();
    await logIn(page, third);
    await page.goto(`/app/events/${forum.id}/visits/${visitId}`);
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page.getByTestId('sign-ups')).toHaveCount(0);
    await expectAccessible(page);
  });

  test('a visitor sees the seats and is asked to log in to sign up', async ({ page }) => {
    await page.goto(`/app/events/${forum.id}`);
    const visit = page.getByRole('article', { name: TITLE.en }).getByTestId('site-visit');
    await expect(visit.getByTestId('seats')).toHaveText('Full (1 seats) · waiting list: 1');
    await visit.getByRole('link', { name: `Log in to sign up: ${TITLE.en}` }).click();
    await expect(page).toHaveURL(/\/app\/login\?redirect=/);
  });
});
