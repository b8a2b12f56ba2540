-- WITHOUT ROWID added by hand (drizzle cannot declare it): rows are kept in (vote_id, tracker) order,
-- so nothing in storage follows the order ballots were cast in (decision 0038).
CREATE TABLE `vote_trackers` (
	`vote_id` integer NOT NULL,
	`tracker` text NOT NULL,
	PRIMARY KEY(`vote_id`, `tracker`),
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
