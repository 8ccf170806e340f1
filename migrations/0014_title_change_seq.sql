ALTER TABLE "movies" ADD COLUMN "change_seq" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "movies" ADD COLUMN "pipeline_seq" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "shows" ADD COLUMN "change_seq" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "shows" ADD COLUMN "pipeline_seq" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Titles that exist already were published by the pipeline of an earlier version: their changes are covered.
UPDATE "movies" SET "pipeline_seq" = "change_seq";--> statement-breakpoint
UPDATE "shows" SET "pipeline_seq" = "change_seq";
