import { describe, expect, it } from "vitest";

import { neededForQuorum, quorumState } from "./quorum";

describe("quorum", () => {
  it("needs more than half of the voting members by default", () => {
    expect(neededForQuorum({ kind: "more_than_half" }, 7)).toBe(4);
    expect(neededForQuorum({ kind: "more_than_half" }, 8)).toBe(5);
    expect(quorumState({ kind: "more_than_half" }, 8, 4).isQuorate).toBe(false);
    expect(quorumState({ kind: "more_than_half" }, 8, 5).isQuorate).toBe(true);
  });

  it("uses a fixed minimum when the panel sets one", () => {
    const state = quorumState({ kind: "fixed", minimum: 3 }, 10, 3);
    expect(state.isQuorate).toBe(true);
    expect(state.explanation).toBe("Quorate: 3 voting members present; the panel's rule needs at least 3.");
  });

  it("says what is missing when not quorate", () => {
    expect(quorumState({ kind: "more_than_half" }, 7, 2).explanation).toBe(
      "Not quorate: 2 voting members present; more than half of 7 voting members is 4.",
    );
  });

  it("is never quorate with no voting members", () => {
    expect(quorumState({ kind: "fixed", minimum: 0 }, 0, 0).isQuorate).toBe(false);
  });
});
