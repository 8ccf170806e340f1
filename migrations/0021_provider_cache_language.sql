ALTER TABLE "provider_metadata" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "provider_seasons" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
-- What is cached was fetched in the language configured until now.
UPDATE "provider_metadata" SET "language" = COALESCE((SELECT "value" #>> '{}' FROM "app_settings" WHERE "key" = 'phase.enrichment.language'), 'en');--> statement-breakpoint
UPDATE "provider_seasons" SET "language" = COALESCE((SELECT "value" #>> '{}' FROM "app_settings" WHERE "key" = 'phase.enrichment.language'), 'en');
