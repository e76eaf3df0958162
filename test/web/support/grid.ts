import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Moves the B2B grid's active cell to slot × table by arrow keys alone, from wherever it is now (the grid's
 * aria-activedescendant, `cell-<slot>-<table>`; the first cell before any move), and checks it got there.
 */
export async function walkGrid(page: Page, grid: Locator, slot: number, table: number): Promise<void> {
  const active = /^cell-(\d+)-(\d+)$/.exec((await grid.getAttribute('aria-activedescendant')) ?? '');
  const at = { slot: active ? Number(active[1]) : 0, table: active ? Number(active[2]) : 1 };
  for (; at.table < table; at.table++) await page.keyboard.press('ArrowDown');
  for (; at.table > table; at.table--) await page.keyboard.press('ArrowUp');
  for (; at.slot < slot; at.slot++) await page.keyboard.press('ArrowRight');
  for (; at.slot > slot; at.slot--) await page.keyboard.press('ArrowLeft');
  await expect(grid).toHaveAttribute('aria-activedescendant', `cell-${slot}-${table}`);
}
