import { OFFICER_RANKS } from "@wardpanel/validators";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

import { createdAt, timestamp } from "./columns";
import { users } from "./people";
import { wards } from "./wards";

/** A ward's panel. Its chair and members are the people holding those roles for the ward. */
export const panels = sqliteTable("panels", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  wardCode: text("ward_code")
    .notNull()
    .unique()
    .references(() => wards.code),
  name: text("name").notNull(),
  /** See @wardpanel/meetings/quorum: by default more than half of the voting members. */
  quorumKind: text("quorum_kind", { enum: ["more_than_half", "fixed"] })
    .notNull()
    .default("more_than_half"),
  quorumMinimum: integer("quorum_minimum"),
  /** At most this many active priorities at once (inspectors: a few, specific ones). */
  maxActivePriorities: integer("max_active_priorities").notNull().default(3),
  createdAt: createdAt(),
});

/** How the public reaches a ward's Safer Neighbourhoods Team (Policing Pledge point 2). */
export const teams = sqliteTable("teams", {
  wardCode: text("ward_code")
    .primaryKey()
    .references(() => wards.code),
  baseName: text("base_name"),
  baseAddress: text("base_address"),
  email: text("email"),
  phone: text("phone"),
  publicNote: text("public_note"),
  updatedAt: timestamp("updated_at"),
});

/** The ranks, defined with the forms that write them (@wardpanel/validators); stored as these words. */
export { OFFICER_RANKS };

/** The officers of a team as the public sees them; a sergeant's sign-in is a separate matter. */
export const officers = sqliteTable("officers", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  wardCode: text("ward_code")
    .notNull()
    .references(() => wards.code),
  name: text("name").notNull(),
  rank: text("rank", { enum: OFFICER_RANKS }).notNull(),
  /** The officer's own work e-mail address shown to the public, or null (the team's is shown). */
  email: text("email"),
  userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
  sortOrder: integer("sort_order").notNull().default(0),
});
