/** Shared by the journeys: the admin's password and logging in and out through the real UI. */
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The bootstrap admin's password for the server the config starts. It must pass the server's
 * password rules, which refuse a password containing the username ("admin").
 */
/**
 * How Debian's Chromium is launched here, for the journeys and the web benchmark alike: headless
 * as root, and without the background connections this machine's closed network refuses.
 */
export const chromiumLaunch = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export const adminPassword = process.env.E2E_ADMIN_PASSWORD ?? 'Jiugai-e2e-Passw0rd!';

export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/**
 * Log out through the user menu. A click that lands while the dropdown is still sliding in (just
 * after a drawer closed, say) can go unheard, as it would for a person, who clicks again.
 */
export async function logOut(page: Page): Promise<void> {
  if (/\/login$/.test(page.url())) return;
  await userMenu(page, '退出登录', () => expect(page).toHaveURL(/\/login$/, { timeout: 3_000 }));
}

/** The side menu (the <nav> around it), where admin entries appear. */
export const sideMenu = (page: Page) => page.getByRole('navigation');

/**
 * An option of the open select or picker dropdown. Looked up inside the dropdown, so a table cell
 * with the same title behind it (a user's role, a subdistrict) is never clicked instead.
 */
export const dropdownOption = (page: Page, title: string) =>
  page.locator('.ant-select-dropdown:visible').getByTitle(title, { exact: true });

/**
 * Choose `title` in a select or picker (typing `search` first, when given) and wait until the
 * field shows it. A click on an option that is still sliding into place can go unheard; then
 * it is made again, as a person would.
 */
export async function choose(page: Page, field: Locator, title: string, search?: string): Promise<void> {
  const select = field.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
  const option = dropdownOption(page, title);
  await expect(async () => {
    if (!(await option.isVisible())) {
      await field.click({ timeout: 2_000 });
      if (search !== undefined) await field.fill(search, { timeout: 2_000 });
    }
    await option.click({ timeout: 3_000 });
    await expect(select).toContainText(title, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

/** Open the user menu and choose an entry, again if the first click went unheard. */
export async function userMenu(page: Page, entry: string, until: () => Promise<void>): Promise<void> {
  const item = page.getByRole('menuitem', { name: entry });
  await expect(async () => {
    if (!(await item.isVisible())) await page.getByTestId('user-menu').click({ timeout: 2_000 });
    await item.click({ timeout: 2_000 });
    await until();
  }).toPass({ timeout: 20_000 });
}

/** Create a user through the admin's users page (open at the time), with the password given. */
export async function createUser(
  page: Page,
  user: { username: string; displayName: string; role: string; scope?: string },
  password: string,
) {
  await page.getByRole('button', { name: '新建用户' }).first().click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('用户名').fill(user.username);
  await drawer.getByLabel('姓名').fill(user.displayName);
  await choose(page, drawer.getByLabel('角色'), user.role);
  if (user.scope) await choose(page, drawer.getByLabel('管辖范围'), user.scope, user.scope.slice(0, 2));
  await drawer.getByLabel('密码', { exact: true }).fill(password);
  await drawer.getByLabel('确认密码').fill(password);
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`已创建用户 ${user.username}`)).toBeVisible();
}
