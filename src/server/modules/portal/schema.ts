import { pgTable, text } from 'drizzle-orm/pg-core';
import { regions } from '../regions/schema.js';

/**
 * The office residents contact for a region (a subdistrict's 旧改办, a community's residents'
 * committee): the portal and the posters name it. Its phone is the office's landline; a mobile
 * number (a person's) is never shown in public, even if one is stored here.
 */
export const regionOffices = pgTable('region_offices', {
  regionCode: text('region_code')
    .primaryKey()
    .references(() => regions.code),
  name: text('name').notNull(),
  phone: text('phone'),
});
