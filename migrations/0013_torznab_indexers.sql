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
