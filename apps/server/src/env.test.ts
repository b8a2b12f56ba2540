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

describe("environment: the street map under ward maps", () => {
  const tiles = (MAP_TILE_URL: string, MAP_ATTRIBUTION = "© Example Maps") =>
    readEnv({ MAP_TILE_URL, MAP_ATTRIBUTION });

  it("is off when unset or empty, and maps show the ward outline alone", () => {
    expect(readEnv({}).MAP_TILE_URL).toBeUndefined();
    expect(readEnv({ MAP_TILE_URL: " " }).MAP_TILE_URL).toBeUndefined();
  });

  it("takes an http(s) XYZ address with {z}, {x}, {y} and optionally {s} as the host's first part", () => {
    expect(tiles("https://tiles.example.org/{z}/{x}/{y}.png").MAP_TILE_URL).toBe(
      "https://tiles.example.org/{z}/{x}/{y}.png",
    );
    expect(tiles("http://127.0.0.1:8123/{z}/{x}/{y}.png?key=abc").MAP_TILE_URL).toContain("key=abc");
    expect(tiles("https://{s}.tile.example.org/{z}/{x}/{y}{r}.png").MAP_TILE_URL).toContain("{s}");
  });

  it("names the setting and what is wrong with a bad address", () => {
    expect(() => tiles("https://tiles.example.org/{z}/{x}.png")).toThrow(
      /MAP_TILE_URL: an XYZ tile address needs \{y\}/,
    );
    expect(() => tiles("tiles.example.org/{z}/{x}/{y}.png")).toThrow(/MAP_TILE_URL: not a web address/);
    expect(() => tiles("ftp://tiles.example.org/{z}/{x}/{y}.png")).toThrow(
      /MAP_TILE_URL: must start https:\/\/ or http:\/\//,
    );
    expect(() => tiles("https://tiles.example.org/{zoom}/{x}/{y}.png")).toThrow(
      /MAP_TILE_URL: \{zoom\} is not a tile placeholder/,
    );
    expect(() => tiles("https://tiles.{s}.example.org/{z}/{x}/{y}.png")).toThrow(
      /MAP_TILE_URL: \{s\} may only be the first part of the host/,
    );
  });

  it("needs an attribution, which tile licences require on the map", () => {
    expect(() => readEnv({ MAP_TILE_URL: "https://tiles.example.org/{z}/{x}/{y}.png" })).toThrow(
      /MAP_ATTRIBUTION: required when MAP_TILE_URL is set/,
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

describe("environment: a force other than London's", () => {
  it("refuses the Camden demo, naming the setting, and starts without it", () => {
    expect(() => readEnv({ POLICE_FORCE_ID: "leicestershire" })).toThrow(
      /DEMO_DATA: must be false when POLICE_FORCE_ID is leicestershire: the demo is Camden's/,
    );
    expect(
      readEnv({
        POLICE_FORCE_ID: "leicestershire",
        DEMO_DATA: "false",
        PUBLIC_BASE_URL: "https://wardpanel.example.org",
      }).POLICE_FORCE_ID,
    ).toBe("leicestershire");
    expect(readEnv({ POLICE_FORCE_ID: "city-of-london" }).DEMO_DATA).toBe(true);
  });
});
