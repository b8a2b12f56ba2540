CREATE TABLE `minutes_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`minutes_version_id` integer NOT NULL,
	`kind` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`at` integer NOT NULL,
	`by` integer,
	FOREIGN KEY (`minutes_version_id`) REFERENCES `minutes_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `minutes_events_version_idx` ON `minutes_events` (`minutes_version_id`,`id`);--> statement-breakpoint
CREATE TABLE `record_removals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`kind` text NOT NULL,
	`record_id` integer NOT NULL,
	`summary` text NOT NULL,
	`rows` text NOT NULL,
	`removed_at` integer NOT NULL,
	`removed_by` integer,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`removed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `record_removals_meeting_idx` ON `record_removals` (`meeting_id`);