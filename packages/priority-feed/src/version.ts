/** The feed's schema version. A consumer refuses a feed whose major version it does not know. */
export const FEED_SCHEMA_VERSION = "1.0.0";

/** Police.uk's response target for calls about an agreed neighbourhood priority (Policing Pledge point 6). */
export const PRIORITY_RESPONSE_TARGET_MINUTES = 60;

/** Whether this package can read a feed of the given schema version (same major version). */
export function canReadSchemaVersion(version: string): boolean {
  const [major] = version.split(".");
  return /^\d+\.\d+\.\d+$/.test(version) && major === FEED_SCHEMA_VERSION.split(".")[0];
}
