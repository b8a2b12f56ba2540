import type { FastifyRequest } from "fastify";

const REDACTED = "[redacted]";

/**
 * A path segment that may be a secret: invitation, reset, confirmation and unsubscribe tokens are
 * 27 or 43 URL-safe characters (packages/auth generateToken; HMAC unsubscribe tokens). Nothing
 * else in our paths is that long and made only of those characters (ward codes are 9, months 7).
 */
const TOKEN_LIKE = /^[A-Za-z0-9_-]{20,}$/;

/**
 * Query parameters whose values are never logged: `input` carries tRPC query inputs (an
 * invitation or reset token, e-mail addresses) and `token` any token passed that way.
 */
const SECRET_PARAMS = new Set(["input", "token"]);

/**
 * The request URL as it may be logged: token-like path segments and secret query parameters
 * replaced by "[redacted]", so a log never holds a link that works (OWASP Logging Cheat Sheet:
 * never log session ids or access tokens).
 */
export function redactUrl(url: string): string {
  const queryAt = url.indexOf("?");
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const redactedPath = path
    .split("/")
    .map((segment) => (TOKEN_LIKE.test(segment) ? REDACTED : segment))
    .join("/");
  if (queryAt === -1) return redactedPath;
  const params = new URLSearchParams(url.slice(queryAt + 1));
  for (const key of [...params.keys()]) if (SECRET_PARAMS.has(key)) params.set(key, REDACTED);
  return `${redactedPath}?${params.toString()}`;
}

/**
 * Fastify's own request serializer (lib/logger-pino.js), with the URL redacted and without the
 * client's address and port: logs outlive the rate-limit window that needs the address.
 */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
  };
}
