CREATE TABLE "project_members" (
	"project_id" uuid NOT NULL,
	"cadre_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "liaison_cadre_id" uuid;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "cadre_in_charge_id" uuid;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "temp_party_org_id" uuid;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "project_members" ADD CONSTRAINT "project_members_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_members" ADD CONSTRAINT "project_members_cadre_id_cadres_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "project_members_uq" ON "project_members" USING btree ("project_id","cadre_id");--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_liaison_cadre_id_cadres_id_fk" FOREIGN KEY ("liaison_cadre_id") REFERENCES "public"."cadres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_cadre_in_charge_id_cadres_id_fk" FOREIGN KEY ("cadre_in_charge_id") REFERENCES "public"."cadres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_temp_party_org_id_party_bodies_id_fk" FOREIGN KEY ("temp_party_org_id") REFERENCES "public"."party_bodies"("id") ON DELETE no action ON UPDATE no action DEFERRABLE INITIALLY DEFERRED;