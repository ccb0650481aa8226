-- The inventory tallies become one row per region: its compounds, and those old at the district's
-- cutoff year (a setting). One row per build year made a province's breakdown by subdistrict sum
-- 137,000 rows; now it reads 4,556. The cutoff is read as the tallies count, and counted again
-- when the setting changes.
TRUNCATE "stats"."inventory_tallies";--> statement-breakpoint
ALTER TABLE "stats"."inventory_tallies" DROP CONSTRAINT "inventory_tallies_prefix_build_year_pk";--> statement-breakpoint
ALTER TABLE "stats"."inventory_tallies" DROP COLUMN "build_year";--> statement-breakpoint
ALTER TABLE "stats"."inventory_tallies" ADD COLUMN "old_compounds" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "stats"."inventory_tallies" ADD PRIMARY KEY ("prefix");--> statement-breakpoint
CREATE INDEX "inventory_tallies_prefix_idx" ON "stats"."inventory_tallies" USING btree ("prefix" text_pattern_ops);--> statement-breakpoint
-- The old-compound cutoff year: the district's setting, else the national 2000 (as
-- oldCutoffYear() in the program reads it: a value that is not a number is not a setting).
CREATE FUNCTION "stats"."old_cutoff"() RETURNS int LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT (value)::int FROM public.settings
    WHERE key = 'oldCutoffYear' AND jsonb_typeof(value) = 'number'), 2000)
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "stats"."tally"(sign int, ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  cutoff int := stats.old_cutoff();
BEGIN
  INSERT INTO stats.inventory_tallies AS t (prefix, compounds, old_compounds)
  SELECT left(s.region_code, l), sign * count(*), sign * count(*) FILTER (WHERE s.build_year < cutoff)
  FROM stats.compound_stats s CROSS JOIN unnest(ARRAY[0, 2, 4, 6, 9, 12]) AS l
  WHERE s.compound_id IN (SELECT unnest(ids)) AND l <= length(s.region_code)
  GROUP BY 1
  ON CONFLICT (prefix) DO UPDATE SET compounds = t.compounds + excluded.compounds,
    old_compounds = t.old_compounds + excluded.old_compounds;
  INSERT INTO stats.renovation_tallies AS t
    (prefix, year, prev_year, compounds, buildings, floor_area, households, residents, unknown)
  SELECT left(s.region_code, l), s.completed[k], coalesce(s.completed[k - 1], 0), sign * count(*),
    sign * coalesce(sum(s.buildings), 0), sign * coalesce(sum(s.floor_area), 0),
    sign * coalesce(sum(s.households), 0), sign * coalesce(sum(s.residents), 0),
    sign * count(*) FILTER (WHERE s.buildings IS NULL OR s.floor_area IS NULL OR s.households IS NULL
      OR s.residents IS NULL)
  FROM stats.compound_stats s CROSS JOIN unnest(ARRAY[0, 2, 4, 6, 9, 12]) AS l
    CROSS JOIN LATERAL generate_subscripts(s.completed, 1) AS k
  WHERE s.compound_id IN (SELECT unnest(ids)) AND l <= length(s.region_code)
  GROUP BY 1, 2, 3
  ON CONFLICT (prefix, year, prev_year) DO UPDATE SET compounds = t.compounds + excluded.compounds,
    buildings = t.buildings + excluded.buildings, floor_area = t.floor_area + excluded.floor_area,
    households = t.households + excluded.households, residents = t.residents + excluded.residents,
    unknown = t.unknown + excluded.unknown;
END $$;--> statement-breakpoint
-- Count the inventory tallies again from every compound's row, at the current cutoff. The lock
-- waits for writes of compounds in flight and holds back new ones until this transaction ends.
CREATE FUNCTION "stats"."count_inventory"() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  cutoff int := stats.old_cutoff();
BEGIN
  LOCK TABLE stats.inventory_tallies IN EXCLUSIVE MODE;
  DELETE FROM stats.inventory_tallies;
  INSERT INTO stats.inventory_tallies (prefix, compounds, old_compounds)
  SELECT left(s.region_code, l), count(*), count(*) FILTER (WHERE s.build_year < cutoff)
  FROM stats.compound_stats s CROSS JOIN unnest(ARRAY[0, 2, 4, 6, 9, 12]) AS l
  WHERE l <= length(s.region_code)
  GROUP BY 1;
END $$;--> statement-breakpoint
CREATE FUNCTION "stats"."cutoff_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stats.count_inventory();
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER stats_cutoff_insert AFTER INSERT ON settings FOR EACH ROW
  WHEN (NEW.key = 'oldCutoffYear') EXECUTE FUNCTION stats.cutoff_changed();--> statement-breakpoint
CREATE TRIGGER stats_cutoff_update AFTER UPDATE ON settings FOR EACH ROW
  WHEN ((NEW.key = 'oldCutoffYear' OR OLD.key = 'oldCutoffYear') AND (OLD.key, OLD.value) IS DISTINCT FROM (NEW.key, NEW.value))
  EXECUTE FUNCTION stats.cutoff_changed();--> statement-breakpoint
CREATE TRIGGER stats_cutoff_delete AFTER DELETE ON settings FOR EACH ROW
  WHEN (OLD.key = 'oldCutoffYear') EXECUTE FUNCTION stats.cutoff_changed();--> statement-breakpoint
-- Bulk loads turn row triggers off (session_replication_role = replica); these must still fire.
ALTER TABLE settings ENABLE ALWAYS TRIGGER stats_cutoff_insert;--> statement-breakpoint
ALTER TABLE settings ENABLE ALWAYS TRIGGER stats_cutoff_update;--> statement-breakpoint
ALTER TABLE settings ENABLE ALWAYS TRIGGER stats_cutoff_delete;--> statement-breakpoint
SELECT stats.count_inventory();
