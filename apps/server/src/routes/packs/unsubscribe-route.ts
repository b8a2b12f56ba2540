import type { Db } from "@wardpanel/db/client";
import { unsubscribe } from "@wardpanel/db/queries/subscriptions";
import type { FastifyInstance } from "fastify";

/**
 * The List-Unsubscribe URL of every pack e-mail (workers/pack-mailer.ts), for mail programs: the
 * RFC 8058 one-click POST ("List-Unsubscribe=One-Click", form-encoded, no cookie) unsubscribes.
 * A mail program that only follows RFC 2369 opens the URL in a browser (a GET): that is sent on to
 * the unsubscribe page, which asks first. The page itself works through tRPC (subscriptions router).
 */
export async function registerUnsubscribeRoute(app: FastifyInstance, db: Db): Promise<void> {
  await app.register(async (scope) => {
    // Mail providers post the one-click body form-encoded; it carries nothing we need beyond the URL.
    scope.addContentTypeParser(
      "application/x-www-form-urlencoded",
      { parseAs: "string", bodyLimit: 1024 },
      (_request, body, done) => done(null, body),
    );

    scope.post<{ Params: { token: string } }>("/api/subscriptions/unsubscribe/:token", async (request) => {
      const s = unsubscribe(db, { token: request.params.token, now: new Date() });
      return { wardCode: s.wardCode, wardName: s.wardName, email: s.email, isUnsubscribed: true };
    });

    scope.get<{ Params: { token: string } }>("/api/subscriptions/unsubscribe/:token", async (request, reply) =>
      reply
        .header("cache-control", "no-store")
        .redirect(`/unsubscribe/${encodeURIComponent(request.params.token)}`, 303),
    );
  });
}
