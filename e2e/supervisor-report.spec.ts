import { expect, type Page, test } from '@playwright/test';
import { creditCheckChar } from '../src/domain/quality.js';
import { adminPassword, csrfOf, logIn, send } from './support.js';

/**
 * 旧改监督员, on a phone: a resident supervisor reports a problem with a photo from the camera; it
 * reaches the construction unit as a rectification ticket, the contractor sends a photo and a note
 * of the fix, and the supervisor confirms it on the phone.
 */

/** Waits for the page: generous, as the machine running the journeys may be shared. */
const slow = expect.configure({ timeout: 30_000 });

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

/** Sign in through the API as `username` (the page's cookies then carry that session); its CSRF header. */
async function apiSession(page: Page, username: string, password: string) {
  await page.context().clearCookies();
  const res = await page.request.post('/api/auth/login', { data: { username, password } });
  expect(res.ok(), await res.text()).toBeTruthy();
  return { 'x-csrf-token': (await res.json()).csrfToken as string };
}

test('a resident supervisor reports a problem with a photo, the contractor fixes it, the supervisor confirms', async ({
  page,
}) => {
  test.setTimeout(420_000);
  const stamp = Date.now().toString(36);
  const password = 'Jiugai-Supervise-2024!';
  const hqUser = `hq-jd-${stamp}`;
  const streetUser = `street-jd-${stamp}`;
  const builderUser = `builder-jd-${stamp}`;
  const residentUser = `jdy-${stamp}`;
  const problem = `车棚顶棚漏雨（${stamp}）`;

  // ── The administrator makes headquarters, street and contractor logins.
  await logIn(page, 'admin', adminPassword);
  await slow(page.getByTestId('user-menu')).toBeVisible();
  const admin = await csrfOf(page);
  const compounds = (await (
    await page.request.get('/api/compounds?region=410203002&status=not_planned&pageSize=100')
  ).json()) as { items: { id: string; name: string; regionCode: string }[] };
  const compound = compounds.items[Number.parseInt(stamp, 36) % compounds.items.length];
  if (!compound) throw new Error('no compound without a project in 铁塔街道');
  const street = compound.regionCode.slice(0, 9);
  const user = (username: string, role: string, scopeRegions: string[]) =>
    send(
      page.request,
      'post',
      '/api/users',
      { username, displayName: username, role, password, scopeRegions },
      admin,
    );
  await user(hqUser, 'hq', []);
  await user(streetUser, 'subdistrict', [street]);
  await user(builderUser, 'contractor', [street]);

  // ── Headquarters starts a project there and names its construction unit with the contractor.
  const hq = await apiSession(page, hqUser, password);
  let projectId = '';
  for (let year = 2100; !projectId && year > 2030; year--) {
    const res = await page.request.post('/api/projects', {
      data: { compoundId: compound.id, year },
      headers: hq,
    });
    if (res.ok()) projectId = (await res.json()).id;
  }
  expect(projectId).not.toBe('');
  const first17 = `91410203MA${stamp.toUpperCase().replace(/[^0-9A-HJ-NPQRTUWXY]/g, '0')}0000000`.slice(
    0,
    17,
  );
  const firm = await send<{ id: string }>(
    page.request,
    'post',
    '/api/firms',
    { name: `示例·监督旅程建设有限公司${stamp}`, creditCode: first17 + creditCheckChar(first17) },
    hq,
  );
  const withPerson = await send<{ people: { id: string; username: string | null }[] }>(
    page.request,
    'post',
    `/api/firms/${firm.id}/people`,
    { name: '施工员', post: '项目经理', username: builderUser },
    hq,
  );
  const person = withPerson.people.find((p) => p.username === builderUser);
  const units = await page.request.put(`/api/projects/${projectId}/units`, {
    data: { units: [{ kind: 'construction', firmId: firm.id, people: [person?.id] }] },
    headers: hq,
  });
  expect(units.ok(), await units.text()).toBeTruthy();

  // ── The street registers a resident supervisor of the compound, appoints them and gives a login.
  const streetCsrf = await apiSession(page, streetUser, password);
  const supervisor = await send<{ id: string }>(
    page.request,
    'post',
    '/api/resident-supervisors',
    { name: '李桂英', compoundId: compound.id, phone: '13912340000' },
    streetCsrf,
  );
  await send(
    page.request,
    'post',
    `/api/resident-supervisors/${supervisor.id}/appointments`,
    { projectId },
    streetCsrf,
  );
  const made = await send<{ password: string }>(
    page.request,
    'post',
    `/api/resident-supervisors/${supervisor.id}/login`,
    { username: residentUser },
    streetCsrf,
  );
  // The first password is someone else's choice: the supervisor sets their own.
  const first = await apiSession(page, residentUser, made.password);
  await send(
    page.request,
    'post',
    '/api/auth/password',
    { currentPassword: made.password, newPassword: password },
    first,
  );

  // ── On the phone: 我的监督, report the problem with a photo from the camera.
  await page.context().clearCookies();
  await logIn(page, residentUser, password);
  await slow(page.getByTestId('user-menu')).toBeVisible();
  await page.goto('/supervisors/mine');
  const projectCard = page.getByTestId('my-project').filter({ hasText: compound.name });
  await slow(projectCard).toBeVisible();
  await projectCard.getByRole('button', { name: '反映问题' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('位置').fill('北门车棚');
  await drawer.getByLabel('问题描述').fill(problem);
  const jpeg = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 240;
    const g = canvas.getContext('2d');
    if (g) {
      g.fillStyle = '#4a7';
      g.fillRect(0, 0, 320, 240);
    }
    return canvas.toDataURL('image/jpeg', 0.9).split(',')[1] ?? '';
  });
  const camera = page.getByTestId('report-photo');
  await expect(camera).toHaveAttribute('capture', 'environment');
  await camera.setInputFiles({
    name: '车棚.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from(jpeg, 'base64'),
  });
  await slow(drawer.getByText('已选 1 张')).toBeVisible();
  await drawer.getByRole('button', { name: '保存' }).click();
  const card = page.getByTestId('my-report').filter({ hasText: problem });
  await slow(card).toBeVisible();
  await slow(card.getByText('待整改')).toBeVisible();
  await slow(card.locator('img')).toHaveCount(1);

  // ── The contractor finds it among the project's tickets and sends a photo and a note of the fix.
  const builder = await apiSession(page, builderUser, password);
  const quality = (await (await page.request.get(`/api/projects/${projectId}/quality`)).json()) as {
    tickets: { id: string; source: string; title: string; version: number }[];
  };
  const ticket = quality.tickets.find((x) => x.source === 'resident_report' && x.title.includes(stamp));
  if (!ticket) throw new Error('the report did not reach the construction unit');
  const photo = await page.request.post(`/api/tickets/${ticket.id}/photos?fileName=fixed.jpg`, {
    data: Buffer.from(jpeg, 'base64'),
    headers: { ...builder, 'content-type': 'image/jpeg' },
  });
  expect(photo.ok(), await photo.text()).toBeTruthy();
  await send(
    page.request,
    'post',
    `/api/tickets/${ticket.id}/evidence`,
    { version: ticket.version, note: '顶棚接缝已重新打胶' },
    builder,
  );

  // ── Back on the phone: the fix is there; the supervisor confirms it.
  await page.context().clearCookies();
  await logIn(page, residentUser, password);
  await slow(page.getByTestId('user-menu')).toBeVisible();
  await page.goto('/supervisors/mine');
  await slow(card.getByText('已整改待核验')).toBeVisible();
  await slow(card.getByText('顶棚接缝已重新打胶')).toBeVisible();
  await card.getByRole('button', { name: '确认整改到位' }).click();
  await slow(card.getByText('我已确认')).toBeVisible();
  await expect(card.getByRole('button', { name: '确认整改到位' })).toHaveCount(0);
});
