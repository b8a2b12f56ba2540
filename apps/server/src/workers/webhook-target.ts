import { lookup as systemLookup, type LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";

import { type AllowedNetwork, blockedAddressReason } from "./webhook-networks";

/**
 * The two checks on where a webhook goes: the URL itself (at registration and before each
 * delivery), and every address its host name resolves to (at each delivery, inside the
 * connection's own DNS lookup, so the address checked is the address connected to and DNS
 * rebinding between the two is impossible).
 */

/** A webhook's target is not allowed. Not worth retrying: the same answer will come back. */
export class BlockedTargetError extends Error {
  override name = "BlockedTargetError";
}

/** Answers a host name with its addresses, as dns.lookup(name, { all: true }) does. */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

/** The system resolver (getaddrinfo: /etc/hosts, then DNS), every address, in its order. */
export const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) =>
    systemLookup(hostname, { all: true, order: "verbatim" }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );

const ADVICE =
  "Webhooks go to public internet addresses only; if your receiver is on a private network, ask Ward Panel's operator to allow that network (WEBHOOK_ALLOWED_NETWORKS).";

/**
 * What is wrong with a webhook URL's scheme or host, or null when nothing is. `url` is a parsed
 * WHATWG URL, which has already rewritten every IPv4 spelling (2130706433, 0x7f000001,
 * 0177.0.0.1, 127.1, a trailing dot) as a dotted quad and IPv6 in brackets; a literal address
 * is judged by blockedAddressReason, and `localhost` and `*.localhost` are refused outright
 * (RFC 6761 §6.3: they always mean this machine). Other names are judged when resolved.
 */
export function webhookUrlProblem(url: URL, allowed: readonly AllowedNetwork[]): string | null {
  if (url.protocol !== "https:" && url.protocol !== "http:") return "url must use http or https";
  const host = url.hostname;
  const literal = host.startsWith("[") ? host.slice(1, -1) : /^[\d.]+$/.test(host) ? host : null;
  if (literal !== null) {
    const reason = blockedAddressReason(literal, allowed);
    return reason ? `url points to ${literal}, ${reason}. ${ADVICE}` : null;
  }
  const name = host.replace(/\.$/, "").toLowerCase();
  if (name === "localhost" || name.endsWith(".localhost"))
    return `url points to ${host}, which always means the Ward Panel server itself. ${ADVICE}`;
  return null;
}

/**
 * A `lookup` for http.request that resolves with `resolver`, refuses the connection with a
 * BlockedTargetError if ANY address is blocked (a name answering one public and one private
 * address is not trusted either), and otherwise hands Node the same addresses to connect to.
 * Handles both of Node's calling forms (`all: true` for happy eyeballs, else one address).
 */
export function checkedLookup(resolver: Resolver, allowed: readonly AllowedNetwork[]): LookupFunction {
  return (hostname, options, callback) => {
    resolver(hostname).then(
      (addresses) => {
        const blocked = addresses
          .map((a) => ({ address: a.address, reason: blockedAddressReason(a.address, allowed) }))
          .find((a) => a.reason !== null);
        const usable = options.family ? addresses.filter((a) => a.family === options.family) : addresses;
        const first = usable[0];
        if (blocked)
          callback(
            new BlockedTargetError(`${hostname} resolves to ${blocked.address}, ${blocked.reason}. ${ADVICE}`),
            "",
            0,
          );
        else if (!first) callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "", 0);
        else if (options.all) callback(null, usable);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 0),
    );
  };
}
