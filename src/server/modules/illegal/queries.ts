import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Structure, StructureDetail, StructureListQuery } from '../../../contract/illegal.js';
import { type StructureStatus, type VisitOutcome, verify } from '../../../domain/illegal.js';
import type { Db, Tx } from '../../db/client.js';
import {
  buildings,
  cadres,
  compounds,
  households,
  illegalAssignments,
  illegalMeasurements,
  illegalStructures,
  illegalVisits,
  photos,
} from '../../db/schema.js';
import type { Principal } from '../../platform/context.js';
import { illegalSettings } from '../../platform/settings.js';
import { anyRow, contains, countOf, firstThenRest, paged } from '../../platform/sql.js';
import { subdistrictName } from '../regions/sql.js';
import { assignedTo, covers, structureScope } from './access.js';

const s = illegalStructures;

const lastVisit = <T>(column: SQL) =>
  sql<T>`(SELECT ${column} FROM ${illegalVisits} WHERE ${illegalVisits.structureId} = ${s.id}
    ORDER BY ${illegalVisits.visitedOn} DESC, ${illegalVisits.createdAt} DESC LIMIT 1)`;

function select(db: Db | Tx) {
  return db
    .select({
      structure: s,
      compoundName: compounds.name,
      buildingNumber: buildings.number,
      room: households.room,
      subdistrictName: subdistrictName(s.regionCode),
      lastVisitOn: lastVisit<string | null>(sql`${illegalVisits.visitedOn}::text`),
      lastVisitOutcome: lastVisit<VisitOutcome | null>(sql`${illegalVisits.outcome}`),
    })
    .from(s)
    .innerJoin(compounds, eq(compounds.id, s.compoundId))
    .leftJoin(buildings, eq(buildings.id, s.buildingId))
    .leftJoin(households, eq(households.id, s.householdId));
}

type Row = Awaited<ReturnType<typeof select>>[number];

function present(r: Row): Structure {
  const x = r.structure;
  return {
    id: x.id,
    compoundId: x.compoundId,
    compoundName: r.compoundName,
    buildingId: x.buildingId,
    buildingNumber: r.buildingNumber,
    unit: x.unit,
    householdId: x.householdId,
    room: r.room,
    regionCode: x.regionCode,
    subdistrictName: r.subdistrictName,
    type: x.type,
    location: x.location,
    surveyOn: x.surveyOn,
    surveyor: x.surveyor,
    ownerPartyMember: x.ownerPartyMember,
    ownerPublicEmployee: x.ownerPublicEmployee,
    duplicateOf: x.duplicateOf,
    verifiedArea: x.verifiedArea,
    status: x.status,
    noticeOn: x.noticeOn,
    noticeDeadline: x.noticeDeadline,
    removedOn: x.removedOn,
    removedBy: x.removedBy,
    legalBasis: x.legalBasis,
    clearedOn: x.clearedOn,
    lastVisit:
      r.lastVisitOn && r.lastVisitOutcome ? { on: r.lastVisitOn, outcome: r.lastVisitOutcome } : null,
    version: x.version,
  };
}

const notRemoved = inArray(s.status, ['surveyed', 'verified', 'noticed'] satisfies StructureStatus[]);

/** The list's filters, the same for the register, "my households" and the export. */
function filters(q: StructureListQuery): (SQL | undefined)[] {
  const leaders = or(eq(s.ownerPartyMember, true), eq(s.ownerPublicEmployee, true));
  return [
    q.status ? eq(s.status, q.status) : undefined,
    q.outstanding === 'true' ? notRemoved : undefined,
    q.leaders === 'true' ? leaders : undefined,
    q.region ? sql`${s.regionCode} LIKE ${`${q.region}%`}` : undefined,
    q.compoundId ? eq(s.compoundId, q.compoundId) : undefined,
    q.type ? eq(s.type, q.type) : undefined,
    q.q ? or(contains(compounds.name, q.q), contains(s.location, q.q), contains(s.surveyor, q.q)) : undefined,
  ];
}

/**
 * Structures in scope (the register), or those not yet removed that `mine`'s cadre is assigned
 * to ("my households"), outstanding first, then by compound, building, unit and room.
 */
export async function listStructures(db: Db, principal: Principal, q: StructureListQuery, mine?: string) {
  const where = and(mine ? and(assignedTo(mine), notRemoved) : structureScope(principal), ...filters(q));
  // Joined to their compounds only where the search reads the compound's name: counting a
  // province's first thousand structures through the join took three times as long.
  const matching = (part: SQL | undefined) => {
    const structures = db.select(anyRow).from(s).$dynamic();
    return (q.q ? structures.innerJoin(compounds, eq(compounds.id, s.compoundId)) : structures).where(part);
  };
  // Outstanding first, then the rest, each read in compound-name order up to the page: ordering
  // by "outstanding" itself sorted a province's 55,000 structures for every page.
  const page = await paged(
    db,
    matching(where),
    (limit, offset) =>
      firstThenRest(
        (part, n, skip) =>
          select(db)
            .where(part)
            .orderBy(
              asc(compounds.name),
              asc(buildings.number),
              asc(s.unit),
              asc(households.room),
              desc(s.surveyOn),
              asc(s.id),
            )
            .limit(n)
            .offset(skip),
        (part) => countOf(db, matching(part)),
        where,
        notRemoved,
        limit,
        offset,
      ),
    q,
  );
  return { ...page, items: page.items.map(present) };
}

/** One structure with everything its page shows, for a structure the caller's access was checked on. */
export async function structureDetail(
  db: Db | Tx,
  loaded: { id: string; canWrite: boolean; canVisit: boolean; clearedPhotoId: string | null },
): Promise<StructureDetail> {
  const [row] = await select(db).where(eq(s.id, loaded.id)).limit(1);
  if (!row) throw new Error('structure vanished');
  const structure = present(row);
  const measured = await db
    .select()
    .from(illegalMeasurements)
    .where(eq(illegalMeasurements.structureId, loaded.id))
    .orderBy(
      asc(illegalMeasurements.measuredOn),
      asc(illegalMeasurements.createdAt),
      asc(illegalMeasurements.id),
    );
  const { tolerancePercent } = await illegalSettings(db);
  const verification = verify(
    measured.map((m) => ({ by: m.measuredBy, area: m.area })),
    tolerancePercent,
  );
  const pair: number[] = verification.state === 'verified' ? verification.pair : [];
  const visits = await db
    .select({
      id: illegalVisits.id,
      cadreId: illegalVisits.cadreId,
      cadreName: cadres.name,
      visitedOn: illegalVisits.visitedOn,
      outcome: illegalVisits.outcome,
      notes: illegalVisits.notes,
    })
    .from(illegalVisits)
    .innerJoin(cadres, eq(cadres.id, illegalVisits.cadreId))
    .where(eq(illegalVisits.structureId, loaded.id))
    .orderBy(desc(illegalVisits.visitedOn), desc(illegalVisits.createdAt));
  const assigned = await db
    .selectDistinct({ id: cadres.id, name: cadres.name, level: illegalAssignments.level })
    .from(illegalAssignments)
    .innerJoin(cadres, eq(cadres.id, illegalAssignments.cadreId))
    .innerJoin(s, eq(s.id, loaded.id))
    .where(covers(sql`${illegalAssignments.cadreId}`));
  const pictures = await db
    .select({ id: photos.id, fileName: photos.fileName, size: photos.size, createdAt: photos.createdAt })
    .from(photos)
    .where(eq(photos.structureId, loaded.id))
    .orderBy(asc(photos.createdAt));

  const agreedOn = pair.length ? measured[pair[1] ?? 0]?.measuredOn : undefined;
  const timeline = [
    { on: structure.surveyOn, kind: 'survey', detail: structure.surveyor },
    ...measured.map((m) => ({
      on: m.measuredOn,
      kind: 'measurement',
      detail: `${m.measuredBy} ${m.area} m²`,
    })),
    ...(agreedOn && structure.verifiedArea !== null
      ? [{ on: agreedOn, kind: 'verified', detail: `${structure.verifiedArea} m²` }]
      : []),
    ...visits.map((v) => ({ on: v.visitedOn, kind: `visit_${v.outcome}`, detail: v.cadreName })),
    ...(structure.noticeOn
      ? [{ on: structure.noticeOn, kind: 'notice', detail: structure.noticeDeadline ?? '' }]
      : []),
    ...(structure.removedOn
      ? [
          {
            on: structure.removedOn,
            kind: `removed_${structure.removedBy}`,
            detail: structure.legalBasis ?? '',
          },
        ]
      : []),
    ...(structure.clearedOn ? [{ on: structure.clearedOn, kind: 'cleared', detail: '' }] : []),
  ].sort((a, b) => a.on.localeCompare(b.on));

  return {
    ...structure,
    verification: {
      state: verification.state,
      gapPercent: verification.state === 'needs_third' ? verification.gapPercent : null,
      tolerancePercent,
    },
    measurements: measured.map((m, i) => ({
      id: m.id,
      measuredBy: m.measuredBy,
      measuredOn: m.measuredOn,
      method: m.method,
      area: m.area,
      agreed: pair.includes(i),
    })),
    visits: visits.map((v) => ({ ...v, notes: v.notes })),
    cadres: assigned,
    photos: pictures.map((p) => ({ ...p, createdAt: p.createdAt.toISOString() })),
    clearedPhotoId: loaded.clearedPhotoId,
    timeline,
    canWrite: loaded.canWrite,
    canVisit: loaded.canVisit,
  };
}
