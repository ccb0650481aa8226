import { aliasedTable, and, asc, count, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { ProjectDetail, ProjectListQuery } from '../../../contract/projects.js';
import type { ProjectStatus } from '../../../domain/inventory.js';
import type { CadreLevel } from '../../../domain/projects.js';
import type { Db, Tx } from '../../db/client.js';
import { cadres, compounds, partyBodies, projectMembers, projects, regions } from '../../db/schema.js';
import { scopeWhere } from '../../platform/access.js';
import type { Principal } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { contains, paged } from '../../platform/sql.js';

const subdistrict = aliasedTable(regions, 'subdistrict');

const summary = {
  id: projects.id,
  compoundId: projects.compoundId,
  compoundName: compounds.name,
  regionCode: projects.regionCode,
  subdistrictName: subdistrict.name,
  year: projects.year,
  status: sql<ProjectStatus>`${projects.status}`,
  version: projects.version,
};

export async function listProjects(db: Db, principal: Principal, q: ProjectListQuery) {
  const where = and(
    scopeWhere(principal, projects.regionCode),
    q.year ? eq(projects.year, q.year) : undefined,
    q.status ? eq(projects.status, q.status) : undefined,
    q.region ? sql`${projects.regionCode} LIKE ${`${q.region}%`}` : undefined,
    q.q ? or(contains(compounds.name, q.q)) : undefined,
  );
  return paged(
    () =>
      db
        .select({ n: count() })
        .from(projects)
        .innerJoin(compounds, eq(compounds.id, projects.compoundId))
        .where(where),
    (limit, offset) =>
      db
        .select(summary)
        .from(projects)
        .innerJoin(compounds, eq(compounds.id, projects.compoundId))
        .leftJoin(subdistrict, eq(subdistrict.code, compounds.subdistrictCode))
        .where(where)
        .orderBy(desc(projects.year), asc(compounds.code))
        .limit(limit)
        .offset(offset),
    q,
  );
}

/** A project inside the caller's scope, or 404. */
export async function loadProject(db: Db | Tx, principal: Principal, id: string) {
  const [row] = await db
    .select()
    .from(projects)
    .where(and(eq(projects.id, id), scopeWhere(principal, projects.regionCode)))
    .limit(1);
  if (!row) throw notFound();
  return row;
}

const person = (c: { id: string; name: string; level: string }) => ({ ...c, level: c.level as CadreLevel });

/** One project with its named accountability. */
export async function projectDetail(db: Db, principal: Principal, id: string): Promise<ProjectDetail> {
  const project = await loadProject(db, principal, id);
  const [head] = await db
    .select(summary)
    .from(projects)
    .innerJoin(compounds, eq(compounds.id, projects.compoundId))
    .leftJoin(subdistrict, eq(subdistrict.code, compounds.subdistrictCode))
    .where(eq(projects.id, id));
  if (!head) throw notFound();
  const named = await db
    .select({ id: cadres.id, name: cadres.name, level: cadres.level })
    .from(cadres)
    .where(
      inArray(
        cadres.id,
        [project.liaisonCadreId, project.cadreInChargeId]
          .filter((x): x is string => x !== null)
          .concat(['00000000-0000-0000-0000-000000000000']),
      ),
    );
  const find = (cid: string | null) => {
    const c = named.find((n) => n.id === cid);
    return c ? person(c) : null;
  };
  const workGroup = await db
    .select({ id: cadres.id, name: cadres.name, level: cadres.level })
    .from(projectMembers)
    .innerJoin(cadres, eq(cadres.id, projectMembers.cadreId))
    .where(eq(projectMembers.projectId, id))
    .orderBy(asc(cadres.name));
  const [org] = project.tempPartyOrgId
    ? await db
        .select({ id: partyBodies.id, name: partyBodies.name })
        .from(partyBodies)
        .where(eq(partyBodies.id, project.tempPartyOrgId))
    : [];
  return {
    ...head,
    liaisonCadre: find(project.liaisonCadreId),
    cadreInCharge: find(project.cadreInChargeId),
    tempPartyOrg: org ?? null,
    workGroup: workGroup.map(person),
  };
}
