CREATE TABLE "buildings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"compound_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"number" text NOT NULL,
	"floors" integer,
	"unit_count" integer DEFAULT 1 NOT NULL,
	"household_count" integer DEFAULT 0 NOT NULL,
	"floor_area" numeric(14, 2),
	"build_year" integer,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "compounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"region_code" text NOT NULL,
	"subdistrict_code" text GENERATED ALWAYS AS (left(region_code, 9)) STORED NOT NULL,
	"build_year" integer,
	"build_year_approx" boolean DEFAULT false NOT NULL,
	"building_count" integer DEFAULT 0 NOT NULL,
	"unit_count" integer DEFAULT 0 NOT NULL,
	"household_count" integer DEFAULT 0 NOT NULL,
	"resident_count" integer DEFAULT 0 NOT NULL,
	"floor_area" numeric(14, 2) DEFAULT 0 NOT NULL,
	"property_management" text DEFAULT 'none' NOT NULL,
	"lng" double precision,
	"lat" double precision,
	"notes" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"compound_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"unit" text NOT NULL,
	"room" text NOT NULL,
	"owner_id" uuid,
	"area_registered" numeric(14, 2),
	"area_surveyed" numeric(14, 2),
	"area_contract" numeric(14, 2),
	"contact_phone" text,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "owners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"compound_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"kind" text DEFAULT 'person' NOT NULL,
	"name" text NOT NULL,
	"id_number" text,
	"phone" text
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"compound_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"status" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "region_counts" (
	"region_code" text PRIMARY KEY NOT NULL,
	"compounds" integer NOT NULL,
	"old_compounds" integer NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_owner_id_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "owners" ADD CONSTRAINT "owners_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "buildings_compound_number_uq" ON "buildings" USING btree ("compound_id","number");--> statement-breakpoint
CREATE INDEX "buildings_region_idx" ON "buildings" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "compounds_code_uq" ON "compounds" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "compounds_subdistrict_name_uq" ON "compounds" USING btree ("subdistrict_code","name");--> statement-breakpoint
CREATE INDEX "compounds_region_idx" ON "compounds" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "compounds_build_year_idx" ON "compounds" USING btree ("build_year");--> statement-breakpoint
CREATE UNIQUE INDEX "households_building_unit_room_uq" ON "households" USING btree ("building_id","unit","room");--> statement-breakpoint
CREATE INDEX "households_compound_idx" ON "households" USING btree ("compound_id");--> statement-breakpoint
CREATE INDEX "households_owner_idx" ON "households" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "owners_compound_idx" ON "owners" USING btree ("compound_id");--> statement-breakpoint
CREATE UNIQUE INDEX "owners_compound_id_number_uq" ON "owners" USING btree ("compound_id","id_number");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_compound_year_uq" ON "projects" USING btree ("compound_id","year");--> statement-breakpoint
CREATE INDEX "projects_year_idx" ON "projects" USING btree ("year");--> statement-breakpoint
CREATE INDEX "projects_region_idx" ON "projects" USING btree ("region_code" text_pattern_ops);