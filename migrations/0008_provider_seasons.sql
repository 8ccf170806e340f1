CREATE TABLE "provider_seasons" (
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"season_number" integer NOT NULL,
	"provider_name" text NOT NULL,
	"season" jsonb NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provider_seasons_pk" PRIMARY KEY("entity_type","entity_id","season_number","provider_name")
);
