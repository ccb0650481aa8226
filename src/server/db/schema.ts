/**
 * Every table, assembled from the files of the areas that own them (Drizzle reads this list for
 * the migrations and the typed client). A new area adds its `schema.ts` here.
 */

export * from '../modules/consultations/schema.js';
export * from '../modules/facilities/schema.js';
export * from '../modules/illegal/schema.js';
export * from '../modules/inventory/schema.js';
export * from '../modules/ledger/schema.js';
export * from '../modules/notifications/schema.js';
export * from '../modules/opinions/schema.js';
export * from '../modules/organisation/schema.js';
export * from '../modules/photos/schema.js';
export * from '../modules/portal/schema.js';
export * from '../modules/projects/schema.js';
export * from '../modules/proposals/schema.js';
export * from '../modules/quality/schema.js';
export * from '../modules/regions/schema.js';
export * from '../modules/stats/schema.js';
export * from '../modules/supervisors/schema.js';
export * from '../modules/votes/schema.js';
export * from '../platform/schema.js';
