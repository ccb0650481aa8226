CREATE UNIQUE INDEX "buildings_id_compound_uq" ON "buildings" USING btree ("id","compound_id");--> statement-breakpoint
ALTER TABLE "households" DROP CONSTRAINT "households_compound_id_compounds_id_fk";
--> statement-breakpoint
ALTER TABLE "households" DROP CONSTRAINT "households_building_id_buildings_id_fk";
--> statement-breakpoint
DROP INDEX "owners_compound_idx";--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_building_compound_fk" FOREIGN KEY ("building_id","compound_id") REFERENCES "public"."buildings"("id","compound_id") ON DELETE cascade ON UPDATE cascade;
