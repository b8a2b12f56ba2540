CREATE TABLE `unsubscribed_addresses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ward_code` text NOT NULL,
	`email_hash` text NOT NULL,
	`unsubscribe_token_hash` text NOT NULL,
	`unsubscribed_at` integer NOT NULL,
	FOREIGN KEY (`ward_code`) REFERENCES `wards`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `unsubscribed_addresses_unsubscribe_token_hash_unique` ON `unsubscribed_addresses` (`unsubscribe_token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `unsubscribed_addresses_ward_hash` ON `unsubscribed_addresses` (`ward_code`,`email_hash`);