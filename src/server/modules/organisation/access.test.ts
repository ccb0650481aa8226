/**
 * Organisation records through the one access path, as each is scoped: a cadre within scope
 * (for changing too, which over HTTP only district-wide headquarters may), a unit everywhere.
 */
import { eq, isNotNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Role, scopePrefixes } from '../../../domain/access.js';
import type { Database } from '../../db/client.js';
import { cadres, units } from '../../db/schema.js';
import { loadDemoDistrict } from '../../demo/load.js';
import { systemActor } from '../../platform/audit.js';
import type { Principal } from '../../platform/context.js';
import { freshDatabase } from '../../testing/db.js';
import { loadCadre, loadUnit } from './access.js';

let database: Database;
let cadreId: string;
let unitId: string;

const caller = (role: Role, scope: string[]) => {
  const principal: Principal = {
    userId: '00000000-0000-4000-8000-000000000001',
    username: 'test',
    displayName: 'test',
    role,
    scopeRegions: scope,
    prefixes: scopePrefixes(role, scope),
    sessionId: 'test',
    csrfToken: 'test',
  };
  return { db: database.db, principal, actor: systemActor('test') };
};

beforeAll(async () => {
  database = await freshDatabase();
  await loadDemoDistrict(database);
  const [cadre] = await database.db.select().from(cadres).where(eq(cadres.regionCode, '410203002')).limit(1);
  const [unit] = await database.db.select().from(units).where(isNotNull(units.leaderCadreId)).limit(1);
  if (!cadre || !unit) throw new Error('the demo district has cadres and units');
  cadreId = cadre.id;
  unitId = unit.id;
}, 120_000);

describe.each(['read', 'write'] as const)('to %s', (intent) => {
  it.each([
    ['headquarters', 'hq', []],
    ['铁塔街道', 'subdistrict', ['410203002']],
  ] as const)('a cadre of 铁塔街道 is reached by %s', async (_who, role, scope) => {
    expect((await loadCadre(caller(role, [...scope]), cadreId, intent)).id).toBe(cadreId);
  });

  it('a cadre of 铁塔街道 is a 404 to 清平街道', async () => {
    await expect(loadCadre(caller('subdistrict', ['410203001']), cadreId, intent)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('a unit serves every region', async () => {
    expect((await loadUnit(caller('community', ['410203001001']), unitId, intent)).id).toBe(unitId);
  });
});
