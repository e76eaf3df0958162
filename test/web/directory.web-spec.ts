import { call, createForum, createUser, registerDelegate, type ApiUser } from './support/api';
import { expect, logIn, screenshotAll, switchLanguage, test } from './support/fixtures';

test.describe('delegate directory and meeting requests', () => {
  let organiser: ApiUser;
  let forum: Awaited<ReturnType<typeof createForum>>;
  let wang: ApiUser;
  let olga: ApiUser;

  test.beforeAll(async () => {
    organiser = await createUser({ name: 'Organiser' });
    forum = await createForum(organiser);
    wang = await createUser({ name: 'Wang Fang' });
    olga = await createUser({ name: 'Olga Smirnova', locale: 'ru', timeZone: 'Europe/Moscow' });
    await registerDelegate(forum.id, organiser, wang, {
      company: {
        name: 'Jiangxi Ganjiang Logistics',
        nameZh: '江西赣江物流有限公司',
        country: 'CN',
        sectors: ['logistics'],
        offers: 'Rail freight Nanchang–Moscow',
        seeks: 'Russian importers',
      },
      languages: ['zh', 'en'],
      timeZone: 'Asia/Shanghai',
    });
    await registerDelegate(forum.id, organiser, olga, {
      company: {
        name: 'Volga Trans',
        nameRu: 'Волга Транс',
        country: 'RU',
        sectors: ['logistics'],
        offers: 'Cold-chain trucking to Kazan',
        seeks: 'Chinese rail partners',
      },
      // A language in common with Wang: without one, a slot also needs a free interpreter.
      languages: ['ru', 'en'],
      timeZone: 'Europe/Moscow',
      jobTitle: 'Head of sales',
    });
    // Enough farms for a second page (12 cards a page).
    const farmers = await Promise.all(
      Array.from({ length: 11 }, (_, i) => createUser({ name: `Farmer ${String(i + 1).padStart(2, '0')}` })),
    );
    for (const [i, farmer] of farmers.entries()) {
      await registerDelegate(forum.id, organiser, farmer, {
        company: { name: `Steppe Grain ${i + 1}`, country: 'KZ', sectors: ['agriculture'], offers: 'Wheat' },
        languages: ['ru', 'en'],
        timeZone: 'Asia/Almaty',
      });
    }
  });

  test('filters in the URL, pages through companies, and requests a meeting in a slot both can make', async ({
    page,
  }) => {
    await logIn(page, wang);
    await page.goto(`/app/events/${forum.id}`);
    await page.getByRole('link', { name: 'Delegate directory' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Delegate directory');
    await expect(page.getByTestId('delegate-card')).toHaveCount(12);
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/cursor=/);
    await expect(page.getByTestId('delegate-card')).toHaveCount(1);
    await page.goBack();
    await expect(page.getByTestId('delegate-card')).toHaveCount(12);

    await page.getByRole('textbox', { name: 'Search' }).fill('cold-chain');
    await expect(page).toHaveURL(/q=cold-chain/);
    await expect(page.getByTestId('delegate-card')).toHaveCount(1);
    await page.getByRole('textbox', { name: 'Search' }).fill('');
    await page.getByRole('combobox', { name: 'Country' }).click();
    await page.getByRole('option', { name: 'Russia' }).click();
    await expect(page).toHaveURL(/country=RU/);
    await page.getByRole('combobox', { name: 'Speaks' }).click();
    await page.getByRole('option', { name: 'Russian' }).click();
    await expect(page).toHaveURL(/language=ru/);
    await page.reload();
    await expect(page.getByTestId('delegate-card')).toHaveCount(1);
    await expect(page.getByRole('combobox', { name: 'Country' })).toHaveValue('Russia');

    await page.goto(`/app/events/${forum.id}/directory?sector=logistics`);
    await expect(page.getByTestId('delegate-card')).toHaveCount(2);
    const own = page.getByRole('article', { name: 'Jiangxi Ganjiang Logistics' });
    await expect(own).toContainText('This is you.');
    await expect(own.getByRole('button')).toHaveCount(0);
    await screenshotAll(page, 'directory', async (language) => {
      const titles = { zh: '参会代表名录', ru: 'Каталог участников', en: 'Delegate directory' };
      const volga = { zh: 'Volga Trans', ru: 'Волга Транс', en: 'Volga Trans' };
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[language]);
      await expect(page.getByRole('heading', { level: 2, name: volga[language] })).toBeVisible();
    });

    const card = page.getByRole('article', { name: 'Volga Trans' });
    await expect(card).toContainText('Cold-chain trucking to Kazan');
    await expect(card).toContainText('Russia');
    await card.getByRole('button', { name: /Request a meeting/ }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('pending-limit')).toHaveText(
      'Your requests waiting for an answer: 0 of 20 allowed.',
    );
    // Event time (Shanghai) large, Wang's own (Shanghai) and Olga's (Moscow) beside it.
    const first = dialog.getByTestId('common-slots').locator('tbody tr').first();
    await expect(first).toContainText('14:00–14:30');
    await expect(first.locator('td').nth(2)).toContainText('09:00–09:30');
    await expect(dialog.getByTestId('common-slots').locator('tbody tr')).toHaveCount(4);
    await screenshotAll(page, 'request-meeting', async (language) => {
      const send = { zh: '发送申请', ru: 'Отправить запрос', en: 'Send request' };
      await expect(dialog.getByRole('button', { name: send[language] })).toBeVisible();
    });
    await dialog.getByRole('textbox', { name: 'Message' }).fill('Rail plus trucking to Kazan?');
    // Wang would like the third common slot (15:00 in Nanchang).
    await dialog.getByRole('combobox', { name: 'Preferred slot (optional)' }).selectOption({ index: 3 });
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await expect(dialog.getByRole('status')).toHaveText(
      'Request sent to Olga Smirnova. You will get an e-mail when they answer.',
    );
    const requests = await call<{ items: { message: string; preferredSlotIndex: number; to: { name: string } }[] }>(
      'GET',
      `/events/${forum.id}/meeting-requests`,
      olga.token,
    );
    expect(requests.items).toEqual([
      expect.objectContaining({
        message: 'Rail plus trucking to Kazan?',
        preferredSlotIndex: 2,
        to: expect.objectContaining({ name: 'Olga Smirnova' }),
      }),
    ]);
    await dialog.getByRole('button', { name: 'Close' }).first().click();

    // The same pair again: refused, in the reader's language.
    await card.getByRole('button', { name: /Request a meeting/ }).click();
    await expect(dialog.getByTestId('pending-limit')).toHaveText(
      'Your requests waiting for an answer: 1 of 20 allowed.',
    );
    await switchLanguage(page, 'ru');
    await dialog.getByRole('button', { name: 'Отправить запрос' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Запрос между вами уже существует.');
  });

  test('shows the pending-request limit before it is hit, and refuses the directory to a delegate not yet approved', async ({
    page,
  }) => {
    const strict = await createForum(organiser, { maxPendingRequests: 1 });
    const a = await createUser({ name: 'Li Na' });
    const b = await createUser({ name: 'Pavel Orlov' });
    const c = await createUser({ name: 'Sergei Ivanov' });
    const company = (name: string, country: string) => ({ name, country, sectors: ['logistics'] });
    await registerDelegate(strict.id, organiser, a, {
      company: company('Li Freight', 'CN'),
      languages: ['zh'],
      timeZone: 'Asia/Shanghai',
    });
    const bId = await registerDelegate(strict.id, organiser, b, {
      company: company('Orlov Cargo', 'RU'),
      languages: ['ru'],
      timeZone: 'Europe/Moscow',
    });
    await registerDelegate(strict.id, organiser, c, {
      company: company('Ivanov Rail', 'RU'),
      languages: ['ru'],
      timeZone: 'Europe/Moscow',
    });
    await call('POST', `/events/${strict.id}/meeting-requests`, a.token, { toRegistrationId: bId });

    await logIn(page, a);
    await page.goto(`/app/events/${strict.id}/directory`);
    await page
      .getByRole('article', { name: 'Ivanov Rail' })
      .getByRole('button', { name: /Request a meeting/ })
      .click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('pending-limit')).toHaveText(
      'You have 1 requests waiting for an answer, the most allowed. Wait for answers, or cancel one, before sending another.',
    );
    await expect(dialog.getByRole('button', { name: 'Send request' })).toBeDisabled();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);

    const pending = await createUser({ name: 'Not Yet Approved' });
    await registerDelegate(
      strict.id,
      organiser,
      pending,
      { company: company('Waiting Co', 'CN'), languages: ['zh'], timeZone: 'Asia/Shanghai' },
      false,
    );
    await page.getByRole('button', { name: 'Log out' }).click();
    await logIn(page, pending);
    await page.goto(`/app/events/${strict.id}/directory`);
    await expect(page.getByRole('alert')).toHaveText('Only approved delegates can do this.');
    await expect(page.getByTestId('delegate-card')).toHaveCount(0);
  });
});
