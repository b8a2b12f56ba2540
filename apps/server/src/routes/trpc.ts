import type { FastifyInstance } from "fastify";
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from "@trpc/server/adapters/fastify";
import { appRouter, createConcernLimiter, createContextInner, type AppRouter, type SignInLimiter } from "@wardpanel/api";
import type { Db } from "@wardpanel/db/client";
import { limitAddressOf } from "../client-address";
import { sessionCookieFor, viewerOf } from "../session-cookie";

export async function registerTrpc(
  app: FastifyInstance,
  { db, signInLimiter, secureCookies }: { db: Db; signInLimiter: SignInLimiter; secureCookies: boolean },
): Promise<void> {
  // Limits live as long as the server, not one request.
  const concernLimiter = createConcernLimiter();
  await app.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: {
      router: appRouter,
      createContext: ({ req, res }) => {
        const sessionCookie = sessionCookieFor(res, secureCookies);
        return createContextInner({ db, signInLimiter, concernLimiter, sessionCookie, viewer: viewerOf(db, req, sessionCookie), clientAddress: limitAddressOf(req.ip) });
      },
      onError: ({ path, error, req }) => {
        if (error.code === "INTERNAL_SERVER_ERROR") req.log.error({ err: error, path }, "procedure failed");
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"],
  });
}
