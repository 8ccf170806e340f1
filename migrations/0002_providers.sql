CREATE TABLE "provider_assets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"asset_type" text NOT NULL,
	"provider_name" text NOT NULL,
	"provider_url" text NOT NULL,
	"provider_metadata" jsonb,
	"width" integer,
	"height" integer,
	"analyzed" boolean DEFAULT false NOT NULL,
	"content_hash" text,
	"perceptual_hash" text,
	"score" integer,
	"is_selected" boolean DEFAULT false NOT NULL,
	"is_rejected" boolean DEFAULT false NOT NULL,
	"is_downloaded" boolean DEFAULT false NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	"selected_at" timestamp with time zone,
	"selected_by" text,
	CONSTRAINT "provider_assets_entity_type_url" UNIQUE("entity_type","entity_id","asset_type","provider_url")
);
--> statement-breakpoint
CREATE TABLE "provider_metadata" (
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"provider_name" text NOT NULL,
	"metadata" jsonb,
	"image_count" integer DEFAULT 0 NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provider_metadata_entity_type_entity_id_provider_name_pk" PRIMARY KEY("entity_type","entity_id","provider_name")
);
--> statement-breakpoint
CREATE TABLE "providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL,
	"base_url" text NOT NULL,
	"credentials_encrypted" text NOT NULL,
	"rate_limit_per_second" real NOT NULL,
	"timeout_ms" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "providers_name_unique" UNIQUE("name"),
	CONSTRAINT "providers_kind_check" CHECK ("providers"."kind" in ('tmdb', 'tvdb', 'fanart_tv', 'musicbrainz')),
	CONSTRAINT "providers_rate_limit_positive" CHECK ("providers"."rate_limit_per_second" > 0),
	CONSTRAINT "providers_timeout_positive" CHECK ("providers"."timeout_ms" > 0)
);
--> statement-breakpoint
CREATE INDEX "provider_assets_entity_idx" ON "provider_assets" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "provider_assets_type_idx" ON "provider_assets" USING btree ("entity_type","entity_id","asset_type");--> statement-breakpoint
CREATE INDEX "provider_assets_fetched_idx" ON "provider_assets" USING btree ("fetched_at");--> statement-breakpoint
CREATE INDEX "provider_metadata_fetched_idx" ON "provider_metadata" USING btree ("fetched_at");