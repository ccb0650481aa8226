import { count } from 'drizzle-orm';
import type { Database, DbKind, Tx } from '../db/client.js';
import { compounds } from '../db/schema.js';
import { seedCatalogue } from '../modules/projects/catalogue.js';
import { systemActor } from '../platform/audit.js';
import { write } from '../platform/context.js';
import { loadDemoConsultations } from './consultations.js';
import { loadDemoFacilities } from './facilities.js';
import { loadDemoIllegal } from './illegal.js';
import { loadDemoInventory } from './inventory.js';
import { loadDemoOpinions } from './opinions.js';
import { loadDemoOrganisation } from './organisation.js';
import { loadDemoOffices } from './portal.js';
import { loadDemoProjects } from './projects.js';
import { loadDemoProposals } from './proposals.js';
import { loadDemoQuality, loadDemoTicketPhotos } from './quality.js';
import { loadDemoSupervisors } from './supervisors.js';
import { loadDemoVotes } from './votes.js';

/** What the loaders before have loaded, for those after them; `counts` goes into the audit event. */
export interface DemoLoaded {
  /** The 2019–2022 renovation records (the inventory's completed projects). */
  renovations: { id: string; regionCode: string }[];
  /** The compounds whose registers came first: the illegal-structure survey's (ids). */
  registeredSample: string[];
  counts: Record<string, number>;
  /** Which database: bulk writes go by COPY on PGlite, by unnested arrays on PostgreSQL. */
  kind: DbKind;
}

/** One area's demo data, loaded inside the seed's transaction after the areas it builds on. */
export type DemoLoader = (tx: Tx, loaded: DemoLoaded) => Promise<void>;

/** Each area's demo loader, in dependency order; a new area adds its loader here. */
const demoLoaders: DemoLoader[] = [
  loadDemoInventory,
  (tx, loaded) => loadDemoOrganisation(tx, loaded.renovations),
  (tx) => loadDemoProjects(tx),
  loadDemoIllegal,
  loadDemoQuality,
  loadDemoSupervisors,
  loadDemoTicketPhotos,
  loadDemoConsultations,
  loadDemoVotes,
  loadDemoFacilities,
  loadDemoOpinions,
  loadDemoProposals,
  loadDemoOffices,
];

/**
 * Load the demo district in one transaction: every area's demo data, one audit event. Does
 * nothing when compounds already exist (returns false).
 */
export async function loadDemoDistrict(database: Database): Promise<boolean> {
  await seedCatalogue(database);
  return write(database.db, systemActor('seed'), async (tx: Tx, audit) => {
    const [existing] = await tx.select({ n: count() }).from(compounds);
    if ((existing?.n ?? 0) > 0) {
      await audit({ action: 'seed.demo', outcome: 'failed', after: { reason: 'inventory not empty' } });
      return false;
    }
    const loaded: DemoLoaded = { renovations: [], registeredSample: [], counts: {}, kind: database.kind };
    for (const load of demoLoaders) await load(tx, loaded);
    await audit({ action: 'seed.demo', entityType: 'district', entityId: '410203', after: loaded.counts });
    return true;
  });
}
