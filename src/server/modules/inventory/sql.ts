import { aliasedTable, and, eq, gte, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { CompoundListQuery } from '../../../contract/inventory.js';
import {
  type CompoundStatus,
  completedProjectStatuses,
  constructionProjectStatuses,
  type ProjectStatus,
} from '../../../domain/inventory.js';
import { compounds, projects, regions } from '../../db/schema.js';
import type { Principal } from '../../platform/context.js';
import { contains } from '../../platform/sql.js';
import { compoundRule } from './access.js';

const hasProject = (statuses?: readonly ProjectStatus[]) =>
  sql`EXISTS (SELECT 1 FROM ${projects} WHERE ${projects.compoundId} = ${compounds.id}${
    statuses ? sql` AND ${inArray(projects.status, [...statuses])}` : sql``
  })`;

/** A compound's renovation status, derived from its projects in SQL (see domain compoundStatus). */
export const statusSql = sql<CompoundStatus>`CASE
  WHEN ${hasProject(completedProjectStatuses)} THEN 'renovated'
  WHEN ${hasProject(constructionProjectStatuses)} THEN 'in_progress'
  WHEN ${hasProject()} THEN 'planned'
  ELSE 'not_planned' END`;

export const isOldSql = (cutoff: number) => sql<boolean>`coalesce(${compounds.buildYear} < ${cutoff}, false)`;

/** Every compound filter, scope first; shared by the list, the map and the export. */
export function compoundWhere(
  principal: Principal,
  q: Omit<CompoundListQuery, 'page' | 'pageSize' | 'sort'>,
  cutoff: number,
): SQL | undefined {
  return and(
    compoundRule(principal, 'read'),
    q.region ? sql`${compounds.regionCode} LIKE ${`${q.region}%`}` : undefined,
    q.old === 'true' ? lt(compounds.buildYear, cutoff) : undefined,
    q.old === 'false' ? or(gte(compounds.buildYear, cutoff), sql`${compounds.buildYear} IS NULL`) : undefined,
    q.status ? eq(statusSql, q.status) : undefined,
    q.decade ? and(gte(compounds.buildYear, q.decade), lt(compounds.buildYear, q.decade + 10)) : undefined,
    q.q
      ? or(contains(compounds.name, q.q), contains(compounds.address, q.q), contains(compounds.code, q.q))
      : undefined,
  );
}

export const community = aliasedTable(regions, 'community');
export const subdistrict = aliasedTable(regions, 'subdistrict');

/**
 * The region names a compound row shows: its subdistrict's, and its community's only where it is
 * registered at one — never the subdistrict's name standing in for a community not known.
 */
export function withRegionNames<T extends PgSelect>(query: T) {
  return query
    .leftJoin(subdistrict, eq(subdistrict.code, compounds.subdistrictCode))
    .leftJoin(community, and(eq(community.code, compounds.regionCode), eq(community.level, 'community')));
}
