import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { adminPassword, choose, logIn, logOut, sideMenu } from './support.js';

/** Finds a header's column in a ledger sheet: the header row is the first row holding 小区名称. */
function columns(sheet: ExcelJS.Worksheet): { headerRow: number; byHeader: Map<string, number> } {
  for (let r = 1; r <= Math.min(sheet.rowCount, 10); r++) {
    const byHeader = new Map<string, number>();
    sheet.getRow(r).eachCell((cell, col) => {
      if (typeof cell.value === 'string') byHeader.set(cell.value.trim(), col);
    });
    if (byHeader.has('小区名称')) return { headerRow: r, byHeader };
  }
  throw new Error('no header row with 小区名称 in the exported sheet');
}

test('headquarters staff find the old compounds, export them, correct one in Excel and import it back', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  // Unique per run, so the journey also works against a long-lived server (E2E_BASE_URL).
  const stamp = Date.now().toString(36);
  const username = `zhb-${stamp}`;
  const password = 'Zhihuibu-Renew-2024!';
  const note = `入户核对：单元门禁已更换（${stamp}）`;

  // The administrator creates a headquarters account (admins themselves may not write the inventory).
  await logIn(page, 'admin', adminPassword);
  await expect(page).toHaveURL(/\/overview$/);
  await sideMenu(page).getByRole('menuitem', { name: '用户', exact: true }).click();
  await page.getByRole('button', { name: '新建用户' }).first().click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('用户名').fill(username);
  await drawer.getByLabel('姓名').fill('指挥部 工程专班 赵工');
  await choose(page, drawer.getByLabel('角色'), '指挥部');
  await expect(drawer.getByText('全区（该角色不限范围）')).toBeVisible();
  await drawer.getByLabel('密码', { exact: true }).fill(password);
  await drawer.getByLabel('确认密码').fill(password);
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`已创建用户 ${username}`)).toBeVisible();
  await logOut(page);

  // The overview states the seed letter's figures. The district's total is read live: other
  // journeys on the same server register compounds of their own (none of them old).
  await logIn(page, username, password);
  await expect(page).toHaveURL(/\/overview$/);
  const { compounds } = (await (await page.request.get('/api/stats/summary')).json()) as {
    compounds: number;
  };
  expect(compounds).toBeGreaterThanOrEqual(212);
  await expect(page.getByTestId('figure-compounds')).toContainText(String(compounds));
  await expect(page.getByTestId('figure-old')).toContainText('188');
  await expect(page.getByText(`占全区小区 ${((188 / compounds) * 100).toFixed(1)}%`)).toBeVisible();
  await expect(page.getByText('占全市老旧小区 16.4%')).toBeVisible();
  await expect(page.getByText('2019–2022 年改造成效')).toBeVisible();
  await expect(page.getByTestId('figure-renovated')).toContainText('135');
  await expect(page.getByTestId('figure-buildings')).toContainText('1,203');
  await expect(page.getByTestId('figure-area')).toContainText('283.5万㎡');
  await expect(page.getByTestId('figure-households')).toContainText('4.2万户');
  await expect(page.getByTestId('figure-residents')).toContainText('11.5万人');

  // The inventory lists every compound; the filter narrows it to the old ones.
  await sideMenu(page).getByRole('menuitem', { name: '小区台账' }).click();
  await expect(page).toHaveURL(/\/compounds$/);
  await expect(page.getByText(`共 ${compounds} 条`)).toBeVisible();
  await choose(page, page.getByLabel('是否老旧'), '老旧小区');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page).toHaveURL(/old=true/);
  await expect(page.getByText('共 188 条')).toBeVisible();

  // Open one compound and come back to the same filtered list.
  const link = page.locator('.ant-table-tbody .ant-table-row').first().getByRole('link');
  const name = ((await link.textContent()) ?? '').trim();
  await link.click();
  await expect(page.getByRole('heading', { name, level: 3 })).toBeVisible();
  await expect(page.getByRole('tab', { name: /楼栋/ })).toBeVisible();
  await page.getByRole('button', { name: '返回列表' }).click();
  await expect(page).toHaveURL(/\/compounds\?old=true$/);
  await expect(page.getByText('共 188 条')).toBeVisible();

  // Export the filtered ledger to Excel.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: /导出 Excel/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const exported = testInfo.outputPath('exported.xlsx');
  await download.saveAs(exported);

  // Correct one cell (备注 of that compound), leaving everything else as exported.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(exported);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the export has no sheet');
  const { headerRow, byHeader } = columns(sheet);
  const nameColumn = byHeader.get('小区名称');
  const notesColumn = byHeader.get('备注');
  if (!nameColumn || !notesColumn) throw new Error('the export lacks 小区名称 or 备注');
  const rows: number[] = [];
  sheet.eachRow((row, r) => {
    if (r > headerRow && row.getCell(nameColumn).value) rows.push(r);
  });
  expect(rows).toHaveLength(188);
  const target = rows.find((r) => String(sheet.getRow(r).getCell(nameColumn).value).trim() === name);
  if (!target) throw new Error(`no row for ${name} in the export`);
  sheet.getRow(target).getCell(notesColumn).value = note;
  const edited = testInfo.outputPath('小区台账-核对后.xlsx');
  await workbook.xlsx.writeFile(edited);

  // Import it through the wizard: checked first (nothing written), then confirmed.
  await page.getByRole('button', { name: '导入' }).click();
  await expect(page).toHaveURL(/\/compounds\/import/);
  await expect(page.getByRole('radio', { name: '小区' })).toBeChecked();
  await page.locator('input[type=file]').setInputFiles(edited);
  await expect(page.getByTestId('import-chosen')).toContainText('小区台账-核对后.xlsx');
  await page.getByRole('button', { name: '上传并检查' }).click();
  await expect(page.getByTestId('import-valid')).toContainText('检查通过：共 188 行', { timeout: 30_000 });
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 30_000 });
  // Nothing new was added: every row matched an existing compound by its code.
  await expect(page.getByTestId('inserted')).toContainText('0');

  // The correction shows on the compound's page.
  await page.getByTestId('import-done').getByRole('button', { name: '返回小区台账' }).click();
  await expect(page).toHaveURL(/\/compounds$/);
  await page.getByLabel('关键字').fill(name);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByText('共 1 条')).toBeVisible();
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name, level: 3 })).toBeVisible();
  await expect(page.getByText(note)).toBeVisible();
});
