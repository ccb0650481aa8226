/**
 * The compounds export shows whether each compound is old and its renovation status, after the
 * imported columns; importing that export ignores both and changes nothing.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sheetRows } from '../../platform/sheets/testing.js';
import { buildUser, login, type Session, type TestApp, testApp } from '../../testing/app.js';

let t: TestApp;
let hq: Session;
const region = '410203002';

beforeAll(async () => {
  t = await testApp();
  const h = await buildUser(t.database, 'hq');
  hq = await login(t.app, h.username, h.password);
});

const get = (url: string) => t.app.inject({ method: 'GET', url, headers: hq.headers });

async function settle(id: string) {
  for (let i = 0; i < 600; i++) {
    const job = (await get(`/api/jobs/${id}`)).json();
    if (!['validating', 'importing'].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('job did not finish');
}

/** The export's rows as header → cell text. */
async function exported(): Promise<{ file: Buffer; headers: string[]; rows: Record<string, string>[] }> {
  const res = await get(`/api/sheets/compounds/export?format=xlsx&region=${region}`);
  expect(res.statusCode).toBe(200);
  return { file: res.rawPayload, ...(await sheetRows(res.rawPayload)) };
}

describe('compounds export: 老旧 and 改造状态', () => {
  it('adds both after the imported columns, with values as the inventory derives them', async () => {
    const { headers, rows } = await exported();
    expect(headers.slice(-2)).toEqual(['老旧', '改造状态']);
    const total = async (query: string) =>
      (await get(`/api/compounds?region=${region}&pageSize=1&${query}`)).json().total as number;
    expect(rows.length).toBe(await total(''));
    expect(rows.filter((r) => r.老旧 === '是').length).toBe(await total('old=true'));
    expect(rows.filter((r) => r.老旧 === '否').length).toBe(await total('old=false'));
    const labels: Record<string, string> = {
      not_planned: '未纳入计划',
      planned: '已纳入计划',
      in_progress: '改造中',
      renovated: '已改造',
    };
    for (const [status, label] of Object.entries(labels)) {
      expect(rows.filter((r) => r.改造状态 === label).length, label).toBe(await total(`status=${status}`));
    }
    expect(rows.some((r) => r.改造状态 === '已改造')).toBe(true);
  });

  it('imports as exported: the derived columns are ignored and nothing changes', async () => {
    const { file } = await exported();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/imports?kind=compounds&fileName=${encodeURIComponent('export.xlsx')}`,
      payload: file,
      headers: { ...hq.headers, 'content-type': 'application/octet-stream' },
    });
    expect(res.statusCode).toBe(202);
    const checked = await settle(res.json().id);
    expect(checked.status).toBe('validated');
    expect(checked.report).toMatchObject({ inserted: 0, updated: 0, problemCount: 0 });
  });

  it('the blank template stays as imports read it, without them', async () => {
    const res = await get('/api/sheets/compounds/template');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    const text = JSON.stringify(wb.worksheets[0]?.getSheetValues());
    expect(text).toContain('小区名称');
    expect(text).not.toContain('改造状态');
  });
});
