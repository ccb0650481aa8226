import { expect, test } from '@playwright/test';
import { adminPassword, csrfOf, districtDay, logIn, send } from './support.js';

/**
 * 违建调查表: a subdistrict's surveyor imports the dragnet survey's sheet from the register, reviews
 * the check and confirms; the structure is then in the register, verified from the sheet's two
 * measurements.
 */

const slow = expect.configure({ timeout: 30_000 });

test('a surveyor imports a survey sheet from the register: check, review, confirm', async ({ page }) => {
  test.slow();
  const stamp = Date.now().toString(36);
  const username = `survey-sheet-${stamp}`;
  const password = 'Jiugai-Survey-Sheet-2024!';
  const surveyor = `摸排员${stamp}`;

  // The administrator finds a household where the survey is under way and makes the surveyor's login there.
  await logIn(page, 'admin', adminPassword);
  await slow(page.getByTestId('user-menu')).toBeVisible();
  const csrf = await csrfOf(page);
  // A compound of the demo's survey still under way, whose households are registered.
  const structure = (
    await (await page.request.get('/api/illegal-structures?outstanding=true&pageSize=1')).json()
  ).items[0] as { compoundId: string; compoundName: string; regionCode: string };
  const street = structure.regionCode.slice(0, 9);
  await send(
    page.request,
    'post',
    '/api/users',
    { username, displayName: '摸排组 赵某', role: 'subdistrict', scopeRegions: [street], password },
    csrf,
  );
  const compound = { id: structure.compoundId, name: structure.compoundName };
  const household = (
    await (await page.request.get(`/api/compounds/${compound.id}/households?pageSize=1`)).json()
  ).items[0] as { building: string; unit: string; room: string };

  await page.context().clearCookies();
  await logIn(page, username, password);
  await slow(page.getByTestId('user-menu')).toBeVisible();
  await page.goto('/illegal');
  await page.getByRole('button', { name: '导入调查表' }).click();
  await expect(page).toHaveURL(/\/illegal\/import/);
  await expect(page.getByRole('heading', { name: '导入违建调查表' })).toBeVisible();

  // The sheet as the survey team keeps it: their own headers, dates and areas with units.
  const sheet = [
    '小区,楼号,单元,户号,违建类型,违建位置,摸排日期,摸排人,测量人,测量面积,复核人,复核面积',
    [
      compound.name,
      household.building,
      household.unit,
      household.room,
      '其他',
      `楼后空地（${stamp}）`,
      districtDay(-20).replaceAll('-', '.'),
      surveyor,
      '张测',
      '15.2㎡',
      '李测',
      '15.0平方米',
    ].join(','),
  ].join('\n');
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: '违建摸排表.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
  await page.getByRole('button', { name: '上传并检查' }).click();
  await slow(page.getByTestId('import-valid')).toContainText('检查通过：共 1 行');
  await expect(page.getByTestId('will-insert')).toContainText('1');
  await expect(
    page.getByTestId('preview-added').getByRole('row').filter({ hasText: compound.name }),
  ).toContainText('其他');

  await page.getByRole('button', { name: '确认导入' }).click();
  await slow(page.getByTestId('import-done')).toBeVisible();
  await expect(page.getByTestId('inserted')).toContainText('1');
  await page.getByTestId('import-done').getByRole('button', { name: '返回违建台账' }).click();
  await expect(page).toHaveURL(/\/illegal$/);

  const found = await (
    await page.request.get(`/api/illegal-structures?q=${encodeURIComponent(surveyor)}`)
  ).json();
  expect(found.items).toHaveLength(1);
  expect(found.items[0]).toMatchObject({ status: 'verified', verifiedArea: 15.1 });
});
