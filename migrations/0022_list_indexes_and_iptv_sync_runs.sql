CREATE TABLE "iptv_sync_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"provider_id" uuid NOT NULL,
	"workflow_id" text NOT NULL,
	"status" text NOT NULL,
	"phase" text NOT NULL,
	"listed" integer DEFAULT 0 NOT NULL,
	"malformed" integer DEFAULT 0 NOT NULL,
	"to_match" integer DEFAULT 0 NOT NULL,
	"matched" integer DEFAULT 0 NOT NULL,
	"ignored" integer DEFAULT 0 NOT NULL,
	"match_errors" integer DEFAULT 0 NOT NULL,
	"added" integer DEFAULT 0 NOT NULL,
	"removed" integer DEFAULT 0 NOT NULL,
	"error_message" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "iptv_sync_runs" ADD CONSTRAINT "iptv_sync_runs_provider_id_iptv_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."iptv_providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "iptv_sync_runs_started_idx" ON "iptv_sync_runs" USING btree ("started_at","id");--> statement-breakpoint
CREATE INDEX "iptv_sync_runs_provider_idx" ON "iptv_sync_runs" USING btree ("provider_id","started_at");--> statement-breakpoint
CREATE INDEX "scan_runs_started_idx" ON "scan_runs" USING btree ("started_at","id");--> statement-breakpoint
CREATE INDEX "processing_items_created_idx" ON "processing_items" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "processing_items_status_created_idx" ON "processing_items" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "requests_created_idx" ON "requests" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "requests_status_created_idx" ON "requests" USING btree ("status","created_at","id");