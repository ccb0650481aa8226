/**
 * The offices residents contact, for the public portal and the posters: each subdistrict's and
 * township's renovation office and each community's residents' committee, with invented office
 * landlines (0371 is Kaifeng's area code). A few committees have only a mobile on record, which the
 * portal never shows: their compounds name the subdistrict's office instead.
 */
import { and, inArray, like } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { regionOffices, regions } from '../db/schema.js';
import type { DemoLoaded } from './load.js';

export async function loadDemoOffices(tx: Tx, loaded: DemoLoaded): Promise<void> {
  const rows = await tx
    .select({ code: regions.code, name: regions.name, level: regions.level })
    .from(regions)
    .where(
      and(like(regions.code, '410203%'), inArray(regions.level, ['subdistrict', 'township', 'community'])),
    )
    .orderBy(regions.code);
  const offices = rows.map((r, i) => {
    const landline = `0371-2${String(3310000 + i * 137).slice(-7)}`;
    if (r.level === 'community')
      return {
        regionCode: r.code,
        name: `${r.name}居民委员会`,
        // Every seventh committee has only its secretary's mobile on record.
        phone: i % 7 === 3 ? `1390378${String(1000 + i).slice(-4)}` : landline,
      };
    return {
      regionCode: r.code,
      name: `${r.name}${r.level === 'township' ? '人民政府' : '办事处'}老旧小区改造办公室`,
      phone: landline,
    };
  });
  if (offices.length > 0) await tx.insert(regionOffices).values(offices);
  loaded.counts.regionOffices = offices.length;
}
