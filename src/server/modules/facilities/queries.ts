/** Facilities' reads: the list (and its sheet) within the caller's reach, and one facility with its photos. */
import { and, asc, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import type { Facility, FacilityDetail, FacilityListQuery } from '../../../contract/facilities.js';
import { can } from '../../../domain/access.js';
import type { Db, Tx } from '../../db/client.js';
import { buildings, compounds, facilities, photos, projects } from '../../db/schema.js';
import type { Principal } from '../../platform/context.js';
import { anyRow, contains, paged } from '../../platform/sql.js';
import { regionName, subdistrictName } from '../regions/sql.js';
import { facilityRule } from './access.js';

const f = facilities;

/**
 * A facility with its compound (joined: the list orders and searches by its name) and the names
 * it shows, each looked up on its own: as joins they more than doubled the time PostgreSQL took
 * to plan the list's query.
 */
function select(db: Db | Tx) {
  return db
    .select({
      facility: f,
      compoundName: compounds.name,
      projectYear: sql<number | null>`(SELECT p.year FROM ${projects} p WHERE p.id = ${f.projectId})`,
      subdistrictName: subdistrictName(f.regionCode),
      communityName: regionName(f.regionCode),
      buildingNumber: sql<string | null>`(SELECT b.number FROM ${buildings} b WHERE b.id = ${f.buildingId})`,
      photoCount: sql<number>`(SELECT count(*) FROM ${photos} WHERE ${photos.facilityId} = ${f.id})::int`,
    })
    .from(f)
    .innerJoin(compounds, eq(compounds.id, f.compoundId));
}

type Row = Awaited<ReturnType<typeof select>>[number];

function present(r: Row): Facility {
  const x = r.facility;
  return {
    id: x.id,
    compoundId: x.compoundId,
    compoundName: r.compoundName,
    projectId: x.projectId,
    projectYear: r.projectYear,
    regionCode: x.regionCode,
    subdistrictName: r.subdistrictName,
    type: x.type,
    group: x.typeGroup,
    count: x.count,
    action: x.action,
    completedOn: x.completedOn,
    buildingId: x.buildingId,
    buildingNumber: r.buildingNumber,
    unit: x.unit,
    remarks: x.remarks,
    photoCount: r.photoCount,
    version: x.version,
  };
}

/** The list's filters within the caller's reach, the same for the page and the sheet. */
function where(principal: Principal, q: Omit<FacilityListQuery, 'page' | 'pageSize'>): SQL | undefined {
  return and(
    facilityRule(principal, 'read'),
    q.region ? sql`${f.regionCode} LIKE ${`${q.region}%`}` : undefined,
    q.compoundId ? eq(f.compoundId, q.compoundId) : undefined,
    q.projectId ? eq(f.projectId, q.projectId) : undefined,
    q.type ? eq(f.type, q.type) : undefined,
    q.group ? eq(f.typeGroup, q.group) : undefined,
    q.year ? sql`${f.completedOn} BETWEEN ${`${q.year}-01-01`} AND ${`${q.year}-12-31`}` : undefined,
    q.q ? or(contains(compounds.name, q.q), contains(f.remarks, q.q), contains(f.type, q.q)) : undefined,
  );
}

const order = [desc(f.completedOn), asc(compounds.name), asc(f.type), asc(f.id)];

/** Facilities in reach, latest completed first. */
export async function listFacilities(db: Db, principal: Principal, q: FacilityListQuery) {
  const condition = where(principal, q);
  // Counted through the join to their compounds only where the search reads the compound's name.
  const counted = db.select(anyRow).from(f).$dynamic();
  const page = await paged(
    db,
    (q.q ? counted.innerJoin(compounds, eq(compounds.id, f.compoundId)) : counted).where(condition),
    (limit, offset) =>
      select(db)
        .where(condition)
        .orderBy(...order)
        .limit(limit)
        .offset(offset),
    q,
  );
  return { ...page, items: page.items.map(present) };
}

/** Every facility of the list's filters, for the sheet: by subdistrict, compound and date. */
export async function* allFacilities(
  db: Db,
  principal: Principal,
  q: Omit<FacilityListQuery, 'page' | 'pageSize'>,
  batch = 2000,
) {
  for (let offset = 0; ; offset += batch) {
    const rows = await select(db)
      .where(where(principal, q))
      .orderBy(asc(f.regionCode), asc(compounds.name), asc(f.completedOn), asc(f.id))
      .limit(batch)
      .offset(offset);
    for (const r of rows) yield { ...present(r), communityName: r.communityName };
    if (rows.length < batch) return;
  }
}

/** One facility with its photos, for a facility the caller's access was checked on. */
export async function facilityDetail(db: Db | Tx, principal: Principal, id: string): Promise<FacilityDetail> {
  const [row] = await select(db).where(eq(f.id, id)).limit(1);
  if (!row) throw new Error('facility vanished');
  const facility = present(row);
  const pictures = await db
    .select({ id: photos.id, fileName: photos.fileName, size: photos.size, createdAt: photos.createdAt })
    .from(photos)
    .where(eq(photos.facilityId, id))
    .orderBy(asc(photos.createdAt));
  return {
    ...facility,
    photos: pictures.map((p) => ({ ...p, createdAt: p.createdAt.toISOString() })),
    canWrite: can(principal.role, 'facility.write'),
  };
}
