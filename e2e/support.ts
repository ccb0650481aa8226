/**
 * Shared by the journeys: the admin's password, logging in and out through the real UI, and the
 * API calls journeys make to set up the people they follow.
 */
import { type APIRequestContext, expect, type Locator, type Page } from '@playwright/test';

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
  const out = () => /\/login$/.test(page.url());
  if (out()) return;
  // A logout that lands after its own wait ended is not clicked for again: the menu is gone.
  await userMenu(page, '退出登录', () => expect(page).toHaveURL(/\/login$/, { timeout: 3_000 }), out);
}

/** The side menu (the <nav> around it), where admin entries appear. */
export const sideMenu = (page: Page) => page.getByRole('navigation');

/** Confirm the open Popconfirm: its OK button reads 确定, or 确 定 where antd spaces two characters. */
export const confirmPopup = (page: Page) =>
  page
    .getByRole('tooltip')
    .getByRole('button', { name: /^确 ?定$/ })
    .click();

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
      await field.click({ timeout: 5_000 });
      if (search !== undefined) await field.fill(search, { timeout: 5_000 });
    }
    await option.click({ timeout: 10_000 });
    await expect(select).toContainText(title, { timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
}

/**
 * Open the user menu and choose an entry, again if the first click went unheard, until `until`
 * passes; `done`, when given, says the entry has already had its effect (a slow one, say).
 */
export async function userMenu(
  page: Page,
  entry: string,
  until: () => Promise<void>,
  done: () => boolean = () => false,
): Promise<void> {
  const item = page.getByRole('menuitem', { name: entry });
  await expect(async () => {
    if (done()) return;
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

/** 铁塔街道, where the journeys' street users work. */
export const tieta = '410203002';

/** Today in the district (UTC+8) plus some days. */
export function districtDay(offset: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
}

/** The CSRF token of the session signed in on `page`, which every write must carry. */
export async function csrfOf(page: Page): Promise<{ 'x-csrf-token': string }> {
  const me = await page.request.get('/api/auth/me');
  expect(me.ok()).toBeTruthy();
  return { 'x-csrf-token': (await me.json()).csrfToken };
}

/** A write through the API that must succeed; its answer. */
export async function send<T>(
  request: APIRequestContext,
  method: 'post' | 'patch',
  url: string,
  data: unknown,
  headers: Record<string, string>,
): Promise<T> {
  const response = await request[method](url, { data, headers });
  expect(response.ok(), `${method.toUpperCase()} ${url}: ${await response.text()}`).toBeTruthy();
  return (await response.json()) as T;
}

export interface SupervisedCadre {
  /** Logins for headquarters and for the street user, and their shared password. */
  hqUser: string;
  hqDisplayName: string;
  cadreUser: string;
  cadreDisplayName: string;
  password: string;
  /**
   * Which free section-level cadre of 铁塔街道 the street user becomes: one journey takes the
   * first, another the last, so that neither finds its cadre taken (the other journeys link
   * cadres of level "other").
   */
  pick: 'first' | 'last';
}

/**
 * What a ledger journey starts from: the administrator creates a headquarters user and a street
 * user of 铁塔街道 linked to a cadre with no login yet, then logs out. Returns that cadre.
 */
export async function headquartersAndCadre(page: Page, who: SupervisedCadre) {
  await logIn(page, 'admin', adminPassword);
  await expect(page.getByTestId('user-menu')).toBeVisible();
  const csrf = await csrfOf(page);
  const listed = (await (
    await page.request.get(`/api/cadres?region=${tieta}&level=section&pageSize=100`)
  ).json()) as { items: { id: string; name: string; hasLogin: boolean }[] };
  const free = listed.items.filter((c) => !c.hasLogin);
  const cadre = who.pick === 'first' ? free[0] : free.at(-1);
  if (!cadre) throw new Error('every section-level cadre of 铁塔街道 already has a login');
  const user = (role: string, username: string, displayName: string, scopeRegions?: string[]) =>
    send<{ id: string; version: number }>(
      page.request,
      'post',
      '/api/users',
      { username, displayName, role, password: who.password, ...(scopeRegions ? { scopeRegions } : {}) },
      csrf,
    );
  await user('hq', who.hqUser, who.hqDisplayName);
  const street = await user('subdistrict', who.cadreUser, who.cadreDisplayName, [tieta]);
  await send(
    page.request,
    'patch',
    `/api/users/${street.id}`,
    { version: street.version, cadreId: cadre.id },
    csrf,
  );
  await logOut(page);
  return cadre;
}

/** Waits for the page: generous, as the machine running the journeys may be shared. */
export const slow = expect.configure({ timeout: 30_000 });

/**
 * Enter one paper ballot on a vote's page from the keyboard alone: type the room, Enter, the
 * choice's key (1 for, 2 against, 3 abstain), Enter; focus comes back to the search.
 */
export async function enterBallot(page: Page, room: string, key: '1' | '2' | '3') {
  const search = page.getByLabel('房号或业主（如 1号楼1单元101）');
  await slow(search).toBeFocused();
  await search.fill(room);
  await slow(page.locator('.ant-list-item').first()).toContainText(room.slice(-3));
  await search.press('Enter');
  const chooser = page.getByTestId('ballot-chooser');
  await expect(chooser).toBeFocused();
  await chooser.press(key);
  await chooser.press('Enter');
  await slow(page.getByText('已录入：').last()).toBeVisible();
  await slow(search).toBeFocused();
}
