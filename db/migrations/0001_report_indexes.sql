DROP INDEX `reports_current_idx`;--> statement-breakpoint
CREATE UNIQUE INDEX `reports_inbound_uq` ON `signup_reports` (`inbound_id`);--> statement-breakpoint
CREATE INDEX `reports_current_idx` ON `signup_reports` (`superseded_by`,`unit_code`,`day`,`count`);