/**
 * Residents' opinions on the 2023 batch's compounds: some waiting for an answer, some answered,
 * some turned into a rectification ticket or a supervision-ledger item, some closed. Deterministic
 * (texts, categories, dates and receipt codes follow the opinion's number).
 */
import { createHash, randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { districtToday } from '../../domain/ledger.js';
import { normaliseReceipt, receiptCode } from '../../domain/opinions.js';
import { addDays } from '../../domain/quality.js';
import type { Tx } from '../db/client.js';
import { compounds, ledgerItems, opinions, projects, ticketEvents, tickets } from '../db/schema.js';
import type { DemoLoaded } from './load.js';

const samples: { category: string; text: string; answer: string }[] = [
  {
    category: '施工扰民',
    text: '晚上十点以后还在切割钢材，噪音很大，老人孩子睡不好。',
    answer: '已要求施工单位夜间22时后停止高噪声作业，社区将不定时巡查。',
  },
  {
    category: '工程质量',
    text: '5号楼外墙保温层刚做完就有几处空鼓，敲起来声音发空。',
    answer: '已转施工单位整改，监理单位将逐块复查，整改完成后在此答复。',
  },
  {
    category: '安全隐患',
    text: '北门脚手架下面没有防护网，放学时孩子从下面经过很危险。',
    answer: '施工单位已加挂安全网并设置警示围挡，感谢您的监督。',
  },
  {
    category: '改造内容建议',
    text: '建议在中心广场增设几处适老座椅和扶手，方便老人休息。',
    answer: '您的建议已列入督办事项，将在方案调整时一并研究。',
  },
  {
    category: '其他',
    text: '改造期间快递和外卖不知道放在哪里，希望能设一个临时存放点。',
    answer: '社区已在北门值班室设置临时存放点，由物业人员代收。',
  },
  {
    category: '工程质量',
    text: '新铺的透水砖有好几块松动，下雨后一踩就冒水。',
    answer: '已转施工单位返工，限期7日内完成。',
  },
];

/** Which way each opinion went, in turn: two waiting, then answered, ticket, ledger item, closed. */
const kinds = ['received', 'received', 'answered', 'ticket', 'ledger', 'closed'] as const;

/** A demo receipt code from the opinion's number (not secret: these are invented opinions). */
const demoReceipt = (i: number) =>
  receiptCode(createHash('sha256').update(`jiugai-demo-opinion-${i}`).digest().subarray(0, 16));
const hashOf = (code: string) =>
  createHash('sha256')
    .update(normaliseReceipt(code) ?? code)
    .digest('hex');

export async function loadDemoOpinions(tx: Tx, loaded: DemoLoaded): Promise<void> {
  const today = districtToday();
  const active = await tx
    .select({
      projectId: projects.id,
      compoundId: compounds.id,
      regionCode: compounds.regionCode,
      compoundName: compounds.name,
      cadreId: projects.cadreInChargeId,
    })
    .from(projects)
    .innerJoin(compounds, eq(compounds.id, projects.compoundId))
    .where(eq(projects.status, 'under_construction'))
    .orderBy(asc(compounds.name), asc(projects.id));
  if (active.length === 0) return;
  const count = Math.min(36, active.length * 3);
  const at = (date: string, hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:30:00+08:00`);
  for (let i = 0; i < count; i++) {
    const place = active[i % active.length];
    const sample = samples[i % samples.length];
    if (!place || !sample) continue;
    let kind: (typeof kinds)[number] = kinds[i % kinds.length] ?? 'received';
    if (kind === 'ledger' && !place.cadreId) kind = 'answered';
    const sentOn = addDays(today, -(1 + (i % 20)));
    const sent = at(sentOn, 8 + (i % 10));
    const answered = kind === 'received' ? null : at(addDays(sentOn, 1), 15);
    let ticketId: string | null = null;
    let ledgerItemId: string | null = null;
    if (kind === 'ticket') {
      ticketId = randomUUID();
      await tx.insert(tickets).values({
        id: ticketId,
        projectId: place.projectId,
        source: 'opinion',
        title: `群众意见：${sample.text}`.slice(0, 200),
        deadline: addDays(today, 2 + (i % 5)),
        status: 'open',
        createdAt: answered ?? sent,
      });
      await tx
        .insert(ticketEvents)
        .values({ ticketId, action: 'open', note: sample.text, byName: '街道办事处', at: answered ?? sent });
    }
    if (kind === 'ledger' && place.cadreId) {
      const [item] = await tx
        .insert(ledgerItems)
        .values({
          title: `群众意见：${place.compoundName}${sample.category}`.slice(0, 200),
          projectId: place.projectId,
          ownerCadreId: place.cadreId,
          deadline: addDays(today, 10 + (i % 10)),
          priority: 'normal',
          regionCode: place.regionCode,
        })
        .returning({ id: ledgerItems.id });
      ledgerItemId = item?.id ?? null;
    }
    await tx.insert(opinions).values({
      compoundId: place.compoundId,
      regionCode: place.regionCode,
      category: sample.category,
      text: sample.text,
      contact: i % 3 === 0 ? `1390378${String(1000 + i).padStart(4, '0')}` : null,
      receiptHash: hashOf(demoReceipt(i)),
      status: kind,
      answer: answered ? sample.answer : null,
      answeredAt: answered,
      ticketId,
      ledgerItemId,
      isDemo: true,
      createdAt: sent,
      updatedAt: answered ?? sent,
    });
  }
  Object.assign(loaded.counts, { opinions: count });
}
