/**
 * Owners' votes in 铁塔街道's compounds: two renovation plans passed, one that failed its quorum
 * on headcount though not on area (the larger flats took part, too few owners), a lift voted
 * in one stairwell unit (three quarters by area and headcount), and one open vote with its
 * ballots coming in. Registers frozen as the votes' own code does; ballots deterministic.
 */
import { and, asc, eq, like, sql } from 'drizzle-orm';
import { districtToday } from '../../domain/ledger.js';
import { tally, type VoteChoice, type VoteMatter, type VoteScope } from '../../domain/votes.js';
import type { Tx } from '../db/client.js';
import { buildings, compounds, households, voteBallots, votes, voteVoters } from '../db/schema.js';
import { tallyShape } from '../modules/votes/queries.js';
import { freezeRegister } from '../modules/votes/register.js';
import { prng } from './district.js';
import type { DemoLoaded } from './load.js';

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

interface Plan {
  title: string;
  matter: VoteMatter;
  scope: VoteScope;
  status: 'open' | 'closed';
  /** Choose who takes part and how, from the voters (key and area in hundredths). */
  ballots: (
    voters: { key: string; areaCents: bigint }[],
    r: ReturnType<typeof prng>,
  ) => Map<string, VoteChoice>;
}

/** Most take part, most of them for. */
const broadSupport =
  (share: number, forShare: number): Plan['ballots'] =>
  (voters, r) => {
    const out = new Map<string, VoteChoice>();
    for (const v of voters) {
      if (r.next() >= share) continue;
      const x = r.next();
      out.set(v.key, x < forShare ? 'for' : x < forShare + (1 - forShare) / 2 ? 'against' : 'abstain');
    }
    return out;
  };

/** The larger holdings take part (over 2/3 of the area) but fewer than 2/3 of the owners. */
const largeFlatsOnly: Plan['ballots'] = (voters) => {
  const total = voters.reduce((a, v) => a + v.areaCents, 0n);
  const out = new Map<string, VoteChoice>();
  let area = 0n;
  for (const v of [...voters].sort((a, b) =>
    b.areaCents > a.areaCents ? 1 : b.areaCents < a.areaCents ? -1 : 0,
  )) {
    if (area * 100n >= total * 70n) break;
    area += v.areaCents;
    out.set(v.key, out.size % 5 === 4 ? 'against' : 'for');
  }
  return out;
};

const plans: Plan[] = [
  {
    title: '小区综合改造方案（含8项必改内容）表决',
    matter: 'renovation_plan',
    scope: 'compound',
    status: 'closed',
    ballots: broadSupport(0.86, 0.88),
  },
  {
    title: '使用专项维修资金更换雨污管网表决',
    matter: 'fund_use',
    scope: 'compound',
    status: 'closed',
    ballots: broadSupport(0.8, 0.75),
  },
  {
    title: '增设机动车停车位及充电桩方案表决',
    matter: 'renovation_plan',
    scope: 'compound',
    status: 'closed',
    ballots: largeFlatsOnly,
  },
  {
    title: '1号楼1单元加装电梯表决',
    matter: 'add_lift',
    scope: 'unit',
    status: 'closed',
    ballots: broadSupport(1, 0.9),
  },
  {
    title: '小区改造方案（2023年批次）表决',
    matter: 'renovation_plan',
    scope: 'compound',
    status: 'open',
    ballots: broadSupport(0.45, 0.8),
  },
];

export async function loadDemoVotes(tx: Tx, loaded: DemoLoaded, today = districtToday()): Promise<void> {
  const r = prng(278_2);
  const candidates = await tx
    .select({ id: compounds.id, regionCode: compounds.regionCode })
    .from(compounds)
    .where(
      and(
        like(compounds.regionCode, '410203002%'),
        sql`EXISTS (SELECT 1 FROM ${households} WHERE ${households.compoundId} = ${compounds.id})`,
        sql`${compounds.householdCount} BETWEEN 60 AND 400`,
      ),
    )
    .orderBy(asc(compounds.code))
    .limit(plans.length * 3);
  let next = 0;
  let passed = 0;
  let failed = 0;
  for (const [i, plan] of plans.entries()) {
    // The quorum-failing plan may need a compound whose flats differ enough: try a few.
    for (let attempt = 0; attempt < 3; attempt++) {
      const compound = candidates[next++];
      if (!compound) throw new Error('the demo has too few registered compounds for its votes');
      const [first] =
        plan.scope === 'unit'
          ? await tx
              .select({ id: buildings.id })
              .from(buildings)
              .where(eq(buildings.compoundId, compound.id))
              .orderBy(asc(buildings.number))
              .limit(1)
          : [];
      const startsOn = plan.status === 'open' ? addDays(today, -5) : addDays(today, -90 + i * 12);
      const [vote] = await tx
        .insert(votes)
        .values({
          compoundId: compound.id,
          regionCode: compound.regionCode,
          scope: plan.scope,
          buildingId: first?.id ?? null,
          unit: plan.scope === 'unit' ? '1单元' : null,
          matter: plan.matter,
          title: plan.title,
          description: '演示数据（虚构）',
          startsOn,
          endsOn: addDays(startsOn, 15),
          status: 'open',
          openedAt: new Date(`${startsOn}T09:00:00+08:00`),
          isDemo: true,
        })
        .returning({ id: votes.id });
      if (!vote) throw new Error('insert returned nothing');
      await freezeRegister(
        tx,
        {
          id: vote.id,
          compoundId: compound.id,
          scope: plan.scope,
          buildingId: first?.id ?? null,
          unit: plan.scope === 'unit' ? '1单元' : null,
        },
        (n) => Math.floor(r.next() * n),
      );
      const voters = (
        await tx
          .select({ key: voteVoters.key, areaCents: voteVoters.areaCents })
          .from(voteVoters)
          .where(eq(voteVoters.voteId, vote.id))
          .orderBy(asc(voteVoters.rooms))
      ).map((v) => ({ key: v.key, areaCents: BigInt(v.areaCents) }));
      const choices = plan.ballots(voters, r);
      const result = tally(
        plan.matter,
        voters.map((v) => ({ ...v, choice: choices.get(v.key) ?? null })),
      );
      const wanted =
        plan.ballots === largeFlatsOnly ? result.quorumArea.met && !result.quorumHeadcount.met : true;
      if (!wanted && attempt < 2) {
        await tx.delete(votes).where(eq(votes.id, vote.id));
        continue;
      }
      const castAt = new Date(`${addDays(startsOn, 3)}T10:00:00+08:00`);
      const rows = [...choices].map(([voterKey, choice], k) => ({
        voteId: vote.id,
        voterKey,
        choice,
        channel: k % 3 === 0 ? ('online' as const) : ('paper' as const),
        castAt,
      }));
      for (let k = 0; k < rows.length; k += 500) await tx.insert(voteBallots).values(rows.slice(k, k + 500));
      if (plan.status === 'closed') {
        await tx
          .update(votes)
          .set({
            status: 'closed',
            closedAt: new Date(`${addDays(startsOn, 15)}T18:00:00+08:00`),
            passed: result.passed,
            result: tallyShape(result),
          })
          .where(eq(votes.id, vote.id));
        if (result.passed) passed++;
        else failed++;
      }
      break;
    }
  }
  Object.assign(loaded.counts, { votesPassed: passed, votesFailed: failed });
}
