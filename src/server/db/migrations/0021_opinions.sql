CREATE TABLE "opinion_challenges" (
	"nonce" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"compound_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"category" text NOT NULL,
	"text" text NOT NULL,
	"contact" text,
	"receipt_hash" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"answer" text,
	"answered_at" timestamp (3) with time zone,
	"answered_by" uuid,
	"ticket_id" uuid,
	"ledger_item_id" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "opinions_receipt_hash_unique" UNIQUE("receipt_hash"),
	CONSTRAINT "opinions_status" CHECK ("opinions"."status" IN ('received', 'answered', 'ticket', 'ledger', 'closed'))
);
--> statement-breakpoint
ALTER TABLE "photos" DROP CONSTRAINT "photos_of_one_thing";--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "opinion_id" uuid;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_ledger_item_id_ledger_items_id_fk" FOREIGN KEY ("ledger_item_id") REFERENCES "public"."ledger_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "opinions_region_idx" ON "opinions" USING btree ("region_code" text_pattern_ops,"created_at");--> statement-breakpoint
CREATE INDEX "opinions_compound_idx" ON "opinions" USING btree ("compound_id","created_at");--> statement-breakpoint
CREATE INDEX "opinions_status_idx" ON "opinions" USING btree ("status");--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_opinion_id_opinions_id_fk" FOREIGN KEY ("opinion_id") REFERENCES "public"."opinions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "photos_opinion_idx" ON "photos" USING btree ("opinion_id");--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_of_one_thing" CHECK (num_nonnulls("photos"."catalogue_item_id", "photos"."progress_id", "photos"."inspection_id", "photos"."concealed_work_id", "photos"."ticket_id", "photos"."structure_id", "photos"."report_id", "photos"."ballot_id", "photos"."facility_id", "photos"."opinion_id") = 1
        AND ("photos"."progress_id" IS NOT NULL OR "photos"."structure_id" IS NOT NULL OR "photos"."ballot_id" IS NOT NULL OR "photos"."facility_id" IS NOT NULL OR "photos"."opinion_id" IS NOT NULL OR "photos"."project_id" IS NOT NULL)
        AND (("photos"."structure_id" IS NULL AND "photos"."ballot_id" IS NULL AND "photos"."facility_id" IS NULL AND "photos"."opinion_id" IS NULL) OR "photos"."project_id" IS NULL));