PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_broadcasts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer,
	`kind` text DEFAULT 'broadcast' NOT NULL,
	`text` text NOT NULL,
	`audience` text NOT NULL,
	`send_at` integer,
	`launch_offset_days` integer,
	`launch_time` text,
	`plan_key` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`scope_code` text DEFAULT 'VN' NOT NULL,
	`keep_diacritics` integer DEFAULT false NOT NULL,
	`created_by` text,
	`created_by_contact_id` integer,
	`queue_until_id` integer,
	`queued_through` integer DEFAULT 0 NOT NULL,
	`queued_count` integer DEFAULT 0 NOT NULL,
	`fired_at` integer,
	`finished_at` integer,
	`note` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_broadcasts`("id", "campaign_id", "text", "audience", "send_at", "status", "keep_diacritics", "created_by", "queued_count", "created_at") SELECT "id", "campaign_id", "text", "audience", "send_at", CASE "status" WHEN 'queued' THEN 'done' ELSE "status" END, "keep_diacritics", "created_by", coalesce("queued_count", 0), "created_at" FROM `broadcasts`;--> statement-breakpoint
DROP TABLE `broadcasts`;--> statement-breakpoint
ALTER TABLE `__new_broadcasts` RENAME TO `broadcasts`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `broadcasts_due_idx` ON `broadcasts` (`status`,`send_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `broadcasts_plan_key_uq` ON `broadcasts` (`plan_key`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `reason` text;--> statement-breakpoint
-- Web chat rows written as sent were handed over in the chat's own response: they were delivered.
UPDATE `outbox` SET `status` = 'delivered' WHERE `channel` = 'web' AND `status` = 'sent';--> statement-breakpoint
CREATE INDEX `outbox_web_pickup_idx` ON `outbox` (`address`) WHERE status = 'sent' AND channel = 'web';