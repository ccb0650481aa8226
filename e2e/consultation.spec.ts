import { expect, type Page, test } from '@playwright/test';
import { adminPassword, choose, csrfOf, enterBallot, logIn, send, slow, tieta } from './support.js';

/**
 * 一征三议两公开: street staff open a consultation for a compound and print a building's notices;
 * two residents answer the questionnaire on a phone through the compound's link with the codes
 * on their notices, and the answers by building come in live; staff close the questionnaire,
 * hold two meetings, open the owners' vote from the resolve step, enter paper ballots, close
 * it; the vote's page and the resolution show quorum and approval by area and by headcount;
 * the resolution rests on the vote and is disclosed.
 */

interface Notice {
  unit: string;
  room: string;
  code: string;
}

async function answerOnPhone(page: Page, link: string, building: string, notice: Notice, agree: boolean) {
  const phone = await page
    .context()
    .browser()
    ?.newContext({ viewport: { width: 375, height: 740 }, hasTouch: true });
  if (!phone) throw new Error('no browser');
  const resident = await phone.newPage();
  await resident.goto(link);
  await slow(resident.getByText('居民意见征询')).toBeVisible();
  // The page fits the phone: nothing wider than the screen.
  expect(await resident.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await choose(resident, resident.getByLabel('楼栋'), building);
  await resident.getByLabel('单元').fill(notice.unit);
  await resident.getByLabel('房号').fill(notice.room);
  await resident.getByLabel('住户码').fill(notice.code.toLowerCase());
  await resident.getByLabel(agree ? '同意' : '不同意', { exact: true }).check();
  if (agree) await resident.getByLabel('加装电梯').check();
  await resident.getByLabel('其他意见和建议').fill(agree ? '<b>希望</b>尽快开工' : '担心施工影响出行');
  await resident.getByRole('button', { name: '提交' }).click();
  await slow(resident.getByText('提交成功，感谢您的参与！')).toBeVisible();
  await phone.close();
}

async function completeMeeting(page: Page, stage: string, attendance: string, minutes: string) {
  const form = page.getByTestId('stage-form');
  await slow(form).toContainText(stage);
  await form.getByLabel('到会人数').fill(attendance);
  await form.getByLabel('会议纪要').fill(minutes);
  await form.getByLabel('通过', { exact: true }).check();
  await form.getByRole('button', { name: '完成本环节' }).click();
  await slow(page.getByTestId('stage-form')).not.toContainText(stage);
}

test('staff open a consultation, two residents answer on their phones, the resolution is disclosed', async ({
  page,
}) => {
  test.setTimeout(420_000);
  const stamp = Date.now().toString(36);
  const staffUser = `yishi-${stamp}`;
  const password = 'Jiugai-Consult-2024!';
  const title = `是否实施老旧小区改造（${stamp}）`;

  // ── The administrator picks a compound whose households are registered and creates street staff.
  await logIn(page, 'admin', adminPassword);
  await slow(page.getByTestId('user-menu')).toBeVisible();
  const csrf = await csrfOf(page);
  // The street's smallest compound with a register of some size: its owners' vote is quick to fill.
  const compounds = (await (await page.request.get(`/api/compounds?region=${tieta}&pageSize=100`)).json())
    .items as { id: string; name: string; regionCode: string; householdCount: number | null }[];
  const sample = compounds
    .filter((c) => (c.householdCount ?? 0) >= 20)
    .sort((a, b) => (a.householdCount ?? 0) - (b.householdCount ?? 0))[0];
  if (!sample) throw new Error('no compound with a register in the street');
  const compoundId = sample.id;
  const sampleName = sample.name;
  await send(
    page.request,
    'post',
    '/api/users',
    {
      username: staffUser,
      displayName: '社区议事专干',
      role: 'subdistrict',
      scopeRegions: [tieta],
      password,
    },
    csrf,
  );
  await page.context().clearCookies();

  // ── Staff open the consultation and its questionnaire.
  await logIn(page, staffUser, password);
  await slow(page.getByTestId('user-menu')).toBeVisible();
  await page.goto('/consultations');
  await page.getByRole('button', { name: '发起征求意见' }).click();
  const drawer = page.getByRole('dialog');
  await choose(page, drawer.getByLabel('小区'), sampleName, sampleName);
  await drawer.getByLabel('事项').fill(title);
  await drawer.getByRole('button', { name: '保存' }).click();
  await slow(page).toHaveURL(/\/consultations\/[0-9a-f-]{36}$/);
  await slow(page.getByRole('heading', { level: 3, name: sampleName })).toBeVisible();
  await expect(page.getByTestId('stages')).toContainText('征求意见');
  await page.getByLabel('加装电梯').check();
  await page.getByRole('button', { name: '保存并开放问卷' }).click();
  await slow(page.getByText('问卷开放中')).toBeVisible();
  const link = ((await page.getByTestId('public-link').textContent()) ?? '').trim();
  expect(link).toContain(`/q/${compoundId}`);

  // ── The notices of the first building, with a code per household (shown this once).
  await page.getByRole('button', { name: '打印入户通知' }).click();
  const modal = page.getByRole('dialog');
  const buildingField = modal.getByLabel('楼栋');
  await buildingField.click();
  const firstOption = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
  const building = (await firstOption.getAttribute('title')) ?? '';
  await choose(page, buildingField, building);
  await modal.getByRole('button', { name: '生成住户码' }).click();
  const rows = modal.getByTestId('notices').locator('tr.ant-table-row');
  await slow(rows.first()).toBeVisible();
  // Every household of the building gets a code: none has answered yet.
  const householdsInBuilding = await rows.count();
  const notices: Notice[] = [];
  for (const i of [0, 1]) {
    const cells = rows.nth(i).locator('td');
    notices.push({
      unit: ((await cells.nth(1).textContent()) ?? '').trim(),
      room: ((await cells.nth(2).textContent()) ?? '').trim(),
      code: ((await cells.nth(3).textContent()) ?? '').trim(),
    });
  }
  await page.keyboard.press('Escape');
  await slow(modal).toBeHidden();

  // ── Two residents answer on their phones through the compound's link.
  const [first, second] = notices;
  if (!first || !second) throw new Error('two notices expected');
  await answerOnPhone(page, link, building, first, true);
  await answerOnPhone(page, link, building, second, false);

  // ── Staff see the answers come in, by building, without reloading (the page refreshes itself).
  await expect(page.getByTestId('answered-total')).toHaveText('2', { timeout: 90_000 });
  const row = page.getByTestId('results').locator('tr.ant-table-row', { hasText: building }).first();
  const rate = Math.round((2 / householdsInBuilding) * 1000) / 10;
  await slow(row).toContainText(`${rate}%`);
  await expect(page.getByRole('cell', { name: '<b>希望</b>尽快开工' })).toBeVisible();
  await page.getByRole('button', { name: '结束征求意见（以收到的答复为准）' }).click();
  await completeMeeting(page, '社区党组织提议', '9', '社区党委提议将本小区纳入改造计划。');
  await completeMeeting(page, '议事会商议', '15', '议事会与业委会、物业逐项商议改造内容。');

  // ── The resolution is an owners' vote: opened from the resolve step, for the compound.
  const consultationUrl = page.url();
  const form = page.getByTestId('stage-form');
  await slow(form).toContainText('居民（代表）会议决议');
  await form.getByRole('button', { name: '发起业主表决' }).click();
  const voteDrawer = page.getByRole('dialog');
  await expect(voteDrawer.getByLabel('表决题目')).toHaveValue(`${title}表决`);
  await voteDrawer.getByRole('button', { name: '保存' }).click();
  await slow(page).toHaveURL(/\/votes\/[0-9a-f-]{36}\?consultation=/);
  const voteId = new URL(page.url()).pathname.split('/').pop() ?? '';
  await expect(page.getByText(sampleName).first()).toBeVisible();
  await page.getByRole('button', { name: '开始表决' }).click();
  await page.getByRole('button', { name: /确\s?定|OK/ }).click();
  await slow(page.getByText('表决已开始，业主名册已冻结')).toBeVisible();

  // ── Staff enter the paper ballots: two from the keyboard alone, the rest of the pile too.
  const notices2 = (await (await page.request.get(`/api/votes/${voteId}/notices`)).json()).notices as {
    key: string;
    rooms: string;
  }[];
  const single = notices2.filter((n) => n.key !== 'developer' && !n.rooms.includes('、'));
  const [one, two] = single;
  if (!one || !two) throw new Error('the register is too small');
  const room = (n: { rooms: string }) => n.rooms.replace(/\s+/g, '');
  await enterBallot(page, room(one), '1');
  await enterBallot(page, room(two), '2');
  const staffCsrf = await csrfOf(page);
  for (const n of notices2.filter((x) => x.key !== one.key && x.key !== two.key)) {
    await send(
      page.request,
      'post',
      `/api/votes/${voteId}/ballots`,
      { voterKey: n.key, choice: 'for' },
      staffCsrf,
    );
  }
  await page.reload();
  const total = notices2.length;
  const measures = page.getByTestId('measure');
  await slow(measures).toHaveCount(4);
  await expect(measures.nth(0)).toContainText(/^[\d,]+\.\d\d \/ [\d,]+\.\d\d m² = 100\.0% ≥ 66\.7%$/);
  await expect(measures.nth(1)).toContainText(`${total} / ${total} = 100.0% ≥ 66.7%`);
  await expect(measures.nth(2)).toContainText(/^[\d,]+\.\d\d \/ [\d,]+\.\d\d m² = \d+\.\d% > 50\.0%$/);
  await expect(measures.nth(3)).toContainText(`${total - 1} / ${total} = `);
  await page.getByRole('button', { name: '结束表决' }).click();
  await page.getByRole('button', { name: /确\s?定|OK/ }).click();
  await slow(page.getByTestId('conclusion')).toHaveText('结论：通过');

  // ── Back at the consultation, the resolution rests on the vote: its outcome is the vote's.
  await page.getByRole('link', { name: /返回议事流程/ }).click();
  await slow(page).toHaveURL(consultationUrl);
  const resolve = page.getByTestId('stage-form');
  await slow(resolve).toContainText('居民（代表）会议决议');
  await resolve.getByLabel('到会人数').fill(String(total));
  await resolve.getByLabel('会议纪要').fill('居民（代表）会议依据业主表决结果作出决议。');
  await choose(page, resolve.getByLabel('依据的业主表决'), `${title}表决（通过）`);
  await expect(resolve.getByLabel('通过', { exact: true })).toBeChecked();
  await resolve.getByRole('button', { name: '完成本环节' }).click();
  await slow(page.getByTestId('stage-form')).toContainText('决议公开');
  const result = page.getByTestId('resolution-vote');
  await expect(result).toContainText(`${title}表决`);
  const lines = result.getByTestId('resolution-measure');
  await expect(lines).toHaveCount(4);
  await expect(lines.nth(1)).toHaveText(`${total} / ${total} = 100.0% ≥ 66.7%`);
  await expect(lines.nth(3)).toContainText(`${total - 1} / ${total} = `);
  await expect(result.getByRole('link', { name: '查看表决' })).toHaveAttribute('href', `/votes/${voteId}`);

  // ── The resolution is disclosed: what, where; the consultation is resolved.
  const disclose = page.getByTestId('stage-form');
  await disclose.getByLabel('公开内容').fill('居民代表会议决议全文及业主表决结果');
  await disclose.getByLabel('公开地点或渠道').fill('小区公告栏、社区微信群');
  await disclose.getByLabel('公开地点或渠道').press('Enter');
  await slow(page.getByTestId('consultation-status')).toHaveText('决议已公开');
  await expect(page.getByTestId('stage-form')).toContainText('实施结果公开');
});
