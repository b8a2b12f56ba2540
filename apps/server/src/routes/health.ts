import type { Db } from "@wardpanel/db/client";
import { isMigrated } from "@wardpanel/db/migrate";
import { whyWritesWouldFail } from "@wardpanel/db/write-readiness";
import type { FastifyInstance } from "fastify";

/**
 * Liveness: the process answers. Readiness: the database answers, has every migration, and can
 * take writes (not full, not read-only: write-readiness.ts); otherwise 503 with the reason.
 */
export function registerHealthRoutes(app: FastifyInstance, db: Db): void {
  app.get("/healthz", async () => ({ status: "ok" }));

  app.get("/readyz", async (request, reply) => {
    void reply.header("cache-control", "no-store");
    try {
      db.$client.prepare("select 1").get();
      if (!isMigrated(db)) return reply.code(503).send({ status: "not ready", reason: "database is not migrated" });
      const cannotWrite = whyWritesWouldFail(db);
      if (cannotWrite) return reply.code(503).send({ status: "not ready", reason: cannotWrite });
      return { status: "ready" };
    } catch (error) {
      // The code names the trouble; SQLite's message (paths, table names) stays in the log.
      request.log.error({ err: error }, "readiness check failed");
      return reply.code(503).send({
        status: "not ready",
        reason: `database unreachable (${(error as { code?: string }).code ?? "unknown error"})`,
      });
    }
  });
}
