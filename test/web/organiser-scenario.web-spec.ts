/**
 * Issue 20's scenario, through the real backend, as the organiser would run the day: create the forum on
 * the settings screen, import 200 invitations from a CSV, approve the self-registered in bulk, run the
 * scheduler, move a meeting by keyboard (both delegates get the move mail), be told why a clashing move is
 * refused, lock it, publish final, check a delegate in by filming their badge with a (fake) camera, record
 * an agreement and find it in the report. Then a co-organiser and a delegate are refused where they must be.
 * Each screen's own spec covers its edges and screenshots; this one proves they make one working day.
 */
import type { Page } from '@playwright/test';
import { call, createForum, createUser, type ApiUser } from './support/api';
import { browserFilmingBadge } from './support/camera';
import { expect, expectAccessible, logIn, test } from './support/fixtures';
import { walkGrid } from './support/grid';
import { waitForMail } from './support/mail';

interface GridMeeting {
  id: string;
  registrationA: string;
  registrationB: string;
  slotIndex: number;
  tableNo: number;
  locked: boolean;
}

const suffix = Math.random().toString(36).slice(2, 7);
const NEVER = [{ start: '2027-09-01T00:00:00Z', end: '2027-09-01T01:00:00Z' }];

interface Delegate {
  user: ApiUser;
  company: string;
  country: string;
  registrationId: string;
}

async function logOut(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Log in' })).toBeVisible();
}

test('an organiser runs the forum from the browser, from an empty form to the agreements report', async ({ page }) => {
  test.setTimeout(300_000);
  const organiser = await createUser({ name: `Scenario Organiser ${suffix}` });
  const coOrganiser = await createUser({ name: `Co-organiser ${suffix}` });
  const people: Record<string, Delegate> = {};
  for (const [name, company, country] of [
    ['Wang Fang', 'Ganjiang Logistics', 'CN'],
    ['Olga Smirnova', 'Volga Trans', 'RU'],
    ['Li Wei', 'Nanchang Rail Port', 'CN'],
    ['Petr Volkov', 'Kazan Cargo', 'RU'],
    ['Zhou Min', 'Jiangxi Tea', 'CN'],
    ['Anna Petrova', 'Baikal Agro', 'RU'],
  ]) {
    people[name] = {
      user: await createUser({ name: `${name} ${suffix}` }),
      company: `${company} ${suffix}`,
      country,
      registrationId: '',
    };
  }

  // 1. The forum, created and published on the settings screen (the slot grid previewed as it is typed).
  await logIn(page, organiser);
  await page.getByRole('banner').getByRole('link', { name: 'New forum' }).click();
  const form = page.getByTestId('event-form');
  await form.getByLabel('Name (original)').fill(`Nanchang SME Roundtable ${suffix}`);
  await form.getByLabel('Name in Chinese').fill('南昌中小企业圆桌会议');
  await form.getByLabel('Name in Russian').fill('Наньчанский круглый стол МСП');
  await form.getByLabel('Web address name').fill(`nanchang-${suffix}`);
  await form.getByLabel('Time zone of the forum').selectOption('Asia/Shanghai');
  await form.getByLabel('Starts').fill('2027-09-01T09:00');
  await form.getByLabel('Ends').fill('2027-09-01T18:00');
  await form.getByLabel('Sectors').fill('logistics');
  await form.getByLabel('Sectors').press('Enter');
  await form.getByLabel('Slot (minutes)').fill('30');
  await form.getByLabel('Tables').fill('5');
  await page.getByRole('button', { name: 'Add a day' }).click();
  await form.getByLabel('Day 1', { exact: true }).fill('2027-09-01');
  await form.getByLabel('From (day 1)').fill('14:00');
  await form.getByLabel('To (day 1)').fill('16:00');
  await expect(page.getByTestId('slot-summary')).toHaveText('Slots: 4 · days: 1 · tables: 5 · meetings possible: 20.');
  await page.getByRole('button', { name: 'Create the draft' }).click();
  await expect(page.getByTestId('event-status')).toHaveText('Draft');
  const eventId = /events\/([^/]+)\/manage\/settings/.exec(page.url())![1];
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByTestId('event-status')).toHaveText('Published');
  await expectAccessible(page);

  // A platform admin trusts the forum for a large invitation list (the admin screen has its own spec).
  const admin = await call<{ accessToken: string }>('POST', '/auth/login', undefined, {
    email: process.env.ADMIN_EMAIL,
    password: process.env.ADMIN_PASSWORD,
  });
  await call('POST', `/admin/events/${eventId}/trust`, admin.accessToken);

  // 2. 200 invitations from a CSV: two of them to our delegates, checked row by row, sent with a progress bar.
  await page.getByTestId('organiser-nav').getByRole('link', { name: 'Invitations' }).click();
  const invited = [people['Wang Fang'], people['Olga Smirnova']];
  const lines = ['name,email,company,country,locale'];
  for (const d of invited) lines.push(`${d.user.name},${d.user.email},${d.company},${d.country},en`);
  for (let i = 1; i <= 198; i++) lines.push(`Guest ${i},guest${i}.${suffix}@example.test,Company ${i},RU,ru`);
  await page.getByLabel('Paste the CSV').fill(lines.join('\n'));
  await expect(page.getByTestId('import-summary')).toHaveText('Rows: 200 · ready: 200 · with problems: 0');
  await page.getByRole('button', { name: 'Send invitations (200)' }).click();
  await expect(page.getByTestId('import-status')).toHaveText('Finished. Invited: 200; refused by the server: 0', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('import-progress').getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  await expect(page.getByTestId('invitations-total')).toHaveText('Invitations: 200');

  // The two invited register through their mailed links (pre-approved); four others register on their own.
  for (const d of invited) {
    const mail = await waitForMail(d.user.email, /invitationToken=/);
    const invitationToken = /invitationToken=([A-Za-z0-9_-]+)/.exec(mail)![1];
    d.registrationId = (
      await call<{ id: string }>('POST', `/events/${eventId}/registrations`, d.user.token, {
        invitationToken,
        company: { name: d.company, country: d.country, sectors: ['logistics'] },
        languages: ['en'],
        timeZone: d.country === 'RU' ? 'Europe/Moscow' : 'Asia/Shanghai',
      })
    ).id;
  }
  for (const name of ['Li Wei', 'Petr Volkov', 'Zhou Min', 'Anna Petrova']) {
    const d = people[name];
    d.registrationId = (
      await call<{ id: string }>('POST', `/events/${eventId}/registrations`, d.user.token, {
        company: { name: d.company, country: d.country, sectors: ['logistics'] },
        languages: ['en'],
        timeZone: d.country === 'RU' ? 'Europe/Moscow' : 'Asia/Shanghai',
      })
    ).id;
  }

  // 3. Bulk approval of the four waiting for a decision.
  await page.getByTestId('organiser-nav').getByRole('link', { name: 'Registrations' }).click();
  const rows = page.getByTestId('registration-row');
  await expect(page.getByTestId('registrations-total')).toHaveText('Registrations: 6');
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Pending' }).click();
  await expect(rows).toHaveCount(4);
  await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
  await page.getByRole('button', { name: 'Approve selected' }).click();
  await expect(page.getByTestId('bulk-outcome')).toContainText('Done: 4; refused: 0');
  await page.goto(`/app/events/${eventId}/manage/registrations?status=approved`);
  await expect(rows).toHaveCount(6);
  await expectAccessible(page);

  // Four accepted requests, accepted while the one accepting could meet no one: they wait for the scheduler.
  const accepted = async (from: string, to: string) => {
    const request = await call<{ id: string }>('POST', `/events/${eventId}/meeting-requests`, people[from].user.token, {
      toRegistrationId: people[to].registrationId,
    });
    const availability = `/events/${eventId}/registrations/${people[to].registrationId}/availability`;
    await call('PUT', availability, people[to].user.token, { windows: NEVER });
    await call('POST', `/events/${eventId}/meeting-requests/${request.id}/accept`, people[to].user.token);
    await call('PUT', availability, people[to].user.token, { windows: null });
  };
  await accepted('Wang Fang', 'Olga Smirnova');
  await accepted('Li Wei', 'Olga Smirnova');
  await accepted('Petr Volkov', 'Wang Fang');
  await accepted('Zhou Min', 'Anna Petrova');

  // 4. The scheduler, then a keyboard move with undo-free landing, the move mails, a clash, a lock, final.
  await page.getByTestId('organiser-nav').getByRole('link', { name: 'B2B' }).click();
  await expect(page.getByTestId('unplaced-item')).toHaveCount(4);
  await page.getByRole('button', { name: 'Run the scheduler' }).click();
  const result = page.getByTestId('scheduler-result');
  await expect(result).toContainText('The scheduler has finished', { timeout: 30_000 });
  await expect(result).toContainText('Placed: 4 meetings');
  await expect(page.getByTestId('unplaced-item')).toHaveCount(0);

  const grid = () =>
    call<{ meetings: GridMeeting[] }>('GET', `/events/${eventId}/schedule/grid`, organiser.token).then(
      (g) => g.meetings,
    );
  const id = (name: string) => people[name].registrationId;
  const between = (meetings: GridMeeting[], a: string, b: string) =>
    meetings.find((m) => [m.registrationA, m.registrationB].sort().join() === [id(a), id(b)].sort().join())!;
  const before = await grid();
  expect(before).toHaveLength(4);
  const wangOlga = between(before, 'Wang Fang', 'Olga Smirnova');
  const liOlga = between(before, 'Li Wei', 'Olga Smirnova');
  const busy = (slot: number, who: string[]) =>
    before.some((m) => m.slotIndex === slot && [m.registrationA, m.registrationB].some((r) => who.includes(r)));
  const freeTable = (slot: number) =>
    [1, 2, 3, 4, 5].find((t) => !before.some((m) => m.slotIndex === slot && m.tableNo === t))!;
  const target = [0, 1, 2, 3].find((s) => !busy(s, [id('Wang Fang'), id('Olga Smirnova')]))!;

  const gridEl = page.getByRole('grid', { name: 'Schedule grid: tables by slots' });
  await gridEl.focus();
  const walk = (slot: number, table: number) => walkGrid(page, gridEl, slot, table);
  await walk(wangOlga.slotIndex, wangOlga.tableNo);
  await page.keyboard.press('Enter');
  await walk(target, freeTable(target));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('grid-callout')).toContainText('Both delegates are mailed');
  expect(between(await grid(), 'Wang Fang', 'Olga Smirnova')).toMatchObject({
    slotIndex: target,
    tableNo: freeTable(target),
  });
  await waitForMail(people['Wang Fang'].user.email, /new time or table/);
  await waitForMail(people['Olga Smirnova'].user.email, /new time or table/);

  // Olga already meets Li in Li's slot: the organiser is told why before it lands, and nothing moves.
  await page.keyboard.press('Enter');
  await walk(liOlga.slotIndex, freeTable(liOlga.slotIndex));
  await expect(page.getByTestId('grid-callout')).toContainText(/already has a meeting at \d\d:\d\d/);
  await page.keyboard.press('Enter');
  expect(between(await grid(), 'Wang Fang', 'Olga Smirnova').slotIndex).toBe(target);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('grid-callout')).toContainText('Move cancelled');
  await page.keyboard.press('l');
  await expect(page.getByTestId('grid-callout')).toContainText('is locked');
  expect(between(await grid(), 'Wang Fang', 'Olga Smirnova').locked).toBe(true);

  await page.getByRole('button', { name: 'Publish final' }).click();
  await page.getByRole('button', { name: 'Yes, publish final and mail everyone' }).click();
  await expect(page.getByTestId('schedule-status')).toHaveText('Now: Final');
  await waitForMail(people['Zhou Min'].user.email, /Anna Petrova/);

  // 5. Check-in at the door: Wang's badge filmed by the door's camera.
  const { code } = await call<{ code: string }>(
    'GET',
    `/events/${eventId}/registrations/${id('Wang Fang')}/badge`,
    organiser.token,
  );
  const door = await browserFilmingBadge(code, `scenario-${suffix}`);
  try {
    const context = await door.newContext({
      baseURL: process.env.WEB_BASE_URL,
      locale: 'en-GB',
      timezoneId: 'Europe/Berlin',
      permissions: ['camera'],
    });
    const doorPage = await context.newPage();
    await logIn(doorPage, organiser);
    await doorPage.goto(`/app/events/${eventId}/check-in`);
    await expect(doorPage.getByTestId('count-checked-in')).toHaveText('0 of 6');
    await doorPage.getByTestId('camera-start').click();
    await expect(doorPage.getByTestId('scan-name')).toHaveText(people['Wang Fang'].user.name, { timeout: 20_000 });
    await expect(doorPage.getByTestId('scan-result')).toHaveAttribute('data-outcome', 'checkedIn');
    await expect(doorPage.getByTestId('count-checked-in')).toHaveText('1 of 6');
    await doorPage.getByTestId('camera-stop').click();
  } finally {
    await door.close();
  }

  // 6. An agreement signed on stage, recorded, and in the report.
  await page.getByTestId('organiser-nav').getByRole('link', { name: 'Agreements' }).click();
  await page.getByTestId('record-agreement').click();
  const agreement = page.getByTestId('agreement-form');
  await agreement.getByLabel('Title').fill('Rail freight Nanchang–Kazan');
  await agreement.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'Contract' }).click();
  const parties = agreement.getByTestId('party');
  await parties.nth(0).getByRole('combobox', { name: 'Company' }).fill('Ganjiang');
  await page.getByRole('option', { name: `${people['Wang Fang'].company} (CN)` }).click();
  await parties.nth(0).getByLabel('Signatory 1').fill('Wang Fang');
  await parties.nth(1).getByText('Typed in').click();
  await parties.nth(1).getByLabel('Name').fill('Kazan Motors');
  await parties.nth(1).getByLabel('Country (two letters, e.g. CN)').fill('RU');
  await parties.nth(1).getByLabel('Signatory 1').fill('Ivan Petrov');
  await agreement.getByLabel('Amount').fill('1250000');
  await agreement.getByRole('combobox', { name: 'Currency' }).fill('CNY');
  await page.getByRole('option', { name: 'CNY' }).click();
  await agreement.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(agreement).toHaveCount(0);
  await expect(page.getByTestId('report-count')).toHaveText('1');
  await expect(page.getByTestId('chart-country')).toContainText('CN–RU');
  await expect(page.getByTestId('agreement-row')).toContainText('CN¥1,250,000.00');

  // The dashboard agrees with the day.
  await page.getByTestId('organiser-nav').getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByTestId('fig-registrations-value')).toHaveText('6');
  await expect(page.getByTestId('fig-placed-value')).toHaveText('4');
  await expect(page.getByTestId('fig-agreements-value')).toHaveText('1');

  // 7. A co-organiser, invited on the settings screen, works this forum's screens but not the admin's or
  // another forum's.
  await page.getByTestId('organiser-nav').getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Invite a co-organiser (e-mail)').fill(coOrganiser.email);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByTestId('invite-sent')).toHaveText(`An invitation is on its way to ${coOrganiser.email}.`);
  const invitation = await waitForMail(coOrganiser.email, /organisers\/accept\?token=/);
  const token = /organisers\/accept\?token=([A-Za-z0-9_-]+)/.exec(invitation)![1];
  await call('POST', `/events/${eventId}/organisers/accept`, coOrganiser.token, { token });
  const otherForum = await createForum(organiser);
  await logOut(page);

  await logIn(page, coOrganiser);
  await page.goto(`/app/events/${eventId}/manage/registrations`);
  await expect(rows).toHaveCount(6);
  await page.goto('/app/admin');
  await expect(page.getByTestId('admin-refused')).toHaveText('Only platform admins can open this screen.');
  await page.goto(`/app/events/${otherForum.id}/manage`);
  await expect(page.getByTestId('organiser-refused')).toBeVisible();
  await page.goto(`/app/events/${otherForum.id}/b2b`);
  await expect(page.getByTestId('b2b-refused')).toBeVisible();
  await logOut(page);

  // 8. A delegate is refused every organiser screen, in words.
  await logIn(page, people['Li Wei'].user);
  await page.goto(`/app/events/${eventId}/manage`);
  await expect(page.getByTestId('organiser-refused')).toHaveText(
    'Only the organisers of this forum (and platform admins) can open this screen.',
  );
  await page.goto(`/app/events/${eventId}/manage/registrations`);
  await expect(page.getByTestId('registrations-refused')).toBeVisible();
  await expect(rows).toHaveCount(0);
  await page.goto(`/app/events/${eventId}/b2b`);
  await expect(page.getByTestId('b2b-refused')).toBeVisible();
  await page.goto(`/app/events/${eventId}/check-in`);
  await expect(page.getByTestId('check-in-refused')).toBeVisible();
  await page.goto(`/app/events/${eventId}/manage/agreements`);
  await expect(page.getByTestId('agreements-refused')).toBeVisible();
});
