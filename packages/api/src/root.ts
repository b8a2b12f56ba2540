import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

import { accountRouter } from "./router/account";
import { actionsRouter } from "./router/actions";
import { agendaRouter } from "./router/agenda";
import { attendanceRouter } from "./router/attendance";
import { authRouter } from "./router/auth";
import { concernsRouter } from "./router/concerns";
import { crimeDataRouter } from "./router/crime-data";
import { crimePacksRouter } from "./router/crime-packs";
import { feedAdminRouter } from "./router/feed-admin";
import { inboxRouter } from "./router/inbox";
import { liveRouter } from "./router/live";
import { meRouter } from "./router/me";
import { meetingsRouter } from "./router/meetings";
import { messagesRouter } from "./router/messages";
import { minutesRouter } from "./router/minutes";
import { oversightRouter } from "./router/oversight";
import { peopleRouter } from "./router/people";
import { personalDataRouter } from "./router/personal-data";
import { prioritiesRouter } from "./router/priorities";
import { publicMeetingRouter } from "./router/public-meeting";
import { recordRouter } from "./router/record";
import { siteRouter } from "./router/site";
import { subscriptionsRouter } from "./router/subscriptions";
import { votesRouter } from "./router/votes";
import { wardsRouter } from "./router/wards";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  actions: actionsRouter,
  agenda: agendaRouter,
  attendance: attendanceRouter,
  auth: authRouter,
  concerns: concernsRouter,
  crimePacks: crimePacksRouter,
  crimeData: crimeDataRouter,
  feedAdmin: feedAdminRouter,
  inbox: inboxRouter,
  live: liveRouter,
  me: meRouter,
  meetings: meetingsRouter,
  messages: messagesRouter,
  minutes: minutesRouter,
  oversight: oversightRouter,
  people: peopleRouter,
  personalData: personalDataRouter,
  priorities: prioritiesRouter,
  publicMeeting: publicMeetingRouter,
  record: recordRouter,
  site: siteRouter,
  subscriptions: subscriptionsRouter,
  votes: votesRouter,
  wards: wardsRouter,
});

export type AppRouter = typeof appRouter;
/**
 * What every procedure answers and takes, inferred from the routers: the web app names its data
 * `RouterOutputs["meetings"]["forWard"][number]` instead of writing the shape out again, so a
 * status stays its literal union and a renamed field fails to compile.
 */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;
export const createCaller = createCallerFactory(appRouter);

export { createConcernLimiter } from "./auth/concern-limiter";
export { createMailLimiter, PASSWORD_RESET_LIMITS, SUBSCRIPTION_LIMITS } from "./auth/mail-limiter";
export { validateSessionToken } from "./auth/sessions";
export { createSignInLimiter, type SignInLimiter } from "./auth/sign-in-limiter";
export { canActOnForce, canActOnWard, isAdmin, type Viewer } from "./auth/viewer";
export { renderConcernEmail } from "./concern-mail";
export type { MailPort } from "./context";
export { createContextInner, type SessionCookie } from "./context";
export { httpStatusOfDomainError } from "./domain-errors";
export { describeFault } from "./faults";
export { createLiveEventBus, type LiveEvent, type LiveEventBus } from "./live/live-events";
export { renderMessageEmail } from "./message-mail";
