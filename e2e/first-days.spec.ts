import { expect, test } from '@playwright/test';
import {
  adminPassword,
  csrfOf,
  districtDay,
  headquartersAndCadre,
  logIn,
  logOut,
  send,
  sideMenu,
  tieta,
} from './support.js';

/**
 * What new users meet first: figures labelled with the scope they cover, key columns in view at
 * 1440 px, a cadre starting on 我的台账 with notifications that name their project, and past
 * meetings that can be found again with the items they created.
 */

const password = 'Jiugai-FirstDays-2024!';

test('a subdistrict user reads figures labelled with their subdistrict, not the district', async ({
  page,
}) => {
  const stamp = Date.now().toString(36);
  await logIn(page, 'admin', adminPassword);
  await expect(page).toHaveURL(/\/overview$/);
  await expect(page.getByText('全区在册住宅小区')).toBeVisible();
  await send(
    page.request,
    'post',
    '/api/users',
    {
      username: `tieta-s-${stamp}`,
      displayName: '铁塔街道 统计员',
      role: 'subdistrict',
      scopeRegions: [tieta],
      password,
    },
    await csrfOf(page),
  );
  await logOut(page);

  await logIn(page, `tieta-s-${stamp}`, password);
  await expect(page).toHaveURL(/\/overview$/);
  await expect(page.getByText('铁塔街道在册住宅小区')).toBeVisible();
  await expect(page.getByText(/^占铁塔街道小区 /)).toBeVisible();
  await expect(page.getByText(/铁塔街道 \d{4}–\d{4} 年改造成效/)).toBeVisible();
  await expect(page.getByText(/全区/)).toHaveCount(0);
});

test.describe('at 1440×900', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('the key columns of the compound, ledger and project lists are in view', async ({ page }) => {
    test.setTimeout(120_000);
    await logIn(page, 'admin', adminPassword);
    await expect(page).toHaveURL(/\/overview$/);
    for (const [path, column] of [
      ['/compounds', '改造状态'],
      ['/ledger', '最近进展'],
      ['/projects', '项目阶段'],
    ] as const) {
      await page.goto(path);
      // A lazily loaded page on a busy machine: its first rows are a condition, not a speed test.
      await expect(page.locator('.ant-table-row').first()).toBeVisible({ timeout: 30_000 });
      const header = page.getByRole('columnheader', { name: column, exact: true });
      await expect(header, `${column} on ${path}`).toBeInViewport({ ratio: 1 });
    }
  });
});

test('a cadre starts on 我的台账; notifications name the project and opening them clears the badge', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const hqUser = `zhb-f-${stamp}`;
  const cadreUser = `tieta-f-${stamp}`;
  const decision = `拆除 3 号楼违建（${stamp}）`;
  const meetingTitle = `铁塔现场办公会（${stamp}）`;

  const cadre = await headquartersAndCadre(page, {
    hqUser,
    hqDisplayName: '指挥部 督查',
    cadreUser,
    cadreDisplayName: '铁塔街道 干部',
    password,
    pick: 'last',
  });

  // ── Headquarters records a meeting on the project; its decision goes to the cadre.
  await logIn(page, hqUser, password);
  await expect(page).toHaveURL(/\/overview$/);
  const csrf = await csrfOf(page);
  const projects = (await (await page.request.get(`/api/projects?region=${tieta}&pageSize=1`)).json()) as {
    items: { id: string; compoundName: string; year: number }[];
  };
  const project = projects.items[0];
  if (!project) throw new Error('no project in 铁塔街道');
  await send(
    page.request,
    'post',
    '/api/meetings',
    {
      kind: 'onsite',
      title: meetingTitle,
      heldOn: districtDay(-2),
      projectId: project.id,
      decisions: [{ title: decision, ownerCadreId: cadre.id, deadline: districtDay(9) }],
    },
    csrf,
  );

  // ── It can be found again under 会议记录, by date and kind, with the item it created.
  await sideMenu(page).getByRole('menuitem', { name: '会议记录' }).click();
  await expect(page).toHaveURL(/\/ledger\/meetings$/);
  const list = page.getByTestId('meeting-list');
  await expect(list.getByRole('link', { name: meetingTitle })).toBeVisible();
  await page.goto(`/ledger/meetings?kind=progress`);
  await expect(list.getByRole('link', { name: meetingTitle })).toHaveCount(0);
  await page.goto(`/ledger/meetings?kind=onsite&from=${districtDay(-3)}&to=${districtDay(-1)}`);
  await list.getByRole('link', { name: meetingTitle }).click();
  await expect(page).toHaveURL(/\/ledger\/meetings\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: meetingTitle })).toBeVisible();
  await expect(page.getByRole('link', { name: project.compoundName })).toBeVisible();
  const decisions = page.getByTestId('meeting-decisions');
  await decisions.getByRole('button', { name: decision }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByRole('link', { name: new RegExp(meetingTitle) })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await logOut(page);

  // ── The cadre lands on 我的台账; the bell names the project; opening the list reads it.
  await logIn(page, cadreUser, password);
  await expect(page).toHaveURL(/\/ledger\/mine$/);
  const bell = page.getByTestId('notifications');
  await expect(bell).toHaveAccessibleName(/通知，[1-9]\d* 条未读/);
  await bell.click();
  const entry = page.getByTestId('notification-list').getByRole('listitem').filter({ hasText: decision });
  await expect(entry).toContainText(`${project.compoundName} · ${project.year} 年改造项目`);
  await expect(bell).toHaveAccessibleName('通知，0 条未读');
  await page.reload();
  await expect(page.getByTestId('notifications')).toHaveAccessibleName('通知，0 条未读');
});
