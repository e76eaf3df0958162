import type { Page } from '@playwright/test';
import { call, createForum, createUser, registerDelegate, type ApiUser } from './support/api';
import { expect, LANGUAGES, logIn, screenshotAll, switchLanguage, test } from './support/fixtures';

/** What the page's browser offers that this (node-typed) file does not know by name. */
interface BrowserGlobals {
  caches: { open(name: string): Promise<{ keys(): Promise<Array<{ url: string }>> }> };
  navigator: { serviceWorker: { controller: unknown } };
}

/** The paths of the API reads the service worker keeps for offline use. */
const keptReads = (page: Page) =>
  page.evaluate(async () => {
    const kept = await (await (globalThis as unknown as BrowserGlobals).caches.open('rt-api')).keys();
    return kept.map((request) => new URL(request.url).pathname);
  });

/** Whether the service worker has taken the page over. */
const controlled = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as BrowserGlobals).navigator.serviceWorker.controller !== null);

test.describe('offline at the venue', () => {
  let forum: Awaited<ReturnType<typeof createForum>>;
  let speaker: ApiUser;
  let organiser: ApiUser;

  test.beforeAll(async () => {
    organiser = await createUser({ name: 'Organiser' });
    forum = await createForum(organiser);
    speaker = await createUser({ name: 'Pavel Orlov' });
    const panel = forum.sessions.find((s) => s.title === 'Rail freight panel')!;
    await call('POST', `/events/${forum.id}/sessions/${panel.id}/speakers`, organiser.token, {
      email: speaker.email,
      name: speaker.name,
      role: 'speaker',
    });
  });

  test('keeps the agenda readable without a network, says how old it is, and refreshes when the network is back', async ({
    page,
    context,
  }) => {
    await page.goto(`/app/events/${forum.id}`);
    await expect(page.getByTestId('session')).toHaveCount(3);
    // the worker installs, then takes this page over; from then on the reads it answers are kept
    await expect.poll(() => controlled(page)).toBe(true);
    await page.reload();
    await expect(page.getByTestId('session')).toHaveCount(3);
    await expect.poll(() => keptReads(page)).toContain(`/events/${forum.id}/agenda`);
    await expect(page.getByTestId('offline')).toHaveCount(0);
    for (const language of LANGUAGES) {
      // read once in each language while online: each is its own copy
      await switchLanguage(page, language);
      await expect(page.getByTestId('session')).toHaveCount(3);
    }
    await switchLanguage(page, 'en');

    await context.setOffline(true);
    await page.reload(); // the app itself and the agenda both come from the worker's copies
    await expect(page.getByTestId('session')).toHaveCount(3);
    await expect(page.getByRole('article', { name: 'Opening plenary' })).toContainText('09:00–10:00');
    await expect(page.getByTestId('offline')).toContainText('You are offline. What you see is as of');
    await screenshotAll(page, 'offline-agenda', async (language) => {
      const offline = { zh: '您已离线', ru: 'Нет сети', en: 'You are offline' }[language];
      await expect(page.getByTestId('offline')).toContainText(offline);
    });

    await context.setOffline(false);
    await expect(page.getByTestId('offline')).toHaveCount(0);
    await expect(page.getByTestId('session')).toHaveCount(3);
  });

  test('keeps my sessions for offline use while I am logged in, and forgets them when I log out', async ({
    page,
    context,
  }) => {
    await page.goto('/app/');
    await expect.poll(() => controlled(page)).toBe(true);
    await logIn(page, speaker);
    await page.goto('/app/speaker');
    await expect(page.getByTestId('speaker-session')).toHaveCount(1);
    await expect.poll(() => keptReads(page)).toContain('/me/sessions');

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByTestId('speaker-session')).toContainText('Rail freight panel');
    await expect(page.getByTestId('offline')).toBeVisible();
    await context.setOffline(false);

    await page.getByRole('banner').getByRole('button', { name: 'Log out' }).click();
    await expect.poll(() => keptReads(page)).not.toContain('/me/sessions');
  });

  test('keeps my badge QR code readable without a network', async ({ page, context }) => {
    const delegate = await createUser({ name: 'Marina Offline' });
    const registrationId = await registerDelegate(forum.id, organiser, delegate, {
      company: { name: `Baikal Tea ${Date.now()}`, country: 'RU', sectors: ['agriculture'] },
      languages: ['ru'],
      timeZone: 'Europe/Moscow',
    });
    await page.goto('/app/');
    await expect.poll(() => controlled(page)).toBe(true);
    await logIn(page, delegate);
    await page.goto(`/app/events/${forum.id}/register`);
    const qr = page.getByTestId('badge-qr');
    await expect(qr).toBeVisible();
    const code = await qr.getAttribute('data-code');
    expect(code).toMatch(new RegExp(`^${registrationId}\\.`));
    await expect.poll(() => keptReads(page)).toContain(`/events/${forum.id}/registrations/${registrationId}/badge`);

    await context.setOffline(true);
    await page.reload();
    await expect(qr).toHaveAttribute('data-code', code ?? '');
    await expect(page.getByTestId('registration-status')).toHaveText('Approved');
    await expect(page.getByTestId('offline')).toBeVisible();
    await context.setOffline(false);
  });
});
