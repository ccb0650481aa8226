import { expect, type Page, test } from '@playwright/test';
import { adminPassword, choose, csrfOf, enterBallot, logIn, send, slow, tieta } from './support.js';

/**
 * Owners' votes: a street officer drafts and opens a vote on a compound, enters paper ballots
 * from the keyboard, an owner votes online on a phone with the code on their notice, and the
 * vote's page shows quorum and approval by area and by headcount with their numbers.
 */

async function signInAs(page: Page, username: string, password: string) {
  await page.context().clearCookies();
  await logIn(page, username, password);
  await slow(page.getByTestId('user-menu')).toBeVisible();
}

test('staff open a vote, enter paper ballots by keyboard, an owner votes on a phone; the tally shows area and headcount', async ({
  page,
  browser,
}) => {
  test.setTimeout(600_000);
  const stamp = Date.now().toString(36);
  const officer = `biaojue-${stamp}`;
  const password = 'Jiugai-Votes-2024!';
  const title = `改造方案表决（${stamp}）`;

  await logIn(page, 'admin', adminPassword);
  await slow(page.getByTestId('user-menu')).toBeVisible();
  const csrf = await csrfOf(page);
  await send(
    page.request,
    'post',
    '/api/users',
    { username: officer, displayName: '街道表决员', role: 'subdistrict', scopeRegions: [tieta], password },
    csrf,
  );
  // A compound of the street with its register (every demo compound has one), smallest first.
  const compounds = (await (await page.request.get(`/api/compounds?region=${tieta}&pageSize=100`)).json())
    .items as {
    name: string;
    householdCount: number | null;
  }[];
  const compound = compounds
    .filter((c) => (c.householdCount ?? 0) >= 20)
    .sort((a, b) => (a.householdCount ?? 0) - (b.householdCount ?? 0))[0];
  if (!compound) throw new Error('no compound with a register in the street');

  // ── The officer drafts the vote and opens it: the register is frozen.
  await signInAs(page, officer, password);
  await page.goto('/votes');
  await page.getByRole('button', { name: '发起表决' }).click();
  const drawer = page.getByRole('dialog');
  await choose(page, drawer.getByLabel('小区'), compound.name, compound.name);
  await drawer.getByLabel('表决题目').fill(title);
  await drawer.getByRole('button', { name: '保存' }).click();
  await slow(page).toHaveURL(/\/votes\/[0-9a-f-]{36}$/);
  const voteId = page.url().split('/').pop() ?? '';
  await page.getByRole('button', { name: '开始表决' }).click();
  await page.getByRole('button', { name: /确\s?定|OK/ }).click();
  await slow(page.getByText('表决已开始，业主名册已冻结')).toBeVisible();

  const notices = (await (await page.request.get(`/api/votes/${voteId}/notices`)).json()).notices as {
    key: string;
    rooms: string;
    code: string;
  }[];
  const single = notices.filter((n) => n.key !== 'developer' && !n.rooms.includes('、'));
  const [first, second, online] = single;
  if (!first || !second || !online) throw new Error('the register is too small');
  const room = (n: { rooms: string }) => n.rooms.replace(/\s+/g, '');

  // ── Paper ballots, from the keyboard only.
  await enterBallot(page, room(first), '1');
  await enterBallot(page, room(second), '2');

  // ── An owner votes online on a phone, with the code on their notice; no login.
  const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'zh-CN' });
  const ownerPage = await phone.newPage();
  await ownerPage.goto(`/v/${voteId}`);
  await slow(ownerPage.getByText(title)).toBeVisible();
  await ownerPage.getByLabel('表决码（见表决通知）').fill('WRONGCODE9');
  await ownerPage.getByRole('button', { name: '下一步' }).click();
  await slow(ownerPage.getByText('表决码不正确')).toBeVisible();
  await ownerPage.getByLabel('表决码（见表决通知）').fill(online.code);
  await ownerPage.getByRole('button', { name: '下一步' }).click();
  await slow(ownerPage.getByText(online.rooms)).toBeVisible();
  await ownerPage.getByRole('button', { name: /^同\s?意$/ }).click();
  await ownerPage.getByRole('button', { name: /确\s?定|OK/ }).click();
  await slow(ownerPage.getByText('已收到您的表决：同意')).toBeVisible();
  const width = await ownerPage.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
  await phone.close();

  // ── The vote's page: quorum and approval, by area and by headcount, with their numbers.
  await page.reload();
  const measures = page.getByTestId('measure');
  await slow(measures).toHaveCount(4);
  const total = notices.length;
  await expect(measures.nth(0)).toContainText(/^[\d,]+\.\d\d \/ [\d,]+\.\d\d m² = \d+\.\d% < 66\.7%$/);
  await expect(measures.nth(1)).toContainText(`3 / ${total} = `);
  await expect(measures.nth(3)).toContainText('2 / 3 = 66.7% > 50.0%');
  await expect(page.getByText(`同意 2 /`)).toBeVisible();
});
