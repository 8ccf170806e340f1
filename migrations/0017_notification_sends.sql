CREATE TABLE "notification_sends" (
	"service" text NOT NULL,
	"message_id" text NOT NULL,
	"state" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"resends" integer DEFAULT 0 NOT NULL,
	"answer" text,
	"last_error" text,
	"first_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_sends_pk" PRIMARY KEY("service","message_id"),
	CONSTRAINT "notification_sends_state_check" CHECK ("notification_sends"."state" in ('sending', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE INDEX "notification_sends_updated_at_idx" ON "notification_sends" USING btree ("updated_at");