import { and, between, count, eq, inArray, ne, sql, sum } from 'drizzle-orm';
import type { RenovationFigures } from '../../../contract/projects.js';
import { completedProjectStatuses } from '../../../domain/inventory.js';
import { catalogueItems, compounds, projectFunding, projectItems, projects } from '../../db/schema.js';
import { compoundRule } from '../inventory/access.js';
import {
  type AreaBreakdown,
  type BreakdownRow,
  byKey,
  dimensionKey,
  hundredths,
  inRegion,
  keyOf,
  num,
  regionKey,
  regionKeyLength,
} from '../stats/breakdown.js';
import { type FiguresInput, int } from '../stats/figures.js';
import {
  type RenovationSum,
  talliedRenovation,
  talliedRenovationByRegion,
  tallyBreakdownPrefixes,
  tallyPrefixes,
} from '../stats/tallies.js';
import { projectRule } from './access.js';

/**
 * The compound (of the outer query) has a project completed in a year of [from, to]. As EXISTS,
 * PostgreSQL probes each compound's projects through their index when the scope is small (a
 * district: under 1 ms) and hashes them when it is large; a list of every renovated compound
 * anywhere, built first, cost 100 ms whatever the scope.
 */
const renovatedIn = (fromYear: number, toYear: number) =>
  sql`EXISTS (SELECT 1 FROM ${projects} WHERE ${and(
    eq(projects.compoundId, compounds.id),
    between(projects.year, fromYear, toYear),
    inArray(projects.status, [...completedProjectStatuses]),
  )})`;

/**
 * The compounds in scope whose project was completed in a year of the period, and their declared
 * buildings, floor area, households and residents: SQL's sums leave unknown (null) figures out,
 * and the compounds with any unknown are counted beside them; and the catalogue's mandatory items
 * in use, which every renovation must do or waive with a reason.
 */
export async function renovationFigures({
  db,
  principal,
  fromYear,
  toYear,
  raw,
}: FiguresInput): Promise<RenovationFigures> {
  const [mandatory] = await db
    .select({ n: count() })
    .from(catalogueItems)
    .where(and(eq(catalogueItems.mandatory, true), eq(catalogueItems.active, true)));
  // At scale, from the pre-aggregated tallies where they answer for the scope (the same figures).
  const prefixes = raw ? null : tallyPrefixes(principal);
  if (prefixes) {
    const t = await talliedRenovation(db, prefixes, fromYear, toYear);
    return {
      renovatedCompounds: int(t?.compounds),
      buildings: int(t?.buildings),
      floorArea: Math.round(Number(t?.floorArea ?? 0) * 100) / 100,
      households: int(t?.households),
      residents: int(t?.residents),
      renovatedWithUnknownFigures: int(t?.unknown),
      mandatoryItems: int(mandatory?.n),
    };
  }
  const [renovated] = await db
    .select({
      compounds: count(),
      buildings: sum(compounds.buildingCount),
      floorArea: sum(compounds.floorArea),
      households: sum(compounds.householdCount),
      residents: sum(compounds.residentCount),
      unknown: sql<number>`count(*) FILTER (WHERE ${compounds.buildingCount} IS NULL OR ${compounds.floorArea} IS NULL
        OR ${compounds.householdCount} IS NULL OR ${compounds.residentCount} IS NULL)::int`,
    })
    .from(compounds)
    .where(and(compoundRule(principal, 'read'), renovatedIn(fromYear, toYear)));
  return {
    renovatedCompounds: int(renovated?.compounds),
    buildings: int(renovated?.buildings),
    floorArea: Math.round(Number(renovated?.floorArea ?? 0) * 100) / 100,
    households: int(renovated?.households),
    residents: int(renovated?.residents),
    renovatedWithUnknownFigures: int(renovated?.unknown),
    mandatoryItems: int(mandatory?.n),
  };
}

const regionDimensions = ['subdistrict', 'community'] as const;
const projectStatusLabels = {
  planned: '计划',
  consulting: '征求意见',
  designed: '设计',
  tendered: '招标',
  under_construction: '施工',
  accepted: '竣工验收',
  handed_over: '移交管理',
};

type RenovationMeasure = 'renovatedCompounds' | 'buildings' | 'floorArea' | 'households' | 'residents';
const renovationSpec = (label: string, unit: string) => ({
  label,
  unit,
  dimensions: [...regionDimensions, 'year'] as const,
});

/** A renovation breakdown row from the sums of the compounds counted, tallied or not. */
const renovationRow = (
  key: string,
  r: Partial<Record<'compounds' | 'buildings' | 'floorArea' | 'households' | 'residents', unknown>>,
): BreakdownRow<RenovationMeasure> => ({
  key,
  values: {
    renovatedCompounds: num(r.compounds),
    buildings: num(r.buildings),
    floorArea: hundredths(r.floorArea),
    households: num(r.households),
    residents: num(r.residents),
  },
});

/** The renovation tallies' sum of each measure but the compounds. */
const tallySums: Record<Exclude<RenovationMeasure, 'renovatedCompounds'>, RenovationSum> = {
  buildings: 'buildings',
  floorArea: 'floor_area',
  households: 'households',
  residents: 'residents',
};

/**
 * The summary's renovation figures split by region, or by the year the project was completed: a
 * compound counts once in the total (as in the summary), and in each year it was completed in.
 */
export const renovationBreakdown: AreaBreakdown<RenovationMeasure> = {
  area: 'renovation',
  action: 'inventory.read',
  measures: {
    renovatedCompounds: renovationSpec('改造小区', '个'),
    buildings: renovationSpec('楼栋', '栋'),
    floorArea: renovationSpec('建筑面积', '㎡'),
    households: renovationSpec('惠及住户', '户'),
    residents: renovationSpec('惠及居民', '人'),
  },
  async count({ db, principal, fromYear, toYear, region, raw }, by, measures) {
    const keyLength = raw ? undefined : regionKeyLength(by);
    const prefixes = keyLength === undefined ? null : tallyBreakdownPrefixes(principal, region, keyLength);
    if (prefixes && keyLength !== undefined) {
      const sums = measures.flatMap((m) => (m === 'renovatedCompounds' ? [] : [tallySums[m]]));
      const tallied =
        keyLength === null
          ? [{ key: '', ...(await talliedRenovation(db, prefixes, fromYear, toYear)) }]
          : (await talliedRenovationByRegion(db, prefixes, keyLength, fromYear, toYear, sums)).map(
              ({ floor_area: floorArea, ...r }) => ({ ...r, floorArea }),
            );
      return tallied.map((r) => renovationRow(r.key, r));
    }
    const done = and(
      between(projects.year, fromYear, toYear),
      inArray(projects.status, [...completedProjectStatuses]),
    );
    const fields = {
      compounds: count(),
      buildings: sum(compounds.buildingCount),
      floorArea: sum(compounds.floorArea),
      households: sum(compounds.householdCount),
      residents: sum(compounds.residentCount),
    };
    const scope = and(compoundRule(principal, 'read'), inRegion(compounds.regionCode, region));
    const rows =
      by === 'year'
        ? await db
            .select({ key: keyOf(sql`${projects.year}`), ...fields })
            .from(projects)
            .innerJoin(compounds, eq(compounds.id, projects.compoundId))
            .where(and(done, scope))
            .groupBy(byKey)
        : await (() => {
            const key =
              by === 'subdistrict' || by === 'community' ? regionKey(by, compounds.regionCode) : undefined;
            const query = db
              .select({ key: keyOf(key), ...fields })
              .from(compounds)
              .where(and(scope, renovatedIn(fromYear, toYear)));
            return key ? query.groupBy(byKey) : query;
          })();
    return rows.map((r) => renovationRow(r.key, r));
  },
};

type ProjectMeasure = 'projects' | 'acceptedProjects';

/** Projects of the period's years, and those completed (accepted or handed over), by region, year, status or item. */
export const projectBreakdown: AreaBreakdown<ProjectMeasure> = {
  area: 'projects',
  action: 'project.read',
  measures: {
    projects: {
      label: '改造项目',
      unit: '个',
      dimensions: [...regionDimensions, 'year', 'status', 'item'],
    },
    acceptedProjects: {
      label: '完成改造项目',
      unit: '个',
      dimensions: [...regionDimensions, 'year', 'status', 'item'],
    },
  },
  labels: { status: projectStatusLabels },
  async count({ db, principal, fromYear, toYear, region }, by) {
    const where = and(
      projectRule(principal, 'read'),
      between(projects.year, fromYear, toYear),
      inRegion(projects.regionCode, region),
    );
    const fields = {
      projects: sql<number>`count(DISTINCT ${projects.id})::int`,
      acceptedProjects: sql<number>`count(DISTINCT ${projects.id}) FILTER (WHERE ${inArray(projects.status, [...completedProjectStatuses])})::int`,
    };
    if (by === 'item') {
      // A project counts under each item it has chosen (not waived); the total counts it once.
      const rows = await db
        .select({
          key: keyOf(sql`${catalogueItems.code}`),
          label: sql<string>`max(${catalogueItems.name})`,
          ...fields,
        })
        .from(projects)
        .innerJoin(
          projectItems,
          and(eq(projectItems.projectId, projects.id), ne(projectItems.status, 'waived')),
        )
        .innerJoin(catalogueItems, eq(catalogueItems.id, projectItems.catalogueItemId))
        .where(where)
        .groupBy(byKey);
      return rows.map((r) => ({
        key: r.key,
        label: r.label,
        values: { projects: num(r.projects), acceptedProjects: num(r.acceptedProjects) },
      }));
    }
    const key = dimensionKey(by, {
      region: projects.regionCode,
      year: projects.year,
      status: projects.status,
    });
    const query = db
      .select({ key: keyOf(key), ...fields })
      .from(projects)
      .where(where);
    const rows = await (key ? query.groupBy(byKey) : query);
    return rows.map((r) => ({
      key: r.key,
      values: { projects: num(r.projects), acceptedProjects: num(r.acceptedProjects) },
    }));
  },
};

type FundingMeasure = 'fundingPlanned' | 'fundingReceived' | 'fundingSpent';
const fundingSpec = (label: string) => ({
  label,
  unit: '万元',
  dimensions: [...regionDimensions, 'year', 'status', 'source'] as const,
});

/** Funding (万元) of the period's projects: planned, received, spent, by region, year, project status or source. */
export const fundingBreakdown: AreaBreakdown<FundingMeasure> = {
  area: 'funding',
  action: 'project.read',
  measures: {
    fundingPlanned: fundingSpec('计划资金'),
    fundingReceived: fundingSpec('到位资金'),
    fundingSpent: fundingSpec('已支出资金'),
  },
  labels: {
    status: projectStatusLabels,
    source: {
      central: '中央补助',
      provincial: '省级补助',
      city: '市级资金',
      district: '区级资金',
      residents: '居民出资',
      utilities: '管线单位出资',
      other: '其他',
    },
  },
  async count({ db, principal, fromYear, toYear, region }, by) {
    const key = dimensionKey(by, {
      region: projects.regionCode,
      year: projects.year,
      status: projects.status,
      source: projectFunding.source,
    });
    const query = db
      .select({
        key: keyOf(key),
        planned: sum(projectFunding.planned),
        received: sum(projectFunding.received),
        spent: sum(projectFunding.spent),
      })
      .from(projectFunding)
      .innerJoin(projects, eq(projects.id, projectFunding.projectId))
      .where(
        and(
          projectRule(principal, 'read'),
          between(projects.year, fromYear, toYear),
          inRegion(projects.regionCode, region),
        ),
      );
    const rows = await (key ? query.groupBy(byKey) : query);
    return rows.map((r) => ({
      key: r.key,
      values: {
        fundingPlanned: hundredths(r.planned),
        fundingReceived: hundredths(r.received),
        fundingSpent: hundredths(r.spent),
      },
    }));
  },
};
