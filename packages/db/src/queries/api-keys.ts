import { createHash, randomBytes } from "node:crypto";

import { DomainError } from "@wardpanel/validators";
import { and, asc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";

import type { Db } from "../client";
import { returnedRow } from "../returned-row";
import { apiKeys, boroughs } from "../schema";

/**
 * Control rooms' keys to the priority feed. A key is 32 random bytes, so a plain SHA-256 of it
 * cannot be brute-forced and needs no salt or slow hash (docs/decisions/0007); the hash is what
 * is stored and looked up, and the key itself is shown once, when it is made.
 */

const API_KEY_PREFIX = "wp_live_";
/** How many leading characters of a key are kept to tell keys apart in lists. */
const SHOWN_PREFIX_LENGTH = 12;

/** A key as lists show it: everything but its hash. */
type ApiKeySummary = Omit<typeof apiKeys.$inferSelect, "keyHash">;

/** What a request authenticated with a key may see. Empty `boroughCodes` means all of London. */
export type ApiKeyPrincipal = { id: number; name: string; boroughCodes: string[] };

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

function generateApiKey(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
}

function assertBoroughsExist(db: Db, boroughCodes: readonly string[]): void {
  if (boroughCodes.length === 0) return;
  const known = new Set(
    db
      .select({ code: boroughs.code })
      .from(boroughs)
      .where(inArray(boroughs.code, [...boroughCodes]))
      .all()
      .map((b) => b.code),
  );
  const unknown = boroughCodes.filter((code) => !known.has(code));
  if (unknown.length > 0) throw new DomainError("invalid", `No such borough: ${unknown.join(", ")}`, "boroughCodes");
}

type CreateApiKeyParams = { name: string; boroughCodes: readonly string[]; now: Date };

/** Issues a key; the returned `key` is never stored and cannot be shown again. */
export function createApiKey(db: Db, params: CreateApiKeyParams): { id: number; key: string; prefix: string } {
  const key = generateApiKey();
  return { ...storeApiKey(db, { ...params, key }), key };
}

/** Stores a key the caller chose (the documented demo key); prefer createApiKey. */
export function storeApiKey(db: Db, params: CreateApiKeyParams & { key: string }): { id: number; prefix: string } {
  const name = params.name.trim();
  if (name === "") throw new DomainError("invalid", "Name the control room the key is for", "name");
  const boroughCodes = [...new Set(params.boroughCodes)].sort();
  assertBoroughsExist(db, boroughCodes);
  const prefix = params.key.slice(0, SHOWN_PREFIX_LENGTH);
  const id = returnedRow(
    db
      .insert(apiKeys)
      .values({ name, keyHash: hashApiKey(params.key), prefix, boroughCodes, createdAt: params.now })
      .returning({ id: apiKeys.id }),
  ).id;
  return { id, prefix };
}

const summaryColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  boroughCodes: apiKeys.boroughCodes,
  createdAt: apiKeys.createdAt,
  revokedAt: apiKeys.revokedAt,
  lastUsedAt: apiKeys.lastUsedAt,
};

/** Every feed request looks its key up, so the statement is prepared once per connection. */
const lookups = new WeakMap<Db, ReturnType<typeof prepareLookup>>();
function prepareLookup(db: Db) {
  return db
    .select(summaryColumns)
    .from(apiKeys)
    .where(eq(apiKeys.keyHash, sql.placeholder("hash")))
    .prepare();
}

export function findApiKeyByKey(db: Db, key: string): ApiKeySummary | null {
  let lookup = lookups.get(db);
  if (!lookup) lookups.set(db, (lookup = prepareLookup(db)));
  return lookup.get({ hash: hashApiKey(key) }) ?? null;
}

/** The key's holder if the key exists and is not revoked; null otherwise (the caller answers 401). */
export function authenticateApiKey(db: Db, key: string): ApiKeyPrincipal | null {
  const found = findApiKeyByKey(db, key);
  if (!found || found.revokedAt !== null) return null;
  return { id: found.id, name: found.name, boroughCodes: found.boroughCodes };
}

/**
 * Records use, at most once per `minIntervalMs` per key: a busy control room would otherwise
 * turn every read into a write. Returns whether a write happened.
 */
export function touchApiKey(db: Db, params: { id: number; now: Date; minIntervalMs: number }): boolean {
  const staleBefore = new Date(params.now.getTime() - params.minIntervalMs);
  return (
    db
      .update(apiKeys)
      .set({ lastUsedAt: params.now })
      .where(and(eq(apiKeys.id, params.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, staleBefore))))
      .run().changes > 0
  );
}

/** Every key, live ones first, without their hashes. */
export function listApiKeys(db: Db): ApiKeySummary[] {
  const keys = db.select(summaryColumns).from(apiKeys).orderBy(asc(apiKeys.name), asc(apiKeys.id)).all();
  return keys.sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null));
}

/** Revokes a key at once; revoking again keeps the first time. */
export function revokeApiKey(db: Db, params: { id: number; now: Date }): void {
  const key = db.select({ revokedAt: apiKeys.revokedAt }).from(apiKeys).where(eq(apiKeys.id, params.id)).get();
  if (!key) throw new DomainError("not_found", "There is no such API key");
  if (key.revokedAt === null) db.update(apiKeys).set({ revokedAt: params.now }).where(eq(apiKeys.id, params.id)).run();
}
