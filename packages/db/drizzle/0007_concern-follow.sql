CREATE TABLE `concern_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`concern_id` integer NOT NULL,
	`kind` text NOT NULL,
	`detail` text NOT NULL,
	`mail` text DEFAULT 'none' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`last_error` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`concern_id`) REFERENCES `concerns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `concern_events_concern_idx` ON `concern_events` (`concern_id`,`id`);--> statement-breakpoint
CREATE INDEX `concern_events_mail_idx` ON `concern_events` (`mail`,`next_attempt_at`);--> statement-breakpoint
-- SQLite adds a NOT NULL column only with a default; every row then gets its own reference (new rows get one from the schema's $defaultFn).
ALTER TABLE `concerns` ADD `reference` text DEFAULT '' NOT NULL;--> statement-breakpoint
UPDATE `concerns` SET `reference` = 'WP-' || upper(hex(randomblob(4)));--> statement-breakpoint
-- A row written by plain SQL (an operator, a script) gets a reference too; drizzle inserts bring their own.
CREATE TRIGGER `concerns_reference_default` AFTER INSERT ON `concerns` WHEN NEW.`reference` = '' BEGIN
  UPDATE `concerns` SET `reference` = 'WP-' || upper(hex(randomblob(4))) WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
ALTER TABLE `concerns` ADD `follow_token_hash` text;--> statement-breakpoint
CREATE UNIQUE INDEX `concerns_reference` ON `concerns` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `concerns_follow_token_hash` ON `concerns` (`follow_token_hash`);