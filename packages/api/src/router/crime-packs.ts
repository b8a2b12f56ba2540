import { createTRPCRouter } from "../trpc";

/** Crime imports, monthly packs and subscriptions (issue 6). */
export const crimePacksRouter = createTRPCRouter({});
