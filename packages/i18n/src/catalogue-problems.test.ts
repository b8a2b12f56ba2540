import { describe, expect, it } from "vitest";

import { catalogueProblems, pluralCategories } from "./catalogue-problems";

const source = {
  language: { name: "English", englishName: "English", reviewed: "yes" },
  page: {
    title: "Find your ward",
    greeting: "Hello {{name}}",
    wards_one: "{{count}} ward",
    wards_other: "{{count}} wards",
  },
};
const welshPlurals = (text: string) =>
  Object.fromEntries(pluralCategories("cy").map((category) => [`wards_${category}`, text]));

describe("catalogueProblems", () => {
  it("accepts a complete translation with every plural form its language needs", () => {
    const cy = {
      language: { name: "Cymraeg", englishName: "Welsh", reviewed: "no" },
      page: { title: "Dod o hyd i'ch ward", greeting: "Helo {{name}}", ...welshPlurals("{{count}} ward") },
    };
    expect(pluralCategories("cy")).toEqual(["zero", "one", "two", "few", "many", "other"]);
    expect(catalogueProblems(source, "cy", cy)).toEqual([]);
  });

  it("names each missing, empty, left-over or mis-placeheld message by file and key", () => {
    const cy = {
      language: { name: "Cymraeg", englishName: "Welsh", reviewed: "no" },
      page: { title: " ", greeting: "Helo {{enw}}", wards_one: "{{count}} ward", wards_other: "{{count}} ward" },
      old: "left over",
    };
    expect(catalogueProblems(source, "cy", cy)).toEqual([
      'cy.json has an empty "page.title".',
      'cy.json "page.greeting" has placeholders {{enw}} but the source has {{name}}.',
      'cy.json is missing "page.wards_zero".',
      'cy.json is missing "page.wards_two".',
      'cy.json is missing "page.wards_few".',
      'cy.json is missing "page.wards_many".',
      'cy.json has "old", which the source does not.',
    ]);
  });

  it("names a message missing altogether, and a plural form the language does not use", () => {
    const fr = {
      language: { name: "Français", englishName: "French", reviewed: "no" },
      page: { title: "Trouver", wards_one: "{{count}} quartier", wards_two: "x", wards_other: "{{count}} quartiers" },
    };
    expect(catalogueProblems(source, "fr", fr)).toEqual(
      expect.arrayContaining([
        'fr.json is missing "page.greeting".',
        'fr.json has "page.wards_two" that fr does not use.',
      ]),
    );
  });
});
