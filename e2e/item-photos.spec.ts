import { expect, test } from '@playwright/test';
import { adminPassword, logIn, logOut } from './support.js';

/**
 * Field staff of a subdistrict open a project on a phone, add a site photo to one of its
 * renovation items, see it counted and shown, and remove it again.
 */
test.use({ viewport: { width: 390, height: 844 } });

test('a subdistrict officer adds a site photo to a renovation item and removes it', async ({ page }) => {
  test.setTimeout(120_000);
  const username = `tieta-photo-${Date.now().toString(36)}`;
  const password = 'Jiugai-Photo-2023!';

  await logIn(page, 'admin', adminPassword);
  await expect(page.getByTestId('user-menu')).toBeVisible();
  const { csrfToken } = await (await page.request.get('/api/auth/me')).json();
  const created = await page.request.post('/api/users', {
    data: {
      username,
      displayName: '铁塔街道 现场',
      role: 'subdistrict',
      scopeRegions: ['410203002'],
      password,
    },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(created.status(), await created.text()).toBe(201);
  await logOut(page);

  await logIn(page, username, password);
  await expect(page.getByTestId('user-menu')).toBeVisible();
  const list = await (await page.request.get('/api/projects?region=410203002&status=handed_over')).json();
  const project = list.items[0];
  await page.goto(`/projects/${project.id}`);
  await page.getByRole('tab', { name: /改造内容/ }).click();

  // A real JPEG, drawn by the browser itself, as a phone would hand one over.
  const jpeg = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 2400;
    canvas.height = 1800;
    const g = canvas.getContext('2d');
    if (g) {
      g.fillStyle = '#6a8';
      g.fillRect(0, 0, 2400, 1800);
    }
    return canvas.toDataURL('image/jpeg', 0.9).split(',')[1] ?? '';
  });

  const table = page.getByTestId('items-table');
  const firstRow = table.locator('tbody tr.ant-table-row').first();
  await firstRow.getByRole('button', { name: /展开|Expand/ }).click();
  await page
    .locator('input[type=file]')
    .first()
    .setInputFiles({
      name: '雨污分流-完工.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from(jpeg, 'base64'),
    });

  const photo = page.getByRole('img', { name: '雨污分流-完工.jpg' });
  await expect(photo).toBeVisible();
  // The browser shrank it before sending: the stored photo is at most 1600 px wide.
  const size = await photo.evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    return img.naturalWidth;
  });
  expect(size).toBe(1600);
  await expect(firstRow.locator('td').last()).toHaveText('1');

  await page.getByRole('button', { name: '删除' }).click();
  await page.getByRole('button', { name: '删除', exact: true }).last().click();
  await expect(photo).toHaveCount(0);
  await expect(page.getByText('暂无现场照片')).toBeVisible();
});
