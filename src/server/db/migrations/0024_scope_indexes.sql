CREATE INDEX "ledger_items_deadline_idx" ON "ledger_items" USING btree ("deadline","id");--> statement-breakpoint
CREATE INDEX "projects_completed_idx" ON "projects" USING btree ("region_code" text_pattern_ops,"year") WHERE "projects"."status" IN ('accepted', 'handed_over');--> statement-breakpoint
CREATE INDEX "regions_code_prefix_idx" ON "regions" USING btree ("code" text_pattern_ops);