CREATE TABLE "acceptance_signatures" (
	"acceptance_id" uuid NOT NULL,
	"party" text NOT NULL,
	"decision" text NOT NULL,
	"remarks" text DEFAULT '' NOT NULL,
	"signed_by" uuid,
	"signed_by_name" text NOT NULL,
	"signed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "acceptance_signatures_acceptance_id_party_pk" PRIMARY KEY("acceptance_id","party"),
	CONSTRAINT "acceptance_signatures_refusal_has_reason" CHECK ("acceptance_signatures"."decision" <> 'refused' OR "acceptance_signatures"."remarks" <> '')
);
--> statement-breakpoint
CREATE TABLE "acceptances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"notice_date" date NOT NULL,
	"acceptance_date" date NOT NULL,
	"agency" text NOT NULL,
	"organised_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"passed_at" timestamp (3) with time zone,
	"filed_on" date,
	"filing_ledger_item_id" uuid
);
--> statement-breakpoint
CREATE TABLE "concealed_works" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"part" text NOT NULL,
	"location" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"requested_by" uuid,
	"requested_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp (3) with time zone,
	"decision_note" text,
	"covered_at" timestamp (3) with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "firm_people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"firm_id" uuid NOT NULL,
	"name" text NOT NULL,
	"post" text DEFAULT '' NOT NULL,
	"phone" text,
	"user_id" uuid,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "firms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"credit_code" text NOT NULL,
	"qualification" text DEFAULT '' NOT NULL,
	"contact_name" text,
	"contact_phone" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "firms_credit_code_unique" UNIQUE("credit_code")
);
--> statement-breakpoint
CREATE TABLE "gate_signoffs" (
	"project_id" uuid NOT NULL,
	"gate" text NOT NULL,
	"evidence" text NOT NULL,
	"signed_by" uuid,
	"signed_by_name" text NOT NULL,
	"signed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gate_signoffs_project_id_gate_pk" PRIMARY KEY("project_id","gate")
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"checked_on" date NOT NULL,
	"key_part" text NOT NULL,
	"measurements" text DEFAULT '' NOT NULL,
	"findings" text DEFAULT '' NOT NULL,
	"inspector_id" uuid,
	"inspector_name" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "material_samples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"material" text NOT NULL,
	"batch" text NOT NULL,
	"required" integer NOT NULL,
	"taken" integer NOT NULL,
	"witness" text,
	"lab" text NOT NULL,
	"result" text DEFAULT 'pending' NOT NULL,
	"report" text,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_firms" (
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"firm_id" uuid NOT NULL,
	CONSTRAINT "project_firms_project_id_kind_pk" PRIMARY KEY("project_id","kind")
);
--> statement-breakpoint
CREATE TABLE "project_people" (
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "project_people_project_id_person_id_pk" PRIMARY KEY("project_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "project_quality" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"quality_plan" text DEFAULT '' NOT NULL,
	"responsible_people" text[] DEFAULT '{}'::text[] NOT NULL,
	"bid_date" date,
	"bid_amount" numeric(14, 2),
	"bid_documents" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_zones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"assignee" text NOT NULL,
	"phone" text
);
--> statement-breakpoint
CREATE TABLE "ticket_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ticket_id" uuid NOT NULL,
	"action" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"by" uuid,
	"by_name" text NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"source" text NOT NULL,
	"inspection_id" uuid,
	"concealed_work_id" uuid,
	"title" text NOT NULL,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"evidence_note" text,
	"fixed_by" uuid,
	"fixed_at" timestamp (3) with time zone,
	"reopened_at" timestamp (3) with time zone,
	"verified_by" uuid,
	"verified_at" timestamp (3) with time zone,
	"ledger_item_id" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "working_calendar" (
	"date" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "photos" DROP CONSTRAINT "photos_of_one_thing";--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "inspection_id" uuid;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "concealed_work_id" uuid;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "ticket_id" uuid;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "taken_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "acceptance_signatures" ADD CONSTRAINT "acceptance_signatures_acceptance_id_acceptances_id_fk" FOREIGN KEY ("acceptance_id") REFERENCES "public"."acceptances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acceptance_signatures" ADD CONSTRAINT "acceptance_signatures_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acceptances" ADD CONSTRAINT "acceptances_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acceptances" ADD CONSTRAINT "acceptances_organised_by_users_id_fk" FOREIGN KEY ("organised_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acceptances" ADD CONSTRAINT "acceptances_filing_ledger_item_id_ledger_items_id_fk" FOREIGN KEY ("filing_ledger_item_id") REFERENCES "public"."ledger_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concealed_works" ADD CONSTRAINT "concealed_works_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concealed_works" ADD CONSTRAINT "concealed_works_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concealed_works" ADD CONSTRAINT "concealed_works_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firm_people" ADD CONSTRAINT "firm_people_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firm_people" ADD CONSTRAINT "firm_people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gate_signoffs" ADD CONSTRAINT "gate_signoffs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gate_signoffs" ADD CONSTRAINT "gate_signoffs_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_inspector_id_users_id_fk" FOREIGN KEY ("inspector_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_samples" ADD CONSTRAINT "material_samples_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_samples" ADD CONSTRAINT "material_samples_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_firms" ADD CONSTRAINT "project_firms_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_firms" ADD CONSTRAINT "project_firms_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_people" ADD CONSTRAINT "project_people_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_people" ADD CONSTRAINT "project_people_person_id_firm_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."firm_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_quality" ADD CONSTRAINT "project_quality_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_zones" ADD CONSTRAINT "quality_zones_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_by_users_id_fk" FOREIGN KEY ("by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_concealed_work_id_concealed_works_id_fk" FOREIGN KEY ("concealed_work_id") REFERENCES "public"."concealed_works"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_fixed_by_users_id_fk" FOREIGN KEY ("fixed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_ledger_item_id_ledger_items_id_fk" FOREIGN KEY ("ledger_item_id") REFERENCES "public"."ledger_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "acceptances_project_uq" ON "acceptances" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "concealed_works_project_idx" ON "concealed_works" USING btree ("project_id","status");--> statement-breakpoint
CREATE INDEX "firm_people_firm_idx" ON "firm_people" USING btree ("firm_id");--> statement-breakpoint
CREATE UNIQUE INDEX "firm_people_user_uq" ON "firm_people" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "inspections_project_idx" ON "inspections" USING btree ("project_id","checked_on");--> statement-breakpoint
CREATE INDEX "material_samples_project_idx" ON "material_samples" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "project_firms_firm_idx" ON "project_firms" USING btree ("firm_id");--> statement-breakpoint
CREATE INDEX "project_people_person_idx" ON "project_people" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "quality_zones_project_idx" ON "quality_zones" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "ticket_events_ticket_idx" ON "ticket_events" USING btree ("ticket_id","at");--> statement-breakpoint
CREATE INDEX "tickets_project_idx" ON "tickets" USING btree ("project_id","status");--> statement-breakpoint
CREATE INDEX "tickets_open_deadline_idx" ON "tickets" USING btree ("status","deadline");--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_concealed_work_id_concealed_works_id_fk" FOREIGN KEY ("concealed_work_id") REFERENCES "public"."concealed_works"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "photos_inspection_idx" ON "photos" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "photos_concealed_work_idx" ON "photos" USING btree ("concealed_work_id");--> statement-breakpoint
CREATE INDEX "photos_ticket_idx" ON "photos" USING btree ("ticket_id");--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_of_one_thing" CHECK (num_nonnulls("photos"."catalogue_item_id", "photos"."progress_id", "photos"."inspection_id", "photos"."concealed_work_id", "photos"."ticket_id") = 1 AND ("photos"."progress_id" IS NOT NULL OR "photos"."project_id" IS NOT NULL));