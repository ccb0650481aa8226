-- The project list reads a year at a time, each year in compound-code order, and finds the years
-- in scope with one index probe each: the year index gains the region (for a large scope) and the
-- region index the year (for a small one).
DROP INDEX "projects_year_idx";--> statement-breakpoint
DROP INDEX "projects_region_idx";--> statement-breakpoint
CREATE INDEX "projects_year_region_idx" ON "projects" USING btree ("year","region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "projects_region_year_idx" ON "projects" USING btree ("region_code" text_pattern_ops,"year");