import { describe, expect, it } from "vitest";

import { createRecognisedSignIns } from "./recognised-sign-ins";

describe("recognised sign-ins", () => {
  it("recognises an account at an address for its lifetime, refreshed by each sign-in", () => {
    let now = 0;
    const recognised = createRecognisedSignIns(1000, () => now);
    recognised.remember("a@example.test", "192.0.2.1");
    expect(recognised.has("a@example.test", "192.0.2.1")).toBe(true);
    expect(recognised.has("a@example.test", "192.0.2.2")).toBe(false);
    expect(recognised.has("b@example.test", "192.0.2.1")).toBe(false);

    now = 900;
    recognised.remember("a@example.test", "192.0.2.1");
    now = 1500;
    expect(recognised.has("a@example.test", "192.0.2.1")).toBe(true);
    now = 1900;
    expect(recognised.has("a@example.test", "192.0.2.1")).toBe(false);
  });
});
