/**
 * Exporting the inventory ledgers in the shape they are imported in, so that an export edited
 * in Excel and imported again changes exactly what was edited.
 */
import { aliasedTable, and, asc, eq, gt, type SQL } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { SheetKind } from '../../../contract/imports.js';
import type { Db } from '../../db/client.js';
import { buildings, compounds, households, owners, regions } from '../../db/schema.js';
import type { Principal } from '../../platform/context.js';
import type { SheetSpec } from '../../platform/sheets/columns.js';
import { writeCsv, writeSheet } from '../../platform/sheets/write.js';
import { sheetSpecs } from './sheets.js';
import { compoundWhere } from './sql.js';

const pageSize = 2000;
const personalColumns = ['ownerName', 'idNumber', 'phone'];
const community = aliasedTable(regions, 'community');
const subdistrict = aliasedTable(regions, 'subdistrict');

/** The region names a ledger row shows beside its compound. */
function withRegionNames<T extends PgSelect>(query: T) {
  return query
    .leftJoin(subdistrict, eq(subdistrict.code, compounds.subdistrictCode))
    .leftJoin(community, and(eq(community.code, compounds.regionCode), eq(community.level, 'community')));
}

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
    subdistrict: subdistrict.name,
    name: compounds.name,
  };
  if (kind === 'compounds') {
    return keyset((after, limit) =>
      withRegionNames(
        db
          .select({
            key: compounds.code,
            ...ref,
            community: community.name,
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
          })
          .from(compounds)
          .$dynamic(),
      )
        .where(where(gt(compounds.code, after)))
        .orderBy(asc(compounds.code))
        .limit(limit),
    );
  }
  if (kind === 'buildings') {
    return keyset((after, limit) =>
      withRegionNames(
        db
          .select({
            key: buildings.id,
            ...ref,
            number: buildings.number,
            floors: buildings.floors,
            unitCount: buildings.unitCount,
            householdCount: buildings.householdCount,
            floorArea: buildings.floorArea,
            buildYear: buildings.buildYear,
          })
          .from(compounds)
          .$dynamic(),
      )
        .innerJoin(buildings, eq(buildings.compoundId, compounds.id))
        .where(where(gt(buildings.id, after || '00000000-0000-0000-0000-000000000000')))
        .orderBy(asc(buildings.id))
        .limit(limit),
    );
  }
  return keyset(async (after, limit) => {
    const rows = await withRegionNames(
      db
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
        .$dynamic(),
    )
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
  if (includePersonal) return spec;
  return { ...spec, columns: spec.columns.filter((c) => !personalColumns.includes(c.key)) };
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
