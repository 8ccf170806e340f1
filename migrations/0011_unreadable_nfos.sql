ALTER TABLE "movies" ADD COLUMN "unreadable_nfo_path" text;--> statement-breakpoint
ALTER TABLE "movies" ADD COLUMN "replace_unreadable_nfo" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "episodes" ADD COLUMN "unreadable_nfo_path" text;--> statement-breakpoint
ALTER TABLE "shows" ADD COLUMN "unreadable_nfo_path" text;--> statement-breakpoint
ALTER TABLE "shows" ADD COLUMN "replace_unreadable_nfo" boolean DEFAULT false NOT NULL;