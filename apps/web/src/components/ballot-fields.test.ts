import type { VoteConfig } from "@wardpanel/voting";
import { describe, expect, it } from "vitest";

import { checkDraft } from "./ballot-fields";

describe("checkDraft on a ranked ballot", () => {
  it("flags every wrong rank at its option and lists them all for the summary (1, 1 and 5 of 4 options)", () => {
    const config: VoteConfig = {
      method: { kind: "ranked" },
      seats: 1,
      ballotSecrecy: "secret",
      tieBreak: "earliest-raised",
      candidates: ["Speeding", "Litter", "Parking", "Graffiti"].map((title) => ({ id: title.toLowerCase(), title })),
    };
    const checked = checkDraft(config, { speeding: 1, litter: 1, parking: 5 });
    expect(checked.ballot).toBeNull();
    expect(Object.keys(checked.fieldErrors)).toEqual(["litter", "parking"]);
    expect(checked.problems).toHaveLength(2);
    expect(checked.problems[1]).toContain("Parking is ranked 5");
  });
});
