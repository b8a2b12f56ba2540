ALTER TABLE `wards` ADD `in_force_from` text;--> statement-breakpoint
ALTER TABLE `wards` ADD `retired_on` text;