/**
 * Every public answer and page of the demo district, scanned for personal data: no mobile number
 * and no owner's name (nor a council member's or resident supervisor's) anywhere.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mobileNumberPattern } from '../../../domain/portal.js';
import { councilMembers, owners, residentSupervisors } from '../../db/schema.js';
import { type TestApp, testApp, withoutIds } from '../../testing/app.js';

let t: TestApp;
beforeAll(async () => {
  // A copy of the seeded district: slow on a busy machine.
  t = await testApp({ publicRatePerMinute: 1_000_000 });
}, 600_000);

const get = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url });
  expect(res.statusCode, url).toBe(200);
  return res;
};

/** Every run of 2 to 4 Chinese characters in a text: what a person's name could be. */
function nameCandidates(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text.match(/[\u4e00-\u9fff]{2,}/g) ?? []) {
    for (let i = 0; i < run.length; i++)
      for (let n = 2; n <= 4 && i + n <= run.length; n++) out.add(run.slice(i, i + n));
  }
  return out;
}

describe('the demo portal', () => {
  it('shows no mobile number and no person anywhere', { timeout: 600_000 }, async () => {
    const bodies: [string, string][] = [];
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const url = `/api/public/compounds?status=all&pageSize=100&page=${page}`;
      const res = await get(url);
      bodies.push([url, res.body]);
      const { items, total } = res.json<{ items: { id: string }[]; total: number }>();
      ids.push(...items.map((i) => i.id));
      if (ids.length >= total || items.length === 0) break;
    }
    expect(ids.length).toBeGreaterThan(100);
    for (const url of ['/p', '/p?status=all', '/p?status=completed&lang=en', '/p?region=410203002']) {
      bodies.push([url, (await get(url)).body]);
    }
    let disclosed = 0;
    for (const id of ids) {
      const res = await get(`/api/public/compounds/${id}`);
      if (res.json<{ resolutions: unknown[] }>().resolutions.length > 0) disclosed++;
      bodies.push([`/api/public/compounds/${id}`, res.body], [`/p/c/${id}`, (await get(`/p/c/${id}`)).body]);
    }
    expect(disclosed).toBeGreaterThan(100);

    const people = new Set<string>();
    for (const table of [owners, councilMembers, residentSupervisors]) {
      for (const row of await t.database.db.selectDistinct({ name: table.name }).from(table))
        people.add(row.name);
    }
    expect(people.size).toBeGreaterThan(100);
    for (const [url, body] of bodies) {
      expect(mobileNumberPattern.exec(withoutIds(body))?.[0], url).toBeUndefined();
      const named = [...nameCandidates(body)].filter((s) => people.has(s));
      expect(named, url).toEqual([]);
      expect(Buffer.byteLength(body), url).toBeLessThan(30_000);
    }
  });
});
