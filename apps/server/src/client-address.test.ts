import { describe, expect, it } from "vitest";

import { limitAddressOf } from "./client-address";

describe("the address a per-address limit counts", () => {
  it("is an IPv4 address itself, however it is written", () => {
    expect(limitAddressOf("192.0.2.1")).toBe("192.0.2.1");
    expect(limitAddressOf("::ffff:192.0.2.1")).toBe("192.0.2.1");
  });

  it("is an IPv6 address's /64, so a client cannot take a fresh address for each try", () => {
    expect(limitAddressOf("2001:db8:1:2::a")).toBe("2001:db8:1:2::/64");
    expect(limitAddressOf("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(limitAddressOf("fe80::1%eth0")).toBe("fe80::/64");
  });
});
