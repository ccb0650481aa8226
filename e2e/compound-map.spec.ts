import { expect, test } from '@playwright/test';
import { adminPassword, logIn } from './support.js';

// The server the config starts has no tile server configured: the map must draw the compounds and
// the subdistricts' extents on a plain background, fetch no tiles, and open a compound on click.
for (const [label, device] of [
  ['desktop', { viewport: { width: 1366, height: 900 }, hasTouch: false }],
  ['phone', { viewport: { width: 360, height: 780 }, hasTouch: true }],
] as const) {
  test.describe(label, () => {
    test.use(device);

    test('the compound map shows every located compound without tiles', async ({ page }) => {
      await logIn(page, 'admin', adminPassword);
      await expect(page).toHaveURL(/\/overview$/);
      await page.goto('/compounds/map');
      const map = page.getByTestId('compound-map');
      // Generous: the overview the login lands on may still be loading its charts before the map.
      await expect(page.getByTestId('map-count')).toContainText('图上 212 个小区', { timeout: 30_000 });
      await expect(map).toHaveAttribute('data-tiles', 'off');
      const dots = map.locator('path.jiugai-compound');
      await expect(dots).toHaveCount(212);
      await expect(map.locator('.jiugai-extent-label > span').first()).toBeVisible();
      await expect(map.locator('.leaflet-control-attribution')).toHaveCount(0);
      await expect(map.locator('img.leaflet-tile')).toHaveCount(0);

      // The legend hides and shows a status.
      const legend = page.getByTestId('map-legend');
      const renovated = legend.getByRole('button', { name: '已改造' });
      await renovated.click();
      await expect(renovated).toHaveAttribute('aria-pressed', 'false');
      const shown = await dots.count();
      expect(shown).toBeLessThan(212);
      await renovated.click();
      await expect(dots).toHaveCount(212);

      // The last dot drawn lies on top; on a desktop its tooltip names the compound the click opens.
      const dot = dots.last();
      let name: string | null = null;
      if (label === 'desktop') {
        await dot.hover();
        const tip = page.locator('.leaflet-tooltip');
        await expect(tip).toBeVisible();
        name = await tip.locator('b').textContent();
        await dot.click();
      } else {
        await dot.tap();
      }
      await expect(page).toHaveURL(/\/compounds\/[0-9a-f-]{36}$/);
      if (name) await expect(page.getByRole('heading', { level: 3, name })).toBeVisible();
    });
  });
}
