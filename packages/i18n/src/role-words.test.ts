import { describe, expect, it } from "vitest";

import { translatorFor } from "./node";
import { roleWords } from "./role-words";

describe("stored role and rank words, worded at display (issue 13)", () => {
  it("gives officer ranks, presenters and the demo's police guest in Welsh, and leaves English and names alone", () => {
    const cy = translatorFor("cy");
    expect(["Sergeant", "Police Constable", "PCSO", "Chair"].map((w) => roleWords(cy, w))).toEqual([
      "Rhingyll",
      "Cwnstabl",
      "SCCH",
      "Cadeirydd",
    ]);
    expect(roleWords(cy, "Safer Neighbourhoods sergeant (Metropolitan Police)")).toBe(
      "Rhingyll Plismona Bro (Heddlu Metropolitan)",
    );
    expect(cy("agenda.presentedBy", { presenter: roleWords(cy, "Chair") })).toBe("Cyflwynydd: Cadeirydd");
    expect(roleWords(cy, "Sam Chairman (Camden Council)")).toBe("Sam Chairman (Camden Council)");
    const en = translatorFor("en");
    expect(roleWords(en, "Safer Neighbourhoods sergeant (Metropolitan Police)")).toBe(
      "Safer Neighbourhoods sergeant (Metropolitan Police)",
    );
  });
});
