import { expect, test } from '@playwright/test';
import { adminPassword, choose, logIn, sideMenu, userMenu } from './support.js';

test('the audit log reads in words, filters by a listed action, links to the record and keeps the raw event', async ({
  page,
}) => {
  await logIn(page, 'admin', adminPassword);
  await sideMenu(page).getByRole('menuitem', { name: '审计日志' }).click();
  await expect(page).toHaveURL(/\/admin\/audit/);

  // The admin's own login is there, in words, not as auth.login.
  await choose(page, page.getByLabel('动作'), '登录', '登录');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page).toHaveURL(/action=auth\.login/);
  const row = page.locator('.ant-table-row').first();
  await expect(row.getByTestId('audit-action')).toHaveText('登录');
  await expect(row.getByTestId('audit-entity')).toContainText('用户');
  await expect(row).not.toContainText('auth.login');

  // The raw event (code, full ids, JSON) is one click away.
  await row.locator('.ant-table-row-expand-icon').click();
  const raw = page.getByText('原始记录');
  await expect(raw).toBeVisible();
  await expect(page.locator('.ant-descriptions').first()).toContainText('auth.login');

  // The object links to its record's page.
  await row.getByRole('link', { name: '查看' }).click();
  await expect(page).toHaveURL(/\/admin\/users\?q=admin/);

  // In English the same event reads in English.
  await page.goBack();
  await userMenu(page, 'English', () =>
    expect(page.locator('html')).toHaveAttribute('lang', 'en', { timeout: 3_000 }),
  );
  await expect(page.locator('.ant-table-row').first().getByTestId('audit-action')).toHaveText('Log in');
  await userMenu(page, '中文', () =>
    expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN', { timeout: 3_000 }),
  );
});
