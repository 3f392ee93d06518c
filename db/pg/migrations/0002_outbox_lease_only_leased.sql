DROP INDEX "outbox_lease_idx";--> statement-breakpoint
CREATE INDEX "outbox_lease_idx" ON "outbox" USING btree ("channel","claimed_until") WHERE status = 'sending' AND claimed_until IS NOT NULL;