import { describe, expect, it } from "vitest";

import { translatorFor } from "./node";
import { ownerWords, roleWords } from "./role-words";

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

  it("words an action's owner when it is a role label as a whole, and leaves free text as written (issue 13 trial)", () => {
    const cy = translatorFor("cy");
    expect(cy("minutes.owner", { owner: ownerWords(cy, "PCSO on the team") })).toContain("SCCH yn y tîm");
    expect(ownerWords(cy, "Chair")).toBe("Cadeirydd");
    expect(ownerWords(cy, "Sergeant")).toBe("Rhingyll");
    expect(ownerWords(cy, "Chair of the residents' association")).toBe("Chair of the residents' association");
    expect(ownerWords(cy, "Camden Council")).toBe("Camden Council");
    expect(ownerWords(translatorFor("en"), "PCSO on the team")).toBe("PCSO on the team");
  });
});
