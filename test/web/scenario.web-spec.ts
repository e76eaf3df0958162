import type { Locator, Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { call, createForum, createUser, registerDelegate, uniqueEmail } from './support/api';
import { expect, expectAccessible, logIn, test } from './support/fixtures';
import { waitForMail } from './support/mail';

/**
 * Issue 19's scenario end to end, through the real API on the throw-away database: a Chinese delegate
 * registers through the invitation mail's link in the Chinese UI, finds a Russian logistics company in
 * the directory and asks for a meeting in a slot both can make; the Russian delegate accepts in the
 * Russian UI; both see the meeting in their schedules with the event's time and their own; the calendar
 * feed link returns it; a speaker edits their abstract and the public agenda shows it. The way from the
 * event page to a sent meeting request is done with the keyboard alone.
 */
/** Presses Tab until `target` has the focus, as a keyboard user would (fails if it never does). */
async function tabTo(page: Page, target: Locator, maxPresses = 60): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < maxPresses; i++) {
    const focused = await target.evaluate(
      (element) =>
        element === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
    );
    if (focused) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

test.describe('the forum scenario', () => {
  test('invitation, directory, request, acceptance, both schedules, calendar feed, and a speaker’s abstract', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const suffix = randomBytes(3).toString('hex');
    const organiser = await createUser({ name: 'Organiser' });
    const forum = await createForum(organiser);

    // The Russian delegate, registered and approved through the API.
    const olga = await createUser({ name: 'Olga Smirnova', locale: 'ru', timeZone: 'Europe/Moscow' });
    const volga = `Volga Trans ${suffix}`;
    await registerDelegate(forum.id, organiser, olga, {
      company: {
        name: volga,
        nameRu: `Волга Транс ${suffix}`,
        country: 'RU',
        sectors: ['logistics'],
        offers: 'Cold-chain trucking to Kazan',
      },
      // She speaks Chinese: the meeting needs no interpreter.
      languages: ['ru', 'zh'],
      timeZone: 'Europe/Moscow',
    });

    // The Chinese delegate is invited by mail, and registers through its link in the Chinese UI.
    const email = uniqueEmail('invited');
    await call('POST', `/events/${forum.id}/invitations`, organiser.token, {
      invitations: [{ name: 'Wang Fang', email, company: 'Ganjiang Logistics', country: 'CN', locale: 'zh' }],
    });
    const mail = await waitForMail(email, /invitationToken=/);
    const link = new URL(
      /https?:\/\/[^\s"<>]+\/app\/events\/[^\s"<>]+\/register\?invitationToken=[A-Za-z0-9_-]+/.exec(mail)?.[0] ?? '',
    );
    const wang = await createUser({ name: 'Wang Fang', email, locale: 'zh', timeZone: 'Asia/Shanghai' });
    await page.goto(link.pathname + link.search);
    await logIn(page, wang);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByText('您正在通过邀请链接报名。')).toBeVisible();
    const form = page.locator('form');
    await form.getByLabel('公司名称（拉丁字母）').fill(`Ganjiang Logistics ${suffix}`);
    await form.getByRole('combobox', { name: '国家' }).click();
    await page.getByRole('option', { name: '中国' }).click();
    await expectAccessible(page);
    await form.getByRole('button', { name: '提交报名' }).click();
    await expect(page.getByTestId('registration-status')).toHaveText('已通过');

    // The directory, the Russian logistics company and a request in a slot both can make: keyboard only
    // (Tab, Enter, typing), from the event page to the sent request, with axe on each screen on the way.
    await page.goto(`/app/events/${forum.id}`);
    await tabTo(page, page.getByRole('link', { name: '参会代表名录' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('参会代表名录');
    await tabTo(page, page.getByRole('textbox', { name: '搜索' }));
    await page.keyboard.type(`volga trans ${suffix}`);
    await expect(page).toHaveURL(new RegExp(`q=volga.*${suffix}`));
    const card = page.getByRole('article', { name: volga });
    await expect(page.getByTestId('delegate-card')).toHaveCount(1);
    await expect(card).toContainText('俄罗斯');
    await expectAccessible(page);
    await tabTo(page, card.getByRole('button', { name: /申请会谈/ }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    const slots = dialog.getByTestId('common-slots').locator('tbody tr');
    await expect(slots.first()).toContainText('14:00–14:30');
    await expectAccessible(page);
    await tabTo(page, dialog.getByRole('textbox', { name: '留言' }));
    await page.keyboard.type('铁路加冷链运输到喀山？');
    await tabTo(page, dialog.getByRole('button', { name: '发送申请' }));
    await page.keyboard.press('Space');
    await expect(dialog.getByRole('status')).toHaveText('已向Olga Smirnova发送会谈申请。对方回复后您会收到邮件。');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await page.getByRole('button', { name: '退出' }).click();

    // The Russian delegate accepts, in the Russian UI (her account's language).
    await logIn(page, olga);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await page.goto(`/app/events/${forum.id}/requests`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Запросы на встречи');
    const request = page.getByRole('article', { name: `Wang Fang · Ganjiang Logistics ${suffix}` });
    await expect(request).toContainText('铁路加冷链运输到喀山？');
    await expectAccessible(page);
    await request.getByRole('button', { name: 'Принять' }).click();
    await expect(request).toContainText('Принят: встреча есть в расписании у обоих.');

    // Her schedule: the forum's time (Shanghai) large, her own (Moscow) beside it, five hours apart.
    await page.goto(`/app/events/${forum.id}/schedule`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Моё расписание');
    const hers = page.getByTestId('schedule-meeting');
    await expect(hers).toHaveCount(1);
    await expect(hers).toContainText('Wang Fang');
    await expect(hers.getByLabel(/Asia\/Shanghai/)).toContainText(/^14:\d\d–\d\d:\d\d/);
    await expect(hers.getByLabel(/Europe\/Moscow/)).toContainText(/^09:\d\d–\d\d:\d\d/);
    await expectAccessible(page);

    // Her calendar feed link returns the meeting.
    await page.getByRole('button', { name: 'Получить ссылку на календарь' }).click();
    const feedLink = page.getByRole('textbox', { name: 'Ваша личная ссылка на календарь' });
    await expect(feedLink).toHaveValue(/\/me\/calendar\.ics\?token=/);
    const feedUrl = new URL(await feedLink.inputValue());
    const feed = await page.request.get(feedUrl.pathname + feedUrl.search);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toContain('text/calendar');
    const ics = await feed.text();
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain('Wang Fang');
    await page.getByRole('button', { name: 'Выйти' }).click();

    // His schedule, in Chinese: the same meeting; his zone is the forum's, so one time line says both.
    await logIn(page, wang);
    await page.goto(`/app/events/${forum.id}/schedule`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('我的日程');
    const his = page.getByTestId('schedule-meeting');
    await expect(his).toHaveCount(1);
    await expect(his).toContainText('Olga Smirnova');
    await expect(his.getByLabel(/Asia\/Shanghai/).first()).toContainText(/^14:\d\d–\d\d:\d\d/);
    await expect(his.getByTestId('table-no')).toHaveText(/^\d+$/);
    await expectAccessible(page);
    await page.getByRole('button', { name: '退出' }).click();

    // A speaker edits the abstract; the public agenda shows it.
    const speaker = await createUser({ name: 'Irina Volkova', timeZone: 'Europe/Moscow' });
    const panel = forum.sessions.find((s) => s.title === 'Agriculture panel');
    await call('POST', `/events/${forum.id}/sessions/${panel?.id}/speakers`, organiser.token, {
      email: speaker.email,
      name: speaker.name,
      role: 'speaker',
      company: 'Altai Honey',
    });
    await logIn(page, speaker);
    await page.goto('/app/speaker');
    const session = page.getByRole('region', { name: 'Agriculture panel' });
    const abstract = `Altai honey for Jiangxi supermarkets ${suffix}.`;
    await session.getByLabel('Abstract').fill(abstract);
    await session.getByRole('button', { name: 'Save' }).click();
    await expect(session.getByRole('status')).toHaveText('Saved. The public agenda shows it now.');
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.goto(`/app/events/${forum.id}`);
    await expect(page.getByRole('article', { name: 'Agriculture panel' }).getByTestId('abstract')).toHaveText(abstract);
  });
});
