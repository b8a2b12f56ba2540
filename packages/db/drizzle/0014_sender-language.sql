ALTER TABLE `concerns` ADD `language` text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE `team_messages` ADD `language` text DEFAULT 'en' NOT NULL;