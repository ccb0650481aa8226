import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema.ts', // the list of the areas' schema files,
  out: './src/server/db/migrations',
});
