/**
 * Exporting the inventory ledgers in the shape they are imported in, so that an export edited
 * in Excel and imported again changes exactly what was edited.
 */
import { and, asc, eq, gt, type SQL, sql } from 'drizzle-orm';
import type { LedgerKind as SheetKind } from '../../../contract/imports.js';
import type { CompoundStatus } from '../../../domain/inventory.js';
import type { Db } from '../../db/client.js';
import { buildings, compounds, households, owners } from '../../db/schema.js';
import type { Principal } from '../../platform/context.js';
import type { SheetColumn, SheetSpec } from '../../platform/sheets/columns.js';
import { writeCsv, writeSheet } from '../../platform/sheets/write.js';
import { sheetSpecs } from './sheets.js';
import { buildingFigures, compoundRegionNames, compoundWhere, statusSql } from './sql.js';

const pageSize = 2000;
const personalColumns = ['ownerName', 'idNumber', 'phone'];

/**
 * Derived columns the compounds sheet shows after the imported ones: whether the compound is old
 * (by the district's cut-off year) and its renovation status (from its projects). They are never
 * read back: the import matches columns by header and these headers are in no spec, so an
 * exported sheet imports as it is.
 */
const exportOnlyColumns: Partial<Record<SheetKind, SheetColumn[]>> = {
  compounds: [
    { key: 'old', header: '老旧', type: 'text', width: 8 },
    { key: 'renovationStatus', header: '改造状态', type: 'text', width: 12 },
  ],
};
const statusLabels: Record<CompoundStatus, string> = {
  not_planned: '未纳入计划',
  planned: '已纳入计划',
  in_progress: '改造中',
  renovated: '已改造',
};

export interface ExportOptions {
  filters: Parameters<typeof compoundWhere>[1];
  cutoff: number;
  format: 'xlsx' | 'csv';
  /** Only for roles allowed personal data; the caller audits it. Without it those columns are left out. */
  includePersonal: boolean;
}

/** Page through a query by its key, so any size exports in bounded memory. */
async function* keyset<T extends { key: string }>(page: (after: string, limit: number) => Promise<T[]>) {
  let after = '';
  for (;;) {
    const rows = await page(after, pageSize);
    yield* rows;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]?.key ?? after;
  }
}

function rowsOf(db: Db, principal: Principal, kind: SheetKind, options: ExportOptions) {
  const where = (extra: SQL) => and(compoundWhere(principal, options.filters, options.cutoff), extra);
  const ref = {
    code: compounds.code,
    subdistrict: compoundRegionNames.subdistrictName,
    name: compounds.name,
  };
  if (kind === 'compounds') {
    return keyset(async (after, limit) => {
      const rows = await db
        .select({
          key: compounds.code,
          ...ref,
          community: compoundRegionNames.communityName,
          address: compounds.address,
          buildYear: compounds.buildYear,
          buildingCount: compounds.buildingCount,
          unitCount: compounds.unitCount,
          householdCount: compounds.householdCount,
          residentCount: compounds.residentCount,
          floorArea: compounds.floorArea,
          propertyManagement: compounds.propertyManagement,
          lng: compounds.lng,
          lat: compounds.lat,
          notes: compounds.notes,
          old: sql<string | null>`CASE WHEN ${compounds.buildYear} IS NULL THEN NULL
            WHEN ${compounds.buildYear} < ${options.cutoff} THEN '是' ELSE '否' END`,
          status: statusSql,
        })
        .from(compounds)
        .where(where(gt(compounds.code, after)))
        .orderBy(asc(compounds.code))
        .limit(limit);
      return rows.map(({ status, ...r }) => ({ ...r, renovationStatus: statusLabels[status] }));
    });
  }
  if (kind === 'buildings') {
    return keyset((after, limit) =>
      db
        .select({
          key: buildings.id,
          ...ref,
          ...buildingFigures,
        })
        .from(compounds)
        .innerJoin(buildings, eq(buildings.compoundId, compounds.id))
        .where(where(gt(buildings.id, after || '00000000-0000-0000-0000-000000000000')))
        .orderBy(asc(buildings.id))
        .limit(limit),
    );
  }
  return keyset(async (after, limit) => {
    const rows = await db
      .select({
        key: households.id,
        ...ref,
        building: buildings.number,
        unit: households.unit,
        room: households.room,
        ownerName: owners.name,
        idNumber: owners.idNumber,
        phone: households.contactPhone,
        areaRegistered: households.areaRegistered,
        areaSurveyed: households.areaSurveyed,
        areaContract: households.areaContract,
        notes: households.notes,
      })
      .from(compounds)
      .innerJoin(households, eq(households.compoundId, compounds.id))
      .innerJoin(buildings, eq(buildings.id, households.buildingId))
      .leftJoin(owners, eq(owners.id, households.ownerId))
      .where(where(gt(households.id, after || '00000000-0000-0000-0000-000000000000')))
      .orderBy(asc(households.id))
      .limit(limit);
    return rows.map(({ areaRegistered, areaSurveyed, areaContract, ...r }) => ({
      ...r,
      exclusiveArea: areaRegistered ?? areaSurveyed ?? areaContract,
      areaBasis:
        areaRegistered !== null
          ? 'registered'
          : areaSurveyed !== null
            ? 'surveyed'
            : areaContract !== null
              ? 'contract'
              : null,
    }));
  });
}

/** The spec an export is written with: personal columns only when asked for and allowed. */
export function exportSpec(kind: SheetKind, includePersonal: boolean): SheetSpec {
  const spec = sheetSpecs[kind];
  const columns = [...spec.columns, ...(exportOnlyColumns[kind] ?? [])];
  if (includePersonal) return { ...spec, columns };
  return { ...spec, columns: columns.filter((c) => !personalColumns.includes(c.key)) };
}

/** Write one ledger, filtered to the caller's scope, to a file or stream. */
export async function exportSheet(
  db: Db,
  principal: Principal,
  kind: SheetKind,
  target: string | NodeJS.WritableStream,
  options: ExportOptions,
): Promise<{ rows: number }> {
  const spec = exportSpec(kind, options.includePersonal);
  const rows = rowsOf(db, principal, kind, options);
  return options.format === 'csv' ? writeCsv(target, spec, rows) : writeSheet(target, spec, rows);
}
