import {
  type APIRequestContext,
  expect,
  type Page,
  request as playwrightRequest,
  test,
} from '@playwright/test';
import { creditCheckChar } from '../src/domain/quality.js';
import { adminPassword, confirmPopup, csrfOf, logIn, send, tieta } from './support.js';

/**
 * Engineering quality on a phone: the supervising engineer records a spot check with a photo and a
 * finding (the connection drops as it goes; it is kept and sent again), attaches a sample's lab
 * report and approves its batch for use; the ticket reaches the
 * contractor, who sends evidence from the camera; the engineer reopens it once, then verifies
 * it. While the ticket is open the acceptance is held even with six signatures (the page says
 * why); verifying it passes the acceptance at once, with nobody signing again.
 */

/** Waits for the page: generous, as the machine running the journeys may be shared. */
const slow = expect.configure({ timeout: 30_000 });

async function signInAs(page: Page, username: string, password: string) {
  await page.context().clearCookies();
  await logIn(page, username, password);
  await slow(page.getByTestId('user-menu')).toBeVisible();
}

/** An API session of its own for someone whose part the journey does not follow in the browser. */
async function apiSession(baseURL: string, username: string, password: string) {
  const context = await playwrightRequest.newContext({ baseURL });
  const res = await context.post('/api/auth/login', { data: { username, password } });
  expect(res.ok(), await res.text()).toBeTruthy();
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { context, headers: { 'x-csrf-token': csrfToken } };
}

/** A unified social credit code nobody else has, with its right check character. */
function creditCode(seed: number): string {
  const first17 = `91410203${String(seed).padStart(9, '0').slice(-9)}`;
  return first17 + creditCheckChar(first17);
}

/** A real JPEG, drawn by the browser itself, as a phone's camera would hand one over. */
async function jpegOf(page: Page, colour: string): Promise<Buffer> {
  const data = await page.evaluate((fill) => {
    const canvas = document.createElement('canvas');
    canvas.width = 1200;
    canvas.height = 900;
    const g = canvas.getContext('2d');
    if (g) {
      g.fillStyle = fill;
      g.fillRect(0, 0, 1200, 900);
    }
    return canvas.toDataURL('image/jpeg', 0.9).split(',')[1] ?? '';
  }, colour);
  return Buffer.from(data, 'base64');
}

async function put(
  requestContext: APIRequestContext,
  url: string,
  data: unknown,
  headers: Record<string, string>,
) {
  const res = await requestContext.put(url, { data, headers });
  expect(res.ok(), `PUT ${url}: ${await res.text()}`).toBeTruthy();
  return res.json();
}

test('a spot check’s finding is fixed, reopened, verified; the acceptance waits for it', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(900_000);
  const stamp = Date.now().toString(36);
  const seed = Date.now() % 1_000_000_000;
  const password = 'Jiugai-Quality-2026!';
  const who = {
    hq: `zhihui-${stamp}`,
    contractor: `shigong-${stamp}`,
    supervisor: `jianli-${stamp}`,
    designer: `sheji-${stamp}`,
    street: `jiedao-${stamp}`,
    community: `shequ-${stamp}`,
  };
  // The owners' representative is a resident supervisor appointed to the project (below).
  const owners = `yezhu-${stamp}`;
  const finding = `东侧女儿墙泛水高度不足（${stamp}）`;
  const ticketTitle = `女儿墙泛水整改 ${stamp}`;

  // ── The administrator creates the people; headquarters the three firms and a project naming them.
  await logIn(page, 'admin', adminPassword);
  await slow(page.getByTestId('user-menu')).toBeVisible();
  const csrf = await csrfOf(page);
  const roles: Record<keyof typeof who, string> = {
    hq: 'hq',
    contractor: 'contractor',
    supervisor: 'supervisor',
    designer: 'contractor',
    street: 'subdistrict',
    community: 'community',
  };
  for (const [key, username] of Object.entries(who))
    await send(
      page.request,
      'post',
      '/api/users',
      {
        username,
        displayName: `${key}-${stamp}`,
        role: roles[key as keyof typeof who],
        ...(key === 'hq' ? {} : { scopeRegions: [tieta] }),
        password,
      },
      csrf,
    );
  // Headquarters keeps the firms registry and starts the project.
  const hq = await apiSession(baseURL ?? '', who.hq, password);
  type Firm = { id: string; people: { id: string; username: string | null }[] };
  const firmOf = async (name: string, n: number, username: string) => {
    const firm = await send<Firm>(
      hq.context,
      'post',
      '/api/firms',
      { name: `${name}（${stamp}）`, creditCode: creditCode(seed * 3 + n), qualification: '二级' },
      hq.headers,
    );
    const withPerson = await send<Firm>(
      hq.context,
      'post',
      `/api/firms/${firm.id}/people`,
      { name: `${name}负责人`, post: '项目负责人', username },
      hq.headers,
    );
    return { id: firm.id, person: withPerson.people.find((p) => p.username === username)?.id ?? '' };
  };
  const construction = await firmOf('开封示例建设工程有限公司', 0, who.contractor);
  const supervision = await firmOf('开封示例工程监理有限公司', 1, who.supervisor);
  const design = await firmOf('开封示例建筑设计院', 2, who.designer);

  const compounds = (await (await page.request.get(`/api/compounds?region=${tieta}&pageSize=50`)).json()) as {
    items: { id: string }[];
  };
  let projectId = '';
  let compoundId = '';
  for (const compound of compounds.items) {
    const res = await hq.context.post('/api/projects', {
      data: { compoundId: compound.id, year: 2031 },
      headers: hq.headers,
    });
    if (res.ok()) {
      projectId = ((await res.json()) as { id: string }).id;
      compoundId = compound.id;
      break;
    }
  }
  expect(projectId, 'a compound of 铁塔街道 without a 2031 project').not.toBe('');
  await put(
    hq.context,
    `/api/projects/${projectId}/units`,
    {
      units: [
        { kind: 'construction', firmId: construction.id, people: [construction.person] },
        { kind: 'supervision', firmId: supervision.id, people: [supervision.person] },
        { kind: 'design', firmId: design.id, people: [design.person] },
      ],
    },
    hq.headers,
  );
  const street = await apiSession(baseURL ?? '', who.street, password);
  // The street registers the owners' representative as the compound's resident supervisor, appoints
  // them to the project and gives them a login; they set their own password.
  const representative = await send<{ id: string }>(
    street.context,
    'post',
    '/api/resident-supervisors',
    { name: `业主代表${stamp}`, compoundId, phone: '13912340001' },
    street.headers,
  );
  await send(
    street.context,
    'post',
    `/api/resident-supervisors/${representative.id}/appointments`,
    { projectId },
    street.headers,
  );
  const made = await send<{ password: string }>(
    street.context,
    'post',
    `/api/resident-supervisors/${representative.id}/login`,
    { username: owners },
    street.headers,
  );
  const first = await apiSession(baseURL ?? '', owners, made.password);
  await send(
    first.context,
    'post',
    '/api/auth/password',
    { currentPassword: made.password, newPassword: password },
    first.headers,
  );
  const qualityUrl = (tab: string) => `/projects/${projectId}/quality?tab=${tab}`;

  // ── The supervising engineer, on a phone, on site: a spot check with a photo and a finding.
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, who.supervisor, password);
  await page.goto(`/projects/${projectId}`);
  await page.getByTestId('quality-page').click();
  await slow(page).toHaveURL(/\/quality/);
  await page.getByRole('tab', { name: '巡查抽查' }).click();
  await page.getByRole('button', { name: '记录巡查' }).click();
  const sheet = page.getByRole('dialog');
  await sheet.getByLabel('关键部位或工序').fill('屋面防水');
  await sheet.getByLabel('实测数据').fill('卷材搭接 80mm');
  await sheet.getByLabel('发现问题').fill(finding);
  await sheet.getByRole('switch').click();
  await sheet.getByLabel('整改事项').fill(ticketTitle);
  await sheet.locator('input[type=file][capture]').setInputFiles({
    name: '泛水-现场.jpg',
    mimeType: 'image/jpeg',
    buffer: await jpegOf(page, '#8a6'),
  });
  await slow(sheet.getByRole('img', { name: '泛水-现场.jpg' })).toBeVisible();
  // The signal drops as it goes: what was typed is kept, and goes once the phone is back online.
  await page.route(`**/api/projects/${projectId}/inspections`, (route) => route.abort(), { times: 1 });
  await sheet.getByRole('button', { name: '保存' }).click();
  await slow(sheet.getByTestId('draft-state')).toHaveText(/未保存（将重试）/);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await slow(page.getByRole('dialog')).toHaveCount(0);
  const inspection = page.getByTestId('inspection').filter({ hasText: finding });
  await slow(inspection).toBeVisible();
  await slow(inspection.getByRole('img', { name: '泛水-现场.jpg' })).toBeVisible();
  // A witnessed sample's lab report, attached from the phone as a PDF; the engineer then approves
  // the batch for use (offered only once the report is there).
  await send(
    page.request,
    'post',
    `/api/projects/${projectId}/samples`,
    {
      material: '防水卷材',
      batch: `FS-${stamp}`,
      required: 3,
      taken: 3,
      witness: '见证人',
      lab: '开封市建设工程质量检测中心',
      result: 'pass',
      report: '报告编号 SN-001',
    },
    await csrfOf(page),
  );
  await page.goto(qualityUrl('materials'));
  const batch = page.getByTestId('batch').filter({ hasText: `FS-${stamp}` });
  await slow(batch).toContainText('未上传检测报告');
  await page.locator('input[type=file][accept*="pdf"]').setInputFiles({
    name: '检测报告-FS.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1'),
  });
  await slow(page.getByTestId('document').filter({ hasText: '检测报告-FS.pdf' })).toBeVisible();
  await batch.getByRole('button', { name: '签认使用' }).click();
  await confirmPopup(page);
  await slow(batch.getByTestId('batch-approval')).toHaveText('已签认使用');
  // On a phone the later tabs sit behind the tab bar's "more": the address leads there too.
  await page.goto(qualityUrl('tickets'));
  const ticket = page.getByTestId('ticket').filter({ hasText: ticketTitle });
  await slow(ticket.getByTestId('ticket-status')).toHaveText('待整改');

  // ── The contractor: the ticket reached them; evidence from the camera.
  const sendEvidence = async (note: string, colour: string) => {
    await page.goto(qualityUrl('tickets'));
    await slow(ticket.getByTestId('ticket-status')).toHaveText(/待整改|已退回/);
    await ticket.getByRole('button', { name: '上传整改凭证' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('整改说明').fill(note);
    await form.locator('input[type=file][capture]').setInputFiles({
      name: `整改后-${colour.slice(1)}.jpg`,
      mimeType: 'image/jpeg',
      buffer: await jpegOf(page, colour),
    });
    await form.getByRole('button', { name: '保存' }).click();
    await slow(ticket.getByTestId('ticket-status')).toHaveText('待核验');
    await slow(ticket).toContainText(note);
  };
  await signInAs(page, who.contractor, password);
  await sendEvidence('泛水已加高至 250mm', '#68a');

  // ── The engineer reopens it once.
  await signInAs(page, who.supervisor, password);
  await page.goto(qualityUrl('tickets'));
  await ticket.getByRole('button', { name: '退回重改' }).click();
  await page.getByRole('dialog').getByLabel('退回原因').fill('阴角处仍有空鼓');
  await page.getByRole('dialog').getByRole('button', { name: '退回重改' }).click();
  await slow(ticket.getByTestId('ticket-status')).toHaveText('已退回');

  // ── The acceptance is organised and five parties sign through their own sessions.
  const quality = (await (await street.context.get(`/api/projects/${projectId}/quality`)).json()) as {
    earliestAcceptance: string;
  };
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const organised = await street.context.post(`/api/projects/${projectId}/acceptance`, {
    data: {
      noticeDate: today,
      acceptanceDate: quality.earliestAcceptance,
      agency: '顺河区建设工程质量监督站',
    },
    headers: street.headers,
  });
  expect(organised.ok(), await organised.text()).toBeTruthy();
  const signs: [string, string][] = [
    [who.street, 'subdistrict'],
    [who.community, 'community'],
    [owners, 'owners'],
    [who.designer, 'design'],
    [who.contractor, 'construction'],
  ];
  for (const [username, party] of signs) {
    const session = username === who.street ? street : await apiSession(baseURL ?? '', username, password);
    const signed = await session.context.post(`/api/projects/${projectId}/acceptance/signatures`, {
      data: { party, decision: 'signed', remarks: '同意' },
      headers: session.headers,
    });
    expect(signed.ok(), await signed.text()).toBeTruthy();
  }

  // ── The sixth signature on the page, while the ticket is open: held, and the page says why.
  const signOnPage = async (button: string) => {
    await page.goto(qualityUrl('acceptance'));
    await page.getByRole('button', { name: button }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('意见').fill('同意验收');
    await dialog.getByRole('button', { name: '提交' }).click();
    await slow(page.getByTestId('signature-supervision')).toHaveText('同意');
  };
  await signOnPage('签字');
  await slow(page.getByTestId('acceptance-blocks')).toContainText('整改单未销号');
  await expect(page.getByTestId('acceptance-passed')).toHaveCount(0);

  // ── The second fix, verified: the six signatures stand, and the acceptance passes with it.
  await signInAs(page, who.contractor, password);
  await sendEvidence('空鼓处已返工', '#a68');
  await signInAs(page, who.supervisor, password);
  await page.goto(qualityUrl('tickets'));
  await ticket.getByRole('button', { name: '核验通过' }).click();
  await confirmPopup(page);
  await slow(ticket.getByTestId('ticket-status')).toHaveText('已销号');
  await page.goto(qualityUrl('acceptance'));
  await slow(page.getByTestId('acceptance-passed')).toContainText('竣工验收已于');
  await expect(page.getByRole('button', { name: '重新签字' })).toHaveCount(0);
  await expect(page.getByTestId('acceptance-blocks')).not.toContainText('整改单未销号');
});
