import { createTRPCRouter } from "../trpc";

/** Concerns, votes and priorities (issue 4). */
export const prioritiesRouter = createTRPCRouter({});
