CREATE UNLOGGED TABLE "provider_rate_slots" (
	"provider_id" uuid PRIMARY KEY NOT NULL,
	"next_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "provider_rate_slots" ADD CONSTRAINT "provider_rate_slots_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;