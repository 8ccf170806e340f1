CREATE TABLE "blocklist" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"guid" text NOT NULL,
	"indexer" text NOT NULL,
	"info_hash" text,
	"title" text NOT NULL,
	"item_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "blocklist_item_release_uq" UNIQUE("item_id","indexer","guid")
);
--> statement-breakpoint
CREATE INDEX "blocklist_guid_idx" ON "blocklist" USING btree ("guid");--> statement-breakpoint
CREATE INDEX "blocklist_info_hash_idx" ON "blocklist" USING btree ("info_hash");--> statement-breakpoint
CREATE INDEX "blocklist_created_at_idx" ON "blocklist" USING btree ("created_at");