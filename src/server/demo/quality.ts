/**
 * Engineering quality: the construction, supervising and design firms named on the demo's
 * projects and their people; every completed (2019–2022) renovation with complete gate records —
 * plan, zoning, tender, witnessed samples, the checks the key parts need, concealed works accepted
 * and covered, tickets verified — and an acceptance all six parties signed, so each passes every
 * gate (every tested sample's lab report attached, every batch approved for use by the supervising
 * engineer, the tender's documents attached, concealed works decided with a photo); and the 2023
 * batch under way with open and overdue tickets, a failed material sample (its batch not approved),
 * a rejected concealed-works request and an acceptance that cannot pass yet. Generated (seeded),
 * written in bulk; the files are one small generated PDF and one small PNG, reused.
 */
import { randomUUID } from 'node:crypto';
import { count, eq, isNotNull, sql } from 'drizzle-orm';
import { districtToday } from '../../domain/ledger.js';
import {
  type AcceptanceParty,
  acceptanceParties,
  addDays,
  creditCheckChar,
  type FirmKind,
  firmKinds,
} from '../../domain/quality.js';
import type { Tx } from '../db/client.js';
import {
  acceptanceSignatures,
  acceptances,
  batchApprovals,
  compounds,
  concealedWorks,
  firmPeople,
  firms,
  gateSignoffs,
  inspections,
  materialSamples,
  photos,
  projectFirms,
  projectPeople,
  projectQuality,
  projects,
  qualityZones,
  ticketEvents,
  tickets,
} from '../db/schema.js';
import { suspendRowTriggers } from '../db/triggers.js';
import { checkFrequency } from '../platform/settings.js';
import { insertRows, recordset } from '../platform/sheets/batches.js';
import { prng } from './district.js';
import { type DemoFile, demoPdf, demoPng } from './files.js';
import type { DemoLoaded } from './load.js';

/** The demo's firms (invented, labelled 示例), by kind. */
const demoFirms: Record<FirmKind, { name: string; qualification: string }[]> = {
  construction: [
    { name: '开封宋都建设工程有限公司（示例）', qualification: '建筑工程施工总承包二级' },
    { name: '河南汴梁市政工程有限公司（示例）', qualification: '市政公用工程施工总承包二级' },
    { name: '开封古城建筑安装有限公司（示例）', qualification: '建筑工程施工总承包三级' },
    { name: '顺河城市更新建设有限公司（示例）', qualification: '建筑工程施工总承包二级' },
    { name: '中原老城改造工程有限公司（示例）', qualification: '市政公用工程施工总承包三级' },
    { name: '开封鼓楼建工集团有限公司（示例）', qualification: '建筑工程施工总承包一级' },
  ],
  supervision: [
    { name: '开封正诚工程监理有限公司（示例）', qualification: '房屋建筑工程监理甲级' },
    { name: '河南明远建设监理有限公司（示例）', qualification: '市政公用工程监理乙级' },
    { name: '汴京工程项目管理有限公司（示例）', qualification: '房屋建筑工程监理乙级' },
  ],
  design: [
    { name: '开封市规划勘测设计研究院（示例）', qualification: '建筑行业（建筑工程）甲级' },
    { name: '河南清明建筑设计有限公司（示例）', qualification: '建筑行业（建筑工程）乙级' },
  ],
};
const posts: Record<FirmKind, string[]> = {
  construction: ['项目经理', '技术负责人', '质量员'],
  supervision: ['总监理工程师', '专业监理工程师'],
  design: ['设计负责人'],
};
const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const given = [
  '建国',
  '志强',
  '红梅',
  '海涛',
  '丽娟',
  '国华',
  '晓东',
  '秀英',
  '卫东',
  '春生',
  '玉兰',
  '明亮',
];

/** A unified social credit code with a true check character: 91 (enterprise) + 410203 + a serial. */
const creditCode = (serial: number) => {
  const first17 = `91410203MA9Q${String(serial).padStart(5, '0')}`;
  return first17 + creditCheckChar(first17);
};

const materials = ['水泥', '钢筋', '防水卷材', '外墙保温板', '给排水管材'];
const labs = ['开封市建设工程质量检测中心', '河南省建筑工程质量检验测试中心站（开封）'];
const zoneNames = [
  { kind: 'building', name: '1—3号楼' },
  { kind: 'area', name: '小区道路及雨污管网' },
  { kind: 'item', name: '屋面防水及外墙保温' },
] as const;
const concealedParts = [
  { part: '雨污管网', location: '小区主路下' },
  { part: '屋面防水', location: '屋面找平层' },
  { part: '电气线路', location: '楼道墙内暗敷' },
];
const partyNames: Record<AcceptanceParty, string> = {
  subdistrict: '街道办事处',
  community: '社区居委会',
  owners: '业主代表',
  design: '设计单位',
  construction: '施工单位',
  supervision: '监理单位',
};

const sampleColumns = recordset({
  id: 'uuid',
  project_id: 'uuid',
  material: 'text',
  batch: 'text',
  required: 'int4',
  taken: 'int4',
  witness: 'text',
  lab: 'text',
  result: 'text',
  report: 'text',
  created_at: 'timestamptz',
});
const inspectionColumns = recordset({
  id: 'uuid',
  project_id: 'uuid',
  kind: 'text',
  checked_on: 'date',
  key_part: 'text',
  measurements: 'text',
  findings: 'text',
  inspector_name: 'text',
  created_at: 'timestamptz',
});
const concealedColumns = recordset({
  id: 'uuid',
  project_id: 'uuid',
  part: 'text',
  location: 'text',
  description: 'text',
  status: 'text',
  requested_at: 'timestamptz',
  decided_at: 'timestamptz',
  decision_note: 'text',
  covered_at: 'timestamptz',
});
const ticketColumns = recordset({
  id: 'uuid',
  project_id: 'uuid',
  source: 'text',
  inspection_id: 'uuid',
  concealed_work_id: 'uuid',
  title: 'text',
  deadline: 'date',
  status: 'text',
  created_at: 'timestamptz',
  evidence_note: 'text',
  fixed_at: 'timestamptz',
  reopened_at: 'timestamptz',
  verified_at: 'timestamptz',
});
const eventColumns = recordset({
  ticket_id: 'uuid',
  action: 'text',
  note: 'text',
  by_name: 'text',
  at: 'timestamptz',
});
const signoffColumns = recordset({
  project_id: 'uuid',
  gate: 'text',
  evidence: 'text',
  signed_by_name: 'text',
  signed_at: 'timestamptz',
});
const acceptanceColumns = recordset({
  id: 'uuid',
  project_id: 'uuid',
  notice_date: 'date',
  acceptance_date: 'date',
  agency: 'text',
  created_at: 'timestamptz',
  passed_at: 'timestamptz',
  filed_on: 'date',
});
const signatureColumns = recordset({
  acceptance_id: 'uuid',
  party: 'text',
  decision: 'text',
  remarks: 'text',
  signed_by_name: 'text',
  signed_at: 'timestamptz',
});
const zoneColumns = recordset({
  project_id: 'uuid',
  kind: 'text',
  name: 'text',
  assignee: 'text',
  phone: 'text',
});
const approvalColumns = recordset({
  project_id: 'uuid',
  material: 'text',
  batch: 'text',
  approved_by_name: 'text',
  approved_at: 'timestamptz',
});
const fileColumns = recordset({
  project_id: 'uuid',
  concealed_work_id: 'uuid',
  sample_id: 'uuid',
  tender_id: 'uuid',
  region_code: 'text',
  file_name: 'text',
  content_type: 'text',
  size: 'int4',
  sha256: 'text',
  bytes: 'bytea',
  created_at: 'timestamptz',
});
const projectFirmColumns = recordset({ project_id: 'uuid', kind: 'text', firm_id: 'uuid' });
const projectPeopleColumns = recordset({ project_id: 'uuid', kind: 'text', person_id: 'uuid' });

type Row = Record<string, unknown>;
const at = (date: string, hour = 10) => `${date} ${String(hour).padStart(2, '0')}:00:00+08`;
const agency = '顺河回族区建设工程质量监督站';

export async function loadDemoQuality(tx: Tx, loaded: DemoLoaded, today = districtToday()): Promise<void> {
  const r = prng(20);
  const name = () => `${r.pick([...surnames])}${r.pick(given)}`;

  // The registry: firms of each kind and their people.
  let serial = 0;
  const registry: Record<FirmKind, { id: string; people: { id: string; name: string; post: string }[] }[]> = {
    construction: [],
    supervision: [],
    design: [],
  };
  const firmRows: (typeof firms.$inferInsert)[] = [];
  const personRows: (typeof firmPeople.$inferInsert)[] = [];
  for (const kind of firmKinds) {
    for (const f of demoFirms[kind]) {
      const id = randomUUID();
      const people = posts[kind].map((post) => ({ id: randomUUID(), name: name(), post }));
      const contact = people[0];
      firmRows.push({
        id,
        name: f.name,
        creditCode: creditCode(++serial),
        qualification: f.qualification,
        contactName: contact?.name ?? null,
        contactPhone: `1370378${String(1000 + serial).slice(-4)}`,
        isDemo: true,
      });
      for (const [k, p] of people.entries())
        personRows.push({
          ...p,
          firmId: id,
          phone: `1590378${String(serial * 10 + k).padStart(4, '0')}`,
          isDemo: true,
        });
      registry[kind].push({ id, people });
    }
  }
  await tx.insert(firms).values(firmRows);
  await tx.insert(firmPeople).values(personRows);

  const frequency = Object.entries(await checkFrequency(tx));
  const all = await tx
    .select({
      id: projects.id,
      year: projects.year,
      status: projects.status,
      regionCode: projects.regionCode,
    })
    .from(projects)
    .innerJoin(compounds, eq(compounds.id, projects.compoundId))
    .orderBy(projects.year, compounds.code);
  const completed = all.filter((p) => p.year < 2023);
  const under = all.filter((p) => p.year >= 2023 && ['under_construction', 'tendered'].includes(p.status));

  const projectFirmRows: Row[] = [];
  const projectPeopleRows: Row[] = [];
  const plans: (typeof projectQuality.$inferInsert)[] = [];
  const zones: Row[] = [];
  const samples: Row[] = [];
  const checks: Row[] = [];
  const concealed: Row[] = [];
  const ticketRows: Row[] = [];
  const events: Row[] = [];
  const signoffs: Row[] = [];
  const acceptanceRows: Row[] = [];
  const signatures: Row[] = [];
  const approvals: Row[] = [];
  const files: Row[] = [];
  const pdf = await demoPdf();
  const png = demoPng();
  /** One attached file: a sample's report, a bid document or a concealed work's photo. */
  const attach = (
    p: { id: string; regionCode: string },
    owner: { sample_id?: unknown; tender_id?: string; concealed_work_id?: unknown },
    fileName: string,
    file: DemoFile,
    createdAt: string,
  ) =>
    files.push({
      project_id: p.id,
      concealed_work_id: null,
      sample_id: null,
      tender_id: null,
      ...owner,
      region_code: p.regionCode,
      file_name: fileName,
      content_type: file === pdf ? 'application/pdf' : 'image/png',
      size: file.size,
      sha256: file.sha256,
      bytes: file.hex,
      created_at: createdAt,
    });

  /** Name the three units and their people; returns who is who on the project. */
  const nameUnits = (projectId: string, i: number) => {
    const who = {} as Record<FirmKind, { id: string; name: string; post: string }[]>;
    for (const kind of firmKinds) {
      const firm = registry[kind][i % registry[kind].length];
      if (!firm) continue;
      projectFirmRows.push({ project_id: projectId, kind, firm_id: firm.id });
      for (const p of firm.people) projectPeopleRows.push({ project_id: projectId, kind, person_id: p.id });
      who[kind] = firm.people;
    }
    return who;
  };
  const lead = (who: ReturnType<typeof nameUnits>, kind: FirmKind) =>
    who[kind]?.[0]?.name ?? partyNames[kind];
  const inspector = (who: ReturnType<typeof nameUnits>) =>
    who.supervision?.[1]?.name ?? lead(who, 'supervision');

  const plan = (projectId: string, who: ReturnType<typeof nameUnits>, bidDate: string, amount: number) =>
    plans.push({
      projectId,
      qualityPlan:
        '执行“五关”质量管理：分区分片分包落实质量责任，主材见证取样送检，重点部位旁站，隐蔽工程验收后覆盖。',
      responsiblePeople: [lead(who, 'construction'), lead(who, 'supervision'), lead(who, 'design')],
      bidDate,
      bidAmount: amount,
    });
  const tenderDocuments = (p: { id: string; regionCode: string }, bidDate: string) => {
    for (const name of ['中标通知书', '施工合同'])
      attach(p, { tender_id: p.id }, `${name}.pdf`, pdf, at(bidDate, 17));
  };

  // ── Completed renovations: every gate passed, the acceptance signed by all six. ──
  for (const [i, p] of completed.entries()) {
    const y = p.year;
    const who = nameUnits(p.id, i);
    const bidDate = addDays(`${y}-03-01`, r.int(0, 25));
    plan(p.id, who, bidDate, Math.round(r.range(300, 1200) * 100) / 100);
    tenderDocuments(p, bidDate);
    for (const z of zoneNames)
      zones.push({ project_id: p.id, kind: z.kind, name: z.name, assignee: name(), phone: null });

    // Samples: all passed and witnessed, each lab report attached; now and then a failed batch
    // retested. Each batch approved for use by the supervising engineer after its passing test.
    const retest = i % 9 === 4;
    for (const [k, material] of materials.slice(0, 4).entries()) {
      const required = r.int(2, 6);
      const batch = `${y}-${String(k + 1).padStart(2, '0')}`;
      const row = (result: string, day: number, report: string) => {
        const sample = {
          id: randomUUID(),
          project_id: p.id,
          material,
          batch,
          required,
          taken: required,
          witness: lead(who, 'supervision'),
          lab: labs[k % labs.length],
          result,
          report,
          created_at: at(addDays(`${y}-04-01`, k * 7 + day)),
        };
        attach(
          p,
          { sample_id: sample.id },
          `检测报告-${batch}.pdf`,
          pdf,
          at(addDays(`${y}-04-01`, k * 7 + day + 3)),
        );
        return sample;
      };
      if (retest && k === 1) samples.push(row('fail', 0, `报告编号 ${y}-${i}-${k}F（不合格，退场）`));
      const passed = retest && k === 1 ? 10 : 0;
      samples.push(row('pass', passed, `报告编号 ${y}-${i}-${k}`));
      approvals.push({
        project_id: p.id,
        material,
        batch,
        approved_by_name: lead(who, 'supervision'),
        approved_at: at(addDays(`${y}-04-01`, k * 7 + passed + 4)),
      });
    }

    // Site supervision: the checks each key part needs, one more now and then.
    for (const [k, [keyPart, required]] of frequency.entries()) {
      for (let c = 0; c < required + (r.next() < 0.3 ? 1 : 0); c++) {
        const on = addDays(`${y}-05-01`, k * 20 + c * 9);
        checks.push({
          id: randomUUID(),
          project_id: p.id,
          kind: c % 2 === 0 ? 'inspection' : 'spot_check',
          checked_on: on,
          key_part: keyPart,
          measurements: '',
          findings: '符合设计及规范要求',
          inspector_name: inspector(who),
          created_at: at(on, 16),
        });
      }
    }
    // Concealed works accepted before covering, and a ticket raised and verified.
    for (const [k, c] of concealedParts.slice(0, 2).entries()) {
      const on = addDays(`${y}-06-01`, k * 30);
      const id = randomUUID();
      attach(p, { concealed_work_id: id }, `${c.part}-验收.png`, png, at(on, 14));
      concealed.push({
        id,
        project_id: p.id,
        part: c.part,
        location: c.location,
        description: '',
        status: 'accepted',
        requested_at: at(on, 9),
        decided_at: at(on, 15),
        decision_note: '经检查符合要求，同意覆盖',
        covered_at: at(addDays(on, 2), 9),
      });
    }
    const ticketId = randomUUID();
    const opened = addDays(`${y}-07-10`, r.int(0, 20));
    ticketRows.push({
      id: ticketId,
      project_id: p.id,
      source: 'inspection',
      inspection_id: null,
      concealed_work_id: null,
      title: r.pick(['楼道墙面空鼓需返工', '雨水井盖标高不符', '外墙保温板拼缝过大', '屋面防水卷材搭接不足']),
      deadline: addDays(opened, 10),
      status: 'verified',
      created_at: at(opened),
      evidence_note: '已按要求整改，附整改后照片',
      fixed_at: at(addDays(opened, 6)),
      reopened_at: null,
      verified_at: at(addDays(opened, 7)),
    });
    events.push(
      { ticket_id: ticketId, action: 'open', note: '', by_name: inspector(who), at: at(opened) },
      {
        ticket_id: ticketId,
        action: 'submit_evidence',
        note: '已按要求整改',
        by_name: lead(who, 'construction'),
        at: at(addDays(opened, 6)),
      },
      {
        ticket_id: ticketId,
        action: 'verify',
        note: '',
        by_name: inspector(who),
        at: at(addDays(opened, 7)),
      },
    );
    for (const gate of ['process', 'tendering', 'materials', 'supervision'])
      signoffs.push({
        project_id: p.id,
        gate,
        evidence: {
          process: '质量计划及责任人名单',
          tendering: '中标通知书及施工合同',
          materials: '主材检测报告汇总',
          supervision: '监理旁站及巡检记录',
        }[gate],
        signed_by_name: lead(who, 'supervision'),
        signed_at: at(addDays(`${y}-10-20`, 0)),
      });
    // Acceptance: the agency told three weeks ahead (well over 7 working days), six signatures.
    const notice = addDays(`${y}-11-02`, r.int(0, 5));
    const held = addDays(notice, 21);
    const acceptanceId = randomUUID();
    acceptanceRows.push({
      id: acceptanceId,
      project_id: p.id,
      notice_date: notice,
      acceptance_date: held,
      agency,
      created_at: at(notice),
      passed_at: at(held, 16),
      filed_on: addDays(held, r.int(3, 14)),
    });
    for (const party of acceptanceParties)
      signatures.push({
        acceptance_id: acceptanceId,
        party,
        decision: 'signed',
        remarks: party === 'owners' ? '居民代表现场查看，同意验收' : '同意验收',
        signed_by_name:
          party === 'design' || party === 'construction' || party === 'supervision'
            ? lead(who, party)
            : `${partyNames[party]}·${name()}`,
        signed_at: at(held, 15),
      });
  }

  // ── The 2023 batch under way: units named and tendered; on site, what is still open. ──
  let i = -1;
  for (const [j, p] of under.entries()) {
    const who = nameUnits(p.id, completed.length + j);
    const bidDate = addDays(today, -r.int(90, 150));
    plan(p.id, who, bidDate, Math.round(r.range(400, 900) * 100) / 100);
    tenderDocuments(p, bidDate);
    if (p.status !== 'under_construction') continue;
    i++;
    for (const z of zoneNames)
      zones.push({ project_id: p.id, kind: z.kind, name: z.name, assignee: name(), phone: null });
    for (const gate of ['process', 'tendering'])
      signoffs.push({
        project_id: p.id,
        gate,
        evidence: gate === 'process' ? '质量计划及责任人名单' : '中标通知书及施工合同',
        signed_by_name: lead(who, 'supervision'),
        signed_at: at(addDays(today, -60)),
      });
    // Samples: passed, one pending, and in the first project a failed batch (blocked until retested).
    // Tested ones carry their report; the witnessed passing batches are approved for use, the
    // failed one is not (nor those sampled without a witness, nor the pending one).
    for (const [k, material] of materials.entries()) {
      const result = i === 0 && k === 1 ? 'fail' : k === 4 ? 'pending' : 'pass';
      const batch = `2023-${String(k + 1).padStart(2, '0')}`;
      const witnessed = k % 2 === 0;
      const id = randomUUID();
      samples.push({
        id,
        project_id: p.id,
        material,
        batch,
        required: 3,
        taken: k === 4 ? 1 : 3,
        witness: witnessed ? lead(who, 'supervision') : null,
        lab: labs[k % labs.length],
        result,
        report:
          result === 'pending'
            ? null
            : `报告编号 2023-${i}-${k}${result === 'fail' ? '（抗拉强度不合格）' : ''}`,
        created_at: at(addDays(today, -50 + k * 5)),
      });
      if (result !== 'pending')
        attach(p, { sample_id: id }, `检测报告-${batch}.pdf`, pdf, at(addDays(today, -47 + k * 5)));
      if (result === 'pass' && witnessed)
        approvals.push({
          project_id: p.id,
          material,
          batch,
          approved_by_name: lead(who, 'supervision'),
          approved_at: at(addDays(today, -46 + k * 5)),
        });
    }
    // Checks: the first key parts under way, fewer than required; one finding opens a ticket.
    const firstCheck = checks.length;
    for (const [k, [keyPart, required]] of frequency.slice(0, 3).entries()) {
      for (let c = 0; c < Math.max(1, required - 1 - (i % 2)); c++) {
        const on = addDays(today, -40 + k * 8 + c * 5);
        checks.push({
          id: randomUUID(),
          project_id: p.id,
          kind: c % 2 === 0 ? 'inspection' : 'spot_check',
          checked_on: on,
          key_part: keyPart,
          measurements: keyPart === '雨污管网' ? '管道坡度 0.3%，闭水试验 24h 无渗漏' : '',
          findings: c === 0 && k === 0 ? '检查井砌筑砂浆不饱满' : '符合要求',
          inspector_name: inspector(who),
          created_at: at(on, 16),
        });
      }
    }
    // Concealed works: one covered, one rejected (a ticket to the contractor), one awaiting the engineer.
    const ids = concealedParts.map(() => randomUUID());
    const statuses = ['accepted', 'rejected', 'requested'] as const;
    for (const [k, c] of concealedParts.entries()) {
      const on = addDays(today, -30 + k * 10);
      const status = statuses[k];
      if (status !== 'requested')
        attach(p, { concealed_work_id: ids[k] }, `${c.part}-验收.png`, png, at(on, 14));
      concealed.push({
        id: ids[k],
        project_id: p.id,
        part: c.part,
        location: c.location,
        description: '申请隐蔽验收',
        status,
        requested_at: at(on, 9),
        decided_at: status === 'requested' ? null : at(on, 15),
        decision_note:
          status === 'accepted'
            ? '同意覆盖'
            : status === 'rejected'
              ? '防水层搭接宽度不足，整改后重新报验'
              : null,
        covered_at: status === 'accepted' ? at(addDays(on, 2), 9) : null,
      });
    }
    // Tickets: overdue and open ones, one answered, one reopened and overdue, one verified.
    const finding = checks[firstCheck]?.id ?? null;
    const t = [
      {
        source: 'inspection',
        inspection: finding,
        title: '检查井砌筑砂浆不饱满，返工',
        days: -18,
        deadline: -4,
        status: 'open',
      },
      {
        source: 'concealed_works',
        concealed: ids[1],
        title: '屋面防水卷材搭接宽度不足',
        days: -10,
        deadline: 5,
        status: 'open',
      },
      { source: 'other', title: '施工现场围挡破损', days: -15, deadline: -6, status: 'reopened' },
      { source: 'inspection', title: '楼道线槽固定不牢', days: -9, deadline: 3, status: 'evidence_uploaded' },
      { source: 'inspection', title: '道路基层压实度不足', days: -25, deadline: -12, status: 'verified' },
    ];
    for (const x of t) {
      const id = randomUUID();
      const opened = addDays(today, x.days);
      const answered = addDays(opened, 3);
      ticketRows.push({
        id,
        project_id: p.id,
        source: x.source,
        inspection_id: x.inspection ?? null,
        concealed_work_id: x.concealed ?? null,
        title: x.title,
        deadline: addDays(today, x.deadline),
        status: x.status,
        created_at: at(opened),
        evidence_note: x.status === 'open' ? null : '已整改，附照片',
        fixed_at: x.status === 'open' ? null : at(answered),
        reopened_at: x.status === 'reopened' ? at(addDays(answered, 1)) : null,
        verified_at: x.status === 'verified' ? at(addDays(answered, 1)) : null,
      });
      events.push({ ticket_id: id, action: 'open', note: '', by_name: inspector(who), at: at(opened) });
      if (x.status !== 'open')
        events.push({
          ticket_id: id,
          action: 'submit_evidence',
          note: '已整改，附照片',
          by_name: lead(who, 'construction'),
          at: at(answered),
        });
      if (x.status === 'reopened' || x.status === 'verified')
        events.push({
          ticket_id: id,
          action: x.status === 'reopened' ? 'reopen' : 'verify',
          note: x.status === 'reopened' ? '围挡仍有缺口，重新整改' : '',
          by_name: inspector(who),
          at: at(addDays(answered, 1)),
        });
    }
    // The first project's acceptance is organised, half signed, and held up by its open tickets.
    if (i === 0) {
      const acceptanceId = randomUUID();
      const notice = addDays(today, -3);
      acceptanceRows.push({
        id: acceptanceId,
        project_id: p.id,
        notice_date: notice,
        acceptance_date: addDays(notice, 20),
        agency,
        created_at: at(notice),
        passed_at: null,
        filed_on: null,
      });
      for (const party of ['subdistrict', 'community', 'design'] as const)
        signatures.push({
          acceptance_id: acceptanceId,
          party,
          decision: 'signed',
          remarks: '同意',
          signed_by_name: party === 'design' ? lead(who, 'design') : `${partyNames[party]}·${name()}`,
          signed_at: at(addDays(today, -1)),
        });
      signatures.push({
        acceptance_id: acceptanceId,
        party: 'owners',
        decision: 'refused',
        remarks: '3号楼屋面仍有渗漏，整改后再验',
        signed_by_name: `${partyNames.owners}·${name()}`,
        signed_at: at(addDays(today, -1)),
      });
    }
  }

  // Each table in one statement; every reference was made or read just now in this transaction.
  const resume = await suspendRowTriggers(tx);
  const k = loaded.kind;
  await insertRows(tx, k, projectFirms, projectFirmColumns, projectFirmRows);
  await insertRows(tx, k, projectPeople, projectPeopleColumns, projectPeopleRows);
  await tx.insert(projectQuality).values(plans);
  await insertRows(tx, k, qualityZones, zoneColumns, zones);
  await insertRows(tx, k, materialSamples, sampleColumns, samples);
  await insertRows(tx, k, batchApprovals, approvalColumns, approvals);
  await insertRows(tx, k, inspections, inspectionColumns, checks);
  await insertRows(tx, k, concealedWorks, concealedColumns, concealed);
  await insertRows(tx, k, tickets, ticketColumns, ticketRows);
  await insertRows(tx, k, ticketEvents, eventColumns, events);
  await insertRows(tx, k, gateSignoffs, signoffColumns, signoffs);
  await insertRows(tx, k, acceptances, acceptanceColumns, acceptanceRows);
  await insertRows(tx, k, acceptanceSignatures, signatureColumns, signatures);
  await insertRows(tx, k, photos, fileColumns, files);
  await resume?.();
  Object.assign(loaded.counts, {
    firms: firmRows.length,
    qualityInspections: checks.length,
    tickets: ticketRows.length,
    acceptances: acceptanceRows.length,
  });
}

/**
 * Every demo ticket the construction unit has answered carries a photo of the fix, sent when the
 * evidence was: a note alone is no evidence, so the demo's tickets waiting for verification can be
 * verified. Runs after the quality and resident-supervisor loaders (both open tickets).
 */
export async function loadDemoTicketPhotos(tx: Tx, loaded: DemoLoaded): Promise<void> {
  const png = demoPng();
  await tx.execute(sql`
    insert into ${photos} (project_id, ticket_id, region_code, file_name, content_type, size, sha256, bytes, created_at)
    select t.project_id, t.id, p.region_code, '整改后照片.png', 'image/png', ${png.size}, ${png.sha256}, ${png.bytes}, t.fixed_at
    from ${tickets} t join ${projects} p on p.id = t.project_id
    where t.fixed_at is not null`);
  const [n] = await tx.select({ n: count() }).from(photos).where(isNotNull(photos.ticketId));
  loaded.counts.ticketPhotos = n?.n ?? 0;
}
