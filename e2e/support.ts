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

export async function logOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
}

/** The side menu (the <nav> around it), where admin entries appear. */
export const sideMenu = (page: Page) => page.getByRole('navigation');
