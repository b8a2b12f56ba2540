import ipaddr from "ipaddr.js";

/**
 * The address every per-address limit counts a request against, from Fastify's `request.ip`
 * (already resolved through TRUST_PROXY). An IPv4 address as itself (also when written as
 * IPv4-mapped IPv6, `::ffff:192.0.2.1`); an IPv6 address as its /64 network, because one
 * household or phone is given a whole /64 (RFC 6177) and could otherwise take a fresh address
 * for every try. Anything unparseable is used as it is.
 */
export function limitAddressOf(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip;
  const address = ipaddr.process(ip);
  if (address.kind() === "ipv4") return address.toString();
  return `${ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/64`).toString()}/64`;
}
