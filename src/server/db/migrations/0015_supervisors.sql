CREATE TABLE "acceptance_feedback" (
	"acceptance_id" uuid NOT NULL,
	"supervisor_id" uuid NOT NULL,
	"remark" text NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "acceptance_feedback_acceptance_id_supervisor_id_pk" PRIMARY KEY("acceptance_id","supervisor_id")
);
--> statement-breakpoint
CREATE TABLE "resident_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ticket_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"supervisor_id" uuid NOT NULL,
	"place" text NOT NULL,
	"building_id" uuid,
	"description" text NOT NULL,
	"verdict" text,
	"verdict_at" timestamp (3) with time zone,
	"verdict_note" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resident_reports_ticket_id_unique" UNIQUE("ticket_id"),
	CONSTRAINT "resident_reports_verdict" CHECK ("resident_reports"."verdict" IS NULL OR "resident_reports"."verdict" IN ('confirmed', 'disputed'))
);
--> statement-breakpoint
CREATE TABLE "resident_supervisors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"compound_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"user_id" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "resident_supervisors_user_id_unique" UNIQUE("user_id")
);
--> statement-breakpoint
CREATE TABLE "supervisor_appointments" (
	"supervisor_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"appointed_on" date NOT NULL,
	CONSTRAINT "supervisor_appointments_supervisor_id_project_id_pk" PRIMARY KEY("supervisor_id","project_id")
);
--> statement-breakpoint
ALTER TABLE "photos" DROP CONSTRAINT "photos_of_one_thing";--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "report_id" uuid;--> statement-breakpoint
ALTER TABLE "acceptance_feedback" ADD CONSTRAINT "acceptance_feedback_acceptance_id_acceptances_id_fk" FOREIGN KEY ("acceptance_id") REFERENCES "public"."acceptances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acceptance_feedback" ADD CONSTRAINT "acceptance_feedback_supervisor_id_resident_supervisors_id_fk" FOREIGN KEY ("supervisor_id") REFERENCES "public"."resident_supervisors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_reports" ADD CONSTRAINT "resident_reports_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_reports" ADD CONSTRAINT "resident_reports_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_reports" ADD CONSTRAINT "resident_reports_supervisor_id_resident_supervisors_id_fk" FOREIGN KEY ("supervisor_id") REFERENCES "public"."resident_supervisors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_reports" ADD CONSTRAINT "resident_reports_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_supervisors" ADD CONSTRAINT "resident_supervisors_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_supervisors" ADD CONSTRAINT "resident_supervisors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisor_appointments" ADD CONSTRAINT "supervisor_appointments_supervisor_id_resident_supervisors_id_fk" FOREIGN KEY ("supervisor_id") REFERENCES "public"."resident_supervisors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisor_appointments" ADD CONSTRAINT "supervisor_appointments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resident_reports_supervisor_idx" ON "resident_reports" USING btree ("supervisor_id","created_at");--> statement-breakpoint
CREATE INDEX "resident_reports_project_idx" ON "resident_reports" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "resident_supervisors_region_idx" ON "resident_supervisors" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "resident_supervisors_compound_idx" ON "resident_supervisors" USING btree ("compound_id");--> statement-breakpoint
CREATE INDEX "supervisor_appointments_project_idx" ON "supervisor_appointments" USING btree ("project_id");--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_report_id_resident_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."resident_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "photos_report_idx" ON "photos" USING btree ("report_id");--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_of_one_thing" CHECK (num_nonnulls("photos"."catalogue_item_id", "photos"."progress_id", "photos"."inspection_id", "photos"."concealed_work_id", "photos"."ticket_id", "photos"."structure_id", "photos"."report_id") = 1
        AND ("photos"."progress_id" IS NOT NULL OR "photos"."structure_id" IS NOT NULL OR "photos"."project_id" IS NOT NULL)
        AND ("photos"."structure_id" IS NULL OR "photos"."project_id" IS NULL));