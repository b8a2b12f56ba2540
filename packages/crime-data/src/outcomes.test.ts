import { describe, expect, it } from "vitest";

import {
  isKnownOutcome,
  KNOWN_OUTCOMES,
  normaliseOutcomeName,
  OUTCOME_GROUPS,
  outcomeGroupLabel,
  outcomeGroupOf,
} from "./outcomes";
import { naiveCount, naiveRows, REAL_FILES } from "./testing/real-data";

describe("outcome names and groups", () => {
  it("normalises the CSV spelling to the API's", () => {
    expect(normaliseOutcomeName("Offender given penalty notice")).toBe("Offender given a penalty notice");
    expect(normaliseOutcomeName(" Under investigation ")).toBe("Under investigation");
    expect(normaliseOutcomeName("Offender given a penalty notice")).toBe("Offender given a penalty notice");
  });

  it("groups outcomes in plain English", () => {
    expect(outcomeGroupOf("Suspect charged")).toBe("charged");
    expect(outcomeGroupOf("Offender sent to prison")).toBe("charged");
    expect(outcomeGroupOf("Offender given penalty notice")).toBe("out-of-court");
    expect(outcomeGroupOf("Local resolution")).toBe("out-of-court");
    expect(outcomeGroupOf("Under investigation")).toBe("under-investigation");
    expect(outcomeGroupOf("Investigation complete; no suspect identified")).toBe("no-suspect");
    expect(outcomeGroupOf("Formal action is not in the public interest")).toBe("unable-to-prosecute");
    expect(outcomeGroupOf("Action to be taken by another organisation")).toBe("other");
    expect(outcomeGroupLabel("out-of-court")).toBe("Cautioned or given another out-of-court outcome");
  });

  it("puts an outcome police.uk adds later in Other rather than failing", () => {
    expect(isKnownOutcome("Offender given a community resolution order")).toBe(false);
    expect(outcomeGroupOf("Offender given a community resolution order")).toBe("other");
  });

  it("knows every outcome in the real files, and uses every group", () => {
    const names = [REAL_FILES.city202401, REAL_FILES.city202402, REAL_FILES.metStreet202412].flatMap((p) => [
      ...naiveCount(naiveRows(p), 10).keys(),
    ]);
    names.push(...naiveCount(naiveRows(REAL_FILES.metOutcomes202412), 9).keys());
    for (const name of names.filter((n) => n !== "")) expect(isKnownOutcome(name), name).toBe(true);
    const used = new Set(KNOWN_OUTCOMES.map(outcomeGroupOf));
    expect([...used].sort()).toEqual(OUTCOME_GROUPS.map((g) => g.id).sort());
  });
});
