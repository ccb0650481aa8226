/**
 * A check (the dry run at upload) as the review step relies on it: it holds no transaction, so
 * other requests are answered while it runs (on PGlite, whose one connection a transaction holds);
 * its counts are what the import then does; it previews the rows to be added and changed, names
 * the columns it ignores, groups a problem shared by many rows, and says when the sheet is of
 * another kind.
 */
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { compounds, regions } from '../../db/schema.js';
import { freshDatabase } from '../../testing/db.js';
import { buildRegions } from '../../testing/factories.js';
import { csvFiles, importer } from './testing.js';

let database: Awaited<ReturnType<typeof freshDatabase>>;
let run: ReturnType<typeof importer>;
const csv = csvFiles();

beforeAll(async () => {
  database = await freshDatabase({ seeded: false });
  await buildRegions(database);
  // A check, unless a test says otherwise.
  run = importer(database, { dryRun: true, lang: 'zh-CN' });
});

describe('a check', () => {
  it('lets another query be answered while it runs', async () => {
    const lines = ['街道（乡）,小区名称,建成年代'];
    for (let i = 0; i < 3000; i++) lines.push(`曹门街道,示例·并行院${i},1990年`);
    const file = csv(lines);
    let answered: 'answered' | 'held' | undefined;
    const report = await run('compounds', file, {
      // After the first batch: a query from elsewhere. Were the check holding the connection (a
      // transaction, on PGlite), it would not be answered until the check ended; the bound only
      // keeps such a failure from hanging the test.
      afterBatch: async () => {
        if (answered) return;
        let bound: NodeJS.Timeout | undefined;
        answered = await Promise.race([
          database.db.execute(sql`SELECT count(*) FROM ${regions}`).then(() => 'answered' as const),
          new Promise<'held'>((resolve) => {
            bound = setTimeout(() => resolve('held'), 20_000);
          }),
        ]);
        clearTimeout(bound);
      },
    });
    expect(answered).toBe('answered');
    expect(report).toMatchObject({ rows: 3000, inserted: 3000, problemCount: 0 });
  });

  it('previews the rows to be added and the cells to be changed, old → new, and leaves the rest alone', async () => {
    const head = '街道（乡）,小区名称,建成年代,户数,物业管理,改造内容,估算投资（万元）';
    await run('compounds', csv([head, '曹门街道,示例·预览甲院,1990年,40,自管,,']), { dryRun: false });
    const file = csv([
      head,
      '曹门街道,示例·预览甲院,1990年,48,专业物业,加装电梯,120',
      '曹门街道,示例·预览乙院,1995年,30,,外墙保温,80',
    ]);
    const check = await run('compounds', file);
    expect(check).toMatchObject({ rows: 2, inserted: 1, updated: 1, unchanged: 0, problemCount: 0 });
    expect(check.preview?.added).toEqual([
      {
        row: 3,
        label: '示例·预览乙院',
        cells: expect.arrayContaining([
          { field: 'name', header: '小区名称', old: null, new: '示例·预览乙院' },
          { field: 'householdCount', header: '户数', old: null, new: '30' },
        ]),
      },
    ]);
    expect(check.preview?.changed).toEqual([
      {
        row: 2,
        label: '示例·预览甲院',
        cells: [
          { field: 'householdCount', header: '户数', old: '40', new: '48' },
          { field: 'propertyManagement', header: '物业管理', old: '自管', new: '专业物业' },
        ],
      },
    ]);
    expect(check.ignoredColumns).toEqual([
      { column: 'F', header: '改造内容' },
      { column: 'G', header: '估算投资（万元）' },
    ]);
    // What the check said is what the import does.
    const real = await run('compounds', file, { dryRun: false });
    expect(real).toMatchObject({ inserted: 1, updated: 1, unchanged: 0, problemCount: 0 });
    const [changed] = await database.db.select().from(compounds).where(eq(compounds.name, '示例·预览甲院'));
    expect(changed).toMatchObject({ householdCount: 48, propertyManagement: 'professional', version: 2 });
  });

  it('says a sheet of households chosen as compounds is a household sheet, once', async () => {
    const lines = ['小区名称,楼栋,单元,房号,产权人,联系电话,专有部分面积,面积依据'];
    for (let i = 0; i < 41; i++) lines.push(`示例·某院,1,1,${101 + i},业主${i},13900000000,60,不动产登记`);
    const report = await run('compounds', csv(lines));
    expect(report.problemCount).toBe(1);
    expect(report.problems).toEqual([
      expect.objectContaining({ row: null, message: '这份表格看起来是住户台账；请选择“住户”导入' }),
    ]);
    const en = await run('compounds', csv(lines), { lang: 'en' });
    expect(en.problems[0]?.message).toBe('this looks like a household sheet; choose households to import it');
  });

  it('lists a problem many rows share once, with its count and rows', async () => {
    const lines = ['街道（乡）,小区名称'];
    for (let i = 0; i < 41; i++) lines.push(`不存在街道,示例·无名院${i}`);
    lines.push('曹门街道,示例·有名院');
    lines.push('另一街道,示例·另一院');
    const report = await run('compounds', csv(lines));
    expect(report.problemCount).toBe(42);
    expect(report.problems).toHaveLength(2);
    expect(report.problems[0]).toMatchObject({
      row: 2,
      column: 'A',
      count: 41,
      rows: Array.from({ length: 41 }, (_, i) => i + 2),
      message: '没有名为“不存在街道”的街道（乡）',
    });
    expect(report.problems[1]).toMatchObject({ row: 44, count: 1, rows: [44] });
  });
});
