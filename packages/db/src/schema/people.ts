import { type PoliceForceId, ROLES } from "@wardpanel/validators";
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

import { createdAt, timestamp } from "./columns";
import { boroughs, wards } from "./wards";

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** Always stored lower-case. */
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  /** Null until the person accepts their invitation and chooses a password. */
  passwordHash: text("password_hash"),
  isActive: integer("is_active", { mode: "boolean" }).notNull().default(true),
  createdAt: createdAt(),
  lastSignInAt: timestamp("last_sign_in_at"),
});

/**
 * One row per role held. `admin` rows have neither ward, force nor borough; a `borough_admin` is
 * held for one borough (decision 0040); an `analyst` for one police force (its police.uk id); every
 * other role for one ward. Four partial indexes make (person, role, ward, force or borough) unique,
 * since SQLite treats nulls as distinct.
 */
export const roleAssignments = sqliteTable(
  "role_assignments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLES }).notNull(),
    wardCode: text("ward_code").references(() => wards.code),
    /** police.uk force id ("metropolitan"): set for force-wide roles only. */
    force: text("force").$type<PoliceForceId>(),
    /** ONS borough code (E09…): set for borough admins only. */
    boroughCode: text("borough_code").references(() => boroughs.code),
    createdAt: createdAt(),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
  },
  (table) => [
    uniqueIndex("role_assignments_ward_unique")
      .on(table.userId, table.role, table.wardCode)
      .where(sql`${table.wardCode} is not null`),
    uniqueIndex("role_assignments_global_unique")
      .on(table.userId, table.role)
      .where(sql`${table.wardCode} is null and ${table.force} is null and ${table.boroughCode} is null`),
    uniqueIndex("role_assignments_borough_unique")
      .on(table.userId, table.role, table.boroughCode)
      .where(sql`${table.boroughCode} is not null`),
    uniqueIndex("role_assignments_force_unique")
      .on(table.userId, table.role, table.force)
      .where(sql`${table.force} is not null`),
    index("role_assignments_ward_idx").on(table.wardCode, table.role),
  ],
);

/** Why an account link was issued: to choose a first password, or a new one. */
export const ACCOUNT_LINK_PURPOSES = ["invitation", "reset"] as const;

/**
 * Account links: invitations (choose a first password) and password resets (choose a new one).
 * A link works once, until it expires, and only while it is the person's newest; an invitation
 * also stops working once the account has a password. Only the token's SHA-256 is kept.
 */
export const invitations = sqliteTable(
  "invitations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ACCOUNT_LINK_PURPOSES }).notNull().default("invitation"),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at").notNull(),
    /** When the link was used. */
    acceptedAt: timestamp("accepted_at"),
    createdAt: createdAt(),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
  },
  (table) => [index("invitations_user_idx").on(table.userId)],
);

/** Server-side sessions. The id is the SHA-256 of the cookie's token, never the token itself. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at").notNull(),
    createdAt: createdAt(),
  },
  (table) => [index("sessions_user_idx").on(table.userId)],
);
