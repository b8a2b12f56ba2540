import { describe, expect, it } from "vitest";

import { shortlistLine } from "./shortlist-line";

describe("shortlistLine", () => {
  it("does not repeat the concern's words when they are the option's title and its place (the trial's case)", () => {
    const c = {
      description: "Graffiti in the Antrim Road underpass",
      location: "Graffiti in the Antrim Road underpass",
      raisedCount: 1,
      ballotWording: null,
    };
    expect(shortlistLine(c)).toEqual({ title: "Graffiti in the Antrim Road underpass", detail: "raised by 1" });
  });

  it("names the place when the title does not say it", () => {
    const c = {
      description: "Speeding past the school",
      location: "Belsize Avenue",
      raisedCount: 3,
      ballotWording: null,
    };
    expect(shortlistLine(c)).toEqual({ title: "Speeding past the school", detail: "Belsize Avenue; raised by 3" });
  });

  it("shows the words as raised only when the ballot wording differs from them", () => {
    const c = {
      description: "cars go too fast outside the school every morning",
      location: "Belsize Avenue",
      raisedCount: 2,
      ballotWording: "Speeding on Belsize Avenue past the school",
    };
    expect(shortlistLine(c)).toEqual({
      title: "Speeding on Belsize Avenue past the school",
      detail: "raised as “cars go too fast outside the school every morning”; raised by 2",
    });
  });
});
