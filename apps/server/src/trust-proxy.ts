import proxyAddr from "@fastify/proxy-addr";
import type { FastifyServerOptions } from "fastify";
import { z } from "zod";

/**
 * TRUST_PROXY: whose X-Forwarded-For to believe when finding a request's client address.
 * - `false` (default): nobody's; the address is the connection's, whatever headers say.
 * - a hop count (`1`): that many proxies in front of Ward Panel; the address is the one the last
 *   of them added. Only safe when Ward Panel cannot be reached except through them.
 * - addresses and CIDR networks, comma-separated (`10.0.0.5, 10.1.0.0/16`, or `loopback`,
 *   `linklocal`, `uniquelocal`): only connections from these are proxies.
 * Parsed here and checked with @fastify/proxy-addr, the parser Fastify itself uses.
 * `true` is refused: it would believe an X-Forwarded-For a client wrote itself.
 */
export const TrustProxySetting = z
  .string()
  .trim()
  .transform((value, ctx): false | number | string[] => {
    if (["", "false", "no", "0"].includes(value)) return false;
    if (["true", "yes"].includes(value)) {
      ctx.addIssue({
        code: "custom",
        message: `"${value}" would believe any X-Forwarded-For a client sends. Give the number of proxies in front of Ward Panel (like 1) or their addresses (like 10.0.0.5 or 10.0.0.0/8)`,
      });
      return z.NEVER;
    }
    if (/^\d+$/.test(value)) return Number(value);
    const proxies = value.split(",").map((part) => part.trim());
    for (const proxy of proxies) {
      try {
        proxyAddr.compile(proxy);
      } catch {
        ctx.addIssue({
          code: "custom",
          message: `"${proxy}" is not an IP address or CIDR network (like 10.0.0.5 or 10.0.0.0/8), loopback, linklocal or uniquelocal`,
        });
        return z.NEVER;
      }
    }
    return proxies;
  });

export type TrustProxy = z.output<typeof TrustProxySetting>;

/**
 * Fastify's `trustProxy` for a setting. Fastify 5.12 no longer honours a bare hop count (it cannot
 * tell a proxy from a direct client), so a count becomes a function trusting that many hops,
 * which is what the operator asserted by choosing it.
 */
export function fastifyTrustProxy(setting: TrustProxy): FastifyServerOptions["trustProxy"] {
  if (typeof setting === "number") return (_address: string, hop: number) => hop < setting;
  return setting;
}
