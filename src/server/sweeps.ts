/**
 * Periodic work while `serve` runs: what must happen with time even when nobody looks. Today one
 * sweep: overdue rectification tickets raised to the supervision ledger (the reads that show them
 * raise them too). Started by `serve`, stopped on close; a failed round is logged and retried on
 * the next.
 */
import { districtToday } from '../domain/ledger.js';
import type { Database } from './db/client.js';
import { escalateOverdueTickets } from './modules/quality/commands.js';

/** How often the sweep runs: a ticket's deadline is a date, so an hour is ample. */
export const sweepIntervalMs = 60 * 60 * 1000;

/** One round of every sweep (also what the tests call). */
export async function sweepOnce(database: Database): Promise<{ escalatedTickets: number }> {
  return { escalatedTickets: await escalateOverdueTickets({ db: database.db }, districtToday()) };
}

/** Run a round now and then every `intervalMs`; the returned function stops it (and awaits a round under way). */
export function startSweeps(
  database: Database,
  log: (error: unknown) => void,
  intervalMs = sweepIntervalMs,
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const round = () => {
    if (stopped) return;
    running = sweepOnce(database).catch(log);
  };
  round();
  const timer = setInterval(round, intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
