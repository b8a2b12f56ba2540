import { createApiKey, listApiKeys, revokeApiKey } from "@wardpanel/db/queries/api-keys";
import { getResponseStats } from "@wardpanel/db/queries/call-responses";
import { listWebhookEndpointOverview } from "@wardpanel/db/queries/webhooks";
import { londonInstant } from "@wardpanel/meetings/london-time";
import { CreateApiKeyInput, LocalDate, WardCode } from "@wardpanel/validators";
import { z } from "zod";

import { adminProcedure, createTRPCRouter, wardProcedure } from "../trpc";

const ApiKeyRef = z.object({ id: z.number().int().positive() });
const Period = z.object({ from: LocalDate.nullish(), to: LocalDate.nullish() });

/** London dates → the instants the stats filter on; `to` is inclusive of its whole day. */
function periodOf(input: z.infer<typeof Period>) {
  const nextDay = (date: string) =>
    new Date(londonInstant(date, "00:00").getTime() + 36 * 3_600_000).toISOString().slice(0, 10);
  return {
    from: input.from ? londonInstant(input.from, "00:00") : null,
    to: input.to ? londonInstant(nextDay(input.to), "00:00") : null,
  };
}

/** Control-room keys, webhooks and response monitoring (issue 5). */
export const feedAdminRouter = createTRPCRouter({
  apiKeys: adminProcedure.query(({ ctx }) => listApiKeys(ctx.db)),
  /** The plain key is in this answer only; it is stored hashed. */
  createApiKey: adminProcedure
    .input(CreateApiKeyInput)
    .mutation(({ ctx, input }) => createApiKey(ctx.db, { ...input, now: ctx.now() })),
  revokeApiKey: adminProcedure
    .input(ApiKeyRef)
    .mutation(({ ctx, input }) => revokeApiKey(ctx.db, { id: input.id, now: ctx.now() })),
  webhooks: adminProcedure.query(({ ctx }) => listWebhookEndpointOverview(ctx.db)),
  /** The ward's 60-minute response record: its sergeant and chair (and admins). */
  wardResponses: wardProcedure("seeCallResponses")
    .input(Period.extend({ wardCode: WardCode }))
    .query(({ ctx, input }) => getResponseStats(ctx.db, { wardCodes: [input.wardCode], ...periodOf(input) })),
  /** Every ward's record, for admins. */
  allResponses: adminProcedure
    .input(Period)
    .query(({ ctx, input }) => getResponseStats(ctx.db, { wardCodes: null, ...periodOf(input) })),
});
