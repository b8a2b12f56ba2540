CREATE TABLE `crime_import_stages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`force` text NOT NULL,
	`month` text NOT NULL,
	`held_import_id` integer,
	`street_file_name` text,
	`street_content` blob,
	`outcomes_file_name` text,
	`outcomes_content` blob,
	`created_by` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `crime_import_stages_expiry_idx` ON `crime_import_stages` (`expires_at`);--> statement-breakpoint
CREATE TABLE `replaced_crimes` (
	`replaced_by` integer NOT NULL,
	`id` text NOT NULL,
	`crime_id` text,
	`month` text NOT NULL,
	`force` text NOT NULL,
	`placement` text NOT NULL,
	`ward_code` text,
	`borough_code` text,
	`category` text NOT NULL,
	`lon` real,
	`lat` real,
	`location` text DEFAULT '' NOT NULL,
	`lsoa_code` text DEFAULT '' NOT NULL,
	`outcome` text DEFAULT '' NOT NULL,
	`outcome_group` text DEFAULT '' NOT NULL,
	`outcome_month` text,
	PRIMARY KEY(`replaced_by`, `id`),
	FOREIGN KEY (`replaced_by`) REFERENCES `crime_imports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`ward_code`) REFERENCES `wards`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
DROP INDEX `role_assignments_global_unique`;--> statement-breakpoint
ALTER TABLE `role_assignments` ADD `force` text;--> statement-breakpoint
CREATE UNIQUE INDEX `role_assignments_force_unique` ON `role_assignments` (`user_id`,`role`,`force`) WHERE "role_assignments"."force" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `role_assignments_global_unique` ON `role_assignments` (`user_id`,`role`) WHERE "role_assignments"."ward_code" is null and "role_assignments"."force" is null;--> statement-breakpoint
ALTER TABLE `agenda_papers` ADD `withdrawn_at` integer;--> statement-breakpoint
ALTER TABLE `agenda_papers` ADD `withdrawn_reason` text;--> statement-breakpoint
ALTER TABLE `agenda_papers` ADD `withdrawn_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `crime_imports` ADD `rows_before` integer;--> statement-breakpoint
ALTER TABLE `crime_imports` ADD `rows_after` integer;--> statement-breakpoint
ALTER TABLE `crime_imports` ADD `restored_from` integer;--> statement-breakpoint
CREATE INDEX `crime_imports_force_month_idx` ON `crime_imports` (`force`,`month`);