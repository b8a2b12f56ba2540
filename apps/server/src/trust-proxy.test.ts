import { describe, expect, it } from "vitest";

import { readEnv } from "./env";

describe("TRUST_PROXY", () => {
  it("trusts no proxy unless told", () => {
    expect(readEnv({}).TRUST_PROXY).toBe(false);
    expect(readEnv({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(false);
    expect(readEnv({ TRUST_PROXY: "0" }).TRUST_PROXY).toBe(false);
  });

  it("takes a hop count or proxies' addresses and networks", () => {
    expect(readEnv({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe(1);
    expect(readEnv({ TRUST_PROXY: "10.0.0.5, 192.168.0.0/16,2001:db8::/32, loopback" }).TRUST_PROXY).toEqual([
      "10.0.0.5",
      "192.168.0.0/16",
      "2001:db8::/32",
      "loopback",
    ]);
  });

  it("refuses true, which would believe a header any client can write, and says what to give instead", () => {
    expect(() => readEnv({ TRUST_PROXY: "true" })).toThrow(
      /TRUST_PROXY: "true" would believe any X-Forwarded-For a client sends\. Give the number of proxies/,
    );
  });

  it("names the entry that is not an address or network", () => {
    expect(() => readEnv({ TRUST_PROXY: "10.0.0.5, 10.0.0.300" })).toThrow(
      /TRUST_PROXY: "10\.0\.0\.300" is not an IP address or CIDR network/,
    );
    expect(() => readEnv({ TRUST_PROXY: "10.0.0.0/40" })).toThrow(
      /TRUST_PROXY: "10\.0\.0\.0\/40" is not an IP address/,
    );
    expect(() => readEnv({ TRUST_PROXY: "proxy.internal" })).toThrow(/TRUST_PROXY: "proxy\.internal" is not/);
  });
});
