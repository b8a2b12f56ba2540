import { describe, expect, it } from "vitest";

import { readEnv } from "./env";

describe("environment: the site's address for links in e-mails", () => {
  it("is required without the demo, and start-up names the variable", () => {
    expect(() => readEnv({ DEMO_DATA: "false" })).toThrow(/PUBLIC_BASE_URL: required when DEMO_DATA is false/);
    expect(readEnv({ DEMO_DATA: "false", PUBLIC_BASE_URL: "https://wardpanel.example.org" }).PUBLIC_BASE_URL).toBe(
      "https://wardpanel.example.org",
    );
  });

  it("may be left out with the demo, which uses the server's own address", () => {
    expect(readEnv({}).PUBLIC_BASE_URL).toBeUndefined();
  });

  it("must be an http(s) address with no path", () => {
    expect(() => readEnv({ DEMO_DATA: "false", PUBLIC_BASE_URL: "wardpanel.example.org" })).toThrow(
      /PUBLIC_BASE_URL: the site's address/,
    );
    expect(() => readEnv({ DEMO_DATA: "false", PUBLIC_BASE_URL: "https://wardpanel.example.org/panel" })).toThrow(
      /PUBLIC_BASE_URL: the site's address only, .*\(no path\)/,
    );
    expect(() => readEnv({ DEMO_DATA: "false", PUBLIC_BASE_URL: "ftp://wardpanel.example.org" })).toThrow(
      /PUBLIC_BASE_URL/,
    );
  });
});

describe("environment: the response target for messages to a team", () => {
  it("is 72 hours unless set, and must be a whole number of hours of at least 1", () => {
    expect(readEnv({}).RESPONSE_TARGET_HOURS).toBe(72);
    expect(readEnv({ RESPONSE_TARGET_HOURS: "48" }).RESPONSE_TARGET_HOURS).toBe(48);
    expect(() => readEnv({ RESPONSE_TARGET_HOURS: "0" })).toThrow(/RESPONSE_TARGET_HOURS: at least 1 hour/);
    expect(() => readEnv({ RESPONSE_TARGET_HOURS: "1.5" })).toThrow(/RESPONSE_TARGET_HOURS: a whole number of hours/);
    expect(() => readEnv({ RESPONSE_TARGET_HOURS: "three days" })).toThrow(/RESPONSE_TARGET_HOURS/);
  });
});
