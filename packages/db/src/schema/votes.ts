import { ENTRY_TYPES, type VoteConfig, type VoteResult } from "@wardpanel/voting";
import { VOTE_STATUSES } from "@wardpanel/voting/vote-lifecycle";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

import { createdAt, timestamp } from "./columns";
import { meetings } from "./meetings";
import { users } from "./people";
import { wards } from "./wards";

/**
 * A panel vote on a shortlist. Its settings are fixed before it opens; from opening on, every
 * state change and ballot is an entry in `vote_entries`, a SHA-256 hash chain (@wardpanel/voting).
 */
export const votes = sqliteTable(
  "votes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    wardCode: text("ward_code")
      .notNull()
      .references(() => wards.code),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    status: text("status", { enum: VOTE_STATUSES }).notNull().default("draft"),
    /** @wardpanel/voting VoteConfig: method, seats, secrecy, tie-break, candidates. */
    config: text("config", { mode: "json" }).$type<VoteConfig>().notNull(),
    /**
     * Keys the pseudonymous voter tokens of a secret ballot while it is open; never published, and
     * deleted at close so nothing left links a token, and so a ballot, to a member. Null otherwise.
     */
    tokenSecret: text("token_secret"),
    /** @wardpanel/voting VoteResult, once closed. */
    result: text("result", { mode: "json" }).$type<VoteResult>(),
    finalHash: text("final_hash"),
    openedAt: timestamp("opened_at"),
    closedAt: timestamp("closed_at"),
    publishedAt: timestamp("published_at"),
    createdAt: createdAt(),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
  },
  (table) => [index("votes_ward_idx").on(table.wardCode)],
);

/** The hash chain, one row per entry, in order. */
export const voteEntries = sqliteTable(
  "vote_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    voteId: integer("vote_id")
      .notNull()
      .references(() => votes.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    type: text("type", { enum: ENTRY_TYPES }).notNull(),
    at: text("at").notNull(),
    /** Its shape depends on `type` (@wardpanel/voting payloads), so it stays `unknown` here. */
    payload: text("payload", { mode: "json" }).notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (table) => [uniqueIndex("vote_entries_vote_seq").on(table.voteId, table.seq)],
);

/**
 * Who has voted (online, or recorded as voting on paper), so a second ballot is refused by the
 * database as well as by the code. Deliberately no time: a receipt's time would match its ballot's.
 * A secret vote's receipts are rewritten in member order at close, so row order says nothing either.
 */
export const voteReceipts = sqliteTable(
  "vote_receipts",
  {
    voteId: integer("vote_id")
      .notNull()
      .references(() => votes.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
  },
  (table) => [uniqueIndex("vote_receipts_vote_user").on(table.voteId, table.userId)],
);

/**
 * A secret vote's ballot trackers (decision 0038): one random tracker per ballot, drawn at cast
 * and returned to the voter, stored with nothing that links it to the ballot entry or the member —
 * no row id, no time. The migration declares the table WITHOUT ROWID (drizzle cannot), so rows are
 * kept in primary-key order (vote, tracker), which is random, not cast order. Listed, sorted, in
 * the chain's "trackers" entry at close.
 */
export const voteTrackers = sqliteTable(
  "vote_trackers",
  {
    voteId: integer("vote_id")
      .notNull()
      .references(() => votes.id, { onDelete: "cascade" }),
    /** "K3F9-2QXA-7M": 10 Crockford base32 characters. */
    tracker: text("tracker").notNull(),
  },
  (table) => [primaryKey({ columns: [table.voteId, table.tracker] })],
);
