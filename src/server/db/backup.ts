import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { type SQL, sql } from 'drizzle-orm';
import { type Database, type Db, queryRows, type Tx, tableNames } from './client.js';

const format = 'jiugai-backup';
const formatVersion = 1;
const batchSize = 2000;
/** Rows of tables holding files (photos) are read a few at a time, and restored by size. */
const blobBatchSize = 16;
const maxBatchBytes = 32 * 1024 * 1024;

interface Header {
  format: typeof format;
  version: number;
  createdAt: string;
  migrations: string[];
  tables: string[];
}

const ident = (name: string) => sql.raw(`"${name.replaceAll('"', '""')}"`);

async function appliedMigrations(db: Db | Tx): Promise<string[]> {
  const rows = await queryRows<{ hash: string }>(
    db,
    sql`SELECT hash FROM drizzle.__drizzle_migrations ORDER BY id`,
  );
  return rows.map((r) => r.hash);
}

/** Tables ordered so that every table comes after the tables its foreign keys point to. */
async function dependencyOrder(db: Db | Tx): Promise<string[]> {
  const tables = await tableNames(db);
  const edges = await queryRows<{ child: string; parent: string }>(
    db,
    sql`SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
        FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`,
  );
  const strip = (t: string) => t.replace(/^public\./, '').replaceAll('"', '');
  const ordered: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (ordered.includes(t) || path.has(t)) return;
    path.add(t);
    for (const e of edges) if (strip(e.child) === t && strip(e.parent) !== t) visit(strip(e.parent), path);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

/**
 * The columns that order a table's rows and find where a page ends: its primary key, or else a
 * unique index over columns that are never null (the link tables have one). Each with its type,
 * so the last row's key, read as text, can be passed back for the next page.
 */
async function rowKey(db: Db | Tx, table: string): Promise<{ col: string; type: string }[]> {
  const indexes = await queryRows<{ index: string; col: string; type: string; nullable: boolean }>(
    db,
    sql`SELECT i.indexrelid::regclass::text AS index, a.attname AS col,
               format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable
        FROM pg_index i
        CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n)
        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
        WHERE i.indrelid = ${`public.${table}`}::regclass AND i.indisunique AND i.indpred IS NULL
          AND i.indexprs IS NULL
        ORDER BY i.indisprimary DESC, i.indexrelid::regclass::text, k.n`,
  );
  const names = [...new Set(indexes.map((i) => i.index))];
  for (const name of names) {
    const cols = indexes.filter((i) => i.index === name);
    if (cols.every((c) => !c.nullable)) return cols.map(({ col, type }) => ({ col, type }));
  }
  return [];
}

/**
 * Write every row of every table to a gzipped JSON-lines file, table by table in key order.
 * Pages are read by key (the rows after the last one read), so each costs the same however far
 * into the table it is; all in one read-only snapshot, so a backup taken while the server runs
 * is consistent across tables. `pageSize` is for tests.
 */
export async function backup(
  database: Database,
  file: string,
  { pageSize = batchSize }: { pageSize?: number } = {},
): Promise<{ tables: number; rows: number }> {
  return database.db.transaction(
    async (db) => {
      const header: Header = {
        format,
        version: formatVersion,
        createdAt: new Date().toISOString(),
        migrations: await appliedMigrations(db),
        tables: await dependencyOrder(db),
      };
      let total = 0;
      async function* lines() {
        yield `${JSON.stringify(header)}\n`;
        for (const table of header.tables) {
          const [blobs] = await queryRows<{ any: boolean }>(
            db,
            sql`SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = ${`public.${table}`}::regclass
                AND atttypid = 'bytea'::regtype AND NOT attisdropped) AS any`,
          );
          const size = blobs?.any ? Math.min(blobBatchSize, pageSize) : pageSize;
          const prefix = `{"t":${JSON.stringify(table)},"r":`;
          const key = await rowKey(db, table);
          if (key.length === 0) {
            // No key to page by: the whole table at once, in an order that does not change.
            const rows = await queryRows<{ j: string }>(
              db,
              sql`SELECT row_to_json(t)::text AS j FROM ${ident(table)} t ORDER BY 1`,
            );
            for (const r of rows) yield `${prefix}${r.j}}\n`;
            total += rows.length;
            continue;
          }
          const columns = sql.join(
            key.map((k) => sql`t.${ident(k.col)}`),
            sql`, `,
          );
          const keyText = sql.join(
            key.map((k, i) => sql`t.${ident(k.col)}::text AS ${ident(`k${i}`)}`),
            sql`, `,
          );
          let last: string[] | null = null;
          for (;;) {
            const after: string[] | null = last;
            const where: SQL = after
              ? sql`WHERE (${columns}) > (${sql.join(
                  key.map((k, i) => sql`${after[i]}::${sql.raw(k.type)}`),
                  sql`, `,
                )})`
              : sql``;
            const rows: Record<string, string>[] = await queryRows<Record<string, string>>(
              db,
              sql`SELECT row_to_json(t)::text AS j, ${keyText} FROM ${ident(table)} t ${where} ORDER BY ${columns} LIMIT ${size}`,
            );
            let chunk = '';
            for (const r of rows) chunk += `${prefix}${r.j}}\n`;
            if (chunk) yield chunk;
            total += rows.length;
            const end: Record<string, string> | undefined = rows[rows.length - 1];
            if (rows.length < size || !end) break;
            last = key.map((_, i) => end[`k${i}`] as string);
          }
        }
      }
      await pipeline(lines, zlib.createGzip(), fs.createWriteStream(file));
      return { tables: header.tables.length, rows: total };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

export class RestoreError extends Error {}

/**
 * Load a backup into an empty database (migrated to the same version) in one transaction,
 * so a failed restore leaves the database empty rather than half-filled.
 */
export async function restore(database: Database, file: string): Promise<{ rows: number }> {
  await database.migrate();
  const { db } = database;
  const input = readline.createInterface({
    input: fs.createReadStream(file).pipe(zlib.createGunzip()),
    crlfDelay: Infinity,
  });
  const lines = input[Symbol.asyncIterator]();
  const first = await lines.next();
  let header: Header;
  try {
    header = JSON.parse(String(first.value)) as Header;
  } catch {
    throw new RestoreError(`${file} is not a Jiugai backup`);
  }
  if (header.format !== format || header.version !== formatVersion)
    throw new RestoreError(`${file} is not a Jiugai backup`);
  const migrations = await appliedMigrations(db);
  if (migrations.join() !== header.migrations.join()) {
    throw new RestoreError(
      `the backup was made at schema version ${header.migrations.length}, this program is at ${migrations.length}; restore it with the matching release`,
    );
  }
  return db.transaction(async (tx) => {
    // A table pointing at itself (a cadre's superior) may list a row before the one it names;
    // such keys are declared deferrable and checked at commit.
    await tx.execute(sql`SET CONSTRAINTS ALL DEFERRED`);
    for (const table of await tableNames(tx)) {
      const [row] = await queryRows<{ any: boolean }>(
        tx,
        sql`SELECT EXISTS (SELECT 1 FROM ${ident(table)}) AS any`,
      );
      if (row?.any)
        throw new RestoreError(
          `the target database is not empty (table ${table} has rows); restore into an empty data directory or database`,
        );
    }
    let rows = 0;
    let table = '';
    let batch: string[] = [];
    let batchBytes = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      // Generated columns are computed again, not inserted.
      const columns = await queryRows<{ name: string }>(
        tx,
        sql`SELECT attname AS name FROM pg_attribute
            WHERE attrelid = ${`public.${table}`}::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
            ORDER BY attnum`,
      );
      const list = sql.join(
        columns.map((c) => ident(c.name)),
        sql`, `,
      );
      await tx.execute(
        sql`INSERT INTO ${ident(table)} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${ident(table)}, ${`[${batch.join(',')}]`}::json)`,
      );
      rows += batch.length;
      batch = [];
      batchBytes = 0;
    };
    for await (const line of { [Symbol.asyncIterator]: () => lines }) {
      if (line === '') continue;
      const { t, r } = JSON.parse(line) as { t: string; r: unknown };
      if (!header.tables.includes(t)) throw new RestoreError(`the backup names an unknown table ${t}`);
      if (t !== table) {
        await flush();
        table = t;
      }
      const json = JSON.stringify(r);
      batch.push(json);
      batchBytes += json.length;
      if (batch.length >= batchSize || batchBytes >= maxBatchBytes) await flush();
    }
    await flush();
    // Serial columns continue after the restored rows.
    const sequences = await queryRows<{ tbl: string; col: string }>(
      tx,
      sql`SELECT t.relname AS tbl, a.attname AS col FROM pg_class s
          JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i')
          JOIN pg_class t ON t.oid = d.refobjid
          JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
          WHERE s.relkind = 'S' AND t.relnamespace = 'public'::regnamespace`,
    );
    for (const s of sequences) {
      await tx.execute(
        sql`SELECT setval(pg_get_serial_sequence(${`public.${s.tbl}`}, ${s.col}), COALESCE((SELECT max(${ident(s.col)}) FROM ${ident(s.tbl)}), 0) + 1, false)`,
      );
    }
    return { rows };
  });
}
