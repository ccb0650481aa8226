import { expect, type Page, test } from '@playwright/test';
import { adminPassword, choose, csrfOf, logIn, send } from './support.js';

/**
 * 一征三议两公开: street staff open a consultation for a compound and print a building's notices;
 * two residents answer the questionnaire on a phone through the compound's link with the codes
 * on their notices; staff close the questionnaire, hold the three meetings and disclose the
 * resolution. (The owners' vote the resolution may rest on joins this journey with votes.)
 */

/** Waits for the page: generous, as the machine running the journeys may be shared. */
const slow = expect.configure({ timeout: 30_000 });

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
  const sample = (
    await (await page.request.get('/api/illegal-structures?outstanding=true&pageSize=1')).json()
  ).items[0] as { compoundId: string; compoundName: string; regionCode: string };
  await send(
    page.request,
    'post',
    '/api/users',
    {
      username: staffUser,
      displayName: '社区议事专干',
      role: 'subdistrict',
      scopeRegions: [sample.regionCode.slice(0, 9)],
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
  await choose(page, drawer.getByLabel('小区'), sample.compoundName, sample.compoundName);
  await drawer.getByLabel('事项').fill(title);
  await drawer.getByRole('button', { name: '保存' }).click();
  await slow(page).toHaveURL(/\/consultations\/[0-9a-f-]{36}$/);
  await slow(page.getByRole('heading', { level: 3, name: sample.compoundName })).toBeVisible();
  await expect(page.getByTestId('stages')).toContainText('征求意见');
  await page.getByLabel('加装电梯').check();
  await page.getByRole('button', { name: '保存并开放问卷' }).click();
  await slow(page.getByText('问卷开放中')).toBeVisible();
  const link = ((await page.getByTestId('public-link').textContent()) ?? '').trim();
  expect(link).toContain(`/q/${sample.compoundId}`);

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

  // ── Staff see the answers by building, close the questionnaire, hold the meetings.
  await page.reload();
  await slow(page.getByTestId('answered-total')).toHaveText('2');
  await expect(page.getByTestId('results')).toContainText(building);
  await expect(page.getByText('<b>希望</b>尽快开工')).toBeVisible();
  await page.getByRole('button', { name: '结束征求意见（以收到的答复为准）' }).click();
  await completeMeeting(page, '社区党组织提议', '9', '社区党委提议将本小区纳入改造计划。');
  await completeMeeting(page, '议事会商议', '15', '议事会与业委会、物业逐项商议改造内容。');
  await completeMeeting(page, '居民（代表）会议决议', '86', '居民代表会议表决同意实施改造。');

  // ── The resolution is disclosed: what, where; the consultation is resolved.
  const form = page.getByTestId('stage-form');
  await slow(form).toContainText('决议公开');
  await form.getByLabel('公开内容').fill('居民代表会议决议全文及表决情况');
  await form.getByLabel('公开地点或渠道').fill('小区公告栏、社区微信群');
  await form.getByLabel('公开地点或渠道').press('Enter');
  await slow(page.getByTestId('consultation-status')).toHaveText('决议已公开');
  await expect(page.getByTestId('stage-form')).toContainText('实施结果公开');
});
