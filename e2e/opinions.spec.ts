import { expect, test } from '@playwright/test';
import { adminPassword, csrfOf, logIn, send } from './support.js';

/**
 * 群众意见, on a phone: the administrator adds a category to the public form's list on the
 * settings page; a resident opens a demo compound's opinion page without logging in, sends an
 * opinion in that category whose text carries a script, and gets a receipt code; a street's staff
 * see it in the inbox as text (no dialog ever opens) and answer it; the resident reads the answer
 * by the receipt.
 */

/** Waits for the page: generous, as the machine running the journeys may be shared. */
const slow = expect.configure({ timeout: 30_000 });

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test('a resident sends an opinion, in a category the administrator added and with a script in it; staff answer it, the resident reads the answer', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const stamp = Date.now().toString(36);
  const password = 'Jiugai-Opinions-2024!';
  const streetUser = `street-op-${stamp}`;
  const payload = '<script>alert(1)</script>';
  const text = `夜间施工噪音太大（${stamp}）${payload}`;
  const answer = `已要求施工单位22时后停止作业（${stamp}）`;
  const category = `夜间施工（${stamp}）`;
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });

  // ── The administrator finds a demo compound under renovation and makes its street's login.
  await logIn(page, 'admin', adminPassword);
  await slow(page.getByTestId('user-menu')).toBeVisible();
  const admin = await csrfOf(page);
  const list = (await (
    await page.request.get('/api/projects?status=under_construction&pageSize=20')
  ).json()) as { items: { compoundId: string; regionCode: string }[] };
  const project = list.items[0];
  if (!project) throw new Error('no demo project under construction');
  await send(
    page.request,
    'post',
    '/api/users',
    {
      username: streetUser,
      displayName: streetUser,
      role: 'subdistrict',
      password,
      scopeRegions: [project.regionCode.slice(0, 9)],
    },
    admin,
  );

  // ── The administrator adds a category to the list residents choose from.
  await page.goto('/admin/settings');
  const categories = page.getByLabel('意见类别');
  await slow(categories).toBeVisible();
  await categories.fill(category);
  await categories.press('Enter');
  await page.getByRole('button', { name: '保存' }).click();
  await slow(page.getByText('设置已保存，即时生效。')).toBeVisible();
  await page.context().clearCookies();

  // ── A resident, without logging in, opens the compound's opinion page and sends an opinion.
  await page.goto(`/p/c/${project.compoundId}/opinion`);
  await slow(page.getByRole('heading', { level: 1 })).toContainText('意见建议');
  await page.getByLabel('类别').selectOption(category);
  await page.getByLabel('意见内容').fill(text);
  await page.getByLabel('联系方式').fill('13903781234');
  const question = (await page.locator('label[for="answer"]').textContent()) ?? '';
  const m = /(\d+) (加|减) (\d+)/.exec(question);
  if (!m) throw new Error(`no question in "${question}"`);
  const solved = m[2] === '加' ? Number(m[1]) + Number(m[3]) : Number(m[1]) - Number(m[3]);
  await page.getByLabel(/验证题/).fill(String(solved));
  await page.getByRole('button', { name: '提交意见' }).click();
  await slow(page.getByRole('heading', { name: '意见已提交' })).toBeVisible();
  const receipt = ((await page.locator('#receipt').textContent()) ?? '').trim();
  expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{1,4}){6}$/);

  // ── Staff of the street see it in the inbox as text, and answer it.
  await logIn(page, streetUser, password);
  await slow(page.getByTestId('user-menu')).toBeVisible();
  await page.goto('/opinions');
  const row = page.getByRole('row').filter({ hasText: stamp });
  await slow(row).toBeVisible();
  await expect(row).toContainText(payload);
  await expect(row).toContainText(category);
  await row.getByRole('link').click();
  await slow(page.getByTestId('opinion-text')).toHaveText(text);
  await expect(page.getByText('139****1234').or(page.getByText('13903781234'))).toBeVisible();
  await page.getByRole('button', { name: '答复', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await slow(dialog).toBeVisible();
  await dialog.getByLabel('答复').fill(answer);
  await dialog.getByRole('button', { name: /保\s*存|确\s*定|OK/ }).click();
  await slow(page.getByTestId('opinion-answer')).toHaveText(answer);
  await expect(page.getByText('已答复').first()).toBeVisible();

  // ── The resident reads the answer by the receipt code, without logging in.
  await page.context().clearCookies();
  await page.goto(`/p/r/${receipt}`);
  await slow(page.locator('#answer')).toHaveText(answer);
  await expect(page.locator('#opinion-text')).toHaveText(text);
  await expect(page.locator('body')).not.toContainText('13903781234');
  expect(dialogs).toEqual([]);
});
