import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { call, createForum, createUser, registerDelegate, type ApiUser } from './support/api';
import { expect, logIn, screenshotAll, test } from './support/fixtures';

const company = (name: string) => ({
  company: { name, country: 'RU', sectors: ['logistics'] },
  languages: ['ru'],
  timeZone: 'Europe/Moscow',
});

test.describe('registration status, badge and visa letter', () => {
  let organiser: ApiUser;

  test.beforeAll(async () => {
    organiser = await createUser({ name: 'Organiser' });
  });

  test('tells a waitlisted delegate their place, and a rejected one that they were not accepted', async ({ page }) => {
    const forum = await createForum(organiser);
    await call('PATCH', `/events/${forum.id}`, organiser.token, {
      registration: { capacity: 1, requiresApproval: false },
    });
    const first = await createUser({ name: 'First In' });
    await registerDelegate(forum.id, organiser, first, company(`First ${Date.now()}`), false);
    const second = await createUser({ name: 'Second In' });
    await registerDelegate(forum.id, organiser, second, company(`Second ${Date.now()}`), false);
    const third = await createUser({ name: 'Nikolai Third', locale: 'ru' });
    await registerDelegate(forum.id, organiser, third, company(`Third ${Date.now()}`), false);

    await logIn(page, third);
    await page.goto(`/app/events/${forum.id}/register`);
    await expect(page.getByTestId('registration-status')).toHaveText('В листе ожидания');
    await expect(page.getByTestId('waitlist-position')).toHaveText('Ваше место в листе ожидания: 2.');
    // No badge before approval.
    await expect(page.getByTestId('badge-qr')).toHaveCount(0);
    await screenshotAll(page, 'registration-waitlisted', async (language) => {
      const place = {
        zh: '您在候补名单中排第 2 位。',
        ru: 'Ваше место в листе ожидания: 2.',
        en: 'You are number 2 on the waiting list.',
      };
      await expect(page.getByTestId('waitlist-position')).toHaveText(place[language]);
    });

    const mine = await call<{ items: { id: string; eventId: string }[] }>('GET', '/me/registrations', third.token);
    const id = mine.items.find((r) => r.eventId === forum.id)!.id;
    await call('POST', `/events/${forum.id}/registrations/${id}/reject`, organiser.token, { reason: 'Full' });
    await page.reload();
    await page.getByRole('radiogroup').getByText('EN', { exact: true }).click();
    await expect(page.getByTestId('registration-status')).toHaveText('Not accepted');
    await expect(page.getByText('The organisers could not accept your registration.')).toBeVisible();
    await expect(page.getByTestId('badge-qr')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Visa invitation letter' })).toHaveCount(0);
  });

  test('shows the approved badge as a readable QR code, and requests and downloads the visa letter', async ({
    page,
  }) => {
    const forum = await createForum(organiser);
    const ivan = await createUser({ name: 'Ivan Petrov', locale: 'en', timeZone: 'Europe/Moscow' });
    const id = await registerDelegate(forum.id, organiser, ivan, company(`Kazan Motors ${Date.now()}`));
    await logIn(page, ivan);
    await page.goto(`/app/events/${forum.id}/register`);
    await expect(page.getByTestId('registration-status')).toHaveText('Approved');

    // The QR on screen carries the badge's signed code, and a camera could read it.
    const qr = page.getByTestId('badge-qr');
    await expect(qr).toBeVisible();
    const { code } = await call<{ code: string }>('GET', `/events/${forum.id}/registrations/${id}/badge`, ivan.token);
    await expect(qr).toHaveAttribute('data-code', code);
    const png = PNG.sync.read(await qr.screenshot());
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(code);
    await expect(qr).toHaveAccessibleName('QR code of the badge of Ivan Petrov');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the badge (PDF)' }).click();
    expect((await download).suggestedFilename()).toBe('badge.pdf');

    // The visa letter: refused in words when the dates are wrong, then requested.
    const visa = page.getByRole('region', { name: 'Visa invitation letter' });
    await visa.getByLabel('Full name as in the passport').fill('PETROV IVAN');
    await visa.getByRole('combobox', { name: 'Nationality' }).click();
    await page.getByRole('option', { name: 'Russia' }).click();
    await visa.getByLabel('Passport number').fill('75 12');
    await visa.getByLabel('Date of birth').fill('1980-04-12');
    await visa.getByLabel('Passport valid until').fill('2031-01-01');
    await visa.getByLabel('Arrival date').fill('2027-06-13');
    await visa.getByLabel('Departure date').fill('2027-06-08');
    await visa.getByRole('button', { name: 'Request the letter' }).click();
    await expect(visa.getByRole('alert')).toHaveText(
      'The passport number has 5 to 20 capital letters and digits, without spaces.',
    );
    await visa.getByLabel('Passport number').fill('751234567');
    await visa.getByRole('button', { name: 'Request the letter' }).click();
    await expect(visa.getByRole('alert')).toHaveText('The departure date must not be before the arrival date.');
    await visa.getByLabel('Arrival date').fill('2027-06-08');
    await visa.getByLabel('Departure date').fill('2027-06-13');
    await visa.getByRole('button', { name: 'Request the letter' }).click();
    await expect(visa.getByTestId('visa-status')).toHaveText(
      'Requested: the organisers will check it, and the answer shows here.',
    );
    // Not approved yet: the letter itself is refused by the API.
    await expect(call('GET', `/events/${forum.id}/registrations/${id}/visa-letter.pdf`, ivan.token)).rejects.toThrow(
      /VISA_LETTER_NOT_APPROVED/,
    );

    await call('POST', `/events/${forum.id}/registrations/${id}/visa-letter/approve`, organiser.token);
    await page.reload();
    await expect(visa.getByTestId('visa-status')).toHaveText('Approved: your letter is ready.');
    const letter = page.waitForEvent('download');
    await visa.getByRole('button', { name: 'Download the letter (PDF)' }).click();
    expect((await letter).suggestedFilename()).toBe('visa-letter.pdf');

    await screenshotAll(page, 'registration-badge', async (language) => {
      const approved = { zh: '已通过', ru: 'Подтверждена', en: 'Approved' };
      await expect(page.getByTestId('registration-status')).toHaveText(approved[language]);
      await expect(qr).toBeVisible();
    });
  });
});
