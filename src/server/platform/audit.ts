import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { AuditAction, AuditEntityType, auditOutcomes } from '../../contract/audit.js';
import type { Db, Tx } from '../db/client.js';
import { auditEvents } from '../db/schema.js';

export interface Actor {
  id: string | null;
  name: string;
  ip: string | null;
}

export interface AuditInput {
  /** A declared code (contract/audit.ts); `test.*` only in tests. */
  action: AuditAction | `test.${string}`;
  entityType?: AuditEntityType | `test.${string}` | null;
  entityId?: string | null;
  regionCode?: string | null;
  outcome?: (typeof auditOutcomes)[number];
  before?: unknown;
  after?: unknown;
}

const genesis = '0'.repeat(64);
// Any constant works; it names the one advisory lock that serialises appends to the chain.
const chainLockKey = 7_734_202;

type Row = typeof auditEvents.$inferSelect;

function hashOf(r: Omit<Row, 'hash'>): string {
  const body = canonicalize({
    seq: r.seq,
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorName: r.actorName,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    regionCode: r.regionCode,
    outcome: r.outcome,
    ip: r.ip,
    before: r.before ?? null,
    after: r.after ?? null,
    prevHash: r.prevHash,
  });
  return createHash('sha256')
    .update(body ?? '')
    .digest('hex');
}

// What jsonb will give back: plain JSON values, so the hash recomputed at verify time matches.
const asJson = (v: unknown) => (v === undefined ? null : (JSON.parse(JSON.stringify(v)) as unknown));

/** The chain's last event (its seq and hash), or undefined while the chain is empty. */
export async function chainHead(db: Tx | Db): Promise<{ seq: number; hash: string } | undefined> {
  const [last] = await db
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return last;
}

/** Append one event to the chain inside the caller's transaction. */
export async function appendAudit(tx: Tx | Db, actor: Actor, input: AuditInput): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${chainLockKey})`);
  const last = await chainHead(tx);
  const row: Omit<Row, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date(),
    actorId: actor.id,
    actorName: actor.name,
    action: input.action,
    entityType: input.entityType ?? null,
    entityId: input.entityId ?? null,
    regionCode: input.regionCode ?? null,
    outcome: input.outcome ?? 'ok',
    ip: actor.ip,
    before: asJson(input.before),
    after: asJson(input.after),
    prevHash: last?.hash ?? genesis,
  };
  await tx.insert(auditEvents).values({ ...row, hash: hashOf(row) });
}

/** Record an event in a transaction of its own (logins, refused access: no other write to join). */
export async function recordAudit(db: Db, actor: Actor, input: AuditInput): Promise<void> {
  await db.transaction((tx) => appendAudit(tx, actor, input));
}

export type ChainReport =
  | { ok: true; count: number }
  | { ok: false; count: number; seq: number; reason: string };

/** Walk the whole chain and report the first broken link. */
export async function verifyAuditChain(db: Db, batch = 5000): Promise<ChainReport> {
  let prevHash = genesis;
  let expected = 1;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, expected - 1))
      .orderBy(asc(auditEvents.seq))
      .limit(batch);
    for (const r of rows) {
      if (r.seq !== expected)
        return { ok: false, count: expected - 1, seq: expected, reason: 'event missing' };
      if (r.prevHash !== prevHash)
        return { ok: false, count: expected - 1, seq: r.seq, reason: 'previous hash does not match' };
      if (hashOf(r) !== r.hash)
        return { ok: false, count: expected - 1, seq: r.seq, reason: 'content does not match its hash' };
      prevHash = r.hash;
      expected++;
    }
    if (rows.length < batch) return { ok: true, count: expected - 1 };
  }
}

/** The system itself as an actor (bootstrap, seeding, the CLI). */
export function systemActor(what: string): Actor {
  return { id: null, name: `system:${what}`, ip: null };
}
