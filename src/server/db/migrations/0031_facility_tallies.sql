-- Facilities by region prefix and year completed, one column per indicator group and action (the
-- sum of their counts), kept by statement triggers on facilities as the other tallies are: the
-- summary's facility figures at a province summed 252,000 facilities (50-75 ms).
CREATE TABLE "stats"."facility_tallies" (
	"prefix" text NOT NULL,
	"year" integer NOT NULL,
	"activity_room_added" bigint NOT NULL,
	"activity_room_improved" bigint NOT NULL,
	"service_shop_added" bigint NOT NULL,
	"service_shop_improved" bigint NOT NULL,
	"lift_added" bigint NOT NULL,
	"lift_improved" bigint NOT NULL,
	"elderly_care_added" bigint NOT NULL,
	"elderly_care_improved" bigint NOT NULL,
	"childcare_added" bigint NOT NULL,
	"childcare_improved" bigint NOT NULL,
	"other_added" bigint NOT NULL,
	"other_improved" bigint NOT NULL,
	CONSTRAINT "facility_tallies_prefix_year_pk" PRIMARY KEY("prefix","year")
);
--> statement-breakpoint
CREATE INDEX "facility_tallies_prefix_idx" ON "stats"."facility_tallies" USING btree ("prefix" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "facility_tallies_subdistricts_idx" ON "stats"."facility_tallies" USING btree ("prefix","year","activity_room_added","activity_room_improved","service_shop_added","service_shop_improved","lift_added","lift_improved","elderly_care_added","elderly_care_improved","childcare_added","childcare_improved","other_added","other_improved") WHERE length("stats"."facility_tallies"."prefix") <= 9;--> statement-breakpoint
-- Add (sign 1) or take away (-1) the facilities given, under every prefix of their region code.
CREATE FUNCTION "stats"."tally_facilities"(sign int, changed public.facilities[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO stats.facility_tallies AS t (prefix, year, activity_room_added, activity_room_improved, service_shop_added, service_shop_improved, lift_added, lift_improved, elderly_care_added, elderly_care_improved, childcare_added, childcare_improved, other_added, other_improved)
  SELECT left(f.region_code, l), extract(year FROM f.completed_on)::int,
    sign * coalesce(sum(f.count) FILTER (WHERE f.type_group = 'activity_room' AND f.action = 'added'), 0),
    sign * coalesce(sum(f.count) FILTER (WHERE f.type_group = 'activity_room' AND f.action = 'improved'), 0),
    sign * coalesce(sum(f.count) FILTER (WHERE f.type_group = 'service_shop' AND f.action = 'added'), 0),
    sign * coalesce(sum(f.count) FILTER (WHERE f.type_group = 'service_shop' AND f.action = 'improved'), 0),
    sign * coalesce(sum(f.count) FILTER (WHERE f.type_group = 'lift' AND f.action = 'added'), 0),
    sign * coalesce(sum(f.count) FILTER (WHERE f.type_group = 'lift' AND f.action = 'improved'), 0),
    sign * coalesce(sum(f.count) FILTER (WHERE f.type_group = 'elderly_care' AND f.action = 'added'), 0),
    sign * coalesce(sum(f.count) FILTER (WHERE f.type_group = 'elderly_care' AND f.action = 'improved'), 0),
    sign * coalesce(sum(f.count) FILTER (WHERE f.type_group = 'childcare' AND f.action = 'added'), 0),
    sign * coalesce(sum(f.count) FILTER (WHERE f.type_group = 'childcare' AND f.action = 'improved'), 0),
    sign * coalesce(sum(f.count) FILTER (WHERE f.type_group = 'other' AND f.action = 'added'), 0),
    sign * coalesce(sum(f.count) FILTER (WHERE f.type_group = 'other' AND f.action = 'improved'), 0)
  FROM unnest(changed) AS f CROSS JOIN unnest(ARRAY[0, 2, 4, 6, 9, 12]) AS l
  WHERE l <= length(f.region_code)
  GROUP BY 1, 2
  ON CONFLICT (prefix, year) DO UPDATE SET
    activity_room_added = t.activity_room_added + excluded.activity_room_added,
    activity_room_improved = t.activity_room_improved + excluded.activity_room_improved,
    service_shop_added = t.service_shop_added + excluded.service_shop_added,
    service_shop_improved = t.service_shop_improved + excluded.service_shop_improved,
    lift_added = t.lift_added + excluded.lift_added,
    lift_improved = t.lift_improved + excluded.lift_improved,
    elderly_care_added = t.elderly_care_added + excluded.elderly_care_added,
    elderly_care_improved = t.elderly_care_improved + excluded.elderly_care_improved,
    childcare_added = t.childcare_added + excluded.childcare_added,
    childcare_improved = t.childcare_improved + excluded.childcare_improved,
    other_added = t.other_added + excluded.other_added,
    other_improved = t.other_improved + excluded.other_improved
$$;--> statement-breakpoint
CREATE FUNCTION "stats"."facilities_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM stats.tally_facilities(1, ARRAY(SELECT n::public.facilities FROM new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM stats.tally_facilities(-1, ARRAY(SELECT o::public.facilities FROM old_rows o));
  ELSE
    -- Only the rows whose counted fields changed (an edit of the remarks counts nothing again).
    PERFORM stats.tally_facilities(-1, ARRAY(SELECT o::public.facilities FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.region_code, o.completed_on, o.type_group, o.action, o.count)
        IS DISTINCT FROM (n.region_code, n.completed_on, n.type_group, n.action, n.count)));
    PERFORM stats.tally_facilities(1, ARRAY(SELECT n::public.facilities FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.region_code, o.completed_on, o.type_group, o.action, o.count)
        IS DISTINCT FROM (n.region_code, n.completed_on, n.type_group, n.action, n.count)));
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER stats_facilities_insert AFTER INSERT ON facilities REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats.facilities_changed();--> statement-breakpoint
CREATE TRIGGER stats_facilities_update AFTER UPDATE ON facilities REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats.facilities_changed();--> statement-breakpoint
CREATE TRIGGER stats_facilities_delete AFTER DELETE ON facilities REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats.facilities_changed();--> statement-breakpoint
-- Bulk loads turn row triggers off (session_replication_role = replica); these must still fire.
ALTER TABLE facilities ENABLE ALWAYS TRIGGER stats_facilities_insert;--> statement-breakpoint
ALTER TABLE facilities ENABLE ALWAYS TRIGGER stats_facilities_update;--> statement-breakpoint
ALTER TABLE facilities ENABLE ALWAYS TRIGGER stats_facilities_delete;--> statement-breakpoint
SELECT stats.tally_facilities(1, ARRAY(SELECT f FROM facilities f));
