import { expect, test } from '@playwright/test';
import { adminPassword, choose, logIn, logOut, sideMenu, userMenu } from './support.js';

test('admin creates a subdistrict user who then sees only their own workbench', async ({ page }) => {
  // Unique per run, so the journey also works against a long-lived server (E2E_BASE_URL).
  const username = `tieta-${Date.now().toString(36)}`;
  const password = 'Tieta-Street-2024-Renew!';

  await logIn(page, 'admin', adminPassword);
  await sideMenu(page).getByRole('menuitem', { name: '用户', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/users/);
  await expect(page.getByRole('cell', { name: /^admin/ })).toBeVisible();

  await page.getByRole('button', { name: '新建用户' }).first().click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText('新建用户')).toBeVisible();
  await drawer.getByLabel('用户名').fill(username);
  await drawer.getByLabel('姓名').fill('铁塔街道 王主任');
  await choose(page, drawer.getByLabel('角色'), '街道');
  await choose(page, drawer.getByLabel('管辖范围'), '铁塔街道', '铁塔');
  await drawer.getByLabel('密码', { exact: true }).fill(password);
  await drawer.getByLabel('确认密码').fill(password);
  await drawer.getByRole('button', { name: '保存' }).click();

  await expect(page.getByText(`已创建用户 ${username}`)).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(username) });
  await expect(row).toContainText('铁塔街道');
  await expect(row).toContainText('街道');
  await expect(row).toContainText('正常');

  await logOut(page);
  await logIn(page, username, password);
  await expect(page).toHaveURL(/\/overview$/);
  await userMenu(page, '我的工作台', () => expect(page).toHaveURL(/\/workbench$/, { timeout: 3_000 }));
  await expect(page.getByTestId('workbench-scope')).toHaveText('铁塔街道');
  await expect(page.getByText('欢迎，铁塔街道 王主任')).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '系统管理' })).toHaveCount(0);

  await page.goto('/admin/users');
  await expect(page.getByText('无权访问')).toBeVisible();
  await page.getByRole('button', { name: '返回首页' }).click();
  await expect(page).toHaveURL(/\/overview$/);
  await expect(page.getByRole('heading', { name: '总览' })).toBeVisible();
});
