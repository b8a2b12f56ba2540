import { randomBytes } from "node:crypto";

/** Crockford's base32: no I, L, O or U, so a reference read aloud or copied by hand stays right. */
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** "WP-" and 8 random characters (40 bits): short enough to quote on the phone, unique by index. */
export function newConcernReference(): string {
  let code = "";
  for (const byte of randomBytes(8)) code += CROCKFORD[byte % 32];
  return `WP-${code}`;
}
