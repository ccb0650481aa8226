-- The tender's bid documents become files (photos.tender_id); the titles the column held stay in
-- the audit trail (each quality.update event keeps the plan before and after).
CREATE TABLE "batch_approvals" (
	"project_id" uuid NOT NULL,
	"material" text NOT NULL,
	"batch" text NOT NULL,
	"approved_by" uuid,
	"approved_by_name" text NOT NULL,
	"approved_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "batch_approvals_project_id_material_batch_pk" PRIMARY KEY("project_id","material","batch")
);
--> statement-breakpoint
ALTER TABLE "photos" DROP CONSTRAINT "photos_of_one_thing";--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "sample_id" uuid;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "tender_id" uuid;--> statement-breakpoint
ALTER TABLE "batch_approvals" ADD CONSTRAINT "batch_approvals_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_approvals" ADD CONSTRAINT "batch_approvals_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_sample_id_material_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."material_samples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_tender_id_project_quality_project_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."project_quality"("project_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "photos_sample_idx" ON "photos" USING btree ("sample_id");--> statement-breakpoint
CREATE INDEX "photos_tender_idx" ON "photos" USING btree ("tender_id");--> statement-breakpoint
ALTER TABLE "project_quality" DROP COLUMN "bid_documents";--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_of_one_thing" CHECK (num_nonnulls("photos"."catalogue_item_id", "photos"."progress_id", "photos"."inspection_id", "photos"."concealed_work_id", "photos"."ticket_id", "photos"."structure_id", "photos"."report_id", "photos"."ballot_id", "photos"."facility_id", "photos"."opinion_id", "photos"."sample_id", "photos"."tender_id") = 1
        AND ("photos"."progress_id" IS NOT NULL OR "photos"."structure_id" IS NOT NULL OR "photos"."ballot_id" IS NOT NULL OR "photos"."facility_id" IS NOT NULL OR "photos"."opinion_id" IS NOT NULL OR "photos"."project_id" IS NOT NULL)
        AND (("photos"."structure_id" IS NULL AND "photos"."ballot_id" IS NULL AND "photos"."facility_id" IS NULL AND "photos"."opinion_id" IS NULL) OR "photos"."project_id" IS NULL));