ALTER TABLE `replaced_crimes` ADD `reported_by` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `crimes` ADD `reported_by` text DEFAULT '' NOT NULL;