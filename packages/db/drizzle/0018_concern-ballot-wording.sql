ALTER TABLE `concerns` ADD `ballot_wording` text;--> statement-breakpoint
ALTER TABLE `concerns` ADD `ballot_wording_by` integer;--> statement-breakpoint
ALTER TABLE `concerns` ADD `ballot_wording_at` integer;