import { actionsRouter } from "./router/actions";
import { agendaRouter } from "./router/agenda";
import { attendanceRouter } from "./router/attendance";
import { authRouter } from "./router/auth";
import { concernsRouter } from "./router/concerns";
import { votesRouter } from "./router/votes";
import { crimePacksRouter } from "./router/crime-packs";
import { feedAdminRouter } from "./router/feed-admin";
import { prioritiesRouter } from "./router/priorities";
import { liveRouter } from "./router/live";
import { minutesRouter } from "./router/minutes";
import { oversightRouter } from "./router/oversight";
import { publicMeetingRouter } from "./router/public-meeting";
import { meetingsRouter } from "./router/meetings";
import { meRouter } from "./router/me";
import { peopleRouter } from "./router/people";
import { wardsRouter } from "./router/wards";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  actions: actionsRouter,
  agenda: agendaRouter,
  attendance: attendanceRouter,
  auth: authRouter,
  concerns: concernsRouter,
  crimePacks: crimePacksRouter,
  feedAdmin: feedAdminRouter,
  live: liveRouter,
  me: meRouter,
  meetings: meetingsRouter,
  minutes: minutesRouter,
  oversight: oversightRouter,
  people: peopleRouter,
  priorities: prioritiesRouter,
  publicMeeting: publicMeetingRouter,
  votes: votesRouter,
  wards: wardsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);

export { createContextInner, type Context, type SessionCookie } from "./context";
export { createSignInLimiter, type SignInLimiter } from "./auth/sign-in-limiter";
export { createConcernLimiter, type ConcernLimiter } from "./auth/concern-limiter";
export { validateSessionToken, SESSION_LIFETIME_MS } from "./auth/sessions";
export type { Access, Meta } from "./trpc";
export { canActOnWard, isAdmin, type Viewer } from "./auth/viewer";
export { describeFault } from "./faults";
