CREATE TABLE "photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid,
	"catalogue_item_id" uuid,
	"progress_id" uuid,
	"region_code" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "photos_of_one_thing" CHECK (("photos"."catalogue_item_id" IS NOT NULL AND "photos"."project_id" IS NOT NULL AND "photos"."progress_id" IS NULL) OR ("photos"."catalogue_item_id" IS NULL AND "photos"."progress_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "project_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"region_code" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ledger_items" ALTER COLUMN "owner_cadre_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "catalogue_items" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "catalogue_items" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "ledger_items" ADD COLUMN "owner_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "ledger_items" ADD COLUMN "task_force_id" uuid;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "batch_id" uuid;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "leader_cadre_id" uuid;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_catalogue_item_id_catalogue_items_id_fk" FOREIGN KEY ("catalogue_item_id") REFERENCES "public"."catalogue_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_progress_id_ledger_progress_id_fk" FOREIGN KEY ("progress_id") REFERENCES "public"."ledger_progress"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_batches" ADD CONSTRAINT "project_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "photos_project_item_idx" ON "photos" USING btree ("project_id","catalogue_item_id","created_at");--> statement-breakpoint
CREATE INDEX "photos_progress_idx" ON "photos" USING btree ("progress_id");--> statement-breakpoint
CREATE INDEX "project_batches_region_idx" ON "project_batches" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "project_batches_year_name_uq" ON "project_batches" USING btree ("year","name");--> statement-breakpoint
ALTER TABLE "ledger_items" ADD CONSTRAINT "ledger_items_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_items" ADD CONSTRAINT "ledger_items_task_force_id_task_forces_id_fk" FOREIGN KEY ("task_force_id") REFERENCES "public"."task_forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_batch_id_project_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."project_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_leader_cadre_id_cadres_id_fk" FOREIGN KEY ("leader_cadre_id") REFERENCES "public"."cadres"("id") ON DELETE no action ON UPDATE no action DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
CREATE INDEX "ledger_items_unit_idx" ON "ledger_items" USING btree ("owner_unit_id","status");--> statement-breakpoint
CREATE INDEX "projects_batch_idx" ON "projects" USING btree ("batch_id");--> statement-breakpoint
ALTER TABLE "ledger_items" ADD CONSTRAINT "ledger_items_one_owner" CHECK (num_nonnulls("ledger_items"."owner_cadre_id", "ledger_items"."owner_unit_id") = 1);