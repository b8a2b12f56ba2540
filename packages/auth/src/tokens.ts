import { createHash, createHmac, randomBytes } from "node:crypto";

/** 160 bits of randomness, URL-safe: used for session cookies and invitation links. */
export function generateToken(): string {
  return randomBytes(20).toString("base64url");
}

/**
 * Tokens are stored only as their SHA-256, so a leaked database holds no usable session or
 * invitation (the approach of the Copenhagen Book / Lucia v3 guide).
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * The one-click unsubscribe token of an address for a ward: an HMAC, so every e-mail can carry it
 * again while the database keeps only its hash (subscribers.unsubscribe_token_hash).
 */
export function unsubscribeTokenFor(secret: string, wardCode: string, email: string): string {
  return createHmac("sha256", secret)
    .update(`unsubscribe\n${wardCode}\n${email.trim().toLowerCase()}`)
    .digest("base64url");
}

/**
 * The private follow link's token of a concern: an HMAC of its id, so each status e-mail can carry
 * the same link again while the database keeps only its hash (concerns.follow_token_hash).
 */
export function concernFollowTokenFor(secret: string, concernId: number): string {
  return privateLinkTokenFor(secret, "concern-follow", concernId);
}

/**
 * The private thread link's token of a message to the team: the same scheme as a concern's, under
 * its own purpose, so a concern's token never opens a message with the same id.
 */
export function messageThreadTokenFor(secret: string, messageId: number): string {
  return privateLinkTokenFor(secret, "message-thread", messageId);
}

/** An HMAC-SHA-256 of a purpose and a row id, URL-safe: a private link the database keeps only the hash of. */
function privateLinkTokenFor(secret: string, purpose: string, id: number): string {
  return createHmac("sha256", secret).update(`${purpose}\n${id}`).digest("base64url");
}
