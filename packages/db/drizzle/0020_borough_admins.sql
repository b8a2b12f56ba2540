DROP INDEX `role_assignments_global_unique`;--> statement-breakpoint
ALTER TABLE `role_assignments` ADD `borough_code` text REFERENCES boroughs(code);--> statement-breakpoint
CREATE UNIQUE INDEX `role_assignments_borough_unique` ON `role_assignments` (`user_id`,`role`,`borough_code`) WHERE "role_assignments"."borough_code" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `role_assignments_global_unique` ON `role_assignments` (`user_id`,`role`) WHERE "role_assignments"."ward_code" is null and "role_assignments"."force" is null and "role_assignments"."borough_code" is null;