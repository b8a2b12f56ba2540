import type { FastifyInstance } from "fastify";
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from "@trpc/server/adapters/fastify";
import { appRouter, createConcernLimiter, createContextInner, createMailLimiter, PASSWORD_RESET_LIMITS, type AppRouter, type MailPort, type SignInLimiter } from "@wardpanel/api";
import type { Db } from "@wardpanel/db/client";
import { sessionCookieFor, viewerOf } from "../session-cookie";

export async function registerTrpc(
  app: FastifyInstance,
  { db, signInLimiter, secureCookies, mail, publicBaseUrl }: { db: Db; signInLimiter: SignInLimiter; secureCookies: boolean; mail: MailPort; publicBaseUrl: () => string },
): Promise<void> {
  // Limits live as long as the server, not one request.
  const concernLimiter = createConcernLimiter();
  const passwordResetLimiter = createMailLimiter(PASSWORD_RESET_LIMITS);
  await app.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: {
      router: appRouter,
      createContext: ({ req, res }) => {
        const sessionCookie = sessionCookieFor(res, secureCookies);
        return createContextInner({ db, signInLimiter, concernLimiter, sessionCookie, viewer: viewerOf(db, req, sessionCookie), clientAddress: req.ip, passwordResetLimiter, mail, publicBaseUrl: publicBaseUrl() });
      },
      onError: ({ path, error, req }) => {
        if (error.code === "INTERNAL_SERVER_ERROR") req.log.error({ err: error, path }, "procedure failed");
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"],
  });
}
