import { describe, expect, it } from "vitest";

import { apiKeys } from "../schema";
import { DEMO_API_KEY, ensureDemoApiKey, getDemoApiKey } from "../seed/demo-feed";
import { createTestDb } from "../testing";
import { authenticateApiKey, createApiKey, hashApiKey, listApiKeys, revokeApiKey, touchApiKey } from "./api-keys";

const CAMDEN = "E09000007";
const NOW = new Date("2026-11-25T12:00:00Z");

describe("API keys", () => {
  it("issues a random key, stores only its SHA-256 hash, and knows it again", () => {
    const db = createTestDb();
    const { id, key, prefix } = createApiKey(db, { name: "Met Command and Control", boroughCodes: [CAMDEN], now: NOW });
    expect(key).toMatch(/^wp_live_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(prefix)).toBe(true);
    const stored = db.select().from(apiKeys).all();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.keyHash).toBe(hashApiKey(key));
    expect(JSON.stringify(stored)).not.toContain(key);
    expect(authenticateApiKey(db, key)).toEqual({ id, name: "Met Command and Control", boroughCodes: [CAMDEN] });
    expect(authenticateApiKey(db, `${key}x`)).toBeNull();
  });

  it("refuses an unknown borough and an empty name, naming the field", () => {
    const db = createTestDb();
    expect(() => createApiKey(db, { name: "X", boroughCodes: ["E09999999"], now: NOW })).toThrow(
      expect.objectContaining({ field: "boroughCodes" }),
    );
    expect(() => createApiKey(db, { name: " ", boroughCodes: [], now: NOW })).toThrow(
      expect.objectContaining({ field: "name" }),
    );
  });

  it("stops a revoked key at once and lists it after live ones", () => {
    const db = createTestDb();
    const revoked = createApiKey(db, { name: "A control room", boroughCodes: [], now: NOW });
    createApiKey(db, { name: "B control room", boroughCodes: [], now: NOW });
    revokeApiKey(db, { id: revoked.id, now: NOW });
    expect(authenticateApiKey(db, revoked.key)).toBeNull();
    expect(listApiKeys(db).map((k) => [k.name, k.revokedAt !== null])).toEqual([
      ["B control room", false],
      ["A control room", true],
    ]);
    expect(() => revokeApiKey(db, { id: 999, now: NOW })).toThrow("There is no such API key");
  });

  it("records last use at most once a minute", () => {
    const db = createTestDb();
    const { id } = createApiKey(db, { name: "A", boroughCodes: [], now: NOW });
    expect(touchApiKey(db, { id, now: NOW, minIntervalMs: 60_000 })).toBe(true);
    expect(touchApiKey(db, { id, now: new Date(NOW.getTime() + 30_000), minIntervalMs: 60_000 })).toBe(false);
    expect(touchApiKey(db, { id, now: new Date(NOW.getTime() + 61_000), minIntervalMs: 60_000 })).toBe(true);
    expect(listApiKeys(db)[0]!.lastUsedAt).toEqual(new Date(NOW.getTime() + 61_000));
  });

  it("stores the documented demo key once, and can name it at every start", () => {
    const db = createTestDb();
    expect(getDemoApiKey(db)).toBeNull();
    expect(ensureDemoApiKey(db)).toBe(DEMO_API_KEY);
    expect(ensureDemoApiKey(db)).toBeNull();
    expect(getDemoApiKey(db)).toBe(DEMO_API_KEY);
    expect(authenticateApiKey(db, DEMO_API_KEY)?.boroughCodes).toEqual([CAMDEN]);
  });
});
