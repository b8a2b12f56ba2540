CREATE TABLE `feed_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`priority_id` integer NOT NULL,
	`kind` text NOT NULL,
	`version` integer NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `feed_changes_priority_idx` ON `feed_changes` (`priority_id`);--> statement-breakpoint
CREATE TABLE `priorities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ward_code` text NOT NULL,
	`title` text NOT NULL,
	`problem` text DEFAULT '' NOT NULL,
	`category` text,
	`area` text,
	`streets` text DEFAULT '[]' NOT NULL,
	`postcodes` text DEFAULT '[]' NOT NULL,
	`place_name` text DEFAULT '' NOT NULL,
	`wanted_action` text DEFAULT '' NOT NULL,
	`success_measure` text DEFAULT '' NOT NULL,
	`start_date` text,
	`review_date` text,
	`owner` text DEFAULT '' NOT NULL,
	`is_call_handling_flagged` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`status_date` text,
	`status_reason` text DEFAULT '' NOT NULL,
	`decided_at_meeting_id` integer,
	`vote_id` integer,
	`concern_id` integer,
	`superseded_by_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`published_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`ward_code`) REFERENCES `wards`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_at_meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`concern_id`) REFERENCES `concerns`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `priorities_ward_status_idx` ON `priorities` (`ward_code`,`status`);--> statement-breakpoint
CREATE TABLE `priority_progress` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`priority_id` integer NOT NULL,
	`month` text NOT NULL,
	`police_action` text NOT NULL,
	`partner_action` text DEFAULT '' NOT NULL,
	`what_changed` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`priority_id`) REFERENCES `priorities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `priority_progress_priority_idx` ON `priority_progress` (`priority_id`,`month`);--> statement-breakpoint
CREATE TABLE `vote_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`vote_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`type` text NOT NULL,
	`at` text NOT NULL,
	`payload` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vote_entries_vote_seq` ON `vote_entries` (`vote_id`,`seq`);--> statement-breakpoint
CREATE TABLE `vote_receipts` (
	`vote_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`voted_at` integer NOT NULL,
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vote_receipts_vote_user` ON `vote_receipts` (`vote_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `votes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ward_code` text NOT NULL,
	`meeting_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`config` text NOT NULL,
	`token_secret` text NOT NULL,
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
CREATE INDEX `votes_ward_idx` ON `votes` (`ward_code`);--> statement-breakpoint
CREATE TABLE `api_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`key_hash` text NOT NULL,
	`prefix` text NOT NULL,
	`borough_codes` text DEFAULT '[]' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`revoked_at` integer,
	`last_used_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_key_hash_unique` ON `api_keys` (`key_hash`);--> statement-breakpoint
CREATE TABLE `call_responses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`api_key_id` integer NOT NULL,
	`call_reference` text NOT NULL,
	`priority_id` integer NOT NULL,
	`received_at` integer NOT NULL,
	`arrived_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`api_key_id`) REFERENCES `api_keys`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`priority_id`) REFERENCES `priorities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `call_responses_key_call_priority` ON `call_responses` (`api_key_id`,`call_reference`,`priority_id`);--> statement-breakpoint
CREATE INDEX `call_responses_priority_idx` ON `call_responses` (`priority_id`);--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`endpoint_id` integer NOT NULL,
	`message_id` text NOT NULL,
	`payload` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`delivered_at` integer,
	`failed_at` integer,
	`last_error` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`endpoint_id`) REFERENCES `webhook_endpoints`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_deliveries_message_id_unique` ON `webhook_deliveries` (`message_id`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_due_idx` ON `webhook_deliveries` (`delivered_at`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `webhook_endpoints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`api_key_id` integer NOT NULL,
	`url` text NOT NULL,
	`secret` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`disabled_at` integer,
	FOREIGN KEY (`api_key_id`) REFERENCES `api_keys`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `crime_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`force` text NOT NULL,
	`month` text NOT NULL,
	`file_name` text NOT NULL,
	`summary` text NOT NULL,
	`imported_at` integer NOT NULL,
	`imported_by` integer,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `crimes` (
	`id` text PRIMARY KEY NOT NULL,
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
	FOREIGN KEY (`ward_code`) REFERENCES `wards`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `crimes_ward_month_idx` ON `crimes` (`ward_code`,`month`);--> statement-breakpoint
CREATE INDEX `crimes_crime_id_idx` ON `crimes` (`crime_id`);--> statement-breakpoint
CREATE INDEX `crimes_force_month_idx` ON `crimes` (`force`,`month`);--> statement-breakpoint
CREATE TABLE `pack_emails` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pack_id` integer NOT NULL,
	`subscriber_id` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`sent_at` integer,
	`failed_at` integer,
	`last_error` text,
	FOREIGN KEY (`pack_id`) REFERENCES `packs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pack_emails_pack_subscriber` ON `pack_emails` (`pack_id`,`subscriber_id`);--> statement-breakpoint
CREATE INDEX `pack_emails_due_idx` ON `pack_emails` (`sent_at`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `packs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ward_code` text NOT NULL,
	`month` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`commentary` text DEFAULT '' NOT NULL,
	`partner_actions` text DEFAULT '' NOT NULL,
	`published` text,
	`published_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`ward_code`) REFERENCES `wards`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `packs_ward_month` ON `packs` (`ward_code`,`month`);--> statement-breakpoint
CREATE TABLE `subscribers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ward_code` text NOT NULL,
	`email` text NOT NULL,
	`confirm_token_hash` text NOT NULL,
	`unsubscribe_token_hash` text NOT NULL,
	`confirmed_at` integer,
	`unsubscribed_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`ward_code`) REFERENCES `wards`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subscribers_confirm_token_hash_unique` ON `subscribers` (`confirm_token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `subscribers_unsubscribe_token_hash_unique` ON `subscribers` (`unsubscribe_token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `subscribers_ward_email` ON `subscribers` (`ward_code`,`email`);--> statement-breakpoint
ALTER TABLE `concerns` ADD `lon` real;--> statement-breakpoint
ALTER TABLE `concerns` ADD `lat` real;--> statement-breakpoint
ALTER TABLE `concerns` ADD `postcode` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `concerns` ADD `status` text DEFAULT 'new' NOT NULL;--> statement-breakpoint
ALTER TABLE `concerns` ADD `raised_count` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `concerns` ADD `merged_into_id` integer;--> statement-breakpoint
ALTER TABLE `concerns` ADD `rejection_reason` text DEFAULT '' NOT NULL;