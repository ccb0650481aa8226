/**
 * Freezing a vote's register when it opens: the households in its scope as they are registered
 * now, grouped into voters (one per headcount key), with their counted area and a code each for
 * the ballot notice. Later changes to the register do not reach the vote.
 */
import { randomInt } from 'node:crypto';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import { ballotCode, countedAreaCents, headcountKey, type VoteScope } from '../../../domain/votes.js';
import type { Tx } from '../../db/client.js';
import { buildings, households, owners, voteUnits, voteVoters } from '../../db/schema.js';

export const developerName = '开发商（未售房屋）';
const noOwnerName = '（产权人未登记）';
const roomsMax = 300;

interface Scope {
  id: string;
  compoundId: string;
  scope: VoteScope;
  buildingId: string | null;
  unit: string | null;
}

/** "1号楼1单元 101、102；2号楼1单元 301", clipped for a developer holding many. */
function roomsLabel(units: { building: string; unit: string; room: string }[]): string {
  const groups = new Map<string, string[]>();
  for (const u of units) {
    const k = `${u.building}${u.unit}`;
    groups.set(k, [...(groups.get(k) ?? []), u.room]);
  }
  const label = [...groups].map(([k, rooms]) => `${k} ${rooms.join('、')}`).join('；');
  return label.length <= roomsMax ? label : `${label.slice(0, roomsMax - 12)}… 共${units.length}套`;
}

/** Freeze the register of `vote` into its voters and units; returns the number of voters (0: nothing to vote with). */
export async function freezeRegister(
  tx: Tx,
  vote: Scope,
  random: (n: number) => number = randomInt,
): Promise<number> {
  const where: SQL[] = [eq(households.compoundId, vote.compoundId)];
  if (vote.buildingId) where.push(eq(households.buildingId, vote.buildingId));
  if (vote.scope === 'unit' && vote.unit) where.push(eq(households.unit, vote.unit));
  const rows = await tx
    .select({
      householdId: households.id,
      ownerId: households.ownerId,
      ownerKind: owners.kind,
      ownerName: owners.name,
      building: buildings.number,
      unit: households.unit,
      room: households.room,
      areaRegistered: households.areaRegistered,
      areaSurveyed: households.areaSurveyed,
      areaContract: households.areaContract,
    })
    .from(households)
    .innerJoin(buildings, eq(buildings.id, households.buildingId))
    .leftJoin(owners, eq(owners.id, households.ownerId))
    .where(and(...where))
    .orderBy(asc(buildings.number), asc(households.unit), asc(households.room));
  if (rows.length === 0) return 0;
  const voters = new Map<
    string,
    {
      ownerId: string | null;
      name: string;
      areaCents: bigint;
      units: { building: string; unit: string; room: string }[];
    }
  >();
  const unitRows: (typeof voteUnits.$inferInsert)[] = [];
  for (const r of rows) {
    const key = headcountKey(r);
    const cents = countedAreaCents(r);
    const v = voters.get(key) ?? {
      ownerId: r.ownerKind === 'developer' ? null : r.ownerId,
      name: r.ownerKind === 'developer' ? developerName : (r.ownerName ?? noOwnerName),
      areaCents: 0n,
      units: [],
    };
    v.areaCents += cents;
    v.units.push(r);
    voters.set(key, v);
    unitRows.push({
      voteId: vote.id,
      householdId: r.householdId,
      voterKey: key,
      building: r.building,
      unit: r.unit,
      room: r.room,
      areaCents: Number(cents),
    });
  }
  const codes = new Set<string>();
  const voterRows = [...voters].map(([key, v]) => {
    let code = ballotCode(random);
    while (codes.has(code)) code = ballotCode(random);
    codes.add(code);
    return {
      voteId: vote.id,
      key,
      ownerId: v.ownerId,
      name: v.name,
      rooms: roomsLabel(v.units),
      areaCents: Number(v.areaCents),
      units: v.units.length,
      code,
    };
  });
  for (let i = 0; i < voterRows.length; i += 500)
    await tx.insert(voteVoters).values(voterRows.slice(i, i + 500));
  for (let i = 0; i < unitRows.length; i += 500)
    await tx.insert(voteUnits).values(unitRows.slice(i, i + 500));
  return voterRows.length;
}
