import { randomBytes } from 'node:crypto';
import { call, createForum, createUser, registerDelegate, type ApiUser } from './support/api';
import { expect, logIn, screenshotAll, switchLanguage, test } from './support/fixtures';
import { waitForMail } from './support/mail';

/** Organisers create, edit, publish and cancel events, invite co-organisers, read the dashboard; admins trust events. */
test.describe('organiser event screens', () => {
  let organiser: ApiUser;
  let delegate: ApiUser;
  let co: ApiUser;
  let forum: Awaited<ReturnType<typeof createForum>>;
  const suffix = randomBytes(3).toString('hex');

  test.beforeAll(async () => {
    organiser = await createUser({ name: `Organiser ${suffix}` });
    co = await createUser({ name: `Co-organiser ${suffix}` });
    forum = await createForum(organiser, { tables: 4 });
    // three delegates: two approved (CN logistics, RU agriculture), one still pending (KZ logistics)
    const people: Array<[string, string, string, boolean]> = [
      ['Wang Fang', 'CN', 'logistics', true],
      ['Olga Smirnova', 'RU', 'agriculture', true],
      ['Aliya Nurlanovna', 'KZ', 'logistics', false],
    ];
    const ids: string[] = [];
    const users: ApiUser[] = [];
    for (const [name, country, sector, approve] of people) {
      const user = await createUser({ name: `${name} ${suffix}` });
      users.push(user);
      ids.push(
        await registerDelegate(
          forum.id,
          organiser,
          user,
          {
            company: { name: `${name} Trading ${suffix}`, country, sectors: [sector] },
            languages: ['en'],
            timeZone: 'Asia/Shanghai',
          },
          approve,
        ),
      );
    }
    delegate = users[0];
    // one request, accepted: placed at once in the first free slot
    const request = await call<{ id: string }>('POST', `/events/${forum.id}/meeting-requests`, users[0].token, {
      toRegistrationId: ids[1],
    });
    await call('POST', `/events/${forum.id}/meeting-requests/${request.id}/accept`, users[1].token);
    await call('POST', `/events/${forum.id}/agreements`, organiser.token, {
      title: 'Grain by rail',
      kind: 'mou',
      parties: [
        { name: 'Ganpo Logistics', country: 'CN', signatories: [{ name: 'Wang Lei' }] },
        { name: 'Volga Agro', country: 'RU', signatories: [{ name: 'Anna Petrova' }] },
      ],
      value: { amount: '1250000', currency: 'CNY' },
      signedAt: '2027-06-11T08:30:00Z',
    });
  });

  test('creates an event with the slot grid previewed as it is typed, edits, publishes it and invites a co-organiser', async ({
    page,
  }) => {
    // two passes of screenshots in three languages at two widths, and mail to wait for
    test.setTimeout(150_000);
    await logIn(page, organiser);
    await page.getByRole('banner').getByRole('link', { name: 'New forum' }).click();
    await expect(page.getByRole('heading', { name: 'New forum' })).toBeVisible();
    const form = page.getByTestId('event-form');
    await form.getByLabel('Name (original)').fill(`Harbin Cross-border Forum ${suffix}`);
    await form.getByLabel('Name in Chinese').fill('哈尔滨跨境论坛');
    await form.getByLabel('Name in Russian').fill('Харбинский приграничный форум');
    await form.getByLabel('Web address name').fill('Not A Slug');
    await form.getByLabel('Time zone of the forum').selectOption('Asia/Shanghai');
    await form.getByLabel('Starts').fill('2027-09-01T09:00');
    await form.getByLabel('Ends').fill('2027-09-02T18:00');
    await form.getByLabel('Sectors').fill('logistics');
    await form.getByLabel('Sectors').press('Enter');
    await form.getByLabel('Slot (minutes)').fill('30');
    await form.getByLabel('Tables').fill('5');

    // the preview follows every keystroke, cut as the server cuts it
    const summary = page.getByTestId('slot-summary');
    await expect(summary).toHaveText('No slots: each day needs hours at least one slot long.');
    await page.getByRole('button', { name: 'Add a day' }).click();
    await form.getByLabel('Day 1', { exact: true }).fill('2027-09-01');
    await form.getByLabel('From (day 1)').fill('14:00');
    await form.getByLabel('To (day 1)').fill('16:00');
    await expect(summary).toHaveText('Slots: 4 · days: 1 · tables: 5 · meetings possible: 20.');
    await form.getByLabel('Slot (minutes)').fill('45');
    // 14:00–14:45, 14:45–15:30; the 30 minutes left are dropped
    await expect(summary).toHaveText('Slots: 2 · days: 1 · tables: 5 · meetings possible: 10.');
    await expect(page.getByTestId('slot-day').getByText('14:45–15:30')).toBeVisible();
    await page.getByRole('button', { name: 'Add a day' }).click();
    await expect(form.getByLabel('Day 2', { exact: true })).toHaveValue('2027-09-02');
    await expect(summary).toHaveText('Slots: 4 · days: 2 · tables: 5 · meetings possible: 20.');
    await screenshotAll(page, 'organiser-event-new', async (language) => {
      await expect(page.getByTestId('slot-day')).toHaveCount(2);
      if (language === 'ru') await expect(summary).toContainText('Слотов: 4');
    });
    await switchLanguage(page, 'en');

    // the API's refusal, in words, on the form
    await page.getByRole('button', { name: 'Create the draft' }).click();
    await expect(page.getByTestId('event-form-error')).toContainText('slug must be lower-case letters');
    const slug = `harbin-${suffix}`;
    await form.getByLabel('Web address name').fill(slug);
    await page.getByRole('button', { name: 'Create the draft' }).click();
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
    await expect(page.getByTestId('event-status')).toHaveText('Draft');
    const eventId = /events\/([^/]+)\/manage\/settings/.exec(page.url())![1];

    // the server cut the same grid the preview showed
    const grid = await call<{ slots: Array<{ start: string }> }>(
      'GET',
      `/events/${eventId}/schedule/grid`,
      organiser.token,
    );
    expect(grid.slots.map((s) => new Date(s.start).toISOString())).toEqual([
      '2027-09-01T06:00:00.000Z',
      '2027-09-01T06:45:00.000Z',
      '2027-09-02T06:00:00.000Z',
      '2027-09-02T06:45:00.000Z',
    ]);

    // edit, then publish
    await form.getByLabel('Theme').fill('Cross-border e-commerce and cold chains');
    await form.getByLabel('Capacity (approved delegates)').fill('150');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByTestId('event-status')).toHaveText('Published');
    const saved = await call<{ status: string; theme: string; registration: { capacity: number }; slug: string }>(
      'GET',
      `/events/${eventId}`,
    );
    expect(saved).toMatchObject({
      status: 'published',
      theme: 'Cross-border e-commerce and cold chains',
      registration: { capacity: 150 },
      slug,
    });

    // a co-organiser, invited by e-mail, gets the link; once they accept, the team lists them
    await page.getByLabel('Invite a co-organiser (e-mail)').fill(co.email);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect(page.getByTestId('invite-sent')).toHaveText(`An invitation is on its way to ${co.email}.`);
    const mail = await waitForMail(co.email, /organisers\/accept\?token=/);
    const token = /organisers\/accept\?token=([A-Za-z0-9_-]+)/.exec(mail)![1];
    await call('POST', `/events/${eventId}/organisers/accept`, co.token, { token });
    await page.reload();
    const team = page.getByTestId('organisers');
    await expect(team).toContainText(organiser.email);
    await expect(team).toContainText(co.email);
    await screenshotAll(page, 'organiser-event-settings', async () => {
      await expect(team).toContainText(co.email);
    });
    // removed after a confirmation, they may no longer read the dashboard
    await switchLanguage(page, 'en');
    page.once('dialog', (dialog) => void dialog.accept());
    await team.getByRole('button', { name: `Remove Co-organiser ${suffix} from the organisers` }).click();
    await expect(team).not.toContainText(co.email);
    await expect(call('GET', `/events/${eventId}/dashboard`, co.token)).rejects.toThrow(/403/);
  });

  test('cancels an event only after asking, and says so', async ({ page }) => {
    const draft = await call<{ id: string }>('POST', '/events', organiser.token, {
      slug: `to-cancel-${suffix}`,
      name: 'A forum that will not happen',
      timeZone: 'Europe/Moscow',
      startsAt: '2027-10-01T09:00:00+03:00',
      endsAt: '2027-10-01T18:00:00+03:00',
    });
    await logIn(page, organiser);
    await page.goto(`/app/events/${draft.id}/manage/settings`);
    await page.getByRole('button', { name: 'Cancel the forum…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel this forum?' });
    await expect(dialog).toContainText('Everyone registered gets a mail');
    await dialog.getByRole('button', { name: 'Keep the forum' }).click();
    await expect(page.getByTestId('event-status')).toHaveText('Draft');
    await page.getByRole('button', { name: 'Cancel the forum…' }).click();
    await dialog.getByLabel('Reason, told to everyone (optional)').fill('The venue is closed for repairs');
    await dialog.getByRole('button', { name: 'Yes, cancel it' }).click();
    await expect(page.getByTestId('event-status')).toHaveText('Cancelled');
    expect((await call<{ status: string }>('GET', `/events/${draft.id}`, organiser.token)).status).toBe('cancelled');
  });

  test('the dashboard shows the seeded numbers, reached from the event page', async ({ page }) => {
    await logIn(page, organiser);
    await page.goto(`/app/events/${forum.id}`);
    await page.getByRole('link', { name: 'Organiser area' }).click();
    await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
    await expect(page.getByTestId('organiser-nav').getByRole('link', { name: 'Dashboard' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(page.getByTestId('fig-registrations-value')).toHaveText('3');
    await expect(page.getByTestId('fig-registrations')).toContainText('2 approved');
    await expect(page.getByTestId('fig-placed-value')).toHaveText('1');
    await expect(page.getByTestId('fig-placed')).toContainText('Requests: 1 · accepted, not placed: 0');
    await expect(page.getByTestId('fig-agreements-value')).toHaveText('1');
    await expect(page.getByTestId('fig-agreements')).toContainText('1,250,000');
    const row = (chart: string, key: string) => page.getByTestId(chart).locator(`tr[data-key="${key}"]`);
    await expect(row('bars-status', 'approved')).toContainText('2');
    await expect(row('bars-status', 'pending')).toContainText('1');
    await expect(row('bars-country', 'CN')).toContainText('1');
    await expect(row('bars-country', 'KZ')).toContainText('1');
    await expect(row('bars-sector', 'logistics')).toContainText('2');
    await expect(row('bars-sector', 'agriculture')).toContainText('1');
    await expect(page.getByTestId('bars-unplaced')).toContainText('Every accepted request has a meeting.');
    // mail went out for sign-ups and approvals; the dashboard agrees with the delivery list
    const mail = await call<{ items: Array<{ status: string }> }>(
      'GET',
      `/events/${forum.id}/notifications?limit=100`,
      organiser.token,
    );
    expect(mail.items.length).toBeGreaterThan(0);
    await screenshotAll(page, 'organiser-dashboard', async (language) => {
      await expect(page.getByTestId('bars-country')).toBeVisible();
      if (language === 'zh') await expect(page.getByRole('heading', { name: '概览', level: 1 })).toBeVisible();
    });
  });

  test('a platform admin sees every event and trusts one', async ({ page }) => {
    const admin = { email: process.env.ADMIN_EMAIL!, password: process.env.ADMIN_PASSWORD!, name: 'Platform admin' };
    // a forum of this test's own, made just now: the list is newest first, 50 a page, and the spec files
    // running beside this one create events too
    const newest = await createForum(organiser);
    await logIn(page, admin);
    await page.getByRole('banner').getByRole('link', { name: 'Administration' }).click();
    const row = page.locator(`tr[data-event="${newest.id}"]`);
    await expect(row).toBeVisible();
    await expect(row.getByTestId('trusted')).toHaveText('Not trusted');
    await row.getByRole('button', { name: 'Trust' }).click();
    await expect(row.getByTestId('trusted')).toHaveText('Trusted');
    const { token } = await call<{ accessToken: string }>('POST', '/auth/login', undefined, {
      email: admin.email,
      password: admin.password,
    }).then((r) => ({
      token: r.accessToken,
    }));
    const trusted = await call<{ items: Array<{ id: string }> }>('GET', '/admin/events?trusted=true&limit=100', token);
    expect(trusted.items.map((e) => e.id)).toContain(newest.id);
    await expect(page.getByTestId('queues-link')).toHaveAttribute('href', /^\/admin\/queues\?token=/);
    await screenshotAll(page, 'organiser-admin', async () => {
      await expect(row).toBeVisible();
    });
    await row.getByRole('button', { name: 'Stop trusting' }).click();
    await expect(row.getByTestId('trusted')).toHaveText('Not trusted');
  });

  test('a delegate is told in words that the organiser screens and the admin screen are not theirs', async ({
    page,
  }) => {
    await logIn(page, delegate);
    await page.goto(`/app/events/${forum.id}`);
    await expect(page.getByRole('link', { name: 'Register' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Organiser area' })).toHaveCount(0);
    await page.goto(`/app/events/${forum.id}/manage`);
    await expect(page.getByTestId('organiser-refused')).toHaveText(
      'Only the organisers of this forum (and platform admins) can open this screen.',
    );
    await expect(page.getByTestId('organiser-nav')).toHaveCount(0);
    await page.goto(`/app/events/${forum.id}/manage/settings`);
    await expect(page.getByTestId('organiser-refused')).toBeVisible();
    await expect(page.getByTestId('event-form')).toHaveCount(0);
    await page.goto('/app/admin');
    await expect(page.getByTestId('admin-refused')).toHaveText('Only platform admins can open this screen.');
    await expect(page.getByRole('banner').getByRole('link', { name: 'Administration' })).toHaveCount(0);
    await screenshotAll(page, 'organiser-admin-refused', async () => {
      await expect(page.getByTestId('admin-refused')).toBeVisible();
    });
  });
});
