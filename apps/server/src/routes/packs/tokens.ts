import { createHmac } from "node:crypto";

/**
 * The one-click unsubscribe token of an address for a ward: an HMAC, so every e-mail can carry it
 * again while the database keeps only its hash (subscribers.unsubscribe_token_hash).
 */
export function unsubscribeTokenFor(secret: string, wardCode: string, email: string): string {
  return createHmac("sha256", secret).update(`unsubscribe\n${wardCode}\n${email.trim().toLowerCase()}`).digest("base64url");
}
