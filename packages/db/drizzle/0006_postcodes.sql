CREATE TABLE `postcodes` (
	`pcds` text PRIMARY KEY NOT NULL,
	`outward` text NOT NULL,
	`sector` text NOT NULL,
	`lat` real,
	`lon` real,
	`ward_code` text,
	`terminated_on` text,
	`source` text NOT NULL,
	`ward_assigned_by` text NOT NULL,
	FOREIGN KEY (`ward_code`) REFERENCES `wards`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `postcodes_outward_ward_idx` ON `postcodes` (`outward`,`ward_code`);--> statement-breakpoint
CREATE INDEX `postcodes_sector_ward_idx` ON `postcodes` (`sector`,`ward_code`);