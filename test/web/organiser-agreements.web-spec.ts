import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { call, createForum, createUser, registerDelegate, type ApiUser } from './support/api';
import { expect, logIn, screenshotAll, test } from './support/fixtures';

interface ChainReport {
  valid: boolean;
  entriesChecked: number;
}

test.describe('the organisers’ agreements', () => {
  let organiser: ApiUser;
  let delegate: ApiUser;
  let forum: Awaited<ReturnType<typeof createForum>>;
  const suffix = Math.random().toString(36).slice(2, 7);
  const ganjiang = `Ganjiang Freight ${suffix}`;

  test.beforeAll(async () => {
    organiser = await createUser({ name: 'Agreement Organiser' });
    forum = await createForum(organiser);
    delegate = await createUser({ name: 'Li Na' });
    await registerDelegate(forum.id, organiser, delegate, {
      company: { name: ganjiang, country: 'CN', sectors: ['logistics'] },
      languages: ['zh', 'en'],
      timeZone: 'Asia/Shanghai',
    });
  });

  const agreementsPage = (page: Page) => page.goto(`/app/events/${forum.id}/manage/agreements`);

  test('is refused to a delegate and to the organiser of another forum', async ({ page }) => {
    await logIn(page, delegate);
    await agreementsPage(page);
    await expect(page.getByTestId('agreements-refused')).toHaveText(
      'Only organisers of this forum can see and record its agreements.',
    );
    await page.getByRole('banner').getByRole('button', { name: 'Log out' }).click();
    const stranger = await createUser({ name: 'Other Organiser' });
    await createForum(stranger);
    await logIn(page, stranger);
    await agreementsPage(page);
    await expect(page.getByTestId('agreements-refused')).toBeVisible();
    await expect(page.getByTestId('record-agreement')).toHaveCount(0);
  });

  test('records an agreement with a registered and a typed party, amends, withdraws, and reports it', async ({
    page,
  }) => {
    await logIn(page, organiser);
    await agreementsPage(page);
    await expect(page.getByText('No agreements recorded yet.').first()).toBeVisible();
    await expect(page.getByTestId('ledger-state')).toHaveAttribute('data-valid', 'true');

    await page.getByTestId('record-agreement').click();
    const form = page.getByTestId('agreement-form');
    await form.getByLabel('Title').fill('Rail freight Nanchang–Kazan');
    await form.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'Contract' }).click();
    await form.getByRole('combobox', { name: 'Sector' }).click();
    await page.getByRole('option', { name: 'logistics' }).click();
    const parties = form.getByTestId('party');
    await parties.nth(0).getByRole('combobox', { name: 'Company' }).fill('Ganjiang');
    await page.getByRole('option', { name: `${ganjiang} (CN)` }).click();
    await parties.nth(0).getByLabel('Signatory 1').fill('Li Na');
    await parties.nth(1).getByText('Typed in').click();
    await parties.nth(1).getByLabel('Name').fill('Kazan Motors');
    await parties.nth(1).getByLabel('Country (two letters, e.g. CN)').fill('RU');
    await parties.nth(1).getByLabel('Signatory 1').fill('Ivan Petrov');
    await parties.nth(1).getByLabel('Position').fill('General Director');

    // problems are said on the field that has them, before anything is sent
    await form.getByLabel('Amount').fill('1 250 000,50');
    await form.getByRole('button', { name: 'Record', exact: true }).click();
    await expect(form.getByText('An amount is digits with an optional decimal point, e.g. 1250000.50.')).toBeVisible();
    // and what only the server can tell (no such currency) comes back in words
    await form.getByLabel('Amount').fill('1250000.50');
    await form.getByRole('combobox', { name: 'Currency' }).fill('ABC');
    await form.getByRole('combobox', { name: 'Currency' }).press('Escape');
    await form.getByRole('button', { name: 'Record', exact: true }).click();
    await expect(form.getByTestId('agreement-error')).toHaveText(
      'The amount does not fit its currency (digits, decimal places or an unknown currency code).',
    );
    await form.getByRole('combobox', { name: 'Currency' }).fill('CNY');
    await page.getByRole('option', { name: 'CNY' }).click();
    await form.getByRole('button', { name: 'Record', exact: true }).click();
    await expect(form).toHaveCount(0);

    const row = page.getByTestId('agreement-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(`${ganjiang} (CN)`);
    await expect(row).toContainText('Kazan Motors (RU)');
    await expect(row).toContainText('Ivan Petrov, General Director');
    await expect(row).toContainText('CN¥1,250,000.50');
    await expect(page.getByTestId('report-count')).toHaveText('1');
    await expect(page.getByTestId('chart-country')).toContainText('CN–RU');
    await expect(page.getByTestId('chart-kind')).toContainText('Contract');
    await expect(page.getByTestId('chart-sector')).toContainText('logistics');

    await page.getByRole('button', { name: 'Amend “Rail freight Nanchang–Kazan”' }).click();
    await form.getByLabel('Amount').fill('1300000');
    await form.getByRole('button', { name: 'Record the amendment' }).click();
    await expect(form.getByText('Fill this in.')).toBeVisible(); // the reason
    await form.getByLabel('Reason').fill('Annex 2 raised the value');
    await form.getByRole('button', { name: 'Record the amendment' }).click();
    await expect(form).toHaveCount(0);
    await expect(row).toContainText('CN¥1,300,000.00');
    await expect(row).toContainText('Version 2');
    await expect(page.getByTestId('ledger-entry')).toHaveCount(2);

    // a second agreement, recorded through the API, is withdrawn on screen
    await call('POST', `/events/${forum.id}/agreements`, organiser.token, {
      title: 'Tea import memorandum',
      kind: 'mou',
      sector: 'agriculture',
      parties: [
        { name: 'Baikal Tea', country: 'RU', signatories: [{ name: 'Olga Smirnova' }] },
        { name: 'Jiangxi Tea Co', country: 'CN', signatories: [{ name: 'Zhou Min' }] },
      ],
      value: { amount: '5000000', currency: 'RUB' },
      signedAt: '2027-06-11T10:00:00+08:00',
    });
    await page.reload();
    await expect(row).toHaveCount(2);
    await page.getByRole('button', { name: 'Withdraw “Tea import memorandum”' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reason').fill('The parties cancelled it');
    await dialog.getByRole('button', { name: 'Withdraw' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(row.filter({ hasText: 'Tea import memorandum' })).toContainText('Withdrawn');
    await expect(page.getByTestId('report-count')).toHaveText('1');
    await expect(page.getByTestId('ledger-entry')).toHaveCount(4);
    await expect(page.getByTestId('ledger-state')).toContainText('Entries checked: 4');
    expect(await call<ChainReport>('GET', `/events/${forum.id}/agreements/verify`, organiser.token)).toMatchObject({
      valid: true,
      entriesChecked: 4,
    });

    const download = page.waitForEvent('download');
    await page.getByTestId('report-csv').click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv).toContain('all,agreements,1,,');
    expect(csv).toContain('all,total value,,CNY,1300000.00');
    expect(csv).toContain('country pair,CN–RU,1,CNY,1300000.00');

    await screenshotAll(page, 'organiser-agreements', async (language) => {
      const title = { zh: '账本校验通过', ru: 'Реестр проверен', en: 'Ledger verified' }[language];
      await expect(page.getByTestId('ledger-state')).toContainText(title);
    });
  });
});
