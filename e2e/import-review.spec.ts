import { expect, test } from '@playwright/test';
import { adminPassword, createUser, logIn, logOut, sideMenu } from './support.js';

test('headquarters staff review an import before confirming it: rows to add, cells to change, columns ignored', async ({
  page,
}) => {
  // Two logins, a user made, a file uploaded, checked and written: more than the default budget
  // when the machine is shared.
  test.slow();
  // Unique per run, so the journey also works against a long-lived server (E2E_BASE_URL).
  const stamp = Date.now().toString(36);
  const username = `zhb-review-${stamp}`;
  const password = 'Zhihuibu-Review-2024!';
  const added = `示例·核对新院-${stamp}`;

  // The administrator creates a headquarters account (admins themselves may not write the inventory).
  await logIn(page, 'admin', adminPassword);
  await expect(page).toHaveURL(/\/overview$/);
  await sideMenu(page).getByRole('menuitem', { name: '用户', exact: true }).click();
  await createUser(page, { username, displayName: '指挥部 工程专班 钱工', role: '指挥部' }, password);
  await logOut(page);

  await logIn(page, username, password);
  await expect(page).toHaveURL(/\/overview$/);

  // A registered compound of 铁塔街道, whose household count the sheet corrects.
  const listed = await page.request.get('/api/compounds?region=410203002&pageSize=1&sort=code');
  expect(listed.ok()).toBe(true);
  const [registered] = (await listed.json()).items as { name: string; householdCount: number | null }[];
  if (!registered) throw new Error('no compound in 铁塔街道');
  const before = registered.householdCount ?? 0;
  const after = before + 12;

  // The office's sheet: one new compound (its population left blank), one correction, and a
  // column of its own (改造内容) that is no part of the ledger.
  const sheet = [
    '街道（乡）,小区名称,建成年代,户数,人口,物业管理,改造内容',
    `铁塔街道,${added},2008年,64,,,外墙保温`,
    `铁塔街道,${registered.name},,${after},,,加装电梯`,
  ].join('\n');

  await sideMenu(page).getByRole('menuitem', { name: '小区台账' }).click();
  await expect(page).toHaveURL(/\/compounds$/);
  // Once the list is in (while it loads, its empty state offers an import button of its own).
  await expect(page.getByText(/共 [\d,]+ 条/)).toBeVisible();
  await page.getByRole('button', { name: '导入' }).click();
  await expect(page).toHaveURL(/\/compounds\/import/);
  await expect(page.getByRole('radio', { name: '小区' })).toBeChecked();
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: '小区台账-核对.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
  await expect(page.getByTestId('import-chosen')).toContainText('小区台账-核对.csv');
  await page.getByRole('button', { name: '上传并检查' }).click();

  // The review: counts, then the rows themselves, nothing written yet.
  await expect(page.getByTestId('import-valid')).toContainText('检查通过：共 2 行', { timeout: 30_000 });
  const toAdd = page.getByTestId('preview-added');
  await expect(page.getByTestId('will-insert')).toContainText('1');
  await expect(page.getByTestId('will-update')).toContainText('1');
  await expect(toAdd.getByRole('row').filter({ hasText: added })).toContainText('户数：64');
  const toChange = page.getByTestId('preview-changed').getByRole('row').filter({ hasText: registered.name });
  const cell = toChange.getByTestId('preview-cell').filter({ hasText: '户数' });
  // Old struck through, then the new value: only the cell the sheet changes.
  await expect(cell).toHaveText(`户数：${before} → ${after}`);
  await expect(cell.locator('del')).toHaveText(String(before));
  await expect(toChange.getByTestId('preview-cell')).toHaveCount(1);
  await expect(page.getByTestId('import-ignored')).toContainText('G（改造内容）');

  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('inserted')).toContainText('1');
  await expect(page.getByTestId('updated')).toContainText('1');

  // The new compound's population was not given: its page says so (—), not 0.
  await page.getByTestId('import-done').getByRole('button', { name: '返回小区台账' }).click();
  await expect(page).toHaveURL(/\/compounds$/);
  await page.getByLabel('关键字').fill(added);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByText('共 1 条')).toBeVisible();
  await page.getByRole('link', { name: added }).click();
  await expect(page.getByRole('heading', { name: added, level: 3 })).toBeVisible();
  const field = (label: string) =>
    page
      .locator('th.ant-descriptions-item-label', { hasText: new RegExp(`^${label}$`) })
      .locator('xpath=following-sibling::td[1]');
  await expect(field('户数')).toHaveText('64');
  await expect(field('人口')).toHaveText('—');
  await expect(field('物业管理')).toHaveText('—');
  await expect(field('社区')).toHaveText('—');
});
