/** Shared by the journeys: the admin's password and logging in and out through the real UI. */
import { expect, type Page } from '@playwright/test';

/**
 * The bootstrap admin's password for the server the config starts. It must pass the server's
 * password rules, which refuse a password containing the username ("admin").
 */
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
  const item = page.getByRole('menuitem', { name: '退出登录' });
  await expect(async () => {
    if (/\/login$/.test(page.url())) return;
    if (!(await item.isVisible())) await page.getByTestId('user-menu').click({ timeout: 2_000 });
    await item.click({ timeout: 2_000 });
    await expect(page).toHaveURL(/\/login$/, { timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
}

/** The side menu (the <nav> around it), where admin entries appear. */
export const sideMenu = (page: Page) => page.getByRole('navigation');

/**
 * An option of the open select or picker dropdown. Looked up inside the dropdown, so a table cell
 * with the same title behind it (a user's role, a subdistrict) is never clicked instead.
 */
export const dropdownOption = (page: Page, title: string) =>
  page.locator('.ant-select-dropdown:visible').getByTitle(title, { exact: true });
