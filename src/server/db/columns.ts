import { customType, timestamp } from 'drizzle-orm/pg-core';

/** A timestamp with time zone, to the millisecond, as a Date. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
/** Binary content; both drivers hand back bytes (pg a Buffer, PGlite a Uint8Array). */
export const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});
