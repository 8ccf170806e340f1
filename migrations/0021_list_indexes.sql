CREATE INDEX "scan_runs_started_idx" ON "scan_runs" USING btree ("started_at","id");--> statement-breakpoint
CREATE INDEX "processing_items_created_idx" ON "processing_items" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "processing_items_status_created_idx" ON "processing_items" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "requests_created_idx" ON "requests" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "requests_status_created_idx" ON "requests" USING btree ("status","created_at","id");