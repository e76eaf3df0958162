import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const LANGUAGES = ['zh', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const LABELS: Record<Language, string> = { zh: '中文', ru: 'Рус', en: 'EN' };

export const test = base.extend({
  // Playwright reads a fixture's dependencies from its first parameter's destructuring; this one has none.
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => {
    const url = process.env.WEB_BASE_URL;
    if (!url) throw new Error('WEB_BASE_URL is not set: run through test/web/playwright.config.ts');
    await use(url);
  },
});

export { expect };

/** Switches the language with the header's switcher (no reload) and waits for the page to say so. */
export async function switchLanguage(page: Page, language: Language): Promise<void> {
  if ((await page.getByRole('dialog').count()) > 0) {
    // A modal dialog's overlay takes the pointer; a person would switch first, the test switches underneath it.
    await page.getByRole('radiogroup').getByRole('radio', { name: LABELS[language] }).dispatchEvent('click');
  } else {
    await page.getByRole('radiogroup').getByText(LABELS[language], { exact: true }).click();
  }
  await expect(page.locator('html')).toHaveAttribute('lang', language === 'zh' ? 'zh-CN' : language);
}

const SHOTS = join(__dirname, '..', 'screenshots');

/**
 * Screenshots of the current screen in zh, ru and en at 1280 and 360 px
 * (for a person to look at), each language checked by axe for serious or
 * critical violations. `ready` waits for the screen's content in that language.
 */
export async function screenshotAll(
  page: Page,
  name: string,
  ready: (language: Language) => Promise<void>,
): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const language of LANGUAGES) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await switchLanguage(page, language);
    await ready(language);
    await page.mouse.move(640, 899); // off the header, so no hover state is what axe measures
    await expectAccessible(page);
    await page.screenshot({ path: join(SHOTS, `${name}-${language}-1280.png`), fullPage: true });
    await page.setViewportSize({ width: 360, height: 780 });
    await ready(language);
    await page.screenshot({ path: join(SHOTS, `${name}-${language}-360.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

export async function expectAccessible(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`).join(', ')})`);
  expect(bad, 'no serious or critical accessibility violations').toEqual([]);
}

/** Logs in through the login screen, as a person would. */
export async function logIn(page: Page, user: { email: string; password: string; name: string }): Promise<void> {
  if (!page.url().includes('/app/login')) await page.goto('/app/login');
  await page.locator('input[type="email"]').fill(user.email);
  await page.locator('input[type="password"]').fill(user.password);
  await page.locator('form button[type="submit"]').click();
  await expect(page.getByRole('banner').getByText(user.name)).toBeVisible();
}
