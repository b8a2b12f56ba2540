import type { FastifyInstance, FastifyReply } from "fastify";
import type { z } from "zod";

import { installProblemHandler, type ProblemOptions, sendProblem as sendAnyProblem } from "../../problems";

/**
 * The feed's problems: the server's one error handler and problem format (../../problems.ts), with
 * types under https://wardpanel.org/problems/feed/, which control rooms already switch on.
 */
const FEED = "feed";

export function sendProblem(
  reply: FastifyReply,
  status: number,
  detail: string,
  options: Omit<ProblemOptions, "namespace"> = {},
): FastifyReply {
  return sendAnyProblem(reply, status, detail, { ...options, namespace: FEED });
}

/** The first issue of a zod error, with its path written as a field name: `responses[2].receivedAt`. */
export function sendInvalid(reply: FastifyReply, error: z.ZodError, prefix = ""): FastifyReply {
  const issue = error.issues[0];
  const path = (issue?.path ?? []).reduce<string>(
    (acc, part) => (typeof part === "number" ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)),
    prefix,
  );
  return sendProblem(reply, 400, issue?.message ?? "The request is not valid", {
    field: path || undefined,
    slug: "invalid",
  });
}

/** The error handler in the feed's scope, and a problem for a path that is not part of the feed. */
export function installFeedProblems(app: FastifyInstance): void {
  installProblemHandler(app, { namespace: FEED });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      404,
      `${request.method} ${request.url.split("?")[0]} is not part of the feed; see /feed/v1/openapi.json`,
    ),
  );
}
