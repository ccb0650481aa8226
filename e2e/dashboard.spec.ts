import fs from 'node:fs';
import { expect, type Locator, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { adminPassword, csrfOf, logIn, send } from './support.js';

/**
 * 总览 and 大屏: the dashboard and the command centre's wall screen render in Chromium without a
 * console error, with the demo's figures (checked against GET /api/stats/summary) and their
 * charts drawn; a chart's 导出 Excel downloads that chart's breakdown as the report sheet; a bar
 * clicked opens the filtered list; the wall screen fits 1920×1080 without a
 * scrollbar, for a viewer. With SCREENSHOTS=1 the journey also refreshes the README's screenshots.
 */

/** Waits for the page: generous, as the machine running the journeys may be shared. */
const slow = expect.configure({ timeout: 60_000 });
const screenshots = process.env.SCREENSHOTS === '1';
const span = 'from=2019&to=2022';

interface Figures {
  renovatedCompounds: number;
  openTickets: number;
  consultations: number;
  illegalStructuresRemoved: number;
}

const zh = (n: number) => n.toLocaleString('zh-CN');

/** Console errors and uncaught exceptions from the moment it is called. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** A chart's canvas is drawn (ECharts puts one inside the element once it has an option). */
async function drawn(chart: Locator) {
  await slow(chart.locator('canvas').first()).toBeVisible();
}

/**
 * Click the first bar of a bar chart: the pointer moves along a line across the chart's lower
 * part until ECharts shows the hand it shows over a clickable element, then clicks there.
 */
async function clickFirstBar(page: Page, chart: Locator) {
  const box = await chart.boundingBox();
  if (!box) throw new Error('the chart has no box');
  const y = box.y + box.height * 0.72;
  const cursor = () =>
    chart.evaluate((el) => (el.firstElementChild as HTMLElement | null)?.style.cursor ?? '');
  for (let x = box.x + 4; x < box.x + box.width; x += 4) {
    await page.mouse.move(x, y);
    if ((await cursor()) === 'pointer') {
      await page.mouse.click(x, y);
      return;
    }
  }
  throw new Error('no bar under the pointer');
}

test('the dashboard shows the demo figures and its charts open the lists', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await logIn(page, 'admin', adminPassword);
  await slow(page.getByTestId('user-menu')).toBeVisible();
  const errors = watchErrors(page);
  const summary = (await (await page.request.get(`/api/stats/summary?${span}`)).json()) as Figures;

  await page.goto(`/overview?${span}`);
  await slow(page.getByRole('heading', { name: '总览' })).toBeVisible();
  await slow(page.getByTestId('figure-renovated')).toContainText(zh(summary.renovatedCompounds));
  await slow(page.getByTestId('monitor-tickets')).toContainText(zh(summary.openTickets));
  await slow(page.getByTestId('monitor-consultations')).toContainText(zh(summary.consultations));
  for (const chart of [
    'years',
    'subdistricts',
    'ledger',
    'funding',
    'status',
    'tickets',
    'illegal',
    'consultations',
  ]) {
    await drawn(page.getByTestId(`chart-${chart}`));
  }
  // The charts carry the figures they draw, for screen readers: the demo's removals by subdistrict.
  await expect(page.getByTestId('chart-illegal')).toHaveAttribute('aria-label', /清平街道 \d+/);

  // A headline figure's definition shows on hover.
  await page.getByTestId('figure-renovated-title').hover();
  await slow(page.getByRole('tooltip')).toContainText('每个小区只计一次');
  await page.mouse.move(0, 0);

  await expect(page.getByTestId('open-screen')).toHaveAttribute('href', '/screen');

  // Each chart offers its breakdown as Excel; the progress by subdistrict downloads as its sheet.
  await expect(page.getByTestId(/^chart-\w+-export$/)).toHaveCount(8);
  const query = `by=subdistrict&measure=compounds%2CrenovatedCompounds&${span}`;
  const exportLink = page.getByTestId('chart-subdistricts-export');
  await expect(exportLink).toHaveText(/导出 Excel/);
  await expect(exportLink).toHaveAttribute('href', `/api/stats/breakdown.xlsx?${query}`);
  const breakdown = (await (await page.request.get(`/api/stats/breakdown?${query}`)).json()) as {
    measures: { label: string }[];
    total: { compounds: number; renovatedCompounds: number };
  };
  const downloading = page.waitForEvent('download');
  await exportLink.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/统计表（按街道）\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  expect(String(sheet?.getCell('A1').value)).toBe(
    `顺河回族区2019—2022年${breakdown.measures.map((m) => m.label).join('、')}统计表（按街道）`,
  );
  expect(sheet?.getRow(sheet.rowCount).values).toEqual([
    undefined,
    '合计',
    breakdown.total.compounds,
    breakdown.total.renovatedCompounds,
  ]);
  if (screenshots) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: 'docs/screenshots/dashboard.png', fullPage: true });
  }

  // A bar of the progress by subdistrict opens that subdistrict's compounds.
  const progress = page.getByTestId('chart-subdistricts');
  await progress.scrollIntoViewIfNeeded();
  await expect(async () => {
    await clickFirstBar(page, progress);
    await expect(page).toHaveURL(/\/compounds\?region=\d+/, { timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await slow(page.getByRole('heading', { name: '小区台账' })).toBeVisible();

  expect(errors).toEqual([]);
});

test('the wall screen fits 1920×1080 for a viewer, with the demo figures', async ({ page }) => {
  test.setTimeout(300_000);
  const username = `dapin-${Date.now().toString(36)}`;
  const password = 'Jiugai-Screen-2024!';
  await logIn(page, 'admin', adminPassword);
  await slow(page.getByTestId('user-menu')).toBeVisible();
  await send(
    page.request,
    'post',
    '/api/users',
    { username, displayName: '指挥中心 大屏', role: 'viewer', scopeRegions: [], password },
    await csrfOf(page),
  );
  await page.context().clearCookies();
  await logIn(page, username, password);
  await slow(page.getByTestId('user-menu')).toBeVisible();
  const errors = watchErrors(page);
  const summary = (await (await page.request.get(`/api/stats/summary?${span}`)).json()) as Figures;

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/screen');
  await slow(page.getByRole('heading', { name: /老旧小区改造指挥中心/ })).toBeVisible();
  // Outside the app's frame: no side menu.
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await slow(page.getByTestId('screen-renovated')).toHaveText(zh(summary.renovatedCompounds));
  await slow(page.getByTestId('screen-removed')).toHaveText(zh(summary.illegalStructuresRemoved));
  await slow(page.getByTestId('screen-tickets')).toHaveText(zh(summary.openTickets));
  await slow(page.getByTestId('screen-consultations')).toHaveText(zh(summary.consultations));
  await slow(page.getByTestId('screen-overdue')).toHaveText(/^\d[\d,]*$/);
  for (const chart of ['years', 'subdistricts', 'funding', 'status']) {
    await drawn(page.getByTestId(`screen-${chart}`));
  }
  const fits = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return {
      vertical: root.scrollHeight <= root.clientHeight,
      horizontal: root.scrollWidth <= root.clientWidth,
    };
  });
  expect(fits).toEqual({ vertical: true, horizontal: true });
  if (screenshots) {
    fs.mkdirSync('docs/screenshots', { recursive: true });
    await page.screenshot({ path: 'docs/screenshots/screen.png' });
  }
  expect(errors).toEqual([]);
});
