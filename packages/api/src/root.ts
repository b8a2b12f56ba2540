import { authRouter } from "./router/auth";
import { meetingsRouter } from "./router/meetings";
import { meRouter } from "./router/me";
import { peopleRouter } from "./router/people";
import { wardsRouter } from "./router/wards";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  me: meRouter,
  meetings: meetingsRouter,
  people: peopleRouter,
  wards: wardsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);

export { createContextInner, type Context, type SessionCookie } from "./context";
export { createSignInLimiter, type SignInLimiter } from "./auth/sign-in-limiter";
export { validateSessionToken, SESSION_LIFETIME_MS } from "./auth/sessions";
export type { Access, Meta } from "./trpc";
