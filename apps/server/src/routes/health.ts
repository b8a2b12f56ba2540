import type { FastifyInstance } from "fastify";
import type { Db } from "@wardpanel/db/client";
import { isMigrated } from "@wardpanel/db/migrate";

/** Liveness: the process answers. Readiness: the database answers and has every migration. */
export function registerHealthRoutes(app: FastifyInstance, db: Db): void {
  app.get("/healthz", async () => ({ status: "ok" }));

  app.get("/readyz", async (_request, reply) => {
    try {
      db.$client.prepare("select 1").get();
      if (!isMigrated(db)) return reply.code(503).send({ status: "not ready", reason: "database is not migrated" });
      return { status: "ready" };
    } catch (error) {
      return reply.code(503).send({ status: "not ready", reason: `database unreachable: ${(error as Error).message}` });
    }
  });
}
