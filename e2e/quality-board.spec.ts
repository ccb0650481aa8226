import { expect, type Page, test } from '@playwright/test';
import { adminPassword, csrfOf, logIn, send, sideMenu } from './support.js';

/**
 * 参建单位 and 质量看板: headquarters registers a firm (a credit code with a wrong check character
 * is refused on its field), finds it in the registry, opens the quality board of the demo's
 * projects, drills into a subdistrict and downloads the board as Excel.
 */

/** Waits for the page: generous, as the machine running the journeys may be shared. */
const slow = expect.configure({ timeout: 30_000 });

const creditChars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const creditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** A credit code with its true check character (GB 32100), and one with a wrong one. */
function creditCodes(serial: string) {
  const first17 = `91410203MA9E${serial}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += creditChars.indexOf(first17.charAt(i)) * (creditWeights[i] ?? 0);
  const check = creditChars.charAt((31 - (sum % 31)) % 31);
  const wrong = creditChars.charAt((creditChars.indexOf(check) + 1) % 31);
  return { valid: first17 + check, invalid: first17 + wrong };
}

async function openMenu(page: Page, group: string, entry: string) {
  const menu = sideMenu(page);
  const item = menu.getByRole('menuitem', { name: entry });
  if (!(await item.isVisible())) await menu.getByText(group, { exact: true }).click();
  await item.click();
}

test('headquarters registers a firm, opens the quality board and downloads it', async ({ page }) => {
  test.setTimeout(300_000);
  const stamp = Date.now().toString();
  const username = `zhiliang-${Date.now().toString(36)}`;
  const password = 'Jiugai-Quality-2024!';
  const firmName = `开封测试建设有限公司（${stamp.slice(-6)}）`;
  const codes = creditCodes(stamp.slice(-5));

  await logIn(page, 'admin', adminPassword);
  await slow(page.getByTestId('user-menu')).toBeVisible();
  await send(
    page.request,
    'post',
    '/api/users',
    { username, displayName: '指挥部 质量组', role: 'hq', scopeRegions: [], password },
    await csrfOf(page),
  );
  await page.context().clearCookies();
  await logIn(page, username, password);
  await slow(page.getByTestId('user-menu')).toBeVisible();

  // ── The firms registry: a wrong check character is refused on the field, the right one saved.
  await openMenu(page, '工程质量', '参建单位');
  await slow(page.getByRole('heading', { name: '参建单位' })).toBeVisible();
  await page.getByRole('button', { name: '新增单位' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('单位名称').fill(firmName);
  await drawer.getByLabel('统一社会信用代码').fill(codes.invalid);
  await drawer.getByLabel('资质').fill('建筑工程施工总承包三级');
  await drawer.getByRole('button', { name: '保存' }).click();
  await slow(drawer.locator('.ant-form-item-explain-error')).toBeVisible();
  await drawer.getByLabel('统一社会信用代码').fill(codes.valid);
  await drawer.getByRole('button', { name: '保存' }).click();
  await slow(page.getByText(`已添加：${firmName}`)).toBeVisible();
  await page.getByLabel('搜索').fill(firmName);
  await page.getByRole('button', { name: '查询' }).click();
  await slow(page.locator('tr.ant-table-row').filter({ hasText: codes.valid })).toBeVisible();

  // ── The quality board: the demo's projects, by subdistrict, a drill-down and the Excel.
  await openMenu(page, '工程质量', '质量看板');
  await slow(page.getByRole('heading', { name: '工程质量看板' })).toBeVisible();
  await slow(page.getByTestId('open-tickets')).toContainText(/[1-9]/);
  await page.getByText('按街道', { exact: true }).click();
  const street = page.locator('tr.ant-table-row').first().getByRole('button');
  await slow(street).toBeVisible();
  await street.click();
  await slow(page).toHaveURL(/groupBy=project/);
  await slow(page.locator('tr.ant-table-row a').first()).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByTestId('board-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^工程质量看板-\d{8}\.xlsx$/);
  expect((await file.createReadStream()) !== null).toBe(true);
});

test('an administrator sets the checks each key part needs on the settings page', async ({ page }) => {
  test.setTimeout(180_000);
  await logIn(page, 'admin', adminPassword);
  await slow(page.getByTestId('user-menu')).toBeVisible();
  const read = await page.request.get('/api/settings');
  expect(read.ok(), await read.text()).toBeTruthy();
  const before = (await read.json()) as { checkFrequency: Record<string, number> };
  await page.goto('/admin/settings');
  const card = page.getByTestId('check-frequency');
  const rows = card.getByTestId('frequency-row');
  await slow(rows).toHaveCount(Object.keys(before.checkFrequency).length);
  const [firstPart] = Object.keys(before.checkFrequency);
  await expect(rows.first().getByLabel('重点部位或工序')).toHaveValue(firstPart ?? '');

  // A key part listed twice is refused on its row before anything is sent.
  await card.getByRole('button', { name: '增加部位或工序' }).click();
  const added = rows.last();
  await added.getByLabel('重点部位或工序').fill(firstPart ?? '');
  await page.getByRole('button', { name: '保存' }).click();
  await slow(added.getByText('该部位或工序重复')).toBeVisible();

  // A new key part with its checks is kept, and read back after a reload.
  await added.getByLabel('重点部位或工序').fill('单元门禁');
  await added.getByLabel('每个项目检查次数').fill('2');
  await page.getByRole('button', { name: '保存' }).click();
  await slow(page.getByText('设置已保存，即时生效。')).toBeVisible();
  await page.reload();
  await slow(rows).toHaveCount(Object.keys(before.checkFrequency).length + 1);
  const names = await rows
    .getByLabel('重点部位或工序')
    .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  expect(names).toContain('单元门禁');
  const saved = (await (await page.request.get('/api/settings')).json()) as typeof before;
  expect(saved.checkFrequency).toEqual({ ...before.checkFrequency, 单元门禁: 2 });

  // Leave the district as it was for the journeys that follow.
  await send(
    page.request,
    'patch',
    '/api/settings',
    { checkFrequency: before.checkFrequency },
    await csrfOf(page),
  );
});
