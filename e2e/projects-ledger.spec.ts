import { type APIRequestContext, expect, type Locator, type Page, test } from '@playwright/test';
import {
  adminPassword,
  choose,
  confirmPopup,
  createUser,
  csrfOf,
  logIn,
  logOut,
  send,
  sideMenu,
} from './support.js';

/**
 * Contracting down the line (mechanism 2) and the supervision ledger: headquarters starts a 2024
 * project, names its five pieces of accountability and its mandatory items, and records an on-site
 * meeting whose decision goes to a subdistrict cadre; the cadre reports progress from "my ledger";
 * headquarters sees overdue items on the board.
 */

interface Cadre {
  id: string;
  name: string;
  level: 'county' | 'section' | 'other';
  regionCode: string;
  unitName: string | null;
  hasLogin: boolean;
}

const tieta = '410203002';

/** The label the cadre pickers show: the name and unit, which together tell namesakes apart. */
const cadreLabel = (c: Cadre) => (c.unitName ? `${c.name}（${c.unitName}）` : c.name);

/** Today in the district (UTC+8) plus some days, as the date pickers take it. */
function districtDay(offset: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
}

async function getJson<T>(request: APIRequestContext, url: string): Promise<T> {
  const response = await request.get(url);
  expect(response.ok(), `GET ${url} answered ${response.status()}`).toBeTruthy();
  return (await response.json()) as T;
}

/** Cadres of a level working in a region whose picker label is unique (so a click picks exactly them). */
async function cadresIn(request: APIRequestContext, level: Cadre['level'], region: string, count: number) {
  const page = await getJson<{ items: Cadre[] }>(request, `/api/cadres?level=${level}&pageSize=100`);
  const found: Cadre[] = [];
  // Cadres no other journey has linked to a login yet: a cadre has at most one.
  for (const c of page.items.filter((x) => x.regionCode === region && !x.hasLogin)) {
    const namesakes = await getJson<{ items: Cadre[] }>(
      request,
      `/api/cadres?level=${level}&q=${encodeURIComponent(c.name)}&pageSize=100`,
    );
    if (namesakes.items.filter((n) => cadreLabel(n) === cadreLabel(c)).length === 1) found.push(c);
    if (found.length === count) return found;
  }
  throw new Error(`fewer than ${count} ${level}-level cadres in ${region} with a unique label`);
}

/** Search a cadre picker by name and choose the cadre. */
async function chooseCadre(page: Page, picker: Locator, cadre: Cadre) {
  await choose(page, picker, cadreLabel(cadre), cadre.name);
}

/** Type a date into an antd date picker. */
async function fillDate(picker: Locator, day: string) {
  await picker.click();
  await picker.fill(day);
  await picker.press('Enter');
}

/** Move a project on by one stage through the header's button and its confirmation. */
/**
 * The residents decide (四议两公开, through the API: the consultation journey walks the pages):
 * four meetings, the last resolving, and the resolution disclosed, so the project may leave
 * "consulting residents".
 */
async function residentsResolve(page: Page, compoundId: string, projectId: string) {
  const csrf = await csrfOf(page);
  const opened = await send<{ id: string; stages: { key: string; role: string }[] }>(
    page.request,
    'post',
    '/api/consultations',
    { compoundId, projectId, title: '改造方案', stageList: '4-2', openedOn: districtDay(0) },
    csrf,
  );
  for (const stage of opened.stages.filter((s) => s.role !== 'disclose_result')) {
    const body = stage.role.startsWith('disclose')
      ? { completedOn: districtDay(0), published: '决议全文', place: '小区公告栏' }
      : { completedOn: districtDay(0), attendance: 12, minutes: '会议纪要', outcome: 'passed' };
    await send(page.request, 'post', `/api/consultations/${opened.id}/stages/${stage.key}`, body, csrf);
  }
}

async function nextStage(page: Page, stage: string) {
  await page.getByTestId('next-step').click();
  await confirmPopup(page);
  await expect(page.getByText(`项目已进入“${stage}”阶段`)).toBeVisible();
  await expect(page.getByTestId('project-status')).toHaveText(stage);
}

test('headquarters contracts a project down the line and a subdistrict cadre reports on its ledger', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // Unique per run, so the journey also works against a long-lived server (E2E_BASE_URL).
  const stamp = Date.now().toString(36);
  const hqUser = `zhb-p-${stamp}`;
  const streetUser = `tieta-p-${stamp}`;
  const password = 'Jiugai-Renew-2024-Ledger!';
  const firstItem = `落实施工围挡与安全文明施工（${stamp}）`;
  const decision = `协调燃气公司迁改 3 号楼管线（${stamp}）`;

  // ── The administrator creates the two accounts and links the street account to its cadre record.
  await logIn(page, 'admin', adminPassword);
  await expect(page).toHaveURL(/\/overview$/);
  const [streetCadre, ...workGroup] = await cadresIn(page.request, 'other', tieta, 3);
  if (!streetCadre) throw new Error('no cadre for the street account');
  await sideMenu(page).getByRole('menuitem', { name: '用户', exact: true }).click();
  await createUser(page, { username: hqUser, displayName: '指挥部 工程专班 孙工', role: '指挥部' }, password);
  await createUser(
    page,
    { username: streetUser, displayName: '铁塔街道 包联干部', role: '街道', scope: '铁塔街道' },
    password,
  );
  await page
    .getByRole('row', { name: new RegExp(streetUser) })
    .getByRole('button', { name: '编辑' })
    .click();
  const userDrawer = page.getByRole('dialog');
  await expect(userDrawer.getByLabel('姓名')).toHaveValue('铁塔街道 包联干部');
  await chooseCadre(page, userDrawer.getByLabel('关联干部'), streetCadre);
  await userDrawer.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存。')).toBeVisible();
  await logOut(page);

  // ── Headquarters starts a 2024 project for an old compound in 铁塔街道 not yet renovated.
  await logIn(page, hqUser, password);
  await expect(page).toHaveURL(/\/overview$/);
  const candidates = await getJson<{ items: { id: string; name: string; code: string }[] }>(
    page.request,
    `/api/compounds?region=${tieta}&old=true&status=not_planned&pageSize=1`,
  );
  const compound = candidates.items[0];
  if (!compound) throw new Error('no old compound in 铁塔街道 is waiting for renovation');
  const [liaison] = await cadresIn(page.request, 'county', '410203', 1);
  const [inCharge] = await cadresIn(page.request, 'section', tieta, 1);
  if (!liaison || !inCharge) throw new Error('no liaison or cadre in charge to name');

  await sideMenu(page).getByRole('menuitem', { name: '项目列表' }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await page.getByRole('button', { name: '新建项目' }).first().click();
  const create = page.getByRole('dialog');
  await choose(page, create.getByLabel('小区'), compound.name, compound.code);
  const year = create.getByLabel('年度');
  await year.click();
  await year.fill('2024');
  await year.press('Enter');
  await expect(create.getByTitle('2024', { exact: true })).toBeVisible();
  await create.getByRole('button', { name: '创建' }).click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 3, name: compound.name })).toBeVisible();
  await expect(page.getByTestId('project-status')).toHaveText('计划');
  await expect(page.getByText('2024 年度 · 铁塔街道')).toBeVisible();

  // Consultation needs the residents' resolution, passed and disclosed; design and tendering
  // nothing more; construction needs the five pieces.
  await nextStage(page, '征求意见');
  await residentsResolve(page, compound.id, page.url().split('/').pop() ?? '');
  await page.reload();
  await nextStage(page, '设计');
  await nextStage(page, '招标');
  await expect(page.getByTestId('next-step')).toHaveText('下一阶段：施工');
  await expect(page.getByTestId('next-step')).toBeDisabled();
  const problems = page.getByTestId('next-step-problems');
  await expect(problems).toContainText('进入“施工”阶段前还需完成');
  await expect(problems).toContainText('未指定联系县级干部');
  await expect(problems).toContainText('督办台账尚无事项');
  await expect(page.getByTestId('accountability-count')).toHaveText('责任体系已落实 0 / 5 项');

  // The liaison, the cadre in charge, the temporary party organisation and the work group.
  await page.getByRole('button', { name: '明确责任' }).click();
  const drawer = page.getByRole('dialog');
  await chooseCadre(page, drawer.getByLabel('联系县级干部'), liaison);
  await chooseCadre(page, drawer.getByLabel('分包科级干部'), inCharge);
  const partyOrg = drawer.getByLabel('临时党组织');
  await partyOrg.click();
  const freeOrgs = page.locator('.jiugai-party-org-popup .ant-select-item-option');
  await expect(
    freeOrgs.first(),
    'a temporary party organisation not yet serving a project must be on offer',
  ).toBeVisible();
  const orgName = (await freeOrgs.first().getAttribute('title')) ?? '';
  // Chosen as the other pickers are: a click unheard would leave its list over the next picker.
  await choose(page, partyOrg, orgName);
  const group = drawer.getByLabel('工作组');
  for (const member of workGroup) await chooseCadre(page, group, member);
  await group.press('Escape');
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('责任体系已保存。')).toBeVisible();
  await expect(page.getByTestId('liaison')).toContainText(liaison.name);
  await expect(page.getByTestId('liaison')).toContainText('县级');
  await expect(page.getByTestId('cadre-in-charge')).toContainText(inCharge.name);
  await expect(page.getByTestId('party-org')).toHaveText(orgName);
  await expect(page.getByTestId('work-group').locator('.ant-tag')).toHaveCount(workGroup.length);
  await expect(page.getByTestId('accountability-count')).toHaveText('责任体系已落实 4 / 5 项');

  // The fifth piece: the project's own supervision ledger, with a first item.
  await page.getByRole('tab', { name: /督办台账/ }).click();
  await page.getByRole('button', { name: '新增事项' }).first().click();
  const addItem = page.getByRole('dialog');
  await addItem.getByLabel('督办事项').fill(firstItem);
  await chooseCadre(page, addItem.getByLabel('责任人'), inCharge);
  await fillDate(addItem.getByLabel('完成时限'), districtDay(14));
  await addItem.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`已新增督办事项：${firstItem}`)).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(firstItem) })).toContainText(inCharge.name);
  await page.getByRole('tab', { name: '责任体系' }).click();
  await expect(page.getByTestId('accountability-count')).toHaveText('责任体系已落实 5 / 5 项');

  // The eight mandatory items: editing starts with them included; one save adds them all.
  await page.getByRole('tab', { name: /改造内容/ }).click();
  await expect(page.getByTestId('mandatory-count')).toContainText('必改项目已纳入 0 / 8 项');
  await page.getByRole('button', { name: '编辑改造内容' }).click();
  await page.getByLabel('雨污管网改造 预算（万元）').fill('86.5');
  await expect(page.getByTestId('unsaved')).toBeVisible();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('改造内容已保存。')).toBeVisible();
  await expect(page.getByTestId('mandatory-count')).toContainText('必改项目已纳入 8 / 8 项');
  await expect(page.getByTestId('items-table').getByText('必改')).toHaveCount(8);

  // Nothing stands in the way of construction now.
  await expect(page.getByTestId('next-step-problems')).toHaveCount(0);
  await nextStage(page, '施工');

  // ── An on-site office meeting on the project; its decision goes to the street cadre.
  await page.getByRole('tab', { name: /督办台账/ }).click();
  await page.getByRole('button', { name: '记录会议' }).click();
  await expect(page).toHaveURL(/\/ledger\/meetings\/new\?projectId=/);
  await page.getByText('现场办公会', { exact: true }).click();
  await expect(page.getByRole('radio', { name: '现场办公会' })).toBeChecked();
  await page.getByLabel('会议名称').fill(`${compound.name}现场办公会（${stamp}）`);
  const attendees = page.getByLabel('参会人员');
  await attendees.fill('孙工');
  await attendees.press('Enter');
  await attendees.fill(streetCadre.name);
  await attendees.press('Enter');
  await page.getByLabel('研究的问题').fill('雨污管网与燃气管线交叉，需先迁改燃气管线');
  const first = page.getByTestId('decision-0');
  await first.getByLabel('事项内容').fill(decision);
  await chooseCadre(page, first.getByLabel('责任人'), streetCadre);
  await fillDate(first.getByLabel('完成时限'), districtDay(10));
  await choose(page, first.getByLabel('优先级'), '高');
  await page.getByRole('button', { name: '保存会议并生成督办事项' }).click();
  const created = page.getByTestId('meeting-created');
  await expect(created).toContainText('已生成 1 条督办事项');
  await expect(created.getByRole('row', { name: new RegExp(decision) })).toContainText(streetCadre.name);
  await logOut(page);

  // ── The street cadre starts on 我的台账, finds it there and reports progress.
  await logIn(page, streetUser, password);
  await expect(page).toHaveURL(/\/ledger\/mine$/);
  const card = page.getByTestId('my-item').filter({ hasText: decision });
  await expect(card).toBeVisible();
  await expect(card).toContainText(compound.name);
  await card.getByRole('button', { name: '报告进展' }).click();
  const sheet = page.getByRole('dialog');
  await sheet.getByLabel('进展情况').fill('已与燃气公司现场踏勘，迁改方案本周报审');
  await expect(sheet.getByTestId('progress-unsaved')).toBeVisible();
  await sheet.getByLabel('佐证材料').fill('踏勘记录照片 6 张，存街道工作群');
  await sheet.getByRole('button', { name: '提交进展' }).click();
  await expect(sheet.getByTestId('progress-saved')).toContainText('进展已提交');
  await sheet.getByRole('button', { name: '返回列表' }).click();
  await expect(card).toContainText('已与燃气公司现场踏勘');
  await logOut(page);

  // ── Headquarters: the board shows overdue items, the worst subdistrict first; a row opens them.
  await logIn(page, hqUser, password);
  await expect(page).toHaveURL(/\/overview$/);
  await page.goto('/ledger/board');
  const table = page.getByTestId('board-table');
  await expect(table.getByRole('row', { name: /铁塔街道/ })).toBeVisible();
  const figure = async (key: string) =>
    Number(
      (
        (await page.getByTestId(`board-${key}`).locator('.ant-statistic-content').textContent()) ?? ''
      ).replace(/\D/g, ''),
    );
  const overdue = await figure('overdue');
  const serious = await figure('seriously_overdue');
  expect(overdue + serious, 'the demo ledger has overdue items').toBeGreaterThan(0);
  await table.locator('.ant-table-tbody .ant-table-row').first().click();
  await expect(page).toHaveURL(/\/ledger\?status=open&region=\d+/);
  await expect(
    page
      .getByTestId('escalation')
      .filter({ hasText: /^(逾期|严重逾期)$/ })
      .first(),
  ).toBeVisible();
  await expect(page.getByText(/已上报至/).first()).toBeVisible();

  // The export carries the same filters.
  const exportLink = page.getByRole('link', { name: /导出台账/ });
  await expect(exportLink).toHaveAttribute('href', /\/api\/ledger\/export\?.*status=open/);
});
