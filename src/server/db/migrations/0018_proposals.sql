CREATE TABLE "proposal_co_units" (
	"proposal_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"input" text,
	"input_on" date,
	"input_by" uuid,
	CONSTRAINT "proposal_co_units_proposal_id_unit_id_pk" PRIMARY KEY("proposal_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "proposal_commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"text" text NOT NULL,
	"project_id" uuid,
	"ledger_item_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_commitments_one_link" CHECK (num_nonnulls("proposal_commitments"."project_id", "proposal_commitments"."ledger_item_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "proposal_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"member" text NOT NULL,
	"level" text NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"recorded_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_feedback_level_check" CHECK ("proposal_feedback"."level" IN ('satisfied', 'basically_satisfied', 'not_satisfied'))
);
--> statement-breakpoint
CREATE TABLE "proposal_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"template_id" uuid,
	"document_number" text,
	"title" text NOT NULL,
	"salutation" text NOT NULL,
	"body" text NOT NULL,
	"values" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"grade" text,
	"issuer" text NOT NULL,
	"signatory" text,
	"contact_unit" text,
	"contact_phone" text,
	"copy_to" text[] DEFAULT '{}'::text[] NOT NULL,
	"drafted_by" uuid,
	"drafted_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp (3) with time zone,
	"review_note" text,
	"signed_by" uuid,
	"signed_by_name" text,
	"signed_at" timestamp (3) with time zone,
	"signed_on" date,
	"sent_on" date,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"body" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee" text NOT NULL,
	"session" text NOT NULL,
	"number" integer NOT NULL,
	"kind" text DEFAULT 'proposal' NOT NULL,
	"title" text NOT NULL,
	"members" text[] NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"received_on" date NOT NULL,
	"status" text DEFAULT 'registered' NOT NULL,
	"lead_unit_id" uuid,
	"assigned_on" date,
	"deadline" date,
	"extension_reason" text,
	"returned_reason" text,
	"grade" text,
	"consent_to_publish" boolean DEFAULT false NOT NULL,
	"disclosure" text DEFAULT 'not_published' NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"ledger_item_id" uuid,
	"region_code" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "proposals_status_check" CHECK ("proposals"."status" IN ('registered', 'assigned', 'drafted', 'reviewed', 'signed', 'replied', 'closed')),
	CONSTRAINT "proposals_kind_check" CHECK ("proposals"."kind" IN ('proposal', 'suggestion')),
	CONSTRAINT "proposals_disclosure_check" CHECK ("proposals"."disclosure" IN ('published', 'on_request', 'not_published')),
	CONSTRAINT "proposals_assigned" CHECK (("proposals"."lead_unit_id" IS NULL) = ("proposals"."assigned_on" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "proposal_co_units" ADD CONSTRAINT "proposal_co_units_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_co_units" ADD CONSTRAINT "proposal_co_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_co_units" ADD CONSTRAINT "proposal_co_units_input_by_users_id_fk" FOREIGN KEY ("input_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_commitments" ADD CONSTRAINT "proposal_commitments_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_commitments" ADD CONSTRAINT "proposal_commitments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_commitments" ADD CONSTRAINT "proposal_commitments_ledger_item_id_ledger_items_id_fk" FOREIGN KEY ("ledger_item_id") REFERENCES "public"."ledger_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_feedback" ADD CONSTRAINT "proposal_feedback_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_feedback" ADD CONSTRAINT "proposal_feedback_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_replies" ADD CONSTRAINT "proposal_replies_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_replies" ADD CONSTRAINT "proposal_replies_template_id_proposal_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."proposal_templates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_replies" ADD CONSTRAINT "proposal_replies_drafted_by_users_id_fk" FOREIGN KEY ("drafted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_replies" ADD CONSTRAINT "proposal_replies_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_replies" ADD CONSTRAINT "proposal_replies_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_templates" ADD CONSTRAINT "proposal_templates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_lead_unit_id_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_ledger_item_id_ledger_items_id_fk" FOREIGN KEY ("ledger_item_id") REFERENCES "public"."ledger_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "proposal_commitments_proposal_idx" ON "proposal_commitments" USING btree ("proposal_id");--> statement-breakpoint
CREATE INDEX "proposal_feedback_proposal_idx" ON "proposal_feedback" USING btree ("proposal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_replies_round_uq" ON "proposal_replies" USING btree ("proposal_id","round");--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_number_uq" ON "proposals" USING btree ("committee","session","number");--> statement-breakpoint
CREATE INDEX "proposals_status_idx" ON "proposals" USING btree ("status","deadline");