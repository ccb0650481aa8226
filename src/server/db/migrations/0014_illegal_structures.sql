CREATE TABLE "illegal_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cadre_id" uuid NOT NULL,
	"level" text NOT NULL,
	"compound_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"unit" text,
	"household_id" uuid,
	"region_code" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "illegal_assignments_level" CHECK (("illegal_assignments"."level" = 'building' AND "illegal_assignments"."unit" IS NULL AND "illegal_assignments"."household_id" IS NULL)
        OR ("illegal_assignments"."level" = 'unit' AND "illegal_assignments"."unit" IS NOT NULL AND "illegal_assignments"."household_id" IS NULL)
        OR ("illegal_assignments"."level" = 'household' AND "illegal_assignments"."household_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "illegal_measurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"structure_id" uuid NOT NULL,
	"measured_by" text NOT NULL,
	"measured_on" date NOT NULL,
	"method" text NOT NULL,
	"area" numeric(12, 2) NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "illegal_measurements_area" CHECK ("illegal_measurements"."area" > 0)
);
--> statement-breakpoint
CREATE TABLE "illegal_structures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"compound_id" uuid NOT NULL,
	"building_id" uuid,
	"unit" text,
	"household_id" uuid,
	"region_code" text NOT NULL,
	"type" text NOT NULL,
	"location" text,
	"survey_on" date NOT NULL,
	"surveyor" text NOT NULL,
	"owner_party_member" boolean DEFAULT false NOT NULL,
	"owner_public_employee" boolean DEFAULT false NOT NULL,
	"duplicate_of" uuid,
	"verified_area" numeric(12, 2),
	"status" text DEFAULT 'surveyed' NOT NULL,
	"notice_on" date,
	"notice_deadline" date,
	"removed_on" date,
	"removed_by" text,
	"legal_basis" text,
	"cleared_on" date,
	"cleared_photo_id" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "illegal_structures_removed" CHECK (("illegal_structures"."removed_on" IS NULL) = ("illegal_structures"."removed_by" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "illegal_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"structure_id" uuid NOT NULL,
	"cadre_id" uuid NOT NULL,
	"visited_on" date NOT NULL,
	"outcome" text NOT NULL,
	"notes" text,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "photos" DROP CONSTRAINT "photos_of_one_thing";--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "structure_id" uuid;--> statement-breakpoint
ALTER TABLE "illegal_assignments" ADD CONSTRAINT "illegal_assignments_cadre_id_cadres_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "illegal_assignments" ADD CONSTRAINT "illegal_assignments_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "illegal_assignments" ADD CONSTRAINT "illegal_assignments_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "illegal_assignments" ADD CONSTRAINT "illegal_assignments_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "illegal_assignments" ADD CONSTRAINT "illegal_assignments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "illegal_measurements" ADD CONSTRAINT "illegal_measurements_structure_id_illegal_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."illegal_structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "illegal_measurements" ADD CONSTRAINT "illegal_measurements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "illegal_structures" ADD CONSTRAINT "illegal_structures_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "illegal_structures" ADD CONSTRAINT "illegal_structures_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "illegal_structures" ADD CONSTRAINT "illegal_structures_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "illegal_structures" ADD CONSTRAINT "illegal_structures_duplicate_of_illegal_structures_id_fk" FOREIGN KEY ("duplicate_of") REFERENCES "public"."illegal_structures"("id") ON DELETE no action ON UPDATE no action DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "illegal_structures" ADD CONSTRAINT "illegal_structures_cleared_photo_id_photos_id_fk" FOREIGN KEY ("cleared_photo_id") REFERENCES "public"."photos"("id") ON DELETE no action ON UPDATE no action DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "illegal_structures" ADD CONSTRAINT "illegal_structures_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "illegal_visits" ADD CONSTRAINT "illegal_visits_structure_id_illegal_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."illegal_structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "illegal_visits" ADD CONSTRAINT "illegal_visits_cadre_id_cadres_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "illegal_visits" ADD CONSTRAINT "illegal_visits_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "illegal_assignments_cadre_idx" ON "illegal_assignments" USING btree ("cadre_id");--> statement-breakpoint
CREATE INDEX "illegal_assignments_building_idx" ON "illegal_assignments" USING btree ("building_id","unit");--> statement-breakpoint
CREATE INDEX "illegal_measurements_structure_idx" ON "illegal_measurements" USING btree ("structure_id","created_at");--> statement-breakpoint
CREATE INDEX "illegal_structures_region_idx" ON "illegal_structures" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "illegal_structures_compound_idx" ON "illegal_structures" USING btree ("compound_id");--> statement-breakpoint
CREATE INDEX "illegal_structures_household_idx" ON "illegal_structures" USING btree ("household_id","type");--> statement-breakpoint
CREATE INDEX "illegal_structures_building_idx" ON "illegal_structures" USING btree ("building_id","unit");--> statement-breakpoint
CREATE INDEX "illegal_visits_structure_idx" ON "illegal_visits" USING btree ("structure_id","visited_on");--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_structure_id_illegal_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."illegal_structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "photos_structure_idx" ON "photos" USING btree ("structure_id");--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_of_one_thing" CHECK (num_nonnulls("photos"."catalogue_item_id", "photos"."progress_id", "photos"."inspection_id", "photos"."concealed_work_id", "photos"."ticket_id", "photos"."structure_id") = 1
        AND ("photos"."progress_id" IS NOT NULL OR "photos"."structure_id" IS NOT NULL OR "photos"."project_id" IS NOT NULL)
        AND ("photos"."structure_id" IS NULL OR "photos"."project_id" IS NULL));