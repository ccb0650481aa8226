ALTER TABLE "buildings" ALTER COLUMN "unit_count" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "buildings" ALTER COLUMN "unit_count" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "buildings" ALTER COLUMN "household_count" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "buildings" ALTER COLUMN "household_count" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "compounds" ALTER COLUMN "building_count" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "compounds" ALTER COLUMN "building_count" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "compounds" ALTER COLUMN "unit_count" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "compounds" ALTER COLUMN "unit_count" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "compounds" ALTER COLUMN "household_count" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "compounds" ALTER COLUMN "household_count" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "compounds" ALTER COLUMN "resident_count" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "compounds" ALTER COLUMN "resident_count" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "compounds" ALTER COLUMN "floor_area" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "compounds" ALTER COLUMN "floor_area" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "compounds" ALTER COLUMN "property_management" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "compounds" ALTER COLUMN "property_management" DROP NOT NULL;