ALTER TABLE "seasons" ADD COLUMN "nfo_path" text;--> statement-breakpoint
ALTER TABLE "seasons" ADD COLUMN "nfo_title" text;--> statement-breakpoint
ALTER TABLE "seasons" ADD COLUMN "plot" text;--> statement-breakpoint
ALTER TABLE "seasons" ADD COLUMN "premiered" text;