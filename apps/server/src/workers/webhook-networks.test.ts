import { describe, expect, it } from "vitest";

import { readEnv } from "../env";
import { blockedAddressReason } from "./webhook-networks";
import { systemResolver } from "./webhook-target";

describe("WEBHOOK_ALLOWED_NETWORKS", () => {
  it("is read at start-up into networks that open exactly those addresses", () => {
    const allowed = readEnv({
      WEBHOOK_ALLOWED_NETWORKS: "10.20.0.0/16, fd00:1::/48,192.168.7.0/24",
    }).WEBHOOK_ALLOWED_NETWORKS;
    expect(blockedAddressReason("10.20.3.4", allowed)).toBeNull();
    expect(blockedAddressReason("::ffff:10.20.3.4", allowed)).toBeNull();
    expect(blockedAddressReason("fd00:1::9", allowed)).toBeNull();
    expect(blockedAddressReason("192.168.7.200", allowed)).toBeNull();
    expect(blockedAddressReason("10.21.0.1", allowed)).toMatch(/private network address/);
    expect(blockedAddressReason("fd00:2::9", allowed)).toMatch(/unique-local/);
    expect(blockedAddressReason("127.0.0.1", allowed)).toMatch(/loopback/);
  });

  it("opens nothing when unset: only public addresses pass", () => {
    const allowed = readEnv({}).WEBHOOK_ALLOWED_NETWORKS;
    expect(allowed).toEqual([]);
    expect(blockedAddressReason("81.2.69.160", allowed)).toBeNull();
    expect(blockedAddressReason("2a00:1450:4009:81f::200e", allowed)).toBeNull();
    expect(blockedAddressReason("10.0.0.1", allowed)).toMatch(/private network address/);
  });

  it.each([
    ["10.0.0/8", /WEBHOOK_ALLOWED_NETWORKS: "10\.0\.0\/8" is not a network in CIDR form/],
    ["10.0.0.0", /WEBHOOK_ALLOWED_NETWORKS: "10\.0\.0\.0" is not a network in CIDR form/],
    ["0x0a.0.0.0/8", /"0x0a\.0\.0\.0\/8" is not a network in CIDR form/],
    ["10.0.0.0/33", /"10\.0\.0\.0\/33" is not a network/],
    ["10.0.0.0/8, example.org/24", /"example\.org\/24" is not a network/],
    ["10.1.0.0/8", /"10\.1\.0\.0\/8" has host bits set; write the network's base address, 10\.0\.0\.0\/8/],
    ["fd00:1::5/48", /"fd00:1::5\/48" has host bits set; write the network's base address, fd00:1::\/48/],
  ])("stops start-up on %j, naming the variable and the entry", (value, message) => {
    expect(() => readEnv({ WEBHOOK_ALLOWED_NETWORKS: value })).toThrow(message);
  });
});

describe("the system resolver", () => {
  it("answers every address of a name, as the delivery's lookup checks them (localhost, from /etc/hosts)", async () => {
    const addresses = await systemResolver("localhost");
    expect(addresses.length).toBeGreaterThan(0);
    for (const { address, family } of addresses) {
      expect([4, 6]).toContain(family);
      expect(blockedAddressReason(address, [])).toMatch(/loopback/);
    }
  });
});
