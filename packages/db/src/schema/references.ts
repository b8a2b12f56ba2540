import { randomBytes } from "node:crypto";

/** Crockford's base32: no I, L, O or U, so a reference read aloud or copied by hand stays right. */
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * A prefix and 8 random characters (40 bits): short enough to quote on the phone, unique by each
 * table's index. The prefix says what it refers to, so whoever hears one knows where to look.
 */
export function newReference(prefix: "WP" | "WM"): string {
  let code = "";
  for (const byte of randomBytes(8)) code += CROCKFORD[byte % 32];
  return `${prefix}-${code}`;
}

/** A concern's reference: "WP-7K3M9QXD". */
export const newConcernReference = () => newReference("WP");

/** A message to the team's reference: "WM-7K3M9QXD" (WM for "ward message"; decision 0021). */
export const newMessageReference = () => newReference("WM");
