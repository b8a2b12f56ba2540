import type { Db } from "../client";
import { findApiKeyByKey, storeApiKey } from "../queries/api-keys";
import { DEMO_BOROUGH } from "./demo";

/**
 * The demo's control-room key. It is a fixed, published value so the demo can print it at every
 * start-up (a real key is shown once and only its hash kept). It reads Camden only, and it is
 * only ever stored in a demo database: a real deployment runs with DEMO_DATA=false.
 */
export const DEMO_API_KEY = "wp_demo_camden-control-room-demo-key-not-secret";
const DEMO_API_KEY_NAME = "Demo control room (Camden)";

/** Stores the demo key once. Returns the plain key when it was just created, null if it existed. */
export function ensureDemoApiKey(db: Db): string | null {
  if (findApiKeyByKey(db, DEMO_API_KEY)) return null;
  storeApiKey(db, { name: DEMO_API_KEY_NAME, key: DEMO_API_KEY, boroughCodes: [DEMO_BOROUGH.code], now: new Date() });
  return DEMO_API_KEY;
}

/** The demo key if this database holds it and it has not been revoked: what start-up prints. */
export function getDemoApiKey(db: Db): string | null {
  const found = findApiKeyByKey(db, DEMO_API_KEY);
  return found && found.revokedAt === null ? DEMO_API_KEY : null;
}
