CREATE TABLE "events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"type" text NOT NULL,
	"history" boolean NOT NULL,
	"library_id" uuid,
	"title_kind" text,
	"title_id" uuid,
	"request_id" uuid,
	"item_id" uuid,
	"summary" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dedupe_key" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "events_dedupe_key_idx" ON "events" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "events_occurred_at_idx" ON "events" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "events_history_idx" ON "events" USING btree ("history","id");--> statement-breakpoint
CREATE INDEX "events_title_idx" ON "events" USING btree ("title_id","id") WHERE "events"."title_id" is not null;--> statement-breakpoint
CREATE INDEX "events_request_idx" ON "events" USING btree ("request_id","id") WHERE "events"."request_id" is not null;--> statement-breakpoint
CREATE INDEX "events_item_idx" ON "events" USING btree ("item_id","id") WHERE "events"."item_id" is not null;--> statement-breakpoint
CREATE INDEX "events_library_idx" ON "events" USING btree ("library_id","id") WHERE "events"."library_id" is not null;