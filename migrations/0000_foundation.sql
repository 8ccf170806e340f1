CREATE TYPE "public"."library_kind" AS ENUM('movie', 'tv', 'music');--> statement-breakpoint
CREATE TYPE "public"."scan_status" AS ENUM('running', 'completed', 'failed', 'cancelled');--> statement-breakpoint
CREATE TABLE "libraries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "library_kind" NOT NULL,
	"root_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "libraries_root_path_unique" UNIQUE("root_path")
);
--> statement-breakpoint
CREATE TABLE "app_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scan_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"library_id" uuid NOT NULL,
	"workflow_id" text NOT NULL,
	"status" "scan_status" DEFAULT 'running' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"directories_total" integer DEFAULT 0 NOT NULL,
	"directories_scanned" integer DEFAULT 0 NOT NULL,
	"titles_found" integer DEFAULT 0 NOT NULL,
	"titles_new" integer DEFAULT 0 NOT NULL,
	"titles_updated" integer DEFAULT 0 NOT NULL,
	"titles_removed" integer DEFAULT 0 NOT NULL,
	"assets_cached" integer DEFAULT 0 NOT NULL,
	"errors" integer DEFAULT 0 NOT NULL,
	"error_message" text
);
--> statement-breakpoint
ALTER TABLE "scan_runs" ADD CONSTRAINT "scan_runs_library_id_libraries_id_fk" FOREIGN KEY ("library_id") REFERENCES "public"."libraries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scan_runs_library_idx" ON "scan_runs" USING btree ("library_id","started_at");