CREATE SCHEMA "stats";
--> statement-breakpoint
CREATE TABLE "stats"."compound_stats" (
	"compound_id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"build_year" integer,
	"completed" integer[] NOT NULL,
	"buildings" integer,
	"floor_area" numeric(14, 2),
	"households" integer,
	"residents" integer
);
--> statement-breakpoint
CREATE TABLE "stats"."inventory_tallies" (
	"prefix" text NOT NULL,
	"build_year" integer NOT NULL,
	"compounds" integer NOT NULL,
	CONSTRAINT "inventory_tallies_prefix_build_year_pk" PRIMARY KEY("prefix","build_year")
);
--> statement-breakpoint
CREATE TABLE "stats"."renovation_tallies" (
	"prefix" text NOT NULL,
	"year" integer NOT NULL,
	"prev_year" integer NOT NULL,
	"compounds" integer NOT NULL,
	"buildings" bigint NOT NULL,
	"floor_area" numeric(16, 2) NOT NULL,
	"households" bigint NOT NULL,
	"residents" bigint NOT NULL,
	"unknown" integer NOT NULL,
	CONSTRAINT "renovation_tallies_prefix_year_prev_year_pk" PRIMARY KEY("prefix","year","prev_year")
);
--> statement-breakpoint
-- What the compounds `ids` add to the tallies (sign 1) or take away (sign -1), from their rows in
-- stats.compound_stats. Prefixes: '' (everything) and the region code cut at each level.
CREATE FUNCTION "stats"."tally"(sign int, ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats.inventory_tallies AS t (prefix, build_year, compounds)
  SELECT left(s.region_code, l), coalesce(s.build_year, -1), sign * count(*)
  FROM stats.compound_stats s CROSS JOIN unnest(ARRAY[0, 2, 4, 6, 9, 12]) AS l
  WHERE s.compound_id IN (SELECT unnest(ids)) AND l <= length(s.region_code)
  GROUP BY 1, 2
  ON CONFLICT (prefix, build_year) DO UPDATE SET compounds = t.compounds + excluded.compounds;
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
END $$;
--> statement-breakpoint
-- Count the compounds `ids` again from their current rows: take away what they added, read them
-- and their completed projects (accepted, handed over) again, add that.
CREATE FUNCTION "stats"."refresh"(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(ids), 0) = 0 THEN RETURN; END IF;
  PERFORM stats.tally(-1, ids);
  DELETE FROM stats.compound_stats WHERE compound_id IN (SELECT unnest(ids));
  INSERT INTO stats.compound_stats
  SELECT c.id, c.region_code, c.build_year,
    coalesce(ARRAY(SELECT DISTINCT p.year FROM public.projects p
      WHERE p.compound_id = c.id AND p.status IN ('accepted', 'handed_over') ORDER BY p.year), '{}'),
    c.building_count, c.floor_area, c.household_count, c.resident_count
  FROM public.compounds c WHERE c.id IN (SELECT unnest(ids));
  PERFORM stats.tally(1, ids);
END $$;
--> statement-breakpoint
CREATE FUNCTION "stats"."compounds_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM stats.refresh(ARRAY(SELECT id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM stats.refresh(ARRAY(SELECT id FROM old_rows));
  ELSE
    PERFORM stats.refresh(ARRAY(
      SELECT n.id FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
      WHERE (n.region_code, n.build_year, n.building_count, n.floor_area, n.household_count, n.resident_count)
        IS DISTINCT FROM (o.region_code, o.build_year, o.building_count, o.floor_area, o.household_count, o.resident_count)
      UNION SELECT o.id FROM new_rows n FULL JOIN old_rows o ON o.id = n.id WHERE n.id IS NULL));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "stats"."projects_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM stats.refresh(ARRAY(SELECT DISTINCT compound_id FROM new_rows
      WHERE status IN ('accepted', 'handed_over')));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM stats.refresh(ARRAY(SELECT DISTINCT compound_id FROM old_rows
      WHERE status IN ('accepted', 'handed_over')));
  ELSE
    PERFORM stats.refresh(ARRAY(
      SELECT o.compound_id FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.compound_id, o.year, o.status IN ('accepted', 'handed_over'))
        IS DISTINCT FROM (n.compound_id, n.year, n.status IN ('accepted', 'handed_over'))
      UNION SELECT n.compound_id FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.compound_id, o.year, o.status IN ('accepted', 'handed_over'))
        IS DISTINCT FROM (n.compound_id, n.year, n.status IN ('accepted', 'handed_over'))));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stats_compounds_insert AFTER INSERT ON compounds REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats.compounds_changed();
--> statement-breakpoint
CREATE TRIGGER stats_compounds_update AFTER UPDATE ON compounds REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats.compounds_changed();
--> statement-breakpoint
CREATE TRIGGER stats_compounds_delete AFTER DELETE ON compounds REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats.compounds_changed();
--> statement-breakpoint
CREATE TRIGGER stats_projects_insert AFTER INSERT ON projects REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats.projects_changed();
--> statement-breakpoint
CREATE TRIGGER stats_projects_update AFTER UPDATE ON projects REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats.projects_changed();
--> statement-breakpoint
CREATE TRIGGER stats_projects_delete AFTER DELETE ON projects REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats.projects_changed();
--> statement-breakpoint
-- Bulk loads turn row triggers off (session_replication_role = replica); these must still fire.
ALTER TABLE compounds ENABLE ALWAYS TRIGGER stats_compounds_insert;
--> statement-breakpoint
ALTER TABLE compounds ENABLE ALWAYS TRIGGER stats_compounds_update;
--> statement-breakpoint
ALTER TABLE compounds ENABLE ALWAYS TRIGGER stats_compounds_delete;
--> statement-breakpoint
ALTER TABLE projects ENABLE ALWAYS TRIGGER stats_projects_insert;
--> statement-breakpoint
ALTER TABLE projects ENABLE ALWAYS TRIGGER stats_projects_update;
--> statement-breakpoint
ALTER TABLE projects ENABLE ALWAYS TRIGGER stats_projects_delete;
--> statement-breakpoint
SELECT stats.refresh(ARRAY(SELECT id FROM compounds));
