import cy from "@wardpanel/i18n/locales/cy.json";
import en from "@wardpanel/i18n/locales/en.json";
import { createInstance, type TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";

import { methodInWords, secrecyInWords, tieBreakInWords, tieInWords } from "./vote-words";

let english: TFunction;
let welsh: TFunction;

beforeAll(async () => {
  const make = async (lng: string) => {
    const instance = createInstance();
    await instance.init({
      lng,
      fallbackLng: "en",
      resources: { en: { translation: en }, cy: { translation: cy } },
      interpolation: { escapeValue: false }, // as the app: React escapes what it draws
    });
    return instance.t;
  };
  english = await make("en");
  welsh = await make("cy");
});

type Config = Parameters<typeof methodInWords>[1];
type Tie = Parameters<typeof tieInWords>[1];
const config = (method: Config["method"], seats = 1) => ({ method, seats }) as Config;

describe("a vote's method, secrecy and ties, worded in the reader's language (issue 13)", () => {
  it("words them in Welsh from the record's config, and in English as before", () => {
    expect(methodInWords(welsh, config({ kind: "approval" } as Config["method"]))).toMatch(/^Pleidleisio cymeradwyo:/);
    expect(methodInWords(welsh, config({ kind: "score", maxScore: 5 } as Config["method"]))).toContain("o 0 i 5");
    expect(methodInWords(english, config({ kind: "ranked" } as Config["method"], 2))).toMatch(
      /^Ranked ballots counted by the single transferable vote/,
    );
    expect(secrecyInWords(welsh, "secret")).toMatch(/^Pleidlais gudd:/);
    expect(secrecyInWords(english, "secret")).toBe(
      "Secret ballot: the record shows who could vote, but not how anyone voted.",
    );
    expect(tieBreakInWords(welsh, "random-seeded")).toBe(
      "Tynnu enw y gall unrhyw un ei wirio, wedi'i hadu gan gofnod y bleidlais",
    );
    const tie = { round: 2, question: "exclude", tied: ["a", "b"], chosen: ["b"], brokenBy: "random-seeded" } as Tie;
    const title = (id: string) => id.toUpperCase();
    expect(tieInWords(english, tie, title)).toBe(
      "Round 2: A, B were tied on which to drop; broken by the panel's rule (a draw anyone can check, seeded by the vote record): B.",
    );
    expect(tieInWords(welsh, tie, title)).toBe(
      "Rownd 2: roedd A, B yn gyfartal ar pa un i'w ollwng; wedi'i dorri gan reol y panel (tynnu enw y gall unrhyw un ei wirio, wedi'i hadu gan gofnod y bleidlais): B.",
    );
  });
});
