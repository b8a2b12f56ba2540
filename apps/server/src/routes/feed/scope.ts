import type { Db } from "@wardpanel/db/client";
import type { FeedScope } from "@wardpanel/db/queries/feed";
import { getWardSummaries, listBoroughs } from "@wardpanel/db/queries/wards";
import { BoroughCode, WardCode } from "@wardpanel/validators";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";

import { keyOf } from "./feed-auth";
import { sendInvalid, sendProblem } from "./problem";

const Filters = z.object({ ward: WardCode.optional(), borough: BoroughCode.optional() });

/**
 * The scope of a read: always the key's boroughs, narrowed by `ward` or `borough` if asked.
 * A filter the key may not see is 403, so a misconfigured consumer hears about it rather than
 * silently getting an empty feed. Sends the problem and returns null when refused.
 */
export function resolveScope(db: Db, request: FastifyRequest, reply: FastifyReply): FeedScope | null {
  const key = keyOf(request);
  const query = request.query as Record<string, unknown>;
  const parsed = Filters.safeParse({ ward: query.ward, borough: query.borough });
  if (!parsed.success) {
    sendInvalid(reply, parsed.error);
    return null;
  }
  const { ward, borough } = parsed.data;
  const allowed = (boroughCode: string) => key.boroughCodes.length === 0 || key.boroughCodes.includes(boroughCode);

  if (borough) {
    if (!listBoroughs(db).some((b) => b.code === borough)) {
      sendProblem(reply, 400, `There is no borough ${borough} among the wards loaded.`, {
        field: "borough",
        slug: "unknown-borough",
      });
      return null;
    }
    if (!allowed(borough)) {
      sendProblem(reply, 403, `This key may not read borough ${borough}; it covers ${key.boroughCodes.join(", ")}.`, {
        field: "borough",
        slug: "out-of-scope",
      });
      return null;
    }
  }
  if (ward) {
    const [found] = getWardSummaries(db, [ward]);
    if (!found) {
      sendProblem(reply, 400, `There is no ward ${ward}.`, { field: "ward", slug: "unknown-ward" });
      return null;
    }
    if (!allowed(found.boroughCode)) {
      sendProblem(reply, 403, `This key may not read ward ${ward} (${found.name}, ${found.boroughName}).`, {
        field: "ward",
        slug: "out-of-scope",
      });
      return null;
    }
  }
  return { boroughCodes: key.boroughCodes, wardCode: ward ?? null, boroughCode: borough ?? null };
}

/** The site's own address, for links in the feed (vote results); honours X-Forwarded-* behind a trusted proxy. */
export function siteUrlOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** A stable text key for a scope, for caches. */
export function scopeKey(scope: FeedScope): string {
  return `${scope.boroughCodes.join(",")}|${scope.wardCode ?? ""}|${scope.boroughCode ?? ""}`;
}
