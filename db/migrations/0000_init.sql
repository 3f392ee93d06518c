CREATE TABLE `units` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`type` text DEFAULT '' NOT NULL,
	`level` text NOT NULL,
	`parent_code` text,
	`target` integer,
	`name_folded` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `units_parent_idx` ON `units` (`parent_code`);--> statement-breakpoint
CREATE INDEX `units_level_idx` ON `units` (`level`);--> statement-breakpoint
CREATE TABLE `addresses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`address` text NOT NULL,
	`channel` text NOT NULL,
	`contact_id` integer NOT NULL,
	`last_inbound_at` integer,
	`stopped_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `addresses_address_uq` ON `addresses` (`address`);--> statement-breakpoint
CREATE INDEX `addresses_contact_idx` ON `addresses` (`contact_id`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text,
	`phone` text,
	`role` text DEFAULT 'resident' NOT NULL,
	`unit_code` text,
	`opted_out` integer DEFAULT false NOT NULL,
	`opted_out_at` integer,
	`consent_at` integer,
	`consent_channel` text,
	`consent_text` text,
	`subscribed` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`unit_code`) REFERENCES `units`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contacts_phone_uq` ON `contacts` (`phone`);--> statement-breakpoint
CREATE INDEX `contacts_unit_idx` ON `contacts` (`unit_code`);--> statement-breakpoint
CREATE TABLE `conversations` (
	`contact_id` integer PRIMARY KEY NOT NULL,
	`flow` text NOT NULL,
	`step` text NOT NULL,
	`state` text NOT NULL,
	`version` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `inbound_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel` text NOT NULL,
	`provider_id` text NOT NULL,
	`contact_id` integer,
	`address` text NOT NULL,
	`kind` text NOT NULL,
	`text` text,
	`received_at` integer NOT NULL,
	`status` text DEFAULT 'handled' NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inbound_channel_provider_uq` ON `inbound_messages` (`channel`,`provider_id`);--> statement-breakpoint
CREATE INDEX `inbound_contact_idx` ON `inbound_messages` (`contact_id`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contact_id` integer,
	`address` text NOT NULL,
	`channel` text NOT NULL,
	`text` text NOT NULL,
	`quick_replies` text,
	`request_phone` integer DEFAULT false NOT NULL,
	`priority` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`provider_id` text,
	`error` text,
	`encoding` text,
	`segments` integer,
	`keep_diacritics` integer DEFAULT false NOT NULL,
	`broadcast_id` integer,
	`sent_via` text,
	`inbound_id` integer,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`status`,`priority`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_provider_idx` ON `outbox` (`channel`,`provider_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_broadcast_contact_uq` ON `outbox` (`broadcast_id`,`contact_id`);--> statement-breakpoint
CREATE TABLE `broadcasts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer,
	`text` text NOT NULL,
	`audience` text NOT NULL,
	`send_at` integer NOT NULL,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`keep_diacritics` integer DEFAULT false NOT NULL,
	`created_by` text,
	`queued_count` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `broadcasts_due_idx` ON `broadcasts` (`status`,`send_at`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`theme` text NOT NULL,
	`hotline` text NOT NULL,
	`launch_at` integer NOT NULL,
	`starts_on` text NOT NULL,
	`district_target` integer NOT NULL,
	`messages` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaigns_slug_unique` ON `campaigns` (`slug`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `callback_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contact_id` integer NOT NULL,
	`phone` text NOT NULL,
	`name` text,
	`unit_code` text,
	`preferred_time` text,
	`topic` text,
	`status` text DEFAULT 'new' NOT NULL,
	`assignee` text,
	`notes` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `callbacks_status_idx` ON `callback_requests` (`status`);--> statement-breakpoint
CREATE TABLE `link_codes` (
	`code` text PRIMARY KEY NOT NULL,
	`contact_id` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `signup_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_code` text NOT NULL,
	`reporter_id` integer NOT NULL,
	`day` text NOT NULL,
	`count` integer NOT NULL,
	`inbound_id` integer,
	`superseded_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`unit_code`) REFERENCES `units`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reporter_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`inbound_id`) REFERENCES `inbound_messages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reports_unit_day_idx` ON `signup_reports` (`unit_code`,`day`);--> statement-breakpoint
CREATE INDEX `reports_current_idx` ON `signup_reports` (`superseded_by`,`unit_code`,`day`);--> statement-breakpoint
CREATE TABLE `staff_units` (
	`contact_id` integer NOT NULL,
	`unit_code` text NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_code`) REFERENCES `units`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `staff_units_contact_idx` ON `staff_units` (`contact_id`);--> statement-breakpoint
CREATE TABLE `admin_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `admin_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `admin_users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`unit_scope` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`subject` text,
	`detail` text,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_log` (`at`);