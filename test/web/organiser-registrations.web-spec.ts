/**
 * The organisers' registrations, invitations and visa letter screens through the real API: the table
 * filtered, searched and sorted by the server, bulk approval with a capacity refusal on its rows, the
 * waiting list moving up, the CSV of what the table shows; a pasted invitation list checked row by row
 * before sending, sent with a progress bar, rows and quotas the server refuses said in words, resend; a
 * visa letter approved, its bilingual PDF with the reference, the public check page saying genuine, then
 * revoked once the registration is cancelled. A delegate is refused each screen in words.
 */
import { readFile } from 'node:fs/promises';
import { pdfText } from '../support/pdf-text';
import { call, createForum, createUser, registerDelegate, type ApiUser } from './support/api';
import { expect, logIn, screenshotAll, test } from './support/fixtures';

test.describe('the organisers’ registrations, invitations and visa letters', () => {
  let organiser: ApiUser;
  let forum: Awaited<ReturnType<typeof createForum>>;
  const users: Record<string, ApiUser> = {};
  const ids: Record<string, string> = {};
  const suffix = Math.random().toString(36).slice(2, 7);
  const people = [
    { name: 'Anna Petrova', company: 'Volga Trans', country: 'RU', sector: 'logistics' },
    { name: 'Boris Orlov', company: 'Kama Agro', country: 'RU', sector: 'agriculture' },
    { name: 'Wang Fang', company: 'Ganjiang Logistics', country: 'CN', sector: 'logistics' },
    { name: 'Li Wei', company: 'Poyang Farms', country: 'CN', sector: 'agriculture' },
    { name: 'Zhou Min', company: 'Nanchang Rail Port', country: 'CN', sector: 'logistics' },
  ];

  test.beforeAll(async () => {
    organiser = await createUser({ name: 'Organiser' });
    forum = await createForum(organiser);
    await call('PATCH', `/events/${forum.id}`, organiser.token, { registration: { capacity: 3 } });
    for (const p of people) {
      const user = await createUser({ name: p.name });
      users[p.name] = user;
      ids[p.name] = await registerDelegate(
        forum.id,
        organiser,
        user,
        {
          company: { name: `${p.company} ${suffix}`, country: p.country, sectors: [p.sector] },
          languages: ['en'],
          timeZone: 'Asia/Shanghai',
        },
        false,
      );
    }
  });

  test('refuses a delegate each organiser screen, in words', async ({ page }) => {
    await logIn(page, users['Anna Petrova']);
    await page.goto(`/app/events/${forum.id}/manage/registrations`);
    await expect(page.getByTestId('registrations-refused')).toHaveText(
      'Only the organisers of this forum can see and decide its registrations.',
    );
    await expect(page.getByTestId('registration-row')).toHaveCount(0);
    await page.goto(`/app/events/${forum.id}/manage/invitations`);
    await expect(page.getByTestId('invitations-refused')).toHaveText(
      'Only the organisers of this forum can invite people and see its invitations.',
    );
    await page.goto(`/app/events/${forum.id}/manage/visa-letters`);
    await expect(page.getByTestId('visa-refused')).toHaveText(
      'Only the organisers of this forum can see and decide its visa letter requests.',
    );
  });

  test('filters, searches and sorts on the server, approves in bulk up to the capacity, moves the waiting list up, exports the CSV', async ({
    page,
  }) => {
    await logIn(page, organiser);
    await page.goto(`/app/events/${forum.id}/manage/registrations`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Registrations');
    await expect(page.getByTestId('organiser-nav').getByRole('link', { name: 'Registrations' })).toBeVisible();
    const rows = page.getByTestId('registration-row');
    const total = page.getByTestId('registrations-total');
    await expect(total).toHaveText('Registrations: 5');

    // sort by name, both ways
    await page.getByRole('button', { name: /^Name/ }).click();
    await expect(page).toHaveURL(/sort=name/);
    await expect(rows.first()).toContainText('Anna Petrova');
    await page.getByRole('button', { name: /^Name/ }).click();
    await expect(page).toHaveURL(/sort=-name/);
    await expect(rows.first()).toContainText('Zhou Min');
    await expect(page.getByRole('columnheader', { name: /^Name/ })).toHaveAttribute('aria-sort', 'descending');

    // filter by country and sector, then search
    await page.getByRole('combobox', { name: 'Country' }).click();
    await page.getByRole('option', { name: 'Russia' }).click();
    await expect(page).toHaveURL(/country=RU/);
    await expect(total).toHaveText('Registrations: 2');
    await page.getByRole('combobox', { name: 'Sector' }).click();
    await page.getByRole('option', { name: 'Agriculture' }).click();
    await expect(total).toHaveText('Registrations: 1');
    await expect(rows).toHaveText([/Boris Orlov/]);

    // the CSV holds what the table shows
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const csv = await readFile(await (await download).path(), 'utf8');
    expect(csv).toContain('Boris Orlov');
    expect(csv).not.toContain('Anna Petrova');

    // typed at once, before the organiser tabs appear: their arrival must not drop the text
    await page.goto(`/app/events/${forum.id}/manage/registrations`);
    await page.getByRole('textbox', { name: 'Search' }).fill(`ganjiang`);
    await expect(page).toHaveURL(/q=ganjiang/);
    await expect(rows).toHaveText([/Wang Fang/]);
    await page.getByRole('textbox', { name: 'Search' }).fill('');
    await expect(total).toHaveText('Registrations: 5');

    // bulk approval: three places, five asked; the two beyond are refused on their rows, in words
    await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
    await expect(total).toHaveText('Registrations: 5 · selected: 5');
    await page.getByRole('button', { name: 'Approve selected' }).click();
    const outcome = page.getByTestId('bulk-outcome');
    await expect(outcome).toContainText('Done: 3; refused: 2');
    await expect(outcome.getByRole('listitem')).toHaveCount(2);
    await expect(outcome.getByRole('listitem').first()).toContainText('(Pending)');
    await expect(page.locator('[data-testid="registration-row"][data-status="approved"]')).toHaveCount(3);

    // a late registrant (no approval needed now) goes to the waiting list
    await call('PATCH', `/events/${forum.id}`, organiser.token, { registration: { requiresApproval: false } });
    const late = await createUser({ name: 'Olga Late' });
    ids['Olga Late'] = await registerDelegate(
      forum.id,
      organiser,
      late,
      {
        company: { name: `Kazan Cargo ${suffix}`, country: 'RU', sectors: ['logistics'] },
        languages: ['ru'],
        timeZone: 'Europe/Moscow',
      },
      false,
    );
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'On the waiting list' }).click();
    await expect(rows).toHaveText([/Olga Late/]);
    await expect(rows.first()).toContainText('On the waiting list · no. 1');

    // cancelling an approved registration from its detail frees a seat: the waiting list moves up
    await page.goto(`/app/events/${forum.id}/manage/registrations?status=approved&sort=name`);
    await rows.first().getByRole('button').first().click();
    const detail = page.getByTestId('registration-detail');
    await expect(detail).toBeVisible();
    await detail.getByRole('button', { name: 'Cancel the registration' }).click();
    await page.getByRole('dialog').last().getByRole('button', { name: 'Cancel the registration' }).click();
    await expect(detail).toContainText('Cancelled');
    await page.keyboard.press('Escape');
    await expect(rows.filter({ hasText: 'Olga Late' })).toHaveCount(1);
    await page.getByRole('button', { name: 'Fill free places from the waiting list' }).click();
    await expect(page.getByTestId('promote-result')).toHaveText('Moved up from the waiting list: 0');

    await page.goto(`/app/events/${forum.id}/manage/registrations`);
    await screenshotAll(page, 'organiser-registrations', async (language) => {
      const titles = { zh: '报名管理', ru: 'Регистрации', en: 'Registrations' };
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[language]);
      await expect(rows).toHaveCount(6);
    });
  });

  test('checks a pasted list row by row, sends it with a progress bar, says what the server refused, resends', async ({
    page,
  }) => {
    await logIn(page, organiser);
    await page.goto(`/app/events/${forum.id}/manage/invitations`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Invitations');
    const lines = ['name,email,company,country,locale'];
    for (let i = 1; i <= 17; i++) lines.push(`Guest ${i},guest${i}.${suffix}@example.test,Co ${i},RU,ru`);
    lines.push(`Bad Row,not-an-email,Co X,RU,ru`);
    lines.push(`Guest 1 again,guest1.${suffix}@example.test,,,`);
    // passes the browser's check, refused by the server's (a one-letter top-level domain)
    lines.push(`Odd Domain,odd.${suffix}@example.c,,CN,zh`);
    await page.getByLabel('Paste the CSV').fill(lines.join('\n'));
    await expect(page.getByTestId('import-summary')).toHaveText('Rows: 20 · ready: 18 · with problems: 2');
    const problems = page.locator('[data-testid="preview-row"][data-ok="false"]');
    await expect(problems).toHaveCount(2);
    await expect(problems.first()).toContainText('not an e-mail address');
    await expect(problems.nth(1)).toContainText('this e-mail is already in the list');

    await page.getByRole('button', { name: 'Send invitations (18)' }).click();
    await expect(page.getByTestId('import-status')).toHaveText('Finished. Invited: 17; refused by the server: 1');
    await expect(page.getByTestId('import-progress').getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    await expect(page.getByTestId('import-refused')).toContainText(`Row 20: odd.${suffix}@example.c`);
    await expect(page.getByTestId('import-refused')).toContainText('email must be an email');
    await expect(page.getByTestId('invitations-total')).toHaveText('Invitations: 17');

    // the forum is untrusted: 20 invitations at most; a list of five more stops whole, said in words
    await page
      .getByLabel('Paste the CSV')
      .fill(['name,email', ...[1, 2, 3, 4, 5].map((i) => `More ${i},more${i}.${suffix}@example.test`)].join('\n'));
    await page.getByRole('button', { name: 'Send invitations (5)' }).click();
    await expect(page.getByTestId('import-error')).toContainText('Stopped after 0 of 5.');
    await expect(page.getByTestId('import-error')).toContainText('This forum has used up its invitations.');

    // resend: too soon after the first mail, said in words
    await page.getByRole('button', { name: `Resend the invitation to guest3.${suffix}@example.test` }).click();
    await expect(page.getByTestId('resend-result')).toContainText(
      'This invitation was mailed less than 10 minutes ago. Try again later.',
    );

    await page.getByLabel('Paste the CSV').fill(lines.join('\n'));
    await screenshotAll(page, 'organiser-invitations', async (language) => {
      const titles = { zh: '邀请管理', ru: 'Приглашения', en: 'Invitations' };
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[language]);
      await expect(page.getByTestId('invitation-row')).toHaveCount(17);
    });
  });

  test('approves a visa letter: bilingual PDF with its reference, the public check says genuine, then revoked', async ({
    page,
  }) => {
    // a delegate approved for certain, whatever the bulk approval above left
    await call('PATCH', `/events/${forum.id}`, organiser.token, {
      registration: { capacity: 20, requiresApproval: true },
    });
    const wang = await createUser({ name: 'Wang Jun' });
    ids['Wang Jun'] = await registerDelegate(forum.id, organiser, wang, {
      company: { name: `Jiangxi Copper ${suffix}`, country: 'CN', sectors: ['logistics'] },
      languages: ['zh', 'en'],
      timeZone: 'Asia/Shanghai',
    });
    const li = users['Li Wei'];
    const passport = {
      nationality: 'CN',
      dateOfBirth: '1985-03-02',
      passportExpiresOn: '2032-01-01',
      entryOn: '2027-06-08',
      exitOn: '2027-06-13',
    };
    await call('PUT', `/events/${forum.id}/registrations/${ids['Wang Jun']}/visa-letter`, wang.token, {
      ...passport,
      fullName: 'WANG FANG',
      passportNumber: 'E12345678',
    });
    await call('PUT', `/events/${forum.id}/registrations/${ids['Li Wei']}/visa-letter`, li.token, {
      ...passport,
      fullName: 'LI WEI',
      passportNumber: 'E87654321',
    });
    await logIn(page, organiser);
    await page.goto(`/app/events/${forum.id}/manage/visa-letters`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Visa letters');
    const rows = page.getByTestId('visa-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: 'WANG FANG' })).toContainText('ends in 5678');
    await expect(page.locator('body')).not.toContainText('E12345678');

    await page.getByRole('button', { name: 'Reject the visa letter of LI WEI' }).click();
    await page.getByRole('dialog').getByLabel('Reason').fill('Dates outside the forum');
    await page.getByRole('dialog').getByRole('button', { name: 'Reject' }).click();
    await expect(page.getByTestId('visa-done')).toHaveText('Rejected: LI WEI. The delegate sees your reason.');
    await expect(rows.filter({ hasText: 'LI WEI' })).toContainText('Reason: Dates outside the forum');

    await page.getByRole('button', { name: 'Approve the visa letter of WANG FANG' }).click();
    await expect(page.getByTestId('visa-done')).toHaveText(
      'Approved: WANG FANG. The delegate can download the letter now.',
    );
    const reference = (await rows.filter({ hasText: 'WANG FANG' }).getByTestId('visa-reference').textContent()) ?? '';
    expect(reference).toMatch(/^RT(-[0-9A-Z]{5}){4}$/);

    // the letter: English beside Chinese (the forum is in China), the reference, the organisers' contact
    const pdf = await fetch(
      `${process.env.WEB_BASE_URL}/events/${forum.id}/registrations/${ids['Wang Jun']}/visa-letter.pdf`,
      { headers: { authorization: `Bearer ${wang.token}` } },
    );
    expect(pdf.status).toBe(200);
    const text = pdfText(Buffer.from(await pdf.arrayBuffer())).replace(/\n/g, '');
    for (const part of ['LETTER OF INVITATION', '邀请函', reference, organiser.email, 'WANG FANG', 'E12345678'])
      expect(text).toContain(part);

    await screenshotAll(page, 'organiser-visa-letters', async (language) => {
      const titles = { zh: '签证邀请函', ru: 'Визовые приглашения', en: 'Visa letters' };
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[language]);
      await expect(rows).toHaveCount(2);
    });

    // the public check, as a consulate opens it from the QR code: no account
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.goto(`/app/visa-letters/verify/${reference}`);
    const result = page.getByTestId('visa-check-result');
    await expect(result).toHaveAttribute('data-status', 'valid');
    await expect(result).toContainText('Genuine letter');
    await expect(page.locator('main')).toContainText('WANG FANG');
    await expect(page.locator('main')).toContainText('ends in 5678');
    await expect(page.locator('main')).not.toContainText('E12345678');
    await screenshotAll(page, 'visa-check', async (language) => {
      const titles = { zh: '签证邀请函核验', ru: 'Проверка визового приглашения', en: 'Visa letter check' };
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[language]);
    });

    // the registration cancelled: the same reference now says revoked
    await call('POST', `/events/${forum.id}/registrations/${ids['Wang Jun']}/cancel`, organiser.token, {});
    await page.reload();
    await expect(result).toHaveAttribute('data-status', 'revoked');
    await expect(result).toContainText('Revoked');
    await page.goto('/app/visa-letters/verify/RT-00000-00000-00000-00000');
    await expect(result).toContainText('No letter has this reference.');

    // the delegate whose request was rejected reads the organisers' reason
    await logIn(page, li);
    await page.goto(`/app/events/${forum.id}/register`);
    await expect(page.getByTestId('visa-reason')).toHaveText('The organisers’ reason: Dates outside the forum');
  });
});
