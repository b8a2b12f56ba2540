PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_votes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ward_code` text NOT NULL,
	`meeting_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`config` text NOT NULL,
	`token_secret` text,
	`result` text,
	`final_hash` text,
	`opened_at` integer,
	`closed_at` integer,
	`published_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`ward_code`) REFERENCES `wards`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
INSERT INTO `__new_votes`("id", "ward_code", "meeting_id", "status", "config", "token_secret", "result", "final_hash", "opened_at", "closed_at", "published_at", "created_at", "created_by") SELECT "id", "ward_code", "meeting_id", "status", "config", "token_secret", "result", "final_hash", "opened_at", "closed_at", "published_at", "created_at", "created_by" FROM `votes`;--> statement-breakpoint
DROP TABLE `votes`;--> statement-breakpoint
ALTER TABLE `__new_votes` RENAME TO `votes`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `votes_ward_idx` ON `votes` (`ward_code`);--> statement-breakpoint
ALTER TABLE `invitations` ADD `purpose` text DEFAULT 'invitation' NOT NULL;--> statement-breakpoint
ALTER TABLE `vote_receipts` DROP COLUMN `voted_at`;