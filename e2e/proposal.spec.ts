import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { defaultGrades } from '../src/domain/proposals.js';
import { docxFonts } from '../src/server/modules/proposals/letter/docx.js';
import { docxParagraphs, docxParts } from '../src/server/modules/proposals/letter/testing.js';
import { adminPassword, choose, csrfOf, logIn, send } from './support.js';

/**
 * 提案办理: staff register a CPPCC proposal, assign it to a lead unit, draft the reply from the
 * template whose figures come from the live data (shown highlighted, their source on hover), fill
 * in the letter's header and have it reviewed; the unit head signs it off and it is frozen.
 */

/** Waits for the page: generous, as the machine running the journeys may be shared. */
const slow = expect.configure({ timeout: 30_000 });

async function signInAs(page: Page, username: string, password: string) {
  await page.context().clearCookies();
  await logIn(page, username, password);
  await slow(page.getByTestId('user-menu')).toBeVisible();
}

test('a proposal is registered, assigned, drafted from live data, reviewed and signed off', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const stamp = Date.now().toString(36);
  const password = 'Jiugai-Proposal-2024!';
  const staff = `tian-${stamp}`;
  const head = `qianfa-${stamp}`;
  const number = 5000 + Math.floor(Math.random() * 90_000);
  const title = `关于老旧小区增设充电桩的提案（${stamp}）`;

  await logIn(page, 'admin', adminPassword);
  await slow(page.getByTestId('user-menu')).toBeVisible();
  const csrf = await csrfOf(page);
  for (const [username, role] of [
    [staff, 'hq'],
    [head, 'leader'],
  ] as const)
    await send(page.request, 'post', '/api/users', { username, displayName: username, role, password }, csrf);

  // ── Staff register the proposal.
  await signInAs(page, staff, password);
  await page.goto('/proposals');
  await page.getByRole('button', { name: '登记提案' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('届次会议').fill('十三届二次会议');
  await drawer.getByLabel('编号').fill(String(number));
  await drawer.getByLabel('题目').fill(title);
  await drawer.getByLabel('提出委员').fill('测试委员');
  await drawer.getByRole('button', { name: '登记提案' }).click();
  await slow(page.getByRole('heading', { name: new RegExp(`第${number}号提案`) })).toBeVisible();
  await expect(page.getByTestId('status')).toHaveText('已登记');

  // ── Assign it to a lead unit: due 3 months on.
  const assign = page.locator('form#assign');
  await choose(page, assign.getByLabel('主办单位'), '区住房和城乡建设局', '住房');
  await assign.getByRole('button', { name: '交办' }).click();
  await slow(page.getByTestId('status')).toHaveText('已交办');

  // ── Draft from the template: the figures are the live data's, highlighted with their source.
  const draft = page.locator('form#draft');
  await choose(page, draft.getByLabel('答复模板'), '老旧小区改造工作情况答复（2019—2022年）');
  await draft.getByRole('button', { name: '从模板起草' }).click();
  await slow(page.getByTestId('status')).toHaveText('已起草');
  const renovated = page.locator('mark[data-figure="renovatedCompounds"]');
  await slow(renovated).toHaveText(/^\d+$/);
  await renovated.hover();
  await slow(page.getByRole('tooltip')).toContainText('renovatedCompounds');
  await expect(page.getByRole('tooltip')).toContainText('2019—2022');
  await expect(page.locator('mark[data-figure="households"]')).toHaveText(/^\d+(\.\d)?$/);

  // ── The letter's header: document number and grade.
  const reply = page.locator('form#reply');
  await reply.getByLabel('发文字号').fill(`汴顺政〔2024〕${number}号`);
  // Grades are offered from the settings' list, each with what it means.
  const gradeB = defaultGrades.find((g) => g.code === 'B');
  await choose(page, reply.getByLabel('办理结果'), `B　${gradeB?.label}`);
  await reply.getByRole('button', { name: '保存' }).click();
  await slow(page.getByText('已保存')).toBeVisible();

  // ── A commitment of the reply, linked to a supervision-ledger item (the overdue demo proposal
  // 318's, raised when the list was looked at): shown with its live status; while it is open the
  // B cannot be raised to A, and the page says why.
  const commitment = page.locator('form#commitment');
  await commitment.getByLabel('承诺内容').fill('督促第318号建议按期办结');
  await commitment.getByText('督办事项', { exact: true }).click();
  await choose(
    page,
    commitment.getByRole('combobox', { name: '督办事项' }),
    '提案逾期：第318号 关于老旧小区改造后长效管理的建议（办理中）',
    '第318号',
  );
  await commitment.getByRole('button', { name: '添加承诺' }).click();
  const listed = page.getByTestId('commitment');
  await slow(listed).toContainText('督促第318号建议按期办结');
  await expect(listed.getByTestId('commitment-done')).toHaveText('未完成');
  await expect(page.getByTestId('raise-reason')).toContainText('尚有承诺事项未完成');
  await expect(page.getByRole('button', { name: '提升为 A 类' })).toBeDisabled();

  // ── Review: staff cannot sign, they approve it for the unit head.
  await page.locator('form#approve').getByRole('button', { name: '审核通过' }).click();
  await slow(page.getByTestId('status')).toHaveText('已审核');
  await expect(page.locator('form#sign')).toHaveCount(0);
  const url = page.url();

  // ── The unit head signs it off: frozen.
  await signInAs(page, head, password);
  await page.goto(url);
  await page.locator('form#sign').getByRole('button', { name: '签发' }).click();
  await slow(page.getByTestId('status')).toHaveText('已签发');
  await expect(page.getByText('内容和数据已固定')).toBeVisible();
  await expect(page.locator('form#reply')).toHaveCount(0);

  // ── The signed letter downloads as a GB/T 9704 .docx: the page, margins, grid, faces and figures.
  const renovatedCount = (await renovated.textContent()) ?? '';
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /答复函（Word）/ }).click(),
  ]);
  const docx = await readFile((await download.path()) ?? '');
  const parts = await docxParts(docx);
  const xml = parts.get('word/document.xml') ?? '';
  const section = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(xml)?.[0] ?? '';
  expect(section).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
  expect(section).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
  expect(section).toContain('<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-848"/>');
  const paragraphs = docxParagraphs(xml);
  const titled = paragraphs.find((p) => p.text.includes('提案的答复'));
  expect(titled?.runs.every((r) => r.font === docxFonts.title && r.size === 22)).toBe(true);
  const opening = paragraphs.find((p) => p.text.includes(`完成改造老旧小区${renovatedCount}个`));
  expect(opening?.runs.every((r) => r.font === docxFonts.body && r.size === 16)).toBe(true);
  const heading1 = paragraphs.find((p) => p.text === '凝聚推进力量，充分组织发动。');
  expect(heading1?.runs.every((r) => r.font === docxFonts.level1 && r.size === 16)).toBe(true);
  const heading2 = paragraphs.find((p) => p.text === '强化组织领导。');
  expect(heading2?.runs.every((r) => r.font === docxFonts.level2 && r.size === 16)).toBe(true);
  // Sizes as Word stores them, in half-points: 三号 body 32, 二号 title 44.
  expect(xml).toMatch(/w:eastAsia="仿宋_GB2312"[^>]*\/><w:sz w:val="32"\/>/);
  expect(xml).toMatch(/w:eastAsia="方正小标宋简体"[^>]*\/><w:sz w:val="44"\/>/);
  const text = paragraphs.map((p) => p.text).join('');
  for (const figure of [`汴顺政〔2024〕${number}号`, '办理结果：B', '万余户']) expect(text).toContain(figure);
});
