CREATE TABLE "cache_file_issues" (
	"cache_file_id" text PRIMARY KEY NOT NULL,
	"path" text NOT NULL,
	"problem" text NOT NULL,
	"detail" text NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_refresh_state" (
	"entity_type" text PRIMARY KEY NOT NULL,
	"changes_checked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schedule_overrides" (
	"schedule_id" text PRIMARY KEY NOT NULL,
	"interval_seconds" integer,
	"cron" text,
	"paused" boolean,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "iptv_providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"base_url" text NOT NULL,
	"credentials_encrypted" text NOT NULL,
	"categories" jsonb NOT NULL,
	"name_cleanup" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"max_concurrent" integer NOT NULL,
	"rate_limit_requests" integer NOT NULL,
	"rate_limit_window_ms" integer NOT NULL,
	"timeout_ms" integer NOT NULL,
	"sync_interval_seconds" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "iptv_providers_name_unique" UNIQUE("name"),
	CONSTRAINT "iptv_providers_limits_positive" CHECK ("iptv_providers"."max_concurrent" > 0 and "iptv_providers"."rate_limit_requests" > 0 and "iptv_providers"."rate_limit_window_ms" > 0 and "iptv_providers"."timeout_ms" > 0),
	CONSTRAINT "iptv_providers_interval_positive" CHECK ("iptv_providers"."sync_interval_seconds" > 0)
);
--> statement-breakpoint
CREATE TABLE "iptv_sync_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"sync_id" text NOT NULL,
	"title_key" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"change" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "iptv_sync_changes_once" UNIQUE("provider_id","sync_id","title_key","change")
);
--> statement-breakpoint
CREATE TABLE "provider_titles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"title_key" text NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"cleaned_title" text NOT NULL,
	"year" integer,
	"category" text,
	"source_id" text NOT NULL,
	"details_from_provider" boolean DEFAULT false NOT NULL,
	"provider_tmdb_id" integer,
	"provider_imdb_id" text,
	"fingerprint" text NOT NULL,
	"streams" jsonb NOT NULL,
	"match_state" text NOT NULL,
	"tmdb_id" integer,
	"matched_by" text,
	"matched_title" text,
	"ignored" boolean DEFAULT false NOT NULL,
	"ignored_reason" text,
	"last_error" text,
	"present" boolean DEFAULT true NOT NULL,
	"first_seen_sync_id" text NOT NULL,
	"last_seen_sync_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provider_titles_provider_key" UNIQUE("provider_id","title_key")
);
--> statement-breakpoint
ALTER TABLE "iptv_sync_changes" ADD CONSTRAINT "iptv_sync_changes_provider_id_iptv_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."iptv_providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_titles" ADD CONSTRAINT "provider_titles_provider_id_iptv_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."iptv_providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "iptv_sync_changes_provider_idx" ON "iptv_sync_changes" USING btree ("provider_id","created_at");--> statement-breakpoint
CREATE INDEX "provider_titles_pending_idx" ON "provider_titles" USING btree ("provider_id","match_state","title_key");--> statement-breakpoint
CREATE INDEX "provider_titles_list_idx" ON "provider_titles" USING btree ("provider_id","type","ignored");