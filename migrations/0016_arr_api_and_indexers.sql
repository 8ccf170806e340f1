CREATE TABLE "arr_refs" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"ref_id" uuid NOT NULL,
	CONSTRAINT "arr_refs_kind_ref_uq" UNIQUE("kind","ref_id")
);
--> statement-breakpoint
CREATE TABLE "arr_tags" (
	"id" serial PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	CONSTRAINT "arr_tags_label_unique" UNIQUE("label")
);
--> statement-breakpoint
CREATE TABLE "arr_titles" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"external_key" text NOT NULL,
	"tmdb_id" integer,
	"tvdb_id" integer,
	"imdb_id" text,
	"title" text NOT NULL,
	"year" integer,
	"quality_profile_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"monitored" boolean DEFAULT true NOT NULL,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"seasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"request_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "arr_titles_kind_key_uq" UNIQUE("kind","external_key")
);
--> statement-breakpoint
CREATE TABLE "indexers" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"api_key_encrypted" text,
	"categories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"priority" integer DEFAULT 25 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"managed_by" text DEFAULT 'api' NOT NULL,
	"extra_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indexers_name_unique" UNIQUE("name"),
	CONSTRAINT "indexers_priority_range" CHECK ("indexers"."priority" between 1 and 50)
);
