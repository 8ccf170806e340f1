CREATE TABLE "library_folders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"library_id" uuid NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"folder_path" text NOT NULL,
	"fingerprint" text NOT NULL,
	"scanned_fingerprint" text,
	"video_files" jsonb NOT NULL,
	"file_count" integer NOT NULL,
	"seen_scan_id" uuid NOT NULL,
	"scanned_scan_id" uuid,
	"scanned_at" timestamp with time zone,
	"scan_error" text,
	"file_errors" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "library_folders_library_key" UNIQUE("library_id","key")
);
--> statement-breakpoint
CREATE TABLE "cache_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sha256" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"path" text NOT NULL,
	"format" text,
	"width" integer,
	"height" integer,
	"created_scan_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cache_files_sha256_unique" UNIQUE("sha256")
);
--> statement-breakpoint
CREATE TABLE "assets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"asset_type" text NOT NULL,
	"season" integer,
	"source" text NOT NULL,
	"source_path" text NOT NULL,
	"cache_file_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assets_entity_source" UNIQUE("entity_type","entity_id","source_path")
);
--> statement-breakpoint
CREATE TABLE "media_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"relative_path" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"container" text,
	"duration_seconds" double precision,
	"bitrate" bigint,
	"probe_error" text
);
--> statement-breakpoint
CREATE TABLE "media_streams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"media_file_id" uuid NOT NULL,
	"stream_type" text NOT NULL,
	"stream_index" integer,
	"codec" text,
	"language" text,
	"title" text,
	"is_default" boolean DEFAULT false NOT NULL,
	"is_forced" boolean DEFAULT false NOT NULL,
	"external" boolean DEFAULT false NOT NULL,
	"external_path" text,
	"width" integer,
	"height" integer,
	"hdr" text,
	"channels" integer,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "actors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" text,
	"sort_order" integer NOT NULL,
	"thumb_url" text,
	"thumb_cache_file_id" uuid
);
--> statement-breakpoint
CREATE TABLE "scan_issues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scan_id" uuid NOT NULL,
	"library_id" uuid NOT NULL,
	"folder_key" text,
	"path" text NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "scan_issues_scan_path_reason" UNIQUE("scan_id","path","reason")
);
--> statement-breakpoint
CREATE TABLE "unknown_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"relative_path" text NOT NULL,
	"size_bytes" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "movies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"library_id" uuid NOT NULL,
	"title" text NOT NULL,
	"original_title" text,
	"sort_title" text,
	"year" integer,
	"premiered" text,
	"plot" text,
	"outline" text,
	"tagline" text,
	"runtime" integer,
	"mpaa" text,
	"tmdb_id" integer,
	"imdb_id" text,
	"tvdb_id" integer,
	"ratings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"genres" text[] DEFAULT '{}' NOT NULL,
	"countries" text[] DEFAULT '{}' NOT NULL,
	"studios" text[] DEFAULT '{}' NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"directors" text[] DEFAULT '{}' NOT NULL,
	"credits" text[] DEFAULT '{}' NOT NULL,
	"nfo_path" text,
	"nfo_extra" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"identification_status" text NOT NULL,
	"identification_source" text NOT NULL,
	"folder_path" text NOT NULL,
	"folder_key" text NOT NULL,
	"created_scan_id" uuid,
	"removed_scan_id" uuid,
	"scan_errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title_locked" boolean DEFAULT false NOT NULL,
	"original_title_locked" boolean DEFAULT false NOT NULL,
	"sort_title_locked" boolean DEFAULT false NOT NULL,
	"year_locked" boolean DEFAULT false NOT NULL,
	"premiered_locked" boolean DEFAULT false NOT NULL,
	"plot_locked" boolean DEFAULT false NOT NULL,
	"outline_locked" boolean DEFAULT false NOT NULL,
	"tagline_locked" boolean DEFAULT false NOT NULL,
	"runtime_locked" boolean DEFAULT false NOT NULL,
	"mpaa_locked" boolean DEFAULT false NOT NULL,
	"genres_locked" boolean DEFAULT false NOT NULL,
	"countries_locked" boolean DEFAULT false NOT NULL,
	"studios_locked" boolean DEFAULT false NOT NULL,
	"tags_locked" boolean DEFAULT false NOT NULL,
	"directors_locked" boolean DEFAULT false NOT NULL,
	"credits_locked" boolean DEFAULT false NOT NULL,
	"set_name" text,
	"set_overview" text,
	"trailer" text,
	"set_name_locked" boolean DEFAULT false NOT NULL,
	CONSTRAINT "movies_library_folder" UNIQUE("library_id","folder_key")
);
--> statement-breakpoint
CREATE TABLE "episodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"show_id" uuid NOT NULL,
	"season_number" integer NOT NULL,
	"episode_number" integer NOT NULL,
	"video_path" text NOT NULL,
	"title" text,
	"plot" text,
	"aired" text,
	"runtime" integer,
	"tmdb_id" integer,
	"imdb_id" text,
	"tvdb_id" integer,
	"ratings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"directors" text[] DEFAULT '{}' NOT NULL,
	"credits" text[] DEFAULT '{}' NOT NULL,
	"nfo_path" text,
	CONSTRAINT "episodes_show_number" UNIQUE("show_id","season_number","episode_number")
);
--> statement-breakpoint
CREATE TABLE "seasons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"show_id" uuid NOT NULL,
	"season_number" integer NOT NULL,
	"name" text,
	CONSTRAINT "seasons_show_number" UNIQUE("show_id","season_number")
);
--> statement-breakpoint
CREATE TABLE "shows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"library_id" uuid NOT NULL,
	"title" text NOT NULL,
	"original_title" text,
	"sort_title" text,
	"year" integer,
	"premiered" text,
	"plot" text,
	"outline" text,
	"tagline" text,
	"runtime" integer,
	"mpaa" text,
	"tmdb_id" integer,
	"imdb_id" text,
	"tvdb_id" integer,
	"ratings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"genres" text[] DEFAULT '{}' NOT NULL,
	"countries" text[] DEFAULT '{}' NOT NULL,
	"studios" text[] DEFAULT '{}' NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"directors" text[] DEFAULT '{}' NOT NULL,
	"credits" text[] DEFAULT '{}' NOT NULL,
	"nfo_path" text,
	"nfo_extra" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"identification_status" text NOT NULL,
	"identification_source" text NOT NULL,
	"folder_path" text NOT NULL,
	"folder_key" text NOT NULL,
	"created_scan_id" uuid,
	"removed_scan_id" uuid,
	"scan_errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title_locked" boolean DEFAULT false NOT NULL,
	"original_title_locked" boolean DEFAULT false NOT NULL,
	"sort_title_locked" boolean DEFAULT false NOT NULL,
	"year_locked" boolean DEFAULT false NOT NULL,
	"premiered_locked" boolean DEFAULT false NOT NULL,
	"plot_locked" boolean DEFAULT false NOT NULL,
	"outline_locked" boolean DEFAULT false NOT NULL,
	"tagline_locked" boolean DEFAULT false NOT NULL,
	"runtime_locked" boolean DEFAULT false NOT NULL,
	"mpaa_locked" boolean DEFAULT false NOT NULL,
	"genres_locked" boolean DEFAULT false NOT NULL,
	"countries_locked" boolean DEFAULT false NOT NULL,
	"studios_locked" boolean DEFAULT false NOT NULL,
	"tags_locked" boolean DEFAULT false NOT NULL,
	"directors_locked" boolean DEFAULT false NOT NULL,
	"credits_locked" boolean DEFAULT false NOT NULL,
	"status" text,
	CONSTRAINT "shows_library_folder" UNIQUE("library_id","folder_key")
);
--> statement-breakpoint
ALTER TABLE "library_folders" ADD CONSTRAINT "library_folders_library_id_libraries_id_fk" FOREIGN KEY ("library_id") REFERENCES "public"."libraries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_cache_file_id_cache_files_id_fk" FOREIGN KEY ("cache_file_id") REFERENCES "public"."cache_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_streams" ADD CONSTRAINT "media_streams_media_file_id_media_files_id_fk" FOREIGN KEY ("media_file_id") REFERENCES "public"."media_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actors" ADD CONSTRAINT "actors_thumb_cache_file_id_cache_files_id_fk" FOREIGN KEY ("thumb_cache_file_id") REFERENCES "public"."cache_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movies" ADD CONSTRAINT "movies_library_id_libraries_id_fk" FOREIGN KEY ("library_id") REFERENCES "public"."libraries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_show_id_shows_id_fk" FOREIGN KEY ("show_id") REFERENCES "public"."shows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seasons" ADD CONSTRAINT "seasons_show_id_shows_id_fk" FOREIGN KEY ("show_id") REFERENCES "public"."shows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shows" ADD CONSTRAINT "shows_library_id_libraries_id_fk" FOREIGN KEY ("library_id") REFERENCES "public"."libraries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "library_folders_seen_idx" ON "library_folders" USING btree ("library_id","seen_scan_id");--> statement-breakpoint
CREATE INDEX "assets_cache_file_idx" ON "assets" USING btree ("cache_file_id");--> statement-breakpoint
CREATE INDEX "media_files_entity_idx" ON "media_files" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "media_streams_file_idx" ON "media_streams" USING btree ("media_file_id");--> statement-breakpoint
CREATE INDEX "actors_entity_idx" ON "actors" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "unknown_files_entity_idx" ON "unknown_files" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "movies_library_title_idx" ON "movies" USING btree ("library_id","title");--> statement-breakpoint
CREATE INDEX "shows_library_title_idx" ON "shows" USING btree ("library_id","title");