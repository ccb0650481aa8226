import { expect, test } from '@playwright/test';
import { pdfText } from '../src/server/modules/proposals/letter/testing.js';
import { adminPassword, logIn } from './support.js';

/**
 * The public portal: a compound's poster carries a QR code to its public page; that page opens
 * without a login, shows the residents' disclosed resolution and leads to the opinion form (the
 * opinion itself, its receipt and the staff inbox are opinions.spec.ts's journey).
 */

/** Waits for the page: generous, as the machine running the journeys may be shared. */
const slow = expect.configure({ timeout: 30_000 });

test("a compound's public page opens from its poster's address without a login", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);

  // ── Staff download the poster of a compound under renovation whose resolution is disclosed.
  await logIn(page, 'admin', adminPassword);
  await slow(page.getByTestId('user-menu')).toBeVisible();
  const list = await page.request.get('/api/public/compounds?status=under_way&pageSize=100');
  expect(list.ok()).toBe(true);
  const { items } = (await list.json()) as { items: { id: string; name: string; projectStatus: string }[] };
  const compound = items.find((c) => c.projectStatus === 'under_construction');
  if (!compound) throw new Error('the demo has no compound under construction');

  await page.goto(`/compounds/${compound.id}?tab=projects`);
  const download = page.waitForEvent('download');
  await slow(page.getByRole('link', { name: /公示海报/ })).toBeVisible();
  await page.getByRole('link', { name: /公示海报/ }).click();
  const file = await (await download).path();
  const { readFile } = await import('node:fs/promises');
  const text = pdfText(await readFile(file)).join('\n');
  expect(text).toContain(compound.name);
  const url = /https?:\/\/\S+\/p\/c\/[0-9a-f-]{36}/.exec(text)?.[0];
  expect(url).toBeDefined();

  // ── A resident scans it: a fresh browser, no session.
  const resident = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  const phone = await resident.newPage();
  await phone.goto(url as string);
  await slow(phone.getByRole('heading', { level: 1, name: new RegExp(compound.name) })).toBeVisible();
  const resolution = phone.locator('section', {
    has: phone.getByRole('heading', { name: '居民决议与公开' }),
  });
  await expect(resolution).toContainText('通过');
  await expect(resolution).toContainText('决议公开');
  await expect(phone.getByRole('heading', { name: '联系我们' })).toBeVisible();
  await expect(phone.getByRole('link', { name: '提意见' })).toHaveAttribute(
    'href',
    `/p/c/${compound.id}/opinion`,
  );
  expect(await phone.content()).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);

  // ── From here a resident gives an opinion (followed on in opinions.spec.ts).
  await phone.getByRole('link', { name: '提意见' }).click();
  await slow(phone.getByRole('heading', { level: 1 })).toContainText('意见建议');

  await resident.close();
});
