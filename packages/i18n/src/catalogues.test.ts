import { describe, expect, it } from "vitest";

import { flatten, languagesOf, SOURCE_LANGUAGE } from "./catalogue";
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

// <Trans> parses a message as HTML: a tag named like a void element (<link>, <img>) closes at once
// and the words it wraps fall outside it, leaving (say) a link with no text.
const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
]);
it.each(Object.keys(catalogues))("%s.json wraps words only in tags <Trans> can fill", (code) => {
  const wrong = [...flatten(catalogues[code] ?? {})]
    .filter(([, text]) => [...text.matchAll(/<(\w+)>/g)].some((tag) => VOID.has(tag[1] ?? "")))
    .map(([key]) => key);
  expect(wrong).toEqual([]);
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
