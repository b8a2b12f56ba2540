import { createApiKey, listApiKeys, revokeApiKey } from "@wardpanel/db/queries/api-keys";
import { getResponseStats } from "@wardpanel/db/queries/call-responses";
import { listResponseMisses, resolveMissesPeriod } from "@wardpanel/db/queries/response-misses";
import { listWebhookEndpointOverview } from "@wardpanel/db/queries/webhooks";
import { londonInstant } from "@wardpanel/meetings/london-time";
import {
  CreateApiKeyInput,
  DomainError,
  LocalDate,
  MissesPeriodInput,
  WardCode,
  wardsWhereMay,
} from "@wardpanel/validators";
import { z } from "zod";

import { adminProcedure, createTRPCRouter, signedInProcedure, wardProcedure } from "../trpc";

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
    .query(({ ctx, input }) =>
      getResponseStats(ctx.db, {
        wardCodes: [input.wardCode],
        ...periodOf(input),
        targetMinutes: ctx.callResponseTargetMinutes,
      }),
    ),
  /**
   * The managers' daily report: calls that missed the force's response target, received in the
   * period (London days, inclusive; default yesterday), in the wards where the viewer may see the
   * response record (sergeants' and chairs' wards; every ward for admins). The same rows as
   * /api/response-misses.csv and the feed's /feed/v1/responses/misses.csv.
   */
  responseMisses: signedInProcedure.input(MissesPeriodInput).query(({ ctx, input }) => {
    const wardCodes = wardsWhereMay(ctx.viewer.roles, "seeCallResponses");
    if (wardCodes?.length === 0)
      throw new DomainError(
        "forbidden",
        "Only a ward's sergeant or chair, or an admin, can see missed response targets",
      );
    const now = ctx.now();
    const period = resolveMissesPeriod(input, now);
    const targetMinutes = ctx.callResponseTargetMinutes;
    const misses = listResponseMisses(ctx.db, { scope: { wardCodes }, period, targetMinutes, now });
    return { fromDate: period.fromDate, toDate: period.toDate, targetMinutes, misses };
  }),
  /** Every ward's record, for admins. */
  allResponses: adminProcedure
    .input(Period)
    .query(({ ctx, input }) =>
      getResponseStats(ctx.db, { wardCodes: null, ...periodOf(input), targetMinutes: ctx.callResponseTargetMinutes }),
    ),
});
