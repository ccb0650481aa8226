import { expect, test } from '@playwright/test';
import { adminPassword, choose, logIn, logOut, sideMenu, userMenu } from './support.js';

test('a new user with a generated password must change it first, then works; signs out elsewhere', async ({
  page,
  browser,
}) => {
  // Two devices and five logins: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  const username = `pw-${Date.now().toString(36)}`;
  const own = 'Own-Chosen-Secret-2024';

  await logIn(page, 'admin', adminPassword);
  await sideMenu(page).getByRole('menuitem', { name: '用户', exact: true }).click();
  await page.getByRole('button', { name: '新建用户' }).first().click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('用户名').fill(username);
  await drawer.getByLabel('姓名').fill('初次登录 李干事');
  await choose(page, drawer.getByLabel('角色'), '只读查看');
  await drawer.getByRole('button', { name: '生成随机密码' }).click();
  const generated = (await drawer.getByTestId('generated-password').textContent())?.trim() ?? '';
  expect(generated).toHaveLength(16);
  await expect(drawer.getByLabel('首次登录须修改密码')).toBeChecked();
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`已创建用户 ${username}`)).toBeVisible();
  await logOut(page);

  // First login: only the change-password page, whatever address is asked for.
  await logIn(page, username, generated);
  await expect(page.getByText('您的密码由他人设置')).toBeVisible();
  await page.goto('/compounds');
  await expect(page.getByText('您的密码由他人设置')).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await page.getByLabel('当前密码').fill(generated);
  await page.getByLabel('新密码', { exact: true }).fill(own);
  await page.getByLabel('确认新密码').fill(own);
  await page.getByRole('button', { name: '保存新密码' }).click();
  await expect(page.getByText('密码已修改')).toBeVisible();
  await expect(page).toHaveURL(/\/overview$/);
  await expect(page.getByRole('heading', { name: '总览' })).toBeVisible();

  // Signed in on a second device too; from the first, sign that one out.
  const other = await browser.newContext({ locale: 'zh-CN' });
  const phone = await other.newPage();
  await logIn(phone, username, own);
  await expect(phone).toHaveURL(/\/overview$/);

  await userMenu(page, '修改密码 / 登录设备', () => expect(page).toHaveURL(/\/account$/, { timeout: 3_000 }));
  const sessions = page.getByTestId('own-sessions');
  await expect(sessions.getByText('本设备')).toBeVisible();
  await expect(sessions.locator('.ant-list-item')).toHaveCount(2);
  await page.getByRole('button', { name: '退出其他设备' }).click();
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByText('已退出其他 1 处登录')).toBeVisible();
  await expect(sessions.locator('.ant-list-item')).toHaveCount(1);

  // The other device is signed out: its next page load goes to the login page.
  await phone.goto('/compounds');
  await expect(phone).toHaveURL(/\/login/);
  await other.close();
});
