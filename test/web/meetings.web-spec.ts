import { call, createForum, createUser, registerDelegate, type ApiUser } from './support/api';
import { expect, logIn, screenshotAll, test } from './support/fixtures';
import { waitForMail } from './support/mail';

test.describe('requests inbox and my schedule', () => {
  let organiser: ApiUser;
  let forum: Awaited<ReturnType<typeof createForum>>;
  const ids: Record<string, string> = {};

  async function delegate(name: string, company: string, country: string, languages: string[], timeZone: string) {
    const locale = country === 'RU' ? 'ru' : 'en';
    const user = await createUser({ name, locale, timeZone });
    ids[name] = await registerDelegate(forum.id, organiser, user, {
      company: { name: company, country, sectors: ['logistics'] },
      languages,
      timeZone,
    });
    return user;
  }

  test.beforeAll(async () => {
    organiser = await createUser({ name: 'Organiser' });
    forum = await createForum(organiser);
  });

  test('accepts, declines and explains an accepted request that could not be placed, in the Russian UI', async ({
    page,
  }) => {
    const olga = await delegate('Olga Smirnova', 'Volga Trans', 'RU', ['ru', 'en'], 'Europe/Moscow');
    const wang = await delegate('Wang Fang', 'Ganjiang Logistics', 'CN', ['zh', 'en'], 'Asia/Shanghai');
    const kim = await delegate('Kim Bo', 'Harbin Agro', 'CN', ['zh', 'ru'], 'Asia/Shanghai');
    const petr = await delegate('Petr Volkov', 'Kazan Cargo', 'RU', ['ru'], 'Europe/Moscow');
    const ivan = await delegate('Ivan Sokolov', 'Ural Rail', 'RU', ['ru'], 'Europe/Moscow');
    const ask = (from: ApiUser, to: string, message?: string) =>
      call<{ id: string }>('POST', `/events/${forum.id}/meeting-requests`, from.token, {
        toRegistrationId: ids[to],
        message,
      });
    await ask(wang, 'Olga Smirnova', 'Rail freight Nanchang–Moscow: shall we talk?');
    await ask(kim, 'Olga Smirnova');
    const petrs = await ask(petr, 'Olga Smirnova');
    // Ivan can meet only before the meeting hours: accepted, it cannot be placed.
    await call('PUT', `/events/${forum.id}/registrations/${ids['Ivan Sokolov']}/availability`, ivan.token, {
      windows: [{ start: '2027-06-10T00:00:00Z', end: '2027-06-10T01:00:00Z' }],
    });
    const toIvan = await ask(olga, 'Ivan Sokolov');
    await call('POST', `/events/${forum.id}/meeting-requests/${toIvan.id}/accept`, ivan.token);

    // The request mail's button opens the inbox, through the login screen and back.
    const mail = await waitForMail(olga.email, new RegExp(`/app/events/${forum.id}/requests`));
    const link = new RegExp(`https?://[^\\s"<>]+/app/events/${forum.id}/requests`).exec(mail)?.[0] ?? '';
    await page.goto(new URL(link).pathname);
    await expect(page).toHaveURL(/\/app\/login\?redirect=/);
    await logIn(page, olga);
    await expect(page).toHaveURL(new RegExp(`/app/events/${forum.id}/requests$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Запросы на встречи');
    await page.goto(`/app/events/${forum.id}`);
    await page.getByRole('link', { name: 'Запросы на встречи' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Запросы на встречи');
    await expect(page.getByTestId('request')).toHaveCount(3);
    const fromWang = page.getByRole('article', { name: 'Wang Fang · Ganjiang Logistics' });
    await expect(fromWang).toContainText('Rail freight Nanchang–Moscow: shall we talk?');
    await screenshotAll(page, 'requests', async (language) => {
      const accept = { zh: '接受', ru: 'Принять', en: 'Accept' };
      await expect(fromWang.getByRole('button', { name: accept[language] })).toBeVisible();
    });

    await page.getByRole('radiogroup').getByText('Рус', { exact: true }).click();
    await fromWang.getByRole('button', { name: 'Принять' }).click();
    await expect(fromWang.getByTestId('request-status')).toHaveText('Принят');
    await expect(fromWang).toContainText('Принят: встреча есть в расписании у обоих.');

    const fromKim = page.getByRole('article', { name: 'Kim Bo · Harbin Agro' });
    await fromKim.getByRole('button', { name: 'Отклонить' }).click();
    await expect(fromKim.getByTestId('request-status')).toHaveText('Отклонён');
    await expect(fromKim.getByRole('button')).toHaveCount(0);

    // Petr withdrew while the page was open: refused, in words.
    await call('POST', `/events/${forum.id}/meeting-requests/${petrs.id}/cancel`, petr.token);
    const fromPetr = page.getByRole('article', { name: 'Petr Volkov · Kazan Cargo' });
    await fromPetr.getByRole('button', { name: 'Принять' }).click();
    await expect(fromPetr.getByRole('alert')).toHaveText('На этот запрос уже ответили.');

    await page.getByRole('tab', { name: /Отправленные/ }).click();
    const toIvanCard = page.getByRole('article', { name: 'Ivan Sokolov · Ural Rail' });
    await expect(toIvanCard.getByTestId('request-status')).toHaveText('Принят');
    await expect(toIvanCard.getByTestId('unplaced-reason')).toHaveText(
      'Принят, но ещё не в расписании: у вас нет общего времени для встреч. Расширьте доступность или попросите организаторов разместить встречу.',
    );

    const meetings = await call<{ items: { with: { name: string } }[] }>('GET', '/me/meetings', wang.token);
    expect(meetings.items.map((m) => m.with.name)).toEqual(['Olga Smirnova']);
  });

  test('shows my schedule day by day with both times, the table and the other delegate, and a calendar link to copy and revoke', async ({
    page,
  }) => {
    const anna = await delegate('Anna Petrova', 'Siberian Timber', 'RU', ['ru', 'en'], 'Europe/Moscow');
    const li = await delegate('Li Wei', 'Nanchang Rail Port', 'CN', ['zh', 'en'], 'Asia/Shanghai');
    const request = await call<{ id: string }>('POST', `/events/${forum.id}/meeting-requests`, li.token, {
      toRegistrationId: ids['Anna Petrova'],
    });
    await call('POST', `/events/${forum.id}/meeting-requests/${request.id}/accept`, anna.token);
    // Zhou speaks only Chinese: that meeting gets the forum's Russian–Chinese interpreter.
    await call('POST', `/events/${forum.id}/interpreters`, organiser.token, { name: 'Natalia Chen', pairs: ['ru-zh'] });
    const zhou = await delegate('Zhou Min', 'Jiangxi Copper', 'CN', ['zh'], 'Asia/Shanghai');
    const second = await call<{ id: string }>('POST', `/events/${forum.id}/meeting-requests`, zhou.token, {
      toRegistrationId: ids['Anna Petrova'],
    });
    await call('POST', `/events/${forum.id}/meeting-requests/${second.id}/accept`, anna.token);

    await logIn(page, anna);
    await page.goto(`/app/events/${forum.id}/schedule`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Моё расписание');
    await expect(page.getByTestId('schedule-meeting')).toHaveCount(2);
    const row = page.getByTestId('schedule-meeting').filter({ hasText: 'Li Wei' });
    await expect(row.getByTestId('interpreter')).toHaveCount(0);
    await expect(
      page.getByTestId('schedule-meeting').filter({ hasText: 'Zhou Min' }).getByTestId('interpreter'),
    ).toHaveText('Переводчик: Natalia Chen');
    // Anna's home zone is Europe/Moscow, the forum's Asia/Shanghai: the banner names the two zones the rows show
    // (not the browser's Europe/Berlin, which no row shows).
    await expect(page.getByTestId('zone-banner')).toContainText('Asia/Shanghai');
    await expect(page.getByTestId('zone-banner')).toContainText('Europe/Moscow');
    await expect(page.getByTestId('zone-banner')).not.toContainText('Europe/Berlin');
    await expect(row.getByLabel(/Asia\/Shanghai/)).toContainText(/^\d\d:\d\d–\d\d:\d\d/);
    const eventTime = await row.getByLabel(/Asia\/Shanghai/).textContent();
    const homeTime = await row.getByLabel(/Europe\/Moscow/).textContent();
    // Five hours apart (UTC+8 and UTC+3).
    const hour = (text: string | null) => Number(/^(\d\d):/.exec(text ?? '')?.[1]);
    expect(hour(eventTime) - hour(homeTime)).toBe(5);
    await expect(row.getByTestId('table-no')).toHaveText(/^\d+$/);
    await expect(row).toContainText('Li Wei');
    await expect(row).toContainText('Nanchang Rail Port');

    await page.getByRole('button', { name: 'Получить ссылку на календарь' }).click();
    const link = page.getByRole('textbox', { name: 'Ваша личная ссылка на календарь' });
    await expect(link).toHaveValue(/\/me\/calendar\.ics\?token=/);
    const url = new URL(await link.inputValue());
    const feed = await page.request.get(url.pathname + url.search);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain('Li Wei');
    await screenshotAll(page, 'schedule', async (language) => {
      const titles = { zh: '我的日程', ru: 'Моё расписание', en: 'My schedule' };
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[language]);
      await expect(page.getByTestId('schedule-meeting')).toHaveCount(2);
    });

    await page.getByRole('button', { name: 'Revoke the link' }).click();
    await expect(page.getByRole('status')).toHaveText('Link revoked: calendars using it no longer update.');
    const revoked = await page.request.get(url.pathname + url.search);
    expect(revoked.status()).toBeGreaterThanOrEqual(400);

    // Someone else's schedule is not there to see: a delegate with no meetings sees none of Anna's.
    const other = await delegate('Nobody Met', 'Quiet Co', 'CN', ['zh'], 'Asia/Shanghai');
    await page.getByRole('button', { name: 'Log out' }).click();
    await logIn(page, other);
    await page.goto(`/app/events/${forum.id}/schedule`);
    await expect(page.getByRole('status')).toHaveText('No meetings in your schedule yet.');
  });
});
