/**
 * Figures cached per scope and question, valid while nothing has been written.
 *
 * Every write appends to the audit chain in its own transaction (`write()` refuses one that
 * records nothing), so the chain's last seq names the state of the data: a cached answer is
 * served only while that seq, and the district's day (overdue figures turn at midnight), are the
 * ones it was computed at. The seq is read before the figures, so an answer is never filed under
 * a state older than the rows it counted. Each process keeps its own cache, so several serving
 * one PostgreSQL stay correct: each checks the seq in the database.
 *
 * The key holds what the figures depend on: the role (what it may read), the user where the
 * role reaches only the projects it is named on, the scope prefixes, and the question. So the
 * leaders of one district share answers, and a contractor never sees another's.
 */
import { LRUCache } from 'lru-cache';
import { projectScoped } from '../../../domain/access.js';
import { districtToday } from '../../../domain/ledger.js';
import type { Db } from '../../db/client.js';
import { chainHead } from '../../platform/audit.js';
import type { Principal } from '../../platform/context.js';
import { perDatabase } from '../../platform/sql.js';

// One cache per database: the tests open many in one process, and their seqs coincide.
const caches = perDatabase(() => new LRUCache<string, object>({ max: 1000 }));

export async function cachedFigures<T extends object>(
  db: Db,
  principal: Pick<Principal, 'role' | 'userId' | 'prefixes'>,
  question: unknown,
  compute: () => Promise<T>,
): Promise<T> {
  const head = await chainHead(db);
  const key = JSON.stringify([
    head?.seq ?? 0,
    districtToday(),
    principal.role,
    projectScoped(principal.role) ? principal.userId : '',
    principal.prefixes && [...principal.prefixes].sort(),
    question,
  ]);
  const cache = caches(db);
  const hit = cache.get(key);
  if (hit) return hit as T;
  const value = await compute();
  cache.set(key, value);
  return value;
}
