import fs from 'node:fs';
import { type APIRequestContext, expect, type Locator, type Page, test } from '@playwright/test';
import { adminPassword, choose, logIn, logOut, sideMenu } from './support.js';

/**
 * The organisation registries and the district settings: headquarters narrows the cadres to one
 * subdistrict, tries to make a cadre report to their own subordinate (refused: a loop), names a
 * valid superior instead, exports the cadres' registry, and changes the ledger's due-soon days.
 */

interface Cadre {
  id: string;
  name: string;
  level: 'county' | 'section' | 'other';
  regionCode: string;
  unitName: string | null;
  superior: { id: string; name: string } | null;
}

const tieta = '410203002';

/** The label the cadre pickers show: the name and unit, which together tell namesakes apart. */
const cadreLabel = (c: Cadre) => (c.unitName ? `${c.name}（${c.unitName}）` : c.name);

async function getJson<T>(request: APIRequestContext, url: string): Promise<T> {
  const response = await request.get(url);
  expect(response.ok(), `GET ${url} answered ${response.status()}`).toBeTruthy();
  return (await response.json()) as T;
}

/** Every cadre of the district (the demo has under a thousand), page by page. */
async function allCadres(request: APIRequestContext): Promise<Cadre[]> {
  const all: Cadre[] = [];
  for (let page = 1; ; page++) {
    const { items, total } = await getJson<{ items: Cadre[]; total: number }>(
      request,
      `/api/cadres?pageSize=100&page=${page}`,
    );
    all.push(...items);
    if (items.length === 0 || all.length >= total) return all;
  }
}

/**
 * A section-level cadre working in 铁塔街道 whose name and unit are unique there (so one row of the
 * filtered list is theirs), with a subordinate and a county-level cadre each of whose picker label is unique (so a
 * click picks exactly them).
 */
function pickCadres(cadres: Cadre[]) {
  const uniqueLabel = (c: Cadre) =>
    cadres.filter((x) => x.name.includes(c.name) && cadreLabel(x) === cadreLabel(c)).length === 1;
  for (const cadre of cadres.filter((c) => c.level === 'section' && c.regionCode === tieta)) {
    const namesakes = cadres.filter((x) => x.regionCode.startsWith(tieta) && x.name.includes(cadre.name));
    if (namesakes.filter((x) => x.unitName === cadre.unitName).length !== 1) continue;
    const subordinate = cadres.find((x) => x.superior?.id === cadre.id && uniqueLabel(x));
    const superior = cadres.find(
      (x) => x.level === 'county' && x.id !== cadre.superior?.id && uniqueLabel(x),
    );
    if (subordinate && superior) return { cadre, subordinate, superior };
  }
  throw new Error('no cadre in 铁塔街道 with a subordinate and a county-level cadre to choose');
}

/** Search a cadre picker by name and choose the cadre. */
async function chooseCadre(page: Page, picker: Locator, cadre: Cadre) {
  await choose(page, picker, cadreLabel(cadre), cadre.name);
}

/** A write through the API, as the logged-in user (the session's CSRF token comes from /me). */
async function patchJson(request: APIRequestContext, url: string, data: unknown) {
  const { csrfToken } = await getJson<{ csrfToken: string }>(request, '/api/auth/me');
  const response = await request.fetch(url, {
    method: 'PATCH',
    data,
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(response.ok(), `PATCH ${url} answered ${response.status()}`).toBeTruthy();
}

test('headquarters keeps the cadres registry and changes the escalation settings', async ({ page }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const hqUser = `zhb-o-${stamp}`;
  const password = 'Jiugai-Registry-2024-Cadres!';

  // ── The administrator opens an account for headquarters.
  await logIn(page, 'admin', adminPassword);
  await expect(page).toHaveURL(/\/overview$/);
  const { csrfToken } = await getJson<{ csrfToken: string }>(page.request, '/api/auth/me');
  const created = await page.request.post('/api/users', {
    data: { username: hqUser, displayName: '指挥部 组织专班', role: 'hq', password },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(created.status()).toBe(201);
  await logOut(page);

  await logIn(page, hqUser, password);
  await expect(page).toHaveURL(/\/overview$/);
  const { cadre, subordinate, superior } = pickCadres(await allCadres(page.request));

  // ── The cadres tab, narrowed to 铁塔街道 and the cadre's name.
  await sideMenu(page).getByRole('menuitem', { name: '组织体系' }).click();
  await expect(page).toHaveURL(/\/organisation$/);
  await page.getByRole('tab', { name: '下沉干部' }).click();
  await expect(page).toHaveURL(/tab=cadres/);
  await choose(page, page.getByLabel('工作区域'), '铁塔街道', '铁塔');
  await page.getByLabel('姓名').fill(cadre.name);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page).toHaveURL(new RegExp(`region=${tieta}`));
  const rows = page.locator('.ant-table-tbody .ant-table-row');
  await expect(rows.first()).toContainText(cadre.name);
  await expect(rows.filter({ hasNotText: '铁塔街道' })).toHaveCount(0);
  const row = rows.filter({ hasText: cadre.unitName ?? '' });
  await expect(row).toHaveCount(1);

  // Their own subordinate as superior would close a loop: the server says so on the field.
  await row.getByRole('button', { name: '编辑' }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByLabel('姓名')).toHaveValue(cadre.name);
  const superiorPicker = drawer.getByLabel('上级', { exact: true });
  await chooseCadre(page, superiorPicker, subordinate);
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(drawer.getByText('上级关系会形成循环')).toBeVisible();

  // A county-level cadre is a valid superior: saved, and the list shows it.
  await chooseCadre(page, superiorPicker, superior);
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`已保存：${cadre.name}。`)).toBeVisible();
  await expect(drawer).toBeHidden();
  await expect(row).toContainText(superior.name);

  // ── The cadres' registry as Excel, with their phones (headquarters may see them).
  const withPhones = page.getByRole('checkbox', { name: '包含联系电话' });
  await withPhones.check();
  const exportButton = page.getByRole('link', { name: /导出Excel/ });
  await expect(exportButton).toHaveAttribute('href', /registry=cadres&includePersonal=true/);
  const downloading = page.waitForEvent('download');
  await exportButton.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^下沉干部-\d{8}\.xlsx$/);
  const file = fs.readFileSync(await download.path());
  // An xlsx is a zip holding the workbook.
  expect(file.subarray(0, 4).toString('hex')).toBe('504b0304');
  expect(file.includes('xl/workbook.xml')).toBeTruthy();

  // ── Settings: the due-soon days, with the form's own checks first.
  const before = await getJson<{ escalation: { dueSoonDays: number; seriousAfterDays: number } }>(
    page.request,
    '/api/settings',
  );
  await sideMenu(page).getByRole('menuitem', { name: '系统设置' }).click();
  await expect(page).toHaveURL(/\/admin\/settings$/);
  const dueSoon = page.getByLabel('临期提醒天数');
  await expect(dueSoon).toHaveValue(String(before.escalation.dueSoonDays));
  await dueSoon.fill('');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('请填写（0–60 天）')).toBeVisible();
  const next = before.escalation.dueSoonDays === 5 ? 4 : 5;
  await dueSoon.fill(String(next));
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('设置已保存，即时生效。')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('临期提醒天数')).toHaveValue(String(next));

  // Leave the district as it was for the journeys that follow.
  await patchJson(page.request, '/api/settings', { escalation: before.escalation });
});
