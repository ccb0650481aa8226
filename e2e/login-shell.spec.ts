import { expect, test } from '@playwright/test';
import { adminPassword, logIn, logOut, sideMenu, userMenu } from './support.js';

test('admin logs in, sees the shell, switches language and back, logs out', async ({ page }) => {
  await logIn(page, 'admin', adminPassword);

  // Everyone lands on the overview; the workbench is one click away in the user menu.
  await expect(page).toHaveURL(/\/overview$/);
  await expect(page.getByRole('heading', { name: '总览' })).toBeVisible();
  const menu = sideMenu(page);
  await expect(menu.getByRole('menuitem', { name: '总览' })).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: '小区台账' })).toBeVisible();
  await userMenu(page, '我的工作台', () => expect(page).toHaveURL(/\/workbench$/, { timeout: 3_000 }));
  await expect(page.getByTestId('workbench-scope')).toHaveText('全区');
  await expect(menu.getByRole('menuitem', { name: '系统管理' })).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: '用户', exact: true })).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: '审计日志' })).toBeVisible();

  await page.getByTestId('user-menu').click();
  await expect(page.getByRole('menuitem', { name: 'API 参考' })).toBeVisible();
  await userMenu(page, 'English', () =>
    expect(page.locator('html')).toHaveAttribute('lang', 'en', { timeout: 3_000 }),
  );
  await expect(page.getByText('My workbench')).toBeVisible();
  await expect(page.getByTestId('workbench-scope')).toHaveText('Whole district');
  await expect(menu.getByRole('menuitem', { name: 'Admin' })).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Users' })).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Audit log' })).toBeVisible();

  // The choice is remembered on this device.
  await page.reload();
  await expect(page.getByText('My workbench')).toBeVisible();

  await userMenu(page, '中文', () =>
    expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN', { timeout: 3_000 }),
  );
  await expect(page.getByText('我的工作台')).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: '系统管理' })).toBeVisible();

  await logOut(page);
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  // The session is gone: the app sends a visitor back to the login page, remembering where they were going.
  await page.goto('/admin/audit');
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Faudit$/);
});

test('a wrong password shows the server’s message and stays on the login page', async ({ page }) => {
  await logIn(page, 'admin', 'not-the-right-password');
  await expect(page.getByRole('alert')).toContainText('用户名或密码错误');
  await expect(page).toHaveURL(/\/login/);
});
