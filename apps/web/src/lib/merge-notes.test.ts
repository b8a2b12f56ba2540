import { describe, expect, it } from "vitest";

import { mergeNotes } from "./merge-notes";

const BASE = "CHAIR: Sgt Lee introduced the team.";

describe("mergeNotes (three-way, by line)", () => {
  it("keeps the shared text once with both additions (the trial's case: one adds a line, one appends)", () => {
    const theirs = `${BASE}\nChair adds A.`;
    const mine = `${BASE} MT adds B.`;
    const merged = mergeNotes(BASE, theirs, mine);
    expect(merged.split(BASE)).toHaveLength(2);
    expect(merged).toContain("Chair adds A.");
    expect(merged).toContain("MT adds B.");
    expect(merged).toBe(`${BASE} MT adds B.\nChair adds A.`);
  });

  it("keeps the shared text once when both add new lines after it", () => {
    expect(mergeNotes(BASE, `${BASE}\nChair adds A.`, `${BASE}\nMT adds B.`)).toBe(
      `${BASE}\nChair adds A.\nMT adds B.`,
    );
  });

  it("joins two appends to the same line into one line", () => {
    expect(mergeNotes(BASE, `${BASE} Chair adds A.`, `${BASE} MT adds B.`)).toBe(`${BASE} Chair adds A. MT adds B.`);
  });

  it("takes each side's change to different lines", () => {
    const base = "Burglary down\nPCSO Gill spoke\nNext: March";
    expect(
      mergeNotes(
        base,
        "Burglary down 10%\nPCSO Gill spoke\nNext: March",
        "Burglary down\nPCSO Gill spoke\nNext: April",
      ),
    ).toBe("Burglary down 10%\nPCSO Gill spoke\nNext: April");
  });

  it("keeps both lines when both changed the same line differently", () => {
    expect(mergeNotes("Leaflets: 100", "Leaflets: 200", "Leaflets: 300")).toBe("Leaflets: 200\nLeaflets: 300");
  });

  it("honours a deletion on one side", () => {
    expect(mergeNotes("A\nB\nC", "A\nC", "A\nB\nC\nD")).toBe("A\nC\nD");
  });

  it("gives the changed side when the other is unchanged, and the writer's when the other is empty", () => {
    expect(mergeNotes("A", "A", "A\nB")).toBe("A\nB");
    expect(mergeNotes("A", "A\nB", "A")).toBe("A\nB");
    expect(mergeNotes("", "  ", "Mine")).toBe("Mine");
    expect(mergeNotes("", "Chair's line", "Minute-taker's line")).toBe("Chair's line\nMinute-taker's line");
  });
});
