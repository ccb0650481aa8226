import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { adminPassword, choose, logIn, logOut, sideMenu } from './support.js';

/**
 * Headquarters starts a 2025 batch of two old compounds and finds both projects under it, reads
 * the funding totals, and puts a ledger item on a unit, supervised by a task force, which then
 * shows in the board's task-force section and opens the ledger filtered to that task force.
 */

interface Compound {
  id: string;
  code: string;
  name: string;
  subdistrictCode: string;
}

const tieta = '410203002';

/** Today in the district (UTC+8) plus some days, as the date pickers take it. */
function districtDay(offset: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
}

/** A pattern matching the text literally. */
const literally = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

async function getJson<T>(request: APIRequestContext, url: string): Promise<T> {
  const response = await request.get(url);
  expect(response.ok(), `GET ${url} answered ${response.status()}`).toBeTruthy();
  return (await response.json()) as T;
}

/** Create a user through the API with the signed-in administrator's session. */
async function createUser(page: Page, body: Record<string, unknown>) {
  const { csrfToken } = await getJson<{ csrfToken: string }>(page.request, '/api/auth/me');
  const response = await page.request.post('/api/users', {
    data: body,
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(response.status(), await response.text()).toBe(201);
}

test('headquarters starts a batch, reads the funding totals and puts an item on a unit and a task force', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const hqUser = `zhb-b-${stamp}`;
  const password = 'Jiugai-Batch-2025-Funds!';
  const batchName = `示例批次 ${stamp}`;
  const itemTitle = `完成雨污管网接驳复核（${stamp}）`;

  await logIn(page, 'admin', adminPassword);
  await expect(page).toHaveURL(/\/overview$/);
  await createUser(page, { username: hqUser, displayName: '指挥部 资金专班 钱工', role: 'hq', password });
  await logOut(page);

  await logIn(page, hqUser, password);
  await expect(page).toHaveURL(/\/overview$/);

  // Two old compounds outside 铁塔街道 (where the other journey starts its project) with no project yet.
  const waiting = await getJson<{ items: Compound[] }>(
    page.request,
    '/api/compounds?old=true&status=not_planned&sort=-name&pageSize=100',
  );
  const picked: Compound[] = [];
  for (const c of waiting.items) {
    if (c.subdistrictCode !== tieta && !picked.some((p) => p.name === c.name)) picked.push(c);
    if (picked.length === 2) break;
  }
  const [first, second] = picked;
  if (!first || !second) throw new Error('fewer than two old compounds are waiting for renovation');

  // ── A batch of the two for 2025, from the projects list.
  await sideMenu(page).getByRole('menuitem', { name: '项目列表' }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await page.getByRole('button', { name: '新建批次' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('批次名称').fill(batchName);
  const year = dialog.getByLabel('年度');
  await year.click();
  await year.fill('2025');
  await year.press('Enter');
  await expect(dialog.getByTitle('2025', { exact: true })).toBeVisible();
  const compounds = dialog.getByLabel('小区');
  await choose(page, compounds, first.name, first.code);
  await choose(page, compounds, second.name, second.code);
  await compounds.press('Escape');
  await dialog.getByRole('button', { name: '创建批次' }).click();
  await expect(page.getByText(`已创建批次 ${batchName}，共 2 个项目。`)).toBeVisible();

  // The list opens filtered by the new batch: exactly its two projects.
  await expect(page).toHaveURL(/\/projects\?batchId=[0-9a-f-]{36}$/);
  const rows = page.getByTestId('projects-table').locator('.ant-table-tbody .ant-table-row');
  await expect(rows).toHaveCount(2);
  for (const c of [first, second]) {
    const row = rows.filter({ hasText: c.name });
    await expect(row).toContainText('2025');
    await expect(row).toContainText(batchName);
  }
  await page.getByRole('tab', { name: '项目批次' }).click();
  await expect(page).toHaveURL(/\/projects\/batches$/);
  await expect(
    page.getByTestId('batches-table').getByRole('row', { name: literally(batchName) }),
  ).toContainText('计划 2');

  // ── Funding totals for every year, with the programme's total row.
  await sideMenu(page).getByRole('menuitem', { name: '资金统计' }).click();
  await expect(page).toHaveURL(/\/funding$/);
  const totalRow = page.getByTestId('funding-total-row');
  await expect(totalRow).toContainText('合计');
  await expect(page.getByTestId('funding-totals').getByRole('row', { name: /2019/ }).first()).toBeVisible();

  // ── A ledger item owned by a unit and supervised by a task force.
  const units = await getJson<{ items: { id: string; name: string; leader: { name: string } | null }[] }>(
    page.request,
    '/api/units?pageSize=100',
  );
  const unit = units.items.find((u) => u.leader) ?? units.items[0];
  const forces = await getJson<{ items: { id: string; name: string }[] }>(page.request, '/api/task-forces');
  const force = forces.items[0];
  if (!unit || !force) throw new Error('the demo district has no units or no task forces');

  await sideMenu(page).getByRole('menuitem', { name: '督办事项' }).click();
  await expect(page).toHaveURL(/\/ledger$/);
  await page.getByRole('button', { name: '新增事项' }).click();
  const add = page.getByRole('dialog');
  await add.getByLabel('督办事项').fill(itemTitle);
  await add.getByText('单位', { exact: true }).click();
  await choose(page, add.getByLabel('责任单位'), unit.name, unit.name);
  await choose(page, add.getByLabel('工作专班'), force.name, force.name);
  const deadline = add.getByLabel('完成时限');
  await deadline.click();
  await deadline.fill(districtDay(14));
  await deadline.press('Enter');
  await add.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`已新增督办事项：${itemTitle}`)).toBeVisible();

  // ── The board's task-force section counts it; its row opens the ledger filtered to that task force.
  await page.getByRole('tab', { name: '督办看板' }).click();
  await expect(page).toHaveURL(/\/ledger\/board$/);
  const forceRow = page
    .getByTestId('board-task-force-table')
    .getByRole('row', { name: literally(force.name) });
  await expect(forceRow).toBeVisible();
  await forceRow.click();
  await expect(page).toHaveURL(new RegExp(`/ledger\\?status=open&taskForceId=${force.id}$`));
  await page.getByLabel('关键字').fill(stamp);
  await page.getByRole('button', { name: '查询' }).click();
  const item = page.getByRole('row', { name: literally(itemTitle) });
  await expect(item).toContainText(unit.name);
  await expect(item).toContainText(force.name);
  if (unit.leader) await expect(item).toContainText(`负责人：${unit.leader.name}`);
});
