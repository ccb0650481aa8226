CREATE TABLE "cadres" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"unit_id" uuid,
	"phone" text,
	"region_code" text NOT NULL,
	"superior_id" uuid,
	"user_id" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"pooled" boolean DEFAULT false NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "first_secretaries" (
	"region_code" text PRIMARY KEY NOT NULL,
	"cadre_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_bodies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"project_id" uuid,
	"region_code" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_force_members" (
	"task_force_id" uuid NOT NULL,
	"department_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_forces" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"lead_department_id" uuid,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "task_forces_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cadres" ADD CONSTRAINT "cadres_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadres" ADD CONSTRAINT "cadres_superior_id_cadres_id_fk" FOREIGN KEY ("superior_id") REFERENCES "public"."cadres"("id") ON DELETE no action ON UPDATE no action DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "cadres" ADD CONSTRAINT "cadres_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "first_secretaries" ADD CONSTRAINT "first_secretaries_cadre_id_cadres_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_bodies" ADD CONSTRAINT "party_bodies_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "task_force_members" ADD CONSTRAINT "task_force_members_task_force_id_task_forces_id_fk" FOREIGN KEY ("task_force_id") REFERENCES "public"."task_forces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_force_members" ADD CONSTRAINT "task_force_members_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_forces" ADD CONSTRAINT "task_forces_lead_department_id_departments_id_fk" FOREIGN KEY ("lead_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cadres_region_idx" ON "cadres" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "cadres_unit_idx" ON "cadres" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "party_bodies_kind_region_idx" ON "party_bodies" USING btree ("kind","region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "party_bodies_project_idx" ON "party_bodies" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "task_force_members_uq" ON "task_force_members" USING btree ("task_force_id","department_id");