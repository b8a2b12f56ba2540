import type { FastifyError, FastifyInstance } from "fastify";
import { describeFault } from "@wardpanel/api";

/**
 * The error handler of every plain HTTP route (the feed has its own, in problem.ts). Fastify's own
 * 4xx (bad JSON, body too large, wrong content type) keep Fastify's answer. Anything else is ours:
 * logged with its error id, then answered `{ error, errorId }` — 503 with a plain sentence when the
 * database could not take the request, 500 otherwise — never with the error's own message.
 */
export function installFaultHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Sending the error hands it to Fastify's default handler.
      void reply.send(error);
      return;
    }
    const fault = describeFault(error, { isWrite: request.method !== "GET" && request.method !== "HEAD" });
    request.log.error({ err: error, errorId: fault.errorId }, fault.status === 503 ? "the database could not take the request" : "request failed");
    void reply.code(fault.status).header("cache-control", "no-store").send({ error: fault.message, errorId: fault.errorId });
  });
}
