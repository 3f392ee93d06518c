CREATE TABLE `broadcast_counts` (
	`broadcast_id` integer NOT NULL,
	`status` text NOT NULL,
	`channel` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`broadcast_id`, `status`, `channel`, `reason`)
);
--> statement-breakpoint
DROP INDEX `outbox_broadcast_contact_uq`;--> statement-breakpoint
DROP INDEX `outbox_contact_sent_idx`;--> statement-breakpoint
CREATE INDEX `outbox_contact_sent_idx` ON `outbox` (`contact_id`,`sent_at`) WHERE priority = 1 AND sent_at IS NOT NULL;--> statement-breakpoint
ALTER TABLE `broadcasts` ADD `first_outbox_id` integer;--> statement-breakpoint
CREATE INDEX `addresses_reach_idx` ON `addresses` (`contact_id`,`last_inbound_at`,`id`,`channel`) WHERE stopped_at IS NULL;--> statement-breakpoint
-- Broadcasts queued before this migration: where their rows start, and their counts.
UPDATE `broadcasts` SET `first_outbox_id` = m.`first`
  FROM (SELECT `broadcast_id`, min(`id`) AS `first` FROM `outbox` WHERE `broadcast_id` IS NOT NULL GROUP BY 1) AS m
 WHERE m.`broadcast_id` = `broadcasts`.`id`;--> statement-breakpoint
INSERT INTO `broadcast_counts` (`broadcast_id`, `status`, `channel`, `reason`, `n`)
  SELECT `broadcast_id`, `status`, `channel`, coalesce(`reason`, ''), count(*) FROM `outbox` WHERE `broadcast_id` IS NOT NULL GROUP BY 1, 2, 3, 4;--> statement-breakpoint
-- The sender changes a row's status (and on fallback its channel, when held its reason): move its count. Queueing
-- adds counts per chunk itself, and cancelling subtracts the rows it drops, so no INSERT/DELETE trigger (a trigger
-- per inserted row would cost a million-row broadcast about 0.6 s).
CREATE TRIGGER `outbox_broadcast_counts_upd` AFTER UPDATE OF `status`, `channel`, `reason` ON `outbox`
WHEN new.`broadcast_id` IS NOT NULL AND (old.`status` IS NOT new.`status` OR old.`channel` IS NOT new.`channel` OR old.`reason` IS NOT new.`reason`)
BEGIN
  UPDATE `broadcast_counts` SET `n` = `n` - 1
   WHERE `broadcast_id` = old.`broadcast_id` AND `status` = old.`status` AND `channel` = old.`channel` AND `reason` = coalesce(old.`reason`, '');
  INSERT INTO `broadcast_counts` (`broadcast_id`, `status`, `channel`, `reason`, `n`)
  VALUES (new.`broadcast_id`, new.`status`, new.`channel`, coalesce(new.`reason`, ''), 1)
  ON CONFLICT DO UPDATE SET `n` = `n` + 1;
END;
