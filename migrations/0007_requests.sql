CREATE TYPE "public"."delivery_target_kind" AS ENUM('local');--> statement-breakpoint
CREATE TYPE "public"."processing_item_status" AS ENUM('PENDING', 'AWAITING', 'SEARCHING', 'FOUND', 'DOWNLOADING', 'DOWNLOADED', 'ENCODING', 'ENCODED', 'DELIVERING', 'COMPLETED', 'FAILED', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "public"."request_status" AS ENUM('PENDING', 'PROCESSING', 'COMPLETED', 'PARTIAL', 'FAILED', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "public"."request_type" AS ENUM('movie', 'tv');--> statement-breakpoint
CREATE TABLE "quality_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"min_resolution" integer DEFAULT 720 NOT NULL,
	"preferred_resolution" integer DEFAULT 1080 NOT NULL,
	"min_size_mb" integer DEFAULT 0 NOT NULL,
	"max_size_mb" integer DEFAULT 20000 NOT NULL,
	"rejected_words" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"preferred_words" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"encode" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quality_profiles_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "delivery_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "delivery_target_kind" DEFAULT 'local' NOT NULL,
	"path" text NOT NULL,
	"library_id" uuid,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delivery_targets_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "processing_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"season_number" integer DEFAULT 0 NOT NULL,
	"episode_number" integer DEFAULT 0 NOT NULL,
	"title" text,
	"status" "processing_item_status" DEFAULT 'PENDING' NOT NULL,
	"failed_step" text,
	"air_date" text,
	"source_file_path" text,
	"encoded_file_path" text,
	"delivered_paths" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"torrent_hash" text,
	"selected_release" jsonb,
	"available_releases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"quality_met" boolean,
	"progress" real DEFAULT 0 NOT NULL,
	"last_error" text,
	"write_count" integer DEFAULT 0 NOT NULL,
	"downloaded_at" timestamp with time zone,
	"encoded_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processing_items_episode_uq" UNIQUE("request_id","season_number","episode_number")
);
--> statement-breakpoint
CREATE TABLE "requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" "request_type" NOT NULL,
	"tmdb_id" integer,
	"tvdb_id" integer,
	"imdb_id" text,
	"title" text,
	"year" integer,
	"seasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"episodes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"quality_profile_id" uuid NOT NULL,
	"target_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"require_approval" boolean DEFAULT false NOT NULL,
	"approval_timeout_seconds" integer,
	"approval_auto_action" text,
	"status" "request_status" DEFAULT 'PENDING' NOT NULL,
	"workflow_id" text NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "delivery_targets" ADD CONSTRAINT "delivery_targets_library_id_libraries_id_fk" FOREIGN KEY ("library_id") REFERENCES "public"."libraries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processing_items" ADD CONSTRAINT "processing_items_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_quality_profile_id_quality_profiles_id_fk" FOREIGN KEY ("quality_profile_id") REFERENCES "public"."quality_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "processing_items_torrent_idx" ON "processing_items" USING btree ("torrent_hash");