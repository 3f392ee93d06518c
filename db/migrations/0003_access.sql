CREATE TABLE `admin_sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`csrf_token` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `admin_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `admin_sessions_user_idx` ON `admin_sessions` (`user_id`);--> statement-breakpoint
ALTER TABLE `admin_tokens` ADD `id` text;--> statement-breakpoint
ALTER TABLE `admin_tokens` ADD `label` text;--> statement-breakpoint
ALTER TABLE `admin_tokens` ADD `expires_at` integer;--> statement-breakpoint
ALTER TABLE `admin_tokens` ADD `last_used_at` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `admin_tokens_id_uq` ON `admin_tokens` (`id`);--> statement-breakpoint
CREATE INDEX `admin_tokens_user_idx` ON `admin_tokens` (`user_id`);--> statement-breakpoint
ALTER TABLE `admin_users` ADD `email` text;--> statement-breakpoint
ALTER TABLE `admin_users` ADD `phone` text;--> statement-breakpoint
ALTER TABLE `admin_users` ADD `password_hash` text;--> statement-breakpoint
ALTER TABLE `admin_users` ADD `active` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `admin_users` ADD `contact_id` integer REFERENCES contacts(id);--> statement-breakpoint
ALTER TABLE `admin_users` ADD `failed_sign_ins` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `admin_users` ADD `locked_until` integer;--> statement-breakpoint
ALTER TABLE `admin_users` ADD `updated_at` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `admin_users_email_uq` ON `admin_users` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `admin_users_phone_uq` ON `admin_users` (`phone`);--> statement-breakpoint
CREATE INDEX `admin_users_contact_idx` ON `admin_users` (`contact_id`);--> statement-breakpoint
UPDATE `admin_tokens` SET `id` = lower(hex(randomblob(6))) WHERE `id` IS NULL;--> statement-breakpoint
UPDATE `admin_users` SET `unit_scope` = 'VN' WHERE `unit_scope` IS NULL;
--> statement-breakpoint
-- Web chat session ids are chosen by the client: none may carry staff or supervisor rights. Links made by older
-- versions (the terminal chat linked web:cli-<phone> to staff) are removed; the next message starts as a resident.
DELETE FROM `addresses` WHERE `channel` = 'web' AND `contact_id` IN (SELECT `id` FROM `contacts` WHERE `role` <> 'resident');
