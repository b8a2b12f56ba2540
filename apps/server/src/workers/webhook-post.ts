import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

import type { AllowedNetwork } from "./webhook-networks";
import { BlockedTargetError, checkedLookup, type Resolver, webhookUrlProblem } from "./webhook-target";

type WebhookPost = {
  url: string;
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
  allowedNetworks: readonly AllowedNetwork[];
  resolver: Resolver;
};

/**
 * POSTs one webhook notice and answers the receiver's HTTP status. Rejects with a
 * BlockedTargetError when the URL or any address its host resolves to is not allowed (see
 * webhook-target.ts), and with Node's error when the connection fails or `signal` aborts.
 *
 * node:http rather than fetch, because it takes a `lookup` per request: the address checked is
 * the address connected to. A fresh connection each time (no agent), so no pooled socket skips
 * the check. Redirects are never followed: a 3xx is answered as its status, like any non-2xx.
 */
export function postWebhook(post: WebhookPost): Promise<number> {
  const url = new URL(post.url);
  const problem = webhookUrlProblem(url, post.allowedNetworks);
  if (problem) return Promise.reject(new BlockedTargetError(problem));
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: "POST",
        headers: { ...post.headers, "content-length": String(Buffer.byteLength(post.body)) },
        agent: false,
        lookup: checkedLookup(post.resolver, post.allowedNetworks),
        signal: post.signal,
      },
      (response) => {
        // Only the status matters; the receiver's body is not read.
        resolve(response.statusCode ?? 0);
        response.destroy();
      },
    );
    outgoing.on("error", reject);
    outgoing.end(post.body);
  });
}
