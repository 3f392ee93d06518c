-- Hand edit after drizzle-kit generate: SQLite cannot add a NOT NULL column without a default, so `reference` gets
-- DEFAULT '' and existing requests are given references (two letters + four digits from their id), a deadline when
-- still unassigned (the deadline job then offers them at once), and their old free-text assignee kept in the notes.
CREATE TABLE `callback_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`callback_id` integer NOT NULL,
	`at` integer NOT NULL,
	`event` text NOT NULL,
	`actor_user_id` integer,
	`actor` text NOT NULL,
	`detail` text,
	FOREIGN KEY (`callback_id`) REFERENCES `callback_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `admin_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `callback_history_callback_idx` ON `callback_history` (`callback_id`,`at`);--> statement-breakpoint
DROP INDEX `callbacks_status_idx`;--> statement-breakpoint
ALTER TABLE `callback_requests` ADD `reference` text NOT NULL DEFAULT '';--> statement-breakpoint
ALTER TABLE `callback_requests` ADD `address` text;--> statement-breakpoint
ALTER TABLE `callback_requests` ADD `consent_at` integer;--> statement-breakpoint
ALTER TABLE `callback_requests` ADD `consent_text` text;--> statement-breakpoint
ALTER TABLE `callback_requests` ADD `assignee_id` integer REFERENCES admin_users(id);--> statement-breakpoint
ALTER TABLE `callback_requests` ADD `assigned_at` integer;--> statement-breakpoint
ALTER TABLE `callback_requests` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `callback_requests` ADD `deadline_at` integer;--> statement-breakpoint
ALTER TABLE `callback_requests` ADD `escalations` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `callback_requests` ADD `closed_at` integer;--> statement-breakpoint
UPDATE `callback_requests` SET `reference` = char(65 + (`id` / 10000) % 26) || char(65 + (`id` / 260000) % 26) || printf('%04d', `id` % 10000), `deadline_at` = CASE WHEN `status` = 'new' THEN `updated_at` END, `notes` = CASE WHEN `assignee` IS NOT NULL THEN trim(coalesce(`notes`, '') || ' (người nhận cũ: ' || `assignee` || ')') ELSE `notes` END;--> statement-breakpoint
CREATE UNIQUE INDEX `callbacks_reference_uq` ON `callback_requests` (`reference`);--> statement-breakpoint
CREATE INDEX `callbacks_phone_idx` ON `callback_requests` (`phone`,`created_at`);--> statement-breakpoint
CREATE INDEX `callbacks_assignee_idx` ON `callback_requests` (`assignee_id`,`assigned_at`);--> statement-breakpoint
CREATE INDEX `callbacks_deadline_idx` ON `callback_requests` (`deadline_at`) WHERE status IN ('new', 'assigned');--> statement-breakpoint
CREATE INDEX `callbacks_status_idx` ON `callback_requests` (`status`,`unit_code`);--> statement-breakpoint
ALTER TABLE `callback_requests` DROP COLUMN `assignee`;