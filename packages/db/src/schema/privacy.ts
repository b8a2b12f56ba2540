import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

import { timestamp } from "./columns";
import { wards } from "./wards";

/**
 * A subscriber who unsubscribed, kept as the SHA-256 of their lower-case address once the
 * address itself has been deleted (30 days after unsubscribing): enough to show the unsubscribe
 * was honoured, nothing to write to. See docs/personal-data.md.
 */
export const unsubscribedAddresses = sqliteTable(
  "unsubscribed_addresses",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    wardCode: text("ward_code")
      .notNull()
      .references(() => wards.code),
    /** Hex SHA-256 of the trimmed, lower-case e-mail address. */
    emailHash: text("email_hash").notNull(),
    /** The subscription's unsubscribe token hash, so the link in an old e-mail still answers "unsubscribed". */
    unsubscribeTokenHash: text("unsubscribe_token_hash").notNull().unique(),
    unsubscribedAt: timestamp("unsubscribed_at").notNull(),
  },
  (table) => [uniqueIndex("unsubscribed_addresses_ward_hash").on(table.wardCode, table.emailHash)],
);
