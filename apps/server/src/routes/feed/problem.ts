import type { FastifyError, FastifyInstance, FastifyReply } from "fastify";
import { describeFault } from "@wardpanel/api";
import { DomainError, type DomainErrorKind } from "@wardpanel/validators";
import type { z } from "zod";

/**
 * Every 4xx from the feed is an RFC 9457 problem (https://www.rfc-editor.org/rfc/rfc9457) naming
 * the field at fault, so an integration team can fix the request without reading our code.
 */
export type ProblemBody = { type: string; title: string; status: number; detail: string; field?: string };

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorised",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  410: "Gone",
  413: "Request too large",
  415: "Unsupported media type",
  429: "Too many requests",
};

/** Stable problem types: a consumer may switch on `type` rather than parse `detail`. */
export function problemType(slug: string): string {
  return `https://wardpanel.org/problems/feed/${slug}`;
}

export function sendProblem(reply: FastifyReply, status: number, detail: string, options: { field?: string | undefined; slug?: string } = {}): FastifyReply {
  const body: ProblemBody = {
    type: problemType(options.slug ?? String(status)),
    title: TITLES[status] ?? "Error",
    status,
    detail,
    ...(options.field ? { field: options.field } : {}),
  };
  return reply.code(status).header("cache-control", "no-store").type("application/problem+json").send(body);
}

/** The first issue of a zod error, with its path written as a field name: `responses[2].receivedAt`. */
export function sendInvalid(reply: FastifyReply, error: z.ZodError, prefix = ""): FastifyReply {
  const issue = error.issues[0];
  const path = (issue?.path ?? []).reduce<string>((acc, part) => (typeof part === "number" ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)), prefix);
  return sendProblem(reply, 400, issue?.message ?? "The request is not valid", { field: path || undefined, slug: "invalid" });
}

const STATUS_OF: Record<DomainErrorKind, number> = { not_found: 404, conflict: 409, invalid: 400, forbidden: 403, too_many_requests: 429 };

/**
 * One error handler for the feed's routes: domain errors and Fastify's own 4xx (bad JSON, body
 * too large, wrong content type) become problems; anything else is logged with an error id and
 * answered without the error's own words: 503 when the database could not take the request,
 * otherwise 500. The id is an extension member (`errorId`, RFC 9457 section 3.2).
 */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    if (error instanceof DomainError) return sendProblem(reply, STATUS_OF[error.kind], error.message, { field: error.field, slug: error.kind });
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return sendProblem(reply, status, error.message, { field: "body", slug: error.code ?? String(status) });
    const fault = describeFault(error, { isWrite: request.method !== "GET" && request.method !== "HEAD" });
    request.log.error({ err: error, errorId: fault.errorId }, fault.status === 503 ? "the database could not take the feed request" : "feed request failed");
    const body = fault.status === 503
      ? { type: problemType("database-unavailable"), title: "Service unavailable", status: 503, detail: fault.message, errorId: fault.errorId }
      : { type: problemType("500"), title: "Internal error", status: 500, detail: fault.message, errorId: fault.errorId };
    return reply.code(fault.status).header("cache-control", "no-store").type("application/problem+json").send(body);
  });
  app.setNotFoundHandler((request, reply) => sendProblem(reply, 404, `${request.method} ${request.url.split("?")[0]} is not part of the feed; see /feed/v1/openapi.json`));
}
