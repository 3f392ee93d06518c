DROP INDEX `outbox_due_idx`;--> statement-breakpoint
DROP INDEX `outbox_provider_idx`;--> statement-breakpoint
DROP INDEX `outbox_broadcast_contact_uq`;--> statement-breakpoint
CREATE INDEX `outbox_contact_sent_idx` ON `outbox` (`contact_id`,`sent_at`) WHERE priority = 1;--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`channel`,`priority`,`next_attempt_at`) WHERE status = 'queued';--> statement-breakpoint
CREATE INDEX `outbox_provider_idx` ON `outbox` (`channel`,`provider_id`) WHERE provider_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_broadcast_contact_uq` ON `outbox` (`broadcast_id`,`contact_id`) WHERE broadcast_id IS NOT NULL;