CREATE TABLE "region_offices" (
	"region_code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"phone" text
);
--> statement-breakpoint
ALTER TABLE "region_offices" ADD CONSTRAINT "region_offices_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;