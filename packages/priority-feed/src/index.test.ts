import { describe, expect, it } from "vitest";

import { canReadSchemaVersion, FEED_SCHEMA_VERSION } from "./index.js";

describe("feed schema version", () => {
  it("reads its own and compatible minor versions, and refuses another major or nonsense", () => {
    expect(canReadSchemaVersion(FEED_SCHEMA_VERSION)).toBe(true);
    expect(canReadSchemaVersion("1.7.2")).toBe(true);
    expect(canReadSchemaVersion("2.0.0")).toBe(false);
    expect(canReadSchemaVersion("1")).toBe(false);
  });
});
