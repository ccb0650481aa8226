import { expect, type Page, test } from '@playwright/test';
import { adminPassword, choose, csrfOf, districtDay, logIn, send } from './support.js';

/**
 * 拆违治乱: a surveyor registers a structure at a household; two measurements disagree and a third
 * resolves them; the cadre assigned to the household logs two visits on a phone; the owner removes
 * it, the site is cleared with a photo, and the self-removal rate on the subdistrict board changes.
 */

/** Waits for the page: generous, as the machine running the journeys may be shared. */
const slow = expect.configure({ timeout: 30_000 });

/** Sign in as someone else: the session cookie goes, the next login starts from the login page. */
async function signInAs(page: Page, username: string, password: string) {
  await page.context().clearCookies();
  await logIn(page, username, password);
  await slow(page.getByTestId('user-menu')).toBeVisible();
}

/** A figure of the board's totals, as shown ("66.7", "3"): the value of the statistic `testId`. */
async function figure(page: Page, testId: string): Promise<string> {
  const value = page.getByTestId(testId).locator('.ant-statistic-content-value');
  await slow(value).toBeVisible();
  return ((await value.textContent()) ?? '').replaceAll(',', '').trim();
}

/** The board (removals today), loaded: its removals, self-removals and self-removal rate. */
async function boardFigures(page: Page, board: string) {
  await page.goto(board);
  await slow(page.getByTestId('self-rate')).toBeVisible();
  return {
    removed: Number(await figure(page, 'removed-count')),
    selfRemoved: Number(await figure(page, 'self-removed-count')),
    rate: await figure(page, 'self-rate'),
  };
}

/** A rate as the board shows it: percent, one decimal, rounded half up (0.0 when nothing was removed). */
const rateOf = (part: number, whole: number) =>
  whole === 0 ? '0.0' : (Math.round((part * 1000) / whole) / 10).toFixed(1);

async function measure(page: Page, by: string, area: string) {
  const form = page.locator('form#measurement');
  await form.getByLabel('测量人').fill(by);
  await form.getByLabel('面积（㎡）').fill(area);
  await form.getByRole('button', { name: '记录测量' }).click();
  await slow(page.locator('tr.ant-table-row').filter({ hasText: by })).toBeVisible();
}

test('a structure is measured, persuaded, removed by its owner and cleared; the board follows', async ({
  page,
}) => {
  test.setTimeout(420_000);
  const stamp = Date.now().toString(36);
  const surveyorUser = `survey-${stamp}`;
  const cadreUser = `baohu-${stamp}`;
  const password = 'Jiugai-Demolition-2024!';
  const location = `一层院内东侧（${stamp}）`;
  const photoName = '清理后-现场.jpg';

  // ── The administrator finds a compound whose households are registered (the demo's survey is
  // there), creates the surveyor for its subdistrict and a community login for a cadre there.
  await logIn(page, 'admin', adminPassword);
  await slow(page.getByTestId('user-menu')).toBeVisible();
  const csrf = await csrfOf(page);
  const sample = (
    await (await page.request.get('/api/illegal-structures?outstanding=true&pageSize=1')).json()
  ).items[0] as { compoundId: string; compoundName: string; regionCode: string };
  const street = sample.regionCode.slice(0, 9);
  const cadres = await (
    await page.request.get(`/api/cadres?region=${street}&level=other&pageSize=100`)
  ).json();
  const cadre = (
    cadres.items as { id: string; name: string; unitName: string | null; hasLogin: boolean }[]
  ).find((c) => !c.hasLogin);
  if (!cadre) throw new Error('every cadre there already has a login');
  await send(
    page.request,
    'post',
    '/api/users',
    {
      username: surveyorUser,
      displayName: '摸排组 张某',
      role: 'subdistrict',
      scopeRegions: [street],
      password,
    },
    csrf,
  );
  const login = await send<{ id: string; version: number }>(
    page.request,
    'post',
    '/api/users',
    {
      username: cadreUser,
      displayName: '包保干部',
      role: 'community',
      scopeRegions: [sample.regionCode],
      password,
    },
    csrf,
  );
  await send(
    page.request,
    'patch',
    `/api/users/${login.id}`,
    { version: login.version, cadreId: cadre.id },
    csrf,
  );

  // ── The surveyor: the board's removals today (a run before this one may have made some), then
  // a new structure.
  await signInAs(page, surveyorUser, password);
  const board = `/illegal/board?groupBy=compound&from=${districtDay(0)}&to=${districtDay(0)}`;
  const before = await boardFigures(page, board);
  expect(before.rate).toBe(rateOf(before.selfRemoved, before.removed));

  await page.goto('/illegal');
  await page.getByRole('button', { name: '登记违建' }).click();
  const drawer = page.getByRole('dialog');
  await choose(page, drawer.getByLabel('小区'), sample.compoundName, sample.compoundName);
  // The register's first household, chosen by its label: a bare "first option" could be the
  // compound dropdown still sliding away.
  const first = (
    await (await page.request.get(`/api/compounds/${sample.compoundId}/households?pageSize=1`)).json()
  ).items[0] as { building: string; unit: string; room: string };
  await choose(page, drawer.getByLabel('住户'), `${first.building} ${first.unit} ${first.room}`);
  await choose(page, drawer.getByLabel('类型'), '棚屋');
  await drawer.getByLabel('位置描述').fill(location);
  await drawer.getByLabel('摸排人').fill('摸排组·张某');
  await drawer.getByRole('button', { name: '登记违建' }).click();
  await slow(page).toHaveURL(/\/illegal\/[0-9a-f-]{36}$/);
  const structureUrl = page.url();
  await slow(page.getByTestId('verification')).toContainText('尚未测量');

  // Two people disagree by 10%: a third measurement is asked for, and it agrees with the first.
  await measure(page, '测量员甲', '20');
  await measure(page, '测量员乙', '18');
  await slow(page.getByTestId('verification')).toContainText('需第三次测量');
  await measure(page, '测量员丙', '19.6');
  await slow(page.getByTestId('verification')).toContainText('面积已核定：19.8 ㎡');

  // The cadre is assigned to the household.
  const assign = page.locator('form#assign');
  // The picker names a cadre with their unit, which tells namesakes apart.
  const cadreTitle = cadre.unitName ? `${cadre.name}（${cadre.unitName}）` : cadre.name;
  await choose(page, assign.getByLabel('走访干部'), cadreTitle, cadre.name);
  await assign.getByRole('button', { name: '分配包保干部' }).click();
  await slow(page.getByText(`${cadre.name} · 包住户`)).toBeVisible();

  // ── The cadre, on a phone: "my households" (a page long enough for every household of theirs),
  // the new structure's card found by its own location, and through it to two visits.
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, cadreUser, password);
  await page.goto('/illegal/mine?pageSize=100');
  const card = page.getByTestId('my-structure').filter({ hasText: location });
  await slow(card).toHaveCount(1);
  await card.getByRole('button', { name: '记录走访' }).click();
  await slow(page).toHaveURL(structureUrl);
  const visit = page.locator('form#visit');
  for (const [outcome, notes] of [
    ['犹豫', '户主担心拆后无处存放杂物'],
    ['同意自拆', '讲清政策，户主同意本周自行拆除'],
  ]) {
    await choose(page, visit.getByLabel('结果'), outcome ?? '');
    await visit.getByLabel('情况记录').fill(notes ?? '');
    await visit.getByRole('button', { name: '记录走访' }).click();
    await slow(page.getByTestId('visit').filter({ hasText: notes ?? '' })).toBeVisible();
  }
  await slow(page.getByTestId('visit')).toHaveCount(2);

  // ── The surveyor records the owner's removal, a photo of the cleared site, and the clearing.
  await page.setViewportSize({ width: 1280, height: 800 });
  await signInAs(page, surveyorUser, password);
  await page.goto(structureUrl);
  const removal = page.locator('form#removal');
  await slow(removal.getByLabel('拆除方式')).toBeVisible();
  await removal.getByRole('button', { name: '记录拆除' }).click();
  await slow(page.locator('form#clearing')).toBeVisible();

  const jpeg = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 800;
    canvas.height = 600;
    const g = canvas.getContext('2d');
    if (g) {
      g.fillStyle = '#8a6';
      g.fillRect(0, 0, 800, 600);
    }
    return canvas.toDataURL('image/jpeg', 0.9).split(',')[1] ?? '';
  });
  await page.locator('input[type=file]').setInputFiles({
    name: photoName,
    mimeType: 'image/jpeg',
    buffer: Buffer.from(jpeg, 'base64'),
  });
  await slow(page.getByRole('img', { name: photoName })).toBeVisible();
  const clearing = page.locator('form#clearing');
  await slow(clearing).toContainText(photoName);
  await clearing.getByRole('button', { name: '确认已清理（即拆即清）' }).click();
  await slow(page.getByText('现场清理完毕')).toBeVisible();

  // ── The board: one more removal today, by its owner, and the rate worked out from the counts.
  const after = await boardFigures(page, board);
  expect(after.removed).toBe(before.removed + 1);
  expect(after.selfRemoved).toBe(before.selfRemoved + 1);
  expect(after.rate).toBe(rateOf(before.selfRemoved + 1, before.removed + 1));
  // Every removal so far by its owner stays at 100.0; otherwise the rate moves.
  if (before.selfRemoved !== before.removed) expect(after.rate).not.toBe(before.rate);
});
