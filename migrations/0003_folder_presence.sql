DROP INDEX "library_folders_seen_idx";--> statement-breakpoint
ALTER TABLE "library_folders" ADD COLUMN "present" boolean DEFAULT true NOT NULL;--> statement-breakpoint
CREATE INDEX "library_folders_present_idx" ON "library_folders" USING btree ("library_id","present");