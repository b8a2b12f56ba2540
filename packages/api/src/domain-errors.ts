import { type TRPC_ERROR_CODE_KEY, TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { DomainErrorKind } from "@wardpanel/validators";

/**
 * The one table from a domain error's kind to an API error. tRPC procedures answer with the code
 * (trpc.ts); plain HTTP routes answer with the HTTP status tRPC itself gives that code
 * (apps/server/src/problems.ts), so both say the same thing for the same error.
 */
export const TRPC_CODE_OF_DOMAIN_ERROR: Readonly<Record<DomainErrorKind, TRPC_ERROR_CODE_KEY>> = {
  not_found: "NOT_FOUND",
  conflict: "CONFLICT",
  invalid: "BAD_REQUEST",
  forbidden: "FORBIDDEN",
  too_many_requests: "TOO_MANY_REQUESTS",
};

/** The HTTP status of a domain error's kind: 404, 409, 400, 403, 429. */
export function httpStatusOfDomainError(kind: DomainErrorKind): number {
  return getHTTPStatusCodeFromError(new TRPCError({ code: TRPC_CODE_OF_DOMAIN_ERROR[kind] }));
}
