CREATE TABLE "consultation_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"renovate" boolean NOT NULL,
	"items" text[] DEFAULT '{}' NOT NULL,
	"remarks" text,
	"assisted" boolean DEFAULT false NOT NULL,
	"entered_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_codes" (
	"consultation_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"issued_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_stages" (
	"consultation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"completed_on" date,
	"attendance" integer,
	"minutes" text,
	"outcome" text,
	"outcome_note" text,
	"vote_id" text,
	"published" text,
	"place" text,
	"archived_at" timestamp (3) with time zone,
	"completed_by" uuid,
	CONSTRAINT "consultation_stages_role" CHECK ("consultation_stages"."role" IN ('solicit', 'deliberate', 'resolve', 'disclose_resolution', 'disclose_result')),
	CONSTRAINT "consultation_stages_outcome" CHECK ("consultation_stages"."outcome" IS NULL OR "consultation_stages"."outcome" IN ('passed', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"compound_id" uuid NOT NULL,
	"project_id" uuid,
	"region_code" text NOT NULL,
	"title" text NOT NULL,
	"stage_list_code" text NOT NULL,
	"stage_list_name" text NOT NULL,
	"status" text DEFAULT 'in_progress' NOT NULL,
	"opened_on" date NOT NULL,
	"questionnaire_intro" text,
	"questionnaire_items" text[],
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "consultations_status" CHECK ("consultations"."status" IN ('in_progress', 'failed', 'resolved', 'completed'))
);
--> statement-breakpoint
CREATE TABLE "council_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"topic" text NOT NULL,
	"attendee_ids" uuid[] DEFAULT '{}' NOT NULL,
	"attendance" integer NOT NULL,
	"minutes" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_meetings_attendance" CHECK ("council_meetings"."attendance" >= cardinality("council_meetings"."attendee_ids"))
);
--> statement-breakpoint
CREATE TABLE "council_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"name" text NOT NULL,
	"sector" text NOT NULL,
	"role" text NOT NULL,
	"phone" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_members_sector" CHECK ("council_members"."sector" IN ('residents', 'party_members', 'owners_committee', 'property_company', 'community')),
	CONSTRAINT "council_members_role" CHECK ("council_members"."role" IN ('chair', 'vice_chair', 'secretary', 'member'))
);
--> statement-breakpoint
CREATE TABLE "councils" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"compound_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"term_start" date NOT NULL,
	"term_end" date NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "councils_term" CHECK ("councils"."term_end" > "councils"."term_start")
);
--> statement-breakpoint
ALTER TABLE "consultation_answers" ADD CONSTRAINT "consultation_answers_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_answers" ADD CONSTRAINT "consultation_answers_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_answers" ADD CONSTRAINT "consultation_answers_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_codes" ADD CONSTRAINT "consultation_codes_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_codes" ADD CONSTRAINT "consultation_codes_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_stages" ADD CONSTRAINT "consultation_stages_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_stages" ADD CONSTRAINT "consultation_stages_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_meetings" ADD CONSTRAINT "council_meetings_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_meetings" ADD CONSTRAINT "council_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "councils" ADD CONSTRAINT "councils_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "councils" ADD CONSTRAINT "councils_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_answers_household_uq" ON "consultation_answers" USING btree ("consultation_id","household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_codes_pk" ON "consultation_codes" USING btree ("consultation_id","household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_stages_pk" ON "consultation_stages" USING btree ("consultation_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_stages_key_uq" ON "consultation_stages" USING btree ("consultation_id","key");--> statement-breakpoint
CREATE INDEX "consultations_compound_idx" ON "consultations" USING btree ("compound_id");--> statement-breakpoint
CREATE INDEX "consultations_project_idx" ON "consultations" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "consultations_region_idx" ON "consultations" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "council_meetings_council_idx" ON "council_meetings" USING btree ("council_id","held_on");--> statement-breakpoint
CREATE INDEX "council_members_council_idx" ON "council_members" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "councils_compound_idx" ON "councils" USING btree ("compound_id");--> statement-breakpoint
CREATE INDEX "councils_region_idx" ON "councils" USING btree ("region_code" text_pattern_ops);