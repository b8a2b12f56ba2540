import type { Db } from "@wardpanel/db/client";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookEndpointsForKey,
} from "@wardpanel/db/queries/webhooks";
import type { FastifyInstance } from "fastify";
import { z } from "zod";

import type { AllowedNetwork } from "../../workers/webhook-networks";
import { webhookUrlProblem } from "../../workers/webhook-target";
import { keyOf } from "./feed-auth";
import { sendInvalid, sendProblem } from "./problem";

/**
 * HTTPS is required wherever cookies are secure (production); a URL carrying credentials is always
 * refused, and so is one whose host is a literal address or name that is not allowed (webhook-target.ts).
 */
function webhookUrl(requireHttps: boolean, allowedNetworks: readonly AllowedNetwork[]) {
  return z
    .string({ error: "url is required" })
    .max(2000, "Keep the url under 2,000 characters")
    .url("url must be an absolute URL")
    .refine(
      (value) => {
        const url = new URL(value);
        return url.protocol === "https:" || (!requireHttps && url.protocol === "http:");
      },
      requireHttps ? "url must use https" : "url must use http or https",
    )
    .refine(
      (value) => new URL(value).username === "" && new URL(value).password === "",
      "Put no user name or password in the url; verify our signature instead",
    )
    .superRefine((value, context) => {
      const problem = URL.canParse(value) ? webhookUrlProblem(new URL(value), allowedNetworks) : null;
      if (problem) context.addIssue({ code: "custom", message: problem });
    });
}

/**
 * POST/GET/DELETE /webhooks — a control room manages where its change notices go. Who may call:
 * any live key, for its own endpoints only. The signing secret is in the POST answer only.
 */
export function registerWebhookRoutes(
  app: FastifyInstance,
  db: Db,
  options: { requireHttps: boolean; allowedNetworks: readonly AllowedNetwork[] },
): void {
  const CreateWebhook = z.object({ url: webhookUrl(options.requireHttps, options.allowedNetworks) });

  app.post("/webhooks", async (request, reply) => {
    const parsed = CreateWebhook.safeParse(request.body);
    if (!parsed.success) return sendInvalid(reply, parsed.error);
    const endpoint = createWebhookEndpoint(db, { apiKeyId: keyOf(request).id, url: parsed.data.url, now: new Date() });
    return reply.code(201).header("cache-control", "no-store").send(endpoint);
  });

  app.get("/webhooks", async (request, reply) =>
    reply.header("cache-control", "no-store").send({ items: listWebhookEndpointsForKey(db, keyOf(request).id) }),
  );

  app.delete("/webhooks/:id", async (request, reply) => {
    const id = Number((request.params as { id: string }).id);
    if (!Number.isSafeInteger(id) || id < 1)
      return sendProblem(reply, 400, "id must be the number of one of your webhook endpoints", {
        field: "id",
        slug: "invalid",
      });
    deleteWebhookEndpoint(db, { apiKeyId: keyOf(request).id, endpointId: id });
    return reply.code(204).send();
  });
}
