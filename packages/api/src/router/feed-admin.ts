import { createTRPCRouter } from "../trpc";

/** Control-room keys, webhooks and response monitoring (issue 5). */
export const feedAdminRouter = createTRPCRouter({});
