import type { Role } from '../../domain/access.js';
import type { Db, Tx } from '../db/client.js';
import { type Actor, type AuditInput, appendAudit } from './audit.js';
import type { Lang } from './errors.js';

/** Who is acting, resolved once per request from the session. */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  scopeRegions: string[];
  /** Region code prefixes the principal may see; null = the whole district. */
  prefixes: readonly string[] | null;
  sessionId: string;
  csrfToken: string;
  /** Until the user sets a password of their own, only that (and who-am-I, logout) is allowed. */
  mustChangePassword?: boolean;
}

/** What a service needs to act for someone: the database, the actor, the language of messages. */
export interface Ctx {
  db: Db;
  principal: Principal;
  actor: Actor;
  lang: Lang;
  /** The district this installation serves: where district-wide records sit. */
  districtCode: string;
}

export type Audit = (event: AuditInput) => Promise<void>;

/**
 * Run a write: one transaction, and in it at least one audit event. A write that records
 * nothing is a bug, so it is refused and rolled back.
 */
export async function write<T>(db: Db, actor: Actor, fn: (tx: Tx, audit: Audit) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    let events = 0;
    const result = await fn(tx, async (event) => {
      events++;
      await appendAudit(tx, actor, event);
    });
    if (events === 0) throw new Error('a write must record an audit event');
    return result;
  });
}
