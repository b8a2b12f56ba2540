ALTER TABLE `agenda_items` ADD `notes_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `notes_saved_at` integer;--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `notes_saved_by` integer;