/**
 * @wardpanel/priority-feed — the package a control room's integration team installs.
 *
 * It depends on no other package of Ward Panel's, so it can be vendored or published alone.
 * This first version fixes the feed's identity and versioning; the schema, matcher, syncing
 * client and command-line tool follow (see README.md).
 */

/** The feed's schema version. A consumer refuses a feed whose major version it does not know. */
export const FEED_SCHEMA_VERSION = "1.0.0";

/** Police.uk's response target for calls about an agreed neighbourhood priority (Policing Pledge point 6). */
export const PRIORITY_RESPONSE_TARGET_MINUTES = 60;

/** Whether this package can read a feed of the given schema version (same major version). */
export function canReadSchemaVersion(version: string): boolean {
  const [major] = version.split(".");
  return /^\d+\.\d+\.\d+$/.test(version) && major === FEED_SCHEMA_VERSION.split(".")[0];
}
