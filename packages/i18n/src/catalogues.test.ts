import { describe, expect, it } from "vitest";

import { languagesOf, SOURCE_LANGUAGE } from "./catalogue";
import { catalogueProblems } from "./catalogue-problems";
import { chooseLanguage } from "./choose-language";
import { readCatalogues } from "./node";

const catalogues = readCatalogues();
const source = catalogues[SOURCE_LANGUAGE];

describe("the shipped catalogues", () => {
  it("include English and Welsh, English first, Welsh marked for review", () => {
    expect(languagesOf(catalogues).map(({ code, name, reviewed }) => ({ code, name, reviewed }))).toEqual(
      expect.arrayContaining([
        { code: "en", name: "English", reviewed: true },
        { code: "cy", name: "Cymraeg", reviewed: false },
      ]),
    );
    expect(languagesOf(catalogues)[0]?.code).toBe("en");
  });

  // Fails, naming the file and key, whenever a message is added to English and not to a translation.
  it.each(Object.keys(catalogues).filter((code) => code !== SOURCE_LANGUAGE))("%s.json is complete", (code) => {
    expect(source).toBeDefined();
    expect(catalogueProblems(source ?? {}, code, catalogues[code] ?? {})).toEqual([]);
  });
});

describe("chooseLanguage", () => {
  const available = ["en", "cy"];
  it("takes the first preference it has a catalogue for, by primary subtag", () => {
    expect(chooseLanguage(available, [null, "cy-GB", "en"])).toBe("cy");
    expect(chooseLanguage(available, ["pl", "CY"])).toBe("cy");
    expect(chooseLanguage(available, ["fr-FR", "de"])).toBe("en");
    expect(chooseLanguage(available, [])).toBe("en");
  });
});
