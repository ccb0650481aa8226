-- A resolution's vote was free text: what names no vote is kept in the stage's note, not lost.
UPDATE "consultation_stages" SET "outcome_note" = concat_ws('；', nullif("outcome_note", ''), '表决：' || "vote_id"), "vote_id" = NULL
  WHERE "vote_id" IS NOT NULL AND ("vote_id" !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
    OR NOT EXISTS (SELECT 1 FROM "votes" WHERE "votes"."id"::text = lower("consultation_stages"."vote_id")));--> statement-breakpoint
ALTER TABLE "consultation_stages" ALTER COLUMN "vote_id" SET DATA TYPE uuid USING "vote_id"::uuid;--> statement-breakpoint
ALTER TABLE "consultation_answers" ADD COLUMN "correction_reason" text;--> statement-breakpoint
ALTER TABLE "consultation_answers" ADD COLUMN "corrected_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "consultation_answers" ADD COLUMN "corrected_by" uuid;--> statement-breakpoint
ALTER TABLE "consultation_answers" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "vote_voters" ADD COLUMN "occupied" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "vote_voters" ADD COLUMN "occupied_note" text;--> statement-breakpoint
ALTER TABLE "consultation_answers" ADD CONSTRAINT "consultation_answers_corrected_by_users_id_fk" FOREIGN KEY ("corrected_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_stages" ADD CONSTRAINT "consultation_stages_vote_id_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."votes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultation_stages_vote_idx" ON "consultation_stages" USING btree ("vote_id");--> statement-breakpoint
ALTER TABLE "consultation_answers" ADD CONSTRAINT "consultation_answers_correction" CHECK (("consultation_answers"."corrected_at" IS NULL) = ("consultation_answers"."correction_reason" IS NULL));--> statement-breakpoint
ALTER TABLE "consultation_stages" ADD CONSTRAINT "consultation_stages_vote_resolves" CHECK ("consultation_stages"."vote_id" IS NULL OR "consultation_stages"."role" = 'resolve');