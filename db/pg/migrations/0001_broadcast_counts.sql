CREATE TABLE "broadcast_counts" (
	"broadcast_id" integer NOT NULL,
	"status" text NOT NULL,
	"channel" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "broadcast_counts_broadcast_id_status_channel_reason_pk" PRIMARY KEY("broadcast_id","status","channel","reason")
);
--> statement-breakpoint
DROP INDEX "outbox_broadcast_contact_uq";--> statement-breakpoint
DROP INDEX "outbox_contact_sent_idx";--> statement-breakpoint
ALTER TABLE "broadcasts" ADD COLUMN "first_outbox_id" bigint;--> statement-breakpoint
CREATE INDEX "addresses_reach_idx" ON "addresses" USING btree ("contact_id","last_inbound_at" DESC NULLS LAST,"id" DESC NULLS FIRST,"channel") WHERE stopped_at IS NULL;--> statement-breakpoint
CREATE INDEX "outbox_contact_sent_idx" ON "outbox" USING btree ("contact_id","sent_at") WHERE priority = 1 AND sent_at IS NOT NULL;--> statement-breakpoint
-- Hand-written below (drizzle-kit does not generate data moves, functions or triggers); mirrors SQLite's 0006.
-- Broadcasts queued before this migration: where their rows start, and their counts.
UPDATE "broadcasts" SET "first_outbox_id" = m."first"
  FROM (SELECT "broadcast_id", min("id") AS "first" FROM "outbox" WHERE "broadcast_id" IS NOT NULL GROUP BY 1) AS m
 WHERE m."broadcast_id" = "broadcasts"."id";--> statement-breakpoint
INSERT INTO "broadcast_counts" ("broadcast_id", "status", "channel", "reason", "n")
  SELECT "broadcast_id", "status", "channel", coalesce("reason", ''), count(*) FROM "outbox" WHERE "broadcast_id" IS NOT NULL GROUP BY 1, 2, 3, 4;--> statement-breakpoint
-- The sender changes a row's status (and on fallback its channel, when held its reason): move its count, minus one
-- on the old (status, channel, reason) and plus one on the new. Queueing adds counts per chunk itself and cancelling
-- deletes the queued counts with the rows it drops, so there is no INSERT or DELETE trigger. The two counters are
-- touched in key order, so two transactions moving rows in opposite directions (a claim queued → sending, a
-- release sending → queued) take their row locks in the same order and cannot deadlock on them.
CREATE FUNCTION "outbox_broadcast_counts_upd"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_reason text := coalesce(OLD."reason", '');
  new_reason text := coalesce(NEW."reason", '');
BEGIN
  IF (OLD."status", OLD."channel", old_reason) < (NEW."status", NEW."channel", new_reason) THEN
    UPDATE "broadcast_counts" SET "n" = "n" - 1
     WHERE "broadcast_id" = OLD."broadcast_id" AND "status" = OLD."status" AND "channel" = OLD."channel" AND "reason" = old_reason;
  END IF;
  INSERT INTO "broadcast_counts" ("broadcast_id", "status", "channel", "reason", "n")
  VALUES (NEW."broadcast_id", NEW."status", NEW."channel", new_reason, 1)
  ON CONFLICT ("broadcast_id", "status", "channel", "reason") DO UPDATE SET "n" = "broadcast_counts"."n" + 1;
  IF (OLD."status", OLD."channel", old_reason) > (NEW."status", NEW."channel", new_reason) THEN
    UPDATE "broadcast_counts" SET "n" = "n" - 1
     WHERE "broadcast_id" = OLD."broadcast_id" AND "status" = OLD."status" AND "channel" = OLD."channel" AND "reason" = old_reason;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "outbox_broadcast_counts_upd" AFTER UPDATE OF "status", "channel", "reason" ON "outbox"
  FOR EACH ROW
  WHEN (NEW."broadcast_id" IS NOT NULL AND (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."channel" IS DISTINCT FROM NEW."channel" OR OLD."reason" IS DISTINCT FROM NEW."reason"))
  EXECUTE FUNCTION "outbox_broadcast_counts_upd"();
