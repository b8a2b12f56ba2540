import { describeFault, httpStatusOfDomainError } from "@wardpanel/api";
import { DomainError } from "@wardpanel/validators";
import type { FastifyError, FastifyInstance, FastifyReply } from "fastify";

/**
 * Every refusal and failure of a plain HTTP route is an RFC 9457 problem
 * (https://www.rfc-editor.org/rfc/rfc9457): `detail` says what is wrong and `field` names the
 * part of the request at fault where it is known, so a client can act on it without reading our
 * code. Extension members (section 3.2) carry the rest: `errorId` of a fault, the comparison of
 * an upload that waits to be confirmed.
 */
type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail: string;
  field?: string;
  errorId?: string;
  [extension: string]: unknown;
};

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorised",
  403: "Forbidden",
  404: "Not found",
  406: "Not acceptable",
  409: "Conflict",
  410: "Gone",
  413: "Request too large",
  415: "Unsupported media type",
  429: "Too many requests",
  500: "Internal error",
  503: "Service unavailable",
};

/**
 * Problem types are stable URIs a client may switch on rather than parse `detail`. The feed's
 * keep their own namespace (`…/problems/feed/…`), which control rooms already switch on.
 */
export type ProblemOptions = {
  field?: string | undefined;
  slug?: string;
  namespace?: string | undefined;
  extensions?: Record<string, unknown>;
};

function problemType(slug: string, namespace?: string): string {
  return `https://wardpanel.org/problems/${namespace ? `${namespace}/` : ""}${slug}`;
}

export function sendProblem(
  reply: FastifyReply,
  status: number,
  detail: string,
  { field, slug, namespace, extensions }: ProblemOptions = {},
): FastifyReply {
  const body: ProblemBody = {
    type: problemType(slug ?? String(status), namespace),
    title: TITLES[status] ?? "Error",
    status,
    detail,
    ...(field ? { field } : {}),
    ...extensions,
  };
  return reply.code(status).header("cache-control", "no-store").type("application/problem+json").send(body);
}

/**
 * A refusal that is about the request rather than the domain: not signed in (401), a file too
 * large (413) or of a type we do not take (415), or an answer with extension members. Domain
 * code throws DomainError instead, whose status comes from the API's one table.
 */
export class HttpProblem extends Error {
  override name = "HttpProblem";

  constructor(
    readonly status: number,
    detail: string,
    readonly options: Omit<ProblemOptions, "namespace"> = {},
  ) {
    super(detail);
  }
}

/**
 * The one error handler of the plain HTTP routes, installed on the root (and again in the feed's
 * scope, for its namespace). A DomainError gets the HTTP status tRPC gives its kind
 * (packages/api/src/domain-errors.ts); an HttpProblem its own; Fastify's own 4xx (bad JSON, body
 * too large, wrong content type) keep their status and words. Anything else is ours: logged with
 * an error id and answered without its own words (decision 0010), 503 when the database could
 * not take the request, otherwise 500.
 */
export function installProblemHandler(app: FastifyInstance, { namespace }: { namespace?: string } = {}): void {
  app.setErrorHandler((error: FastifyError | DomainError | HttpProblem, request, reply) => {
    if (error instanceof DomainError)
      return sendProblem(reply, httpStatusOfDomainError(error.kind), error.message, {
        field: error.field,
        slug: error.kind,
        namespace,
      });
    if (error instanceof HttpProblem)
      return sendProblem(reply, error.status, error.message, { ...error.options, namespace });
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500)
      return sendProblem(reply, status, error.message, {
        field: "body",
        slug: error.code ?? String(status),
        namespace,
      });
    const fault = describeFault(error, { isWrite: request.method !== "GET" && request.method !== "HEAD" });
    request.log.error(
      { err: error, errorId: fault.errorId },
      fault.status === 503 ? "the database could not take the request" : "request failed",
    );
    return sendProblem(reply, fault.status, fault.message, {
      slug: fault.status === 503 ? "database-unavailable" : "500",
      namespace,
      extensions: { errorId: fault.errorId },
    });
  });
}
