/** A vote's ballots and result as one Excel sheet (the sheets engine): a row per voter, then the four thresholds. */
import { and, asc, eq } from 'drizzle-orm';
import { can } from '../../../domain/access.js';
import { maskName } from '../../../domain/masking.js';
import type { Db } from '../../db/client.js';
import { voteBallots, voteVoters } from '../../db/schema.js';
import type { Principal } from '../../platform/context.js';
import type { SheetSpec } from '../../platform/sheets/columns.js';
import { writeSheet } from '../../platform/sheets/write.js';
import { centsText, voteDetail } from './queries.js';

const choiceLabels = { for: '同意', against: '不同意', abstain: '弃权' } as const;
const channelLabels = { online: '线上', paper: '纸质票' } as const;

export const voteSheet: SheetSpec = {
  kind: 'vote_ballots',
  sheetName: '表决票',
  title: '业主共同决定事项表决票统计表',
  columns: [
    { key: 'name', header: '业主', type: 'text', width: 18 },
    { key: 'rooms', header: '房屋', type: 'text', width: 36 },
    { key: 'area', header: '专有部分面积（㎡）', type: 'decimal', width: 16 },
    { key: 'units', header: '套数', type: 'integer', width: 8 },
    { key: 'choice', header: '表决意见', type: 'text', width: 12 },
    { key: 'channel', header: '方式', type: 'text', width: 10 },
    { key: 'castAt', header: '投票时间', type: 'text', width: 20 },
    { key: 'correction', header: '更正原因', type: 'text', width: 24 },
  ],
};

export async function exportVote(
  db: Db,
  principal: Principal,
  vote: { id: string; canManage: boolean; openedAt: Date | null; closedAt: Date | null },
  target: NodeJS.WritableStream,
) {
  const detail = await voteDetail(db, vote);
  const personal = can(principal.role, 'household.personal');
  const rows = await db
    .select({ voter: voteVoters, ballot: voteBallots })
    .from(voteVoters)
    .leftJoin(
      voteBallots,
      and(eq(voteBallots.voteId, voteVoters.voteId), eq(voteBallots.voterKey, voteVoters.key)),
    )
    .where(eq(voteVoters.voteId, vote.id))
    .orderBy(asc(voteVoters.rooms));
  function* sheetRows() {
    for (const { voter, ballot } of rows) {
      yield {
        name: personal || voter.key === 'developer' ? voter.name : maskName(voter.name),
        rooms: voter.rooms,
        // Two decimals as stored: a number for the cell, written as "#,##0.00".
        area: Number(centsText(voter.areaCents)),
        units: voter.units,
        choice: ballot ? choiceLabels[ballot.choice] : '未投票',
        channel: ballot ? channelLabels[ballot.channel] : null,
        castAt: ballot?.castAt.toISOString().replace('T', ' ').slice(0, 16) ?? null,
        correction: ballot?.correctionReason ?? null,
      };
    }
    const t = detail.tally;
    if (!t) return;
    yield { name: '表决结果', rooms: `${detail.title}（${detail.compoundName}）` };
    yield { name: '参与表决·面积', rooms: t.quorumArea.text };
    yield { name: '参与表决·人数', rooms: t.quorumHeadcount.text };
    yield { name: '同意·面积', rooms: t.approvalArea.text };
    yield { name: '同意·人数', rooms: t.approvalHeadcount.text };
    if (t.consent && t.consent.required > 0)
      yield {
        name: '专有部分被占用业主同意',
        rooms: `${t.consent.given} / ${t.consent.required}（须全部同意）`,
      };
    yield {
      name: '结论',
      rooms:
        detail.status === 'closed'
          ? t.passed
            ? '通过'
            : '未通过'
          : `表决进行中（${t.passed ? '目前达到通过条件' : '目前未达到通过条件'}）`,
    };
  }
  return writeSheet(target, voteSheet, sheetRows());
}
