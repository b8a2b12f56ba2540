CREATE TABLE `message_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`message_id` integer NOT NULL,
	`kind` text NOT NULL,
	`detail` text NOT NULL,
	`author_id` integer,
	`mail` text DEFAULT 'none' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`last_error` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`message_id`) REFERENCES `team_messages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `message_events_message_idx` ON `message_events` (`message_id`,`id`);--> statement-breakpoint
CREATE INDEX `message_events_mail_idx` ON `message_events` (`mail`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `team_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ward_code` text NOT NULL,
	`reference` text NOT NULL,
	`topic` text NOT NULL,
	`body` text NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`contact_email` text DEFAULT '' NOT NULL,
	`contact_phone` text DEFAULT '' NOT NULL,
	`has_consent` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`assignee_id` integer,
	`thread_token_hash` text,
	`received_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`first_response_at` integer,
	FOREIGN KEY (`ward_code`) REFERENCES `wards`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `team_messages_ward_idx` ON `team_messages` (`ward_code`,`received_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `team_messages_reference` ON `team_messages` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `team_messages_thread_token_hash` ON `team_messages` (`thread_token_hash`);