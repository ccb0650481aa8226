CREATE TABLE "facilities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"compound_id" uuid NOT NULL,
	"project_id" uuid,
	"region_code" text NOT NULL,
	"type" text NOT NULL,
	"type_group" text NOT NULL,
	"count" integer NOT NULL,
	"action" text NOT NULL,
	"completed_on" date NOT NULL,
	"building_id" uuid,
	"unit" text,
	"remarks" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "facilities_count_positive" CHECK ("facilities"."count" > 0),
	CONSTRAINT "facilities_group_check" CHECK ("facilities"."type_group" IN ('activity_room', 'service_shop', 'lift', 'elderly_care', 'childcare', 'other')),
	CONSTRAINT "facilities_action_check" CHECK ("facilities"."action" IN ('added', 'improved'))
);
--> statement-breakpoint
ALTER TABLE "photos" DROP CONSTRAINT "photos_of_one_thing";--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "facility_id" uuid;--> statement-breakpoint
ALTER TABLE "facilities" ADD CONSTRAINT "facilities_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facilities" ADD CONSTRAINT "facilities_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facilities" ADD CONSTRAINT "facilities_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facilities" ADD CONSTRAINT "facilities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "facilities_region_idx" ON "facilities" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "facilities_compound_idx" ON "facilities" USING btree ("compound_id");--> statement-breakpoint
CREATE INDEX "facilities_project_idx" ON "facilities" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "facilities_completed_idx" ON "facilities" USING btree ("completed_on");--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "photos_facility_idx" ON "photos" USING btree ("facility_id");--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_of_one_thing" CHECK (num_nonnulls("photos"."catalogue_item_id", "photos"."progress_id", "photos"."inspection_id", "photos"."concealed_work_id", "photos"."ticket_id", "photos"."structure_id", "photos"."report_id", "photos"."ballot_id", "photos"."facility_id") = 1
        AND ("photos"."progress_id" IS NOT NULL OR "photos"."structure_id" IS NOT NULL OR "photos"."ballot_id" IS NOT NULL OR "photos"."facility_id" IS NOT NULL OR "photos"."project_id" IS NOT NULL)
        AND (("photos"."structure_id" IS NULL AND "photos"."ballot_id" IS NULL AND "photos"."facility_id" IS NULL) OR "photos"."project_id" IS NULL));