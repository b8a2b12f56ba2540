import type { FastifyInstance } from "fastify";
import type { MailLimiter } from "@wardpanel/api";
import { limitAddressOf } from "../../client-address";
import type { Db } from "@wardpanel/db/client";
import { confirmSubscription, findSubscriptionByUnsubscribeToken, requestSubscription, unsubscribe } from "@wardpanel/db/queries/subscriptions";
import { getWard } from "@wardpanel/db/queries/wards";
import { escapeHtml } from "@wardpanel/packs";
import { DomainError, SubscribeInput, WardCode } from "@wardpanel/validators";
import { z } from "zod";
import type { PackTransport } from "./mail-transport";
import { unsubscribeTokenFor } from "./tokens";

export const SubscribeBody = SubscribeInput;
const Token = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);

export type SubscriptionRouteOptions = {
  transport: PackTransport;
  tokenSecret: string;
  /** The site's address for the confirmation link: configuration, never the request's Host header. */
  baseUrl: () => string;
  /** Confirmation e-mails per recipient and per client address. */
  limiter: MailLimiter;
};

/**
 * Double opt-in subscriptions (a confirmation link by e-mail), and one-click unsubscribe: the
 * List-Unsubscribe URL accepts the RFC 8058 POST ("List-Unsubscribe=One-Click") with no cookie.
 */
export async function registerSubscriptionRoutes(app: FastifyInstance, db: Db, options: SubscriptionRouteOptions): Promise<void> {
  await app.register(async (scope) => {
    // Mail providers post the one-click body form-encoded; it carries nothing we need beyond the URL.
    scope.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string", bodyLimit: 1024 }, (_request, body, done) => done(null, body));

    scope.post<{ Params: { wardCode: string } }>("/api/wards/:wardCode/subscriptions", async (request, reply) => {
      const ward = WardCode.safeParse(request.params.wardCode);
      if (!ward.success) return reply.code(404).send({ error: "There is no such ward" });
      const body = SubscribeBody.safeParse(request.body);
      if (!body.success) return reply.code(400).send({ field: "email", error: body.error.issues[0]?.message ?? "Enter an email address" });
      const email = body.data.email.trim().toLowerCase();
      let confirmToken: string | null;
      let wardName: string;
      try {
        wardName = getWard(db, ward.data).name;
        await options.limiter.consume(email, limitAddressOf(request.ip));
        ({ confirmToken } = requestSubscription(db, { wardCode: ward.data, email, unsubscribeToken: unsubscribeTokenFor(options.tokenSecret, ward.data, email), now: new Date() }));
      } catch (error) {
        if (error instanceof DomainError && error.kind === "too_many_requests") return reply.code(429).send({ field: "email", error: error.message });
        if (error instanceof DomainError) return reply.code(404).send({ error: error.message });
        // A database that cannot save it is the fault handler's 503, not a mail problem.
        throw error;
      }
      if (confirmToken) {
        const link = new URL(`/subscriptions/confirm/${confirmToken}`, options.baseUrl()).toString();
        const what = `monthly crime and policing updates for ${wardName} ward by e-mail`;
        try {
          await options.transport.send({
            to: email,
            subject: `Confirm your Ward Panel updates for ${wardName}`,
            text: `Someone (we hope you) asked for ${what}.\n\nTo start getting them, confirm here:\n${link}\n\nIf it was not you, ignore this e-mail and you will get nothing more.`,
            html: `<p>Someone (we hope you) asked for ${escapeHtml(what)}.</p><p><a href="${link}">Confirm your subscription to ${escapeHtml(wardName)} updates</a></p><p>If it was not you, ignore this e-mail and you will get nothing more.</p>`,
          });
        } catch (error) {
          request.log.error({ err: error }, "the confirmation e-mail was not sent");
          return reply.code(503).send({ error: "We could not send the confirmation e-mail just now. Try again in a few minutes." });
        }
      }
      // The same answer whether or not the address was already subscribed.
      return reply.code(202).send({ message: `Check your inbox: we have sent a link to ${email} to confirm.` });
    });

    scope.post<{ Params: { token: string } }>("/api/subscriptions/confirm/:token", async (request, reply) => {
      if (!Token.safeParse(request.params.token).success) return reply.code(404).send({ error: "This confirmation link is not valid." });
      try {
        const s = confirmSubscription(db, { token: request.params.token, now: new Date() });
        return { wardCode: s.wardCode, wardName: s.wardName, email: s.email, isUnsubscribed: s.isUnsubscribed };
      } catch (error) {
        if (error instanceof DomainError) return reply.code(404).send({ error: error.message });
        throw error;
      }
    });

    scope.get<{ Params: { token: string } }>("/api/subscriptions/unsubscribe/:token", async (request, reply) => {
      if (!Token.safeParse(request.params.token).success) return reply.code(404).send({ error: "This unsubscribe link is not valid." });
      try {
        const s = findSubscriptionByUnsubscribeToken(db, request.params.token);
        return reply.header("cache-control", "no-store").send({ wardCode: s.wardCode, wardName: s.wardName, email: s.email, isUnsubscribed: s.isUnsubscribed });
      } catch (error) {
        if (error instanceof DomainError) return reply.code(404).send({ error: error.message });
        throw error;
      }
    });

    scope.post<{ Params: { token: string } }>("/api/subscriptions/unsubscribe/:token", async (request, reply) => {
      if (!Token.safeParse(request.params.token).success) return reply.code(404).send({ error: "This unsubscribe link is not valid." });
      try {
        const s = unsubscribe(db, { token: request.params.token, now: new Date() });
        return { wardCode: s.wardCode, wardName: s.wardName, email: s.email, isUnsubscribed: true };
      } catch (error) {
        if (error instanceof DomainError) return reply.code(404).send({ error: error.message });
        throw error;
      }
    });
  });
}
