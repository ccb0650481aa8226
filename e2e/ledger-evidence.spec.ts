import { expect, test } from '@playwright/test';
import { csrfOf, districtDay, headquartersAndCadre, logIn, logOut, send } from './support.js';

/**
 * A subdistrict cadre on a phone reports progress on a ledger item with a site photo attached as
 * evidence, then opens the item and finds the report and its photo in the progress timeline.
 */
test.use({ viewport: { width: 390, height: 844 } });

test('a subdistrict cadre reports progress with an evidence photo and sees it on the item', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const hqUser = `zhb-e-${stamp}`;
  const streetUser = `tieta-e-${stamp}`;
  const password = 'Jiugai-Evidence-2024!';
  const title = `清运 5 号楼建筑垃圾（${stamp}）`;
  const note = '建筑垃圾已清运完毕，场地已平整';
  const photoName = '清运完成-现场.jpg';

  // ── The administrator creates both accounts and links the street account to a cadre of 铁塔街道.
  const cadre = await headquartersAndCadre(page, {
    hqUser,
    hqDisplayName: '指挥部 督查组',
    cadreUser: streetUser,
    cadreDisplayName: '铁塔街道 包联干部',
    password,
    pick: 'first',
  });

  // ── Headquarters puts an item on that cadre.
  await logIn(page, hqUser, password);
  await expect(page.getByTestId('user-menu')).toBeVisible();
  const csrf = await csrfOf(page);
  await send(
    page.request,
    'post',
    '/api/ledger',
    { title, ownerCadreId: cadre.id, deadline: districtDay(7), priority: 'high' },
    csrf,
  );
  await logOut(page);

  // ── The cadre reports from "my ledger" with a photo taken on site.
  await logIn(page, streetUser, password);
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await page.goto('/ledger/mine');
  const card = page.getByTestId('my-item').filter({ hasText: title });
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: '报告进展' }).click();
  const sheet = page.getByRole('dialog');
  await sheet.getByLabel('进展情况').fill(note);
  await sheet.getByLabel('佐证材料').fill('清运单据 3 张');

  // A real JPEG, drawn by the browser itself, as a phone would hand one over.
  const jpeg = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 1200;
    canvas.height = 900;
    const g = canvas.getContext('2d');
    if (g) {
      g.fillStyle = '#a86';
      g.fillRect(0, 0, 1200, 900);
    }
    return canvas.toDataURL('image/jpeg', 0.9).split(',')[1] ?? '';
  });
  await sheet.locator('input[type=file][multiple]').setInputFiles({
    name: photoName,
    mimeType: 'image/jpeg',
    buffer: Buffer.from(jpeg, 'base64'),
  });
  await expect(sheet.getByRole('img', { name: photoName })).toBeVisible();
  // The signal drops as the photo goes out: the report is kept and the photo can be sent again.
  await page.route('**/api/ledger/*/progress/*/photos?*', (route) => route.abort(), { times: 1 });
  await sheet.getByRole('button', { name: '提交进展' }).click();
  await expect(sheet.getByTestId('progress-saved')).toContainText('进展已提交');
  await expect(sheet.getByTestId('evidence-failed')).toContainText(photoName);
  await expect(sheet.getByRole('button', { name: '返回列表' })).toBeEnabled();
  await sheet.getByRole('button', { name: `重试上传 ${photoName}` }).click();
  await expect(sheet.getByTestId('evidence-sent')).toBeVisible();
  await expect(sheet.getByTestId('evidence-failed')).toHaveCount(0);
  await expect(sheet.getByTestId('evidence-uploads')).toContainText('佐证照片已上传 1 / 1 张');
  await sheet.getByRole('button', { name: '返回列表' }).click();
  await expect(card).toContainText(note);

  // ── The item's detail: the report, who made it, the evidence and the photo, which opens full size.
  await card.getByRole('button', { name: title }).click();
  const detail = page.getByTestId('ledger-detail');
  await expect(detail).toBeVisible();
  await expect(detail).toContainText(cadre.name);
  const entry = detail.getByTestId('progress-entry').first();
  await expect(entry).toContainText(note);
  await expect(entry).toContainText('铁塔街道 包联干部');
  await expect(entry).toContainText('佐证材料：清运单据 3 张');
  const photo = entry.getByRole('img', { name: photoName });
  await expect(photo).toBeVisible();
  expect(await photo.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).toBe(
    1200,
  );
  await photo.click();
  await expect(page.locator('.ant-image-preview')).toBeVisible();
});
