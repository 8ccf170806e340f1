CREATE TABLE "notification_config" (
	"service" text PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"config_encrypted" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_config_service_check" CHECK ("notification_config"."service" in ('kodi', 'jellyfin', 'plex', 'discord', 'pushover', 'email'))
);
