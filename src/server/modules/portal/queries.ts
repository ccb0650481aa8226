/**
 * The public record, read without a session: every answer is built field by field from what may
 * be published (never a row passed through), so no owner, person's phone, ID number or ballot
 * can reach it. Bounded work: the list is paged in SQL, a compound's record reads its few
 * projects, items and consultations.
 */
import { and, asc, desc, eq, inArray, isNotNull, notInArray, type SQL, sql } from 'drizzle-orm';
import type {
  PublicCompound,
  PublicCompoundQuery,
  PublicCompoundRow,
  PublicOffice,
  PublicProject,
  PublicResolution,
} from '../../../contract/portal.js';
import { completedProjectStatuses, compoundStatus } from '../../../domain/inventory.js';
import { percentDone, publicPhone, withoutMobiles } from '../../../domain/portal.js';
import type { Db, Tx } from '../../db/client.js';
import {
  acceptances,
  catalogueItems,
  compounds,
  consultationStages,
  consultations,
  projectItems,
  projects,
  regionOffices,
} from '../../db/schema.js';
import { notFound } from '../../platform/errors.js';
import { anyRow, type Page, paged } from '../../platform/sql.js';
import { compoundRegionNames } from '../inventory/sql.js';

const done = [...completedProjectStatuses];

/** Each compound's latest project (its year and status): what the portal lists it by. */
function latestProjects(db: Db | Tx) {
  return db
    .selectDistinctOn([projects.compoundId], {
      compoundId: projects.compoundId,
      year: projects.year,
      status: projects.status,
    })
    .from(projects)
    .orderBy(projects.compoundId, desc(projects.year))
    .as('latest');
}

/** Compounds under way (latest project not yet accepted), completed, or all with a project, in a region. */
function listWhere(
  latest: ReturnType<typeof latestProjects>,
  query: Pick<PublicCompoundQuery, 'region' | 'status'>,
): SQL | undefined {
  return and(
    query.region ? sql`${compounds.regionCode} LIKE ${`${query.region}%`}` : undefined,
    query.status === 'under_way' ? notInArray(latest.status, done) : undefined,
    query.status === 'completed' ? inArray(latest.status, done) : undefined,
  );
}

/** The district's compounds with a project, by subdistrict then name (paged). */
export async function publicCompounds(
  db: Db | Tx,
  query: PublicCompoundQuery,
): Promise<Page<PublicCompoundRow>> {
  const latest = latestProjects(db);
  const where = listWhere(latest, query);
  return paged(
    db,
    db.select(anyRow).from(compounds).innerJoin(latest, eq(latest.compoundId, compounds.id)).where(where),
    async (limit, offset) => {
      const rows = await db
        .select({
          id: compounds.id,
          name: compounds.name,
          subdistrictCode: compounds.subdistrictCode,
          ...compoundRegionNames,
          year: latest.year,
          projectStatus: latest.status,
        })
        .from(compounds)
        .innerJoin(latest, eq(latest.compoundId, compounds.id))
        .where(where)
        .orderBy(asc(compounds.subdistrictCode), asc(compounds.name), asc(compounds.id))
        .limit(limit)
        .offset(offset);
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        subdistrictCode: r.subdistrictCode,
        subdistrictName: r.subdistrictName ?? r.subdistrictCode,
        communityName: r.communityName,
        status: compoundStatus([r.projectStatus]),
        year: r.year,
        projectStatus: r.projectStatus,
      }));
    },
    query,
  );
}

/** The ids of the compounds under way in a region whose compounds `access` admits (for posters). */
export async function compoundsUnderWay(db: Db | Tx, region: string, access: SQL | undefined, max: number) {
  const latest = latestProjects(db);
  return db
    .select({ id: compounds.id })
    .from(compounds)
    .innerJoin(latest, eq(latest.compoundId, compounds.id))
    .where(and(listWhere(latest, { region, status: 'under_way' }), access))
    .orderBy(asc(compounds.regionCode), asc(compounds.name), asc(compounds.id))
    .limit(max);
}

/**
 * The office residents contact about a compound: its community's office with an office phone,
 * else its subdistrict's; an office whose only number is a mobile is named without a phone.
 */
export async function contactOffice(
  db: Db | Tx,
  compound: { regionCode: string; subdistrictCode: string },
): Promise<PublicOffice | null> {
  const codes = [...new Set([compound.regionCode, compound.subdistrictCode])];
  const offices = await db.select().from(regionOffices).where(inArray(regionOffices.regionCode, codes));
  // Nearest first: the community's, then the subdistrict's.
  const ordered = codes.flatMap((c) => offices.filter((o) => o.regionCode === c));
  const shown = ordered.map((o) => ({ name: o.name, phone: publicPhone(o.phone) }));
  return shown.find((o) => o.phone !== null) ?? shown[0] ?? null;
}

/** A compound's public record; 404 for an unknown compound or one with no project. */
export async function publicCompound(db: Db | Tx, id: string): Promise<PublicCompound> {
  const [c] = await db
    .select({
      id: compounds.id,
      name: compounds.name,
      address: compounds.address,
      regionCode: compounds.regionCode,
      subdistrictCode: compounds.subdistrictCode,
      ...compoundRegionNames,
      buildYear: compounds.buildYear,
      buildingCount: compounds.buildingCount,
      householdCount: compounds.householdCount,
      isDemo: compounds.isDemo,
    })
    .from(compounds)
    .where(eq(compounds.id, id))
    .limit(1);
  if (!c) throw notFound();
  const projectRows = await db
    .select({
      id: projects.id,
      year: projects.year,
      status: projects.status,
      acceptedOn: acceptances.acceptanceDate,
    })
    .from(projects)
    .leftJoin(acceptances, and(eq(acceptances.projectId, projects.id), isNotNull(acceptances.passedAt)))
    .where(eq(projects.compoundId, id))
    .orderBy(desc(projects.year))
    .limit(20);
  if (projectRows.length === 0) throw notFound();
  const items = await db
    .select({
      projectId: projectItems.projectId,
      name: catalogueItems.name,
      category: catalogueItems.category,
      mandatory: catalogueItems.mandatory,
      status: projectItems.status,
      progress: projectItems.progress,
    })
    .from(projectItems)
    .innerJoin(catalogueItems, eq(catalogueItems.id, projectItems.catalogueItemId))
    .where(
      inArray(
        projectItems.projectId,
        projectRows.map((p) => p.id),
      ),
    )
    .orderBy(asc(catalogueItems.sort), asc(catalogueItems.code));
  const projectsOut: PublicProject[] = projectRows.map((p) => {
    const own = items.filter((i) => i.projectId === p.id);
    return {
      year: p.year,
      status: p.status,
      items: own.flatMap((i) =>
        i.status === 'waived'
          ? []
          : [
              {
                name: i.name,
                category: i.category,
                mandatory: i.mandatory,
                status: i.status,
                progress: Math.max(0, Math.min(100, i.progress)),
              },
            ],
      ),
      percentDone: percentDone(own),
      acceptedOn: p.acceptedOn ?? null,
    };
  });
  return {
    id: c.id,
    name: c.name,
    address: withoutMobiles(c.address),
    subdistrictName: c.subdistrictName ?? c.subdistrictCode,
    communityName: c.communityName,
    buildYear: c.buildYear,
    buildingCount: c.buildingCount,
    householdCount: c.householdCount,
    status: compoundStatus(projectRows.map((p) => p.status)),
    projects: projectsOut,
    resolutions: await disclosedResolutions(db, id),
    contact: await contactOffice(db, c),
    isDemo: c.isDemo,
  };
}

/**
 * The compound's resolutions that have been disclosed (决议公开 completed), each with its
 * disclosures. A resolution not yet disclosed, and every meeting's minutes, stay internal.
 */
async function disclosedResolutions(db: Db | Tx, compoundId: string): Promise<PublicResolution[]> {
  const rows = await db
    .select({
      consultationId: consultations.id,
      title: consultations.title,
      position: consultationStages.position,
      name: consultationStages.name,
      role: consultationStages.role,
      completedOn: consultationStages.completedOn,
      outcome: consultationStages.outcome,
      outcomeNote: consultationStages.outcomeNote,
      attendance: consultationStages.attendance,
      published: consultationStages.published,
      place: consultationStages.place,
    })
    .from(consultations)
    .innerJoin(consultationStages, eq(consultationStages.consultationId, consultations.id))
    .where(
      and(
        eq(consultations.compoundId, compoundId),
        inArray(consultationStages.role, ['resolve', 'disclose_resolution', 'disclose_result']),
        isNotNull(consultationStages.completedOn),
      ),
    )
    .orderBy(desc(consultations.openedOn), asc(consultations.id), asc(consultationStages.position))
    .limit(60);
  const byConsultation = new Map<string, typeof rows>();
  for (const r of rows)
    byConsultation.set(r.consultationId, [...(byConsultation.get(r.consultationId) ?? []), r]);
  const out: PublicResolution[] = [];
  for (const stages of byConsultation.values()) {
    const resolve = stages.find((s) => s.role === 'resolve');
    const disclosed = stages.find((s) => s.role === 'disclose_resolution');
    if (!resolve?.completedOn || !resolve.outcome || !disclosed) continue;
    out.push({
      title: withoutMobiles(resolve.title),
      meeting: resolve.name,
      on: resolve.completedOn,
      outcome: resolve.outcome,
      note: withoutMobiles(resolve.outcomeNote),
      attendance: resolve.attendance,
      disclosures: stages
        .filter((s) => s.role === 'disclose_resolution' || s.role === 'disclose_result')
        .map((s) => ({
          kind: s.role === 'disclose_result' ? ('result' as const) : ('resolution' as const),
          name: s.name,
          on: s.completedOn ?? '',
          published: withoutMobiles(s.published),
          place: withoutMobiles(s.place),
        })),
    });
  }
  return out;
}
