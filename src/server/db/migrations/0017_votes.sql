CREATE TABLE "vote_ballots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vote_id" uuid NOT NULL,
	"voter_key" text NOT NULL,
	"choice" text NOT NULL,
	"channel" text NOT NULL,
	"remark" text,
	"entered_by" uuid,
	"cast_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"correction_reason" text,
	"corrected_at" timestamp (3) with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "vote_ballots_choice" CHECK ("vote_ballots"."choice" IN ('for', 'against', 'abstain')),
	CONSTRAINT "vote_ballots_channel" CHECK ("vote_ballots"."channel" IN ('online', 'paper'))
);
--> statement-breakpoint
CREATE TABLE "vote_units" (
	"vote_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"voter_key" text NOT NULL,
	"building" text NOT NULL,
	"unit" text NOT NULL,
	"room" text NOT NULL,
	"area_cents" integer NOT NULL,
	CONSTRAINT "vote_units_vote_id_household_id_pk" PRIMARY KEY("vote_id","household_id")
);
--> statement-breakpoint
CREATE TABLE "vote_voters" (
	"vote_id" uuid NOT NULL,
	"key" text NOT NULL,
	"owner_id" uuid,
	"name" text NOT NULL,
	"rooms" text NOT NULL,
	"area_cents" integer NOT NULL,
	"units" integer NOT NULL,
	"code" text NOT NULL,
	CONSTRAINT "vote_voters_vote_id_key_pk" PRIMARY KEY("vote_id","key"),
	CONSTRAINT "vote_voters_area" CHECK ("vote_voters"."area_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"compound_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"scope" text NOT NULL,
	"building_id" uuid,
	"unit" text,
	"matter" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"opened_at" timestamp (3) with time zone,
	"closed_at" timestamp (3) with time zone,
	"passed" boolean,
	"result" jsonb,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "votes_status" CHECK ("votes"."status" IN ('draft', 'open', 'closed')),
	CONSTRAINT "votes_scope" CHECK ("votes"."scope" IN ('compound', 'building', 'unit')),
	CONSTRAINT "votes_matter" CHECK ("votes"."matter" IN ('fund_raise', 'rebuild', 'add_lift', 'shared_use_change', 'fund_use', 'renovation_plan', 'other')),
	CONSTRAINT "votes_scope_parts" CHECK (("votes"."scope" = 'compound' AND "votes"."building_id" IS NULL AND "votes"."unit" IS NULL)
        OR ("votes"."scope" = 'building' AND "votes"."building_id" IS NOT NULL AND "votes"."unit" IS NULL)
        OR ("votes"."scope" = 'unit' AND "votes"."building_id" IS NOT NULL AND "votes"."unit" IS NOT NULL)),
	CONSTRAINT "votes_dates" CHECK ("votes"."ends_on" >= "votes"."starts_on"),
	CONSTRAINT "votes_closed_result" CHECK (("votes"."status" = 'closed') = ("votes"."passed" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "photos" DROP CONSTRAINT "photos_of_one_thing";--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "ballot_id" uuid;--> statement-breakpoint
ALTER TABLE "vote_ballots" ADD CONSTRAINT "vote_ballots_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_ballots" ADD CONSTRAINT "vote_ballots_voter_fk" FOREIGN KEY ("vote_id","voter_key") REFERENCES "public"."vote_voters"("vote_id","key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_units" ADD CONSTRAINT "vote_units_voter_fk" FOREIGN KEY ("vote_id","voter_key") REFERENCES "public"."vote_voters"("vote_id","key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_voters" ADD CONSTRAINT "vote_voters_vote_id_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."votes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "vote_ballots_voter_uq" ON "vote_ballots" USING btree ("vote_id","voter_key");--> statement-breakpoint
CREATE INDEX "vote_units_voter_idx" ON "vote_units" USING btree ("vote_id","voter_key");--> statement-breakpoint
CREATE UNIQUE INDEX "vote_voters_code_uq" ON "vote_voters" USING btree ("vote_id","code");--> statement-breakpoint
CREATE INDEX "votes_region_idx" ON "votes" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "votes_compound_idx" ON "votes" USING btree ("compound_id");--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_ballot_id_vote_ballots_id_fk" FOREIGN KEY ("ballot_id") REFERENCES "public"."vote_ballots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "photos_ballot_idx" ON "photos" USING btree ("ballot_id");--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_of_one_thing" CHECK (num_nonnulls("photos"."catalogue_item_id", "photos"."progress_id", "photos"."inspection_id", "photos"."concealed_work_id", "photos"."ticket_id", "photos"."structure_id", "photos"."report_id", "photos"."ballot_id") = 1
        AND ("photos"."progress_id" IS NOT NULL OR "photos"."structure_id" IS NOT NULL OR "photos"."ballot_id" IS NOT NULL OR "photos"."project_id" IS NOT NULL)
        AND (("photos"."structure_id" IS NULL AND "photos"."ballot_id" IS NULL) OR "photos"."project_id" IS NULL));