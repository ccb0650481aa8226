import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../domain/access.js';
import { queryRows } from '../../db/client.js';
import { compounds, facilities, projects, settings } from '../../db/schema.js';
import type { Principal } from '../../platform/context.js';
import { testApp } from '../../testing/app.js';
import { buildCompound, buildProject } from '../../testing/factories.js';
import { facilityBreakdown, facilityFigures } from '../facilities/figures.js';
import { inventoryBreakdown, inventoryFigures } from '../inventory/figures.js';
import { renovationBreakdown, renovationFigures } from '../projects/figures.js';
import type { AreaBreakdown } from './breakdown.js';
import { facilityTallyKinds } from './schema.js';
import { tallyPrefixes } from './tallies.js';

const facilityColumns = facilityTallyKinds.map((k) => k.column).join(', ');

const principal = (role: Role, prefixes: string[] | null): Principal => ({
  userId: '00000000-0000-7000-8000-000000000000',
  username: 't',
  displayName: 't',
  role,
  scopeRegions: prefixes ?? [],
  prefixes,
  sessionId: '',
  csrfToken: '',
});

const callers = [
  principal('hq', null),
  principal('subdistrict', ['410203002']),
  principal('community', ['410203002001']),
  principal('subdistrict', ['410203', '410203002', '410204001']),
  principal('subdistrict', []),
  principal('subdistrict', ['4102030']),
  principal('contractor', ['410203']),
];
const periods = [
  [2019, 2022],
  [2016, 2020],
  [1949, 2030],
  [2012, 2014],
] as const;

describe('pre-aggregated tallies', { timeout: 240_000 }, () => {
  it('answer which scopes they can', () => {
    expect(tallyPrefixes(principal('hq', null))).toEqual(['']);
    expect(tallyPrefixes(principal('subdistrict', ['410203', '410203002']))).toEqual(['410203']);
    expect(tallyPrefixes(principal('subdistrict', ['4102030']))).toBeNull();
    expect(tallyPrefixes(principal('contractor', ['410203']))).toBeNull();
    expect(tallyPrefixes(principal('community', []))).toEqual([]);
  });

  it('give the same summary and breakdowns by region as counting the rows, through inserts, updates and deletes', async () => {
    const { database } = await testApp({}, { seeded: false });
    const db = database.db;
    const same = async (when: string, inPeriods: readonly (readonly [number, number])[] = periods) => {
      for (const p of callers)
        for (const [from, to] of inPeriods) {
          const input = { db, principal: p, fromYear: from, toYear: to, districtCode: '410203' };
          const raw = {
            ...(await inventoryFigures({ ...input, raw: true })),
            ...(await renovationFigures({ ...input, raw: true })),
            ...(await facilityFigures({ ...input, raw: true })),
          };
          const tallied = {
            ...(await inventoryFigures(input)),
            ...(await renovationFigures(input)),
            ...(await facilityFigures(input)),
          };
          expect(tallied, `${when}: ${p.role} ${p.prefixes} ${from}–${to}`).toEqual(raw);
          // The breakdowns by region, and their totals, inside a region asked or not (the
          // inventory's once: it is not the period's).
          const areas: AreaBreakdown[] =
            from === inPeriods[0]?.[0]
              ? [inventoryBreakdown, renovationBreakdown, facilityBreakdown]
              : [renovationBreakdown, facilityBreakdown];
          // Facilities by year, and by community only: by subdistrict is the same reading of
          // the tallies at another key length, which the renovation's check covers.
          for (const area of areas)
            for (const by of area === facilityBreakdown
              ? ([null, 'community', 'year'] as const)
              : ([null, 'subdistrict', 'community'] as const))
              for (const region of [undefined, '410203', '410203002', '410204001002']) {
                const count = async (raw: boolean) =>
                  (await area.count({ ...input, region, raw }, by, Object.keys(area.measures))).sort((x, y) =>
                    x.key.localeCompare(y.key),
                  );
                expect(
                  await count(false),
                  `${when}: ${area.area} by ${by} in ${region}, ${p.prefixes}`,
                ).toEqual(await count(true));
              }
        }
      // And the tallies are what counting them again from nothing gives.
      const snapshot = async () =>
        queryRows(
          db,
          sql`SELECT 'i' AS t, prefix, 0 AS a, 0 AS b, concat_ws(',', compounds, old_compounds) AS v FROM stats.inventory_tallies WHERE compounds <> 0
            UNION ALL SELECT 'r', prefix, year, prev_year, concat_ws(',', compounds, buildings, floor_area, households, residents, unknown)
            FROM stats.renovation_tallies WHERE compounds <> 0
            UNION ALL SELECT 'f', prefix, year, 0, concat_ws(',', ${sql.raw(facilityColumns)})
            FROM stats.facility_tallies WHERE greatest(${sql.raw(facilityColumns)}) <> 0 ORDER BY 1, 2, 3, 4`,
        );
      const kept = await snapshot();
      await db.execute(
        sql`TRUNCATE stats.inventory_tallies, stats.renovation_tallies, stats.compound_stats, stats.facility_tallies`,
      );
      await db.execute(sql`SELECT stats.refresh(ARRAY(SELECT id FROM compounds))`);
      await db.execute(sql`SELECT stats.tally_facilities(1, ARRAY(SELECT f FROM facilities f))`);
      expect(await snapshot(), when).toEqual(kept);
    };

    const a = await buildCompound(database, { regionCode: '410203002001', buildYear: 1985 });
    const b = await buildCompound(database, {
      regionCode: '410203002',
      buildYear: 1999,
      householdCount: null,
    });
    const c = await buildCompound(database, { regionCode: '410203001003', buildYear: null });
    const d = await buildCompound(database, {
      regionCode: '410204001002',
      buildYear: 2010,
      floorArea: 1234.56,
    });
    await buildProject(database, {
      compoundId: a.id,
      regionCode: a.regionCode,
      year: 2013,
      status: 'handed_over',
    });
    await buildProject(database, {
      compoundId: a.id,
      regionCode: a.regionCode,
      year: 2020,
      status: 'accepted',
    });
    await buildProject(database, {
      compoundId: a.id,
      regionCode: a.regionCode,
      year: 2022,
      status: 'handed_over',
    });
    const pb = await buildProject(database, {
      compoundId: b.id,
      regionCode: b.regionCode,
      year: 2021,
      status: 'handed_over',
    });
    await buildProject(database, {
      compoundId: c.id,
      regionCode: c.regionCode,
      year: 2019,
      status: 'accepted',
    });
    const pd = await buildProject(database, {
      compoundId: d.id,
      regionCode: d.regionCode,
      year: 2024,
      status: 'under_construction',
    });
    // Facilities: at a community, at a subdistrict (compound b's), and of several groups and years.
    const facility = async (
      compound: { id: string; regionCode: string },
      fields: Partial<typeof facilities.$inferInsert>,
    ) => {
      const [row] = await db
        .insert(facilities)
        .values({
          compoundId: compound.id,
          regionCode: compound.regionCode,
          type: '党群活动室',
          typeGroup: 'activity_room',
          count: 1,
          action: 'added',
          completedOn: '2020-06-01',
          ...fields,
        })
        .returning();
      if (!row) throw new Error('insert returned nothing');
      return row;
    };
    const fa = await facility(a, {});
    const fb = await facility(b, {
      type: '加装电梯',
      typeGroup: 'lift',
      count: 3,
      completedOn: '2021-12-31',
    });
    await facility(b, {
      type: '托育点',
      typeGroup: 'childcare',
      action: 'improved',
      completedOn: '2013-01-01',
    });
    const fd = await facility(d, {
      type: '充电桩',
      typeGroup: 'other',
      count: 12,
      completedOn: '2024-03-05',
    });
    await same('built');

    await db.update(projects).set({ status: 'accepted' }).where(eq(projects.id, pd.id));
    await db.update(projects).set({ year: 2016 }).where(eq(projects.id, pb.id));
    await same('projects changed');

    await db
      .update(compounds)
      .set({ regionCode: '410203001001', buildYear: 2003, residentCount: 300 })
      .where(eq(compounds.id, a.id));
    await db.update(compounds).set({ householdCount: 80, notes: 'x' }).where(eq(compounds.id, b.id));
    await db.update(compounds).set({ notes: 'nothing counted changes' });
    await same('compounds changed');

    await db.update(facilities).set({ count: 5, completedOn: '2019-01-01' }).where(eq(facilities.id, fa.id));
    await db
      .update(facilities)
      .set({ regionCode: '410203001003', typeGroup: 'elderly_care', action: 'improved' })
      .where(eq(facilities.id, fb.id));
    await db.update(facilities).set({ remarks: 'nothing counted changes' });
    await same('facilities changed');

    await db.delete(projects).where(eq(projects.compoundId, c.id));
    await db.delete(compounds).where(eq(compounds.id, c.id));
    await db.update(projects).set({ status: 'planned' }).where(eq(projects.id, pb.id));
    await db.delete(facilities).where(eq(facilities.id, fd.id));
    await same('deleted');

    // The old compounds follow the district's cutoff year, set, changed and reset to 2000 (one
    // period: the cutoff is not the period's).
    await db.insert(settings).values({ key: 'oldCutoffYear', value: 2005 });
    await same('cutoff set to 2005', periods.slice(0, 1));
    await db.update(settings).set({ value: 1990 }).where(eq(settings.key, 'oldCutoffYear'));
    await same('cutoff changed to 1990', periods.slice(0, 1));
    await db.delete(settings).where(eq(settings.key, 'oldCutoffYear'));
    await same('cutoff back to the national 2000', periods.slice(0, 1));
  });
});
