import { describe, expect, it } from "vitest";

import { mergeNotes } from "./merge-notes";

describe("mergeNotes", () => {
  it("keeps the other text and adds the writer's lines it lacks, in the writer's order", () => {
    expect(mergeNotes("Burglary down\nPCSO Gill spoke", "Burglary down\nLeaflets agreed\nNext: March")).toBe(
      "Burglary down\nPCSO Gill spoke\nLeaflets agreed\nNext: March",
    );
  });

  it("keeps both texts whole when they share nothing", () => {
    expect(mergeNotes("Chair's line\n", "Minute-taker's line")).toBe("Chair's line\nMinute-taker's line");
  });

  it("gives the other text when the writer added nothing, and the writer's when the other is empty", () => {
    expect(mergeNotes("A\nB", "B\n\nA")).toBe("A\nB");
    expect(mergeNotes("  ", "Mine")).toBe("Mine");
  });
});
