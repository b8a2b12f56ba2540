import ipaddr from "ipaddr.js";
import { z } from "zod";

/**
 * Which addresses a webhook may be sent to. A webhook URL is chosen by whoever holds a key, so
 * without this a key could make Ward Panel POST to itself, its network or the cloud's metadata
 * service (server-side request forgery). Only public unicast addresses pass, unless the operator
 * opens a network with WEBHOOK_ALLOWED_NETWORKS (a control room on a private network is real).
 *
 * Classification is ipaddr.js's special-purpose ranges (IANA's IPv4 and IPv6 special-purpose
 * address registries, RFC 6890), plus: IPv6 must be global unicast (2000::/3, RFC 4291 §2.4),
 * which also refuses the deprecated IPv4-compatible form (::127.0.0.1); an IPv4-mapped IPv6
 * address (::ffff:127.0.0.1) is judged as the IPv4 address it carries.
 */

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** One allowed network: its base address and prefix length, as ipaddr.parseCIDR gives them. */
export type AllowedNetwork = [Address, number];

const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR("2000::/3");
const IPV4_COMPATIBLE_V6 = ipaddr.IPv6.parseCIDR("::/96");

/** Why each ipaddr.js range is not a public address, in words a control room's integrator knows. */
const RANGE_REASONS: Record<string, string> = {
  loopback: "a loopback address (the Ward Panel server itself)",
  private: "a private network address (RFC 1918)",
  linkLocal: "a link-local address (this includes the cloud metadata service at 169.254.169.254)",
  carrierGradeNat: "a carrier-grade NAT address (100.64.0.0/10)",
  multicast: "a multicast address",
  unspecified: "the unspecified address",
  broadcast: "the broadcast address",
  reserved: "a reserved or documentation address",
  uniqueLocal: "a unique-local IPv6 address (fc00::/7), IPv6's private networks",
};

/**
 * Why `address` may not receive webhooks, or null when it may: it is a public unicast address
 * or inside one of `allowed`. `address` is an IP address string (IPv4 dotted quad or IPv6
 * without brackets); anything else is refused as "not an IP address".
 */
export function blockedAddressReason(address: string, allowed: readonly AllowedNetwork[]): string | null {
  if (!ipaddr.isValid(address)) return "not an IP address";
  // An IPv4-mapped IPv6 address reaches the IPv4 address inside it, so it is that address.
  const parsed = ipaddr.process(address);
  if (ipaddr.subnetMatch(parsed, { allowed: [...allowed] }, "other") === "allowed") return null;
  const range = parsed.range();
  if (range === "unicast" && (parsed.kind() === "ipv4" || parsed.match(GLOBAL_UNICAST_V6))) return null;
  if (range === "unicast" && parsed.match(IPV4_COMPATIBLE_V6))
    return "an IPv4-compatible IPv6 address (::a.b.c.d, deprecated by RFC 4291)";
  return RANGE_REASONS[range] ?? "a special-purpose address, not a public one";
}

/**
 * Reads WEBHOOK_ALLOWED_NETWORKS: comma-separated CIDRs such as `10.20.0.0/16, fd00:1::/48`.
 * IPv4 must be written as four decimal numbers and each network as its base address, so an
 * operator's typo is an error rather than a wider network than meant.
 * Returns the networks, or the first problem in words naming the entry at fault.
 */
export function parseAllowedNetworks(text: string): { networks: AllowedNetwork[] } | { problem: string } {
  const networks: AllowedNetwork[] = [];
  for (const entry of text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "")) {
    const isV4 = entry.includes(".") && !entry.includes(":");
    if (isV4 ? !ipaddr.IPv4.isValidCIDRFourPartDecimal(entry) : !ipaddr.IPv6.isValidCIDR(entry)) {
      return { problem: `"${entry}" is not a network in CIDR form, like 10.20.0.0/16 or fd00:1::/48` };
    }
    const network = ipaddr.parseCIDR(entry);
    const base = (isV4 ? ipaddr.IPv4 : ipaddr.IPv6).networkAddressFromCIDR(entry);
    if (base.toString() !== network[0].toString())
      return {
        problem: `"${entry}" has host bits set; write the network's base address, ${base.toString()}/${network[1]}`,
      };
    networks.push(network);
  }
  return { networks };
}

/** The environment setting; env.ts folds it into the one schema that reads the environment. */
export const AllowedNetworksSetting = z
  .string()
  .default("")
  .transform((text, context) => {
    const parsed = parseAllowedNetworks(text);
    if ("networks" in parsed) return parsed.networks;
    context.issues.push({ code: "custom", message: parsed.problem, input: text });
    return z.NEVER;
  });
