import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { createTestDb } from "../testing";

const MIGRATION = readFileSync(new URL("../../drizzle/0008_concern-category-slugs.sql", import.meta.url), "utf8");

describe("migration 0008: concern categories become slugs of the one list", () => {
  it("maps each of the old list's words to its slug, anything else to 'other', and leaves slugs alone", () => {
    const db = createTestDb();
    const insert = db.$client.prepare(
      "INSERT INTO concerns (ward_code, source, description, location, category, reference) VALUES ('E05013653', 'snt', 'x', 'y', ?, ?)",
    );
    const old = {
      "Anti-social behaviour": "anti-social-behaviour",
      Burglary: "burglary",
      Drugs: "drugs",
      "Vehicle crime": "vehicle-crime",
      Violence: "violent-crime",
      Robbery: "robbery",
      Theft: "other-theft",
      "Criminal damage": "criminal-damage-arson",
      "Road safety": "road-safety",
      Other: "other",
      "Something typed long ago": "other",
      "bicycle-theft": "bicycle-theft",
    };
    Object.keys(old).forEach((category, i) => insert.run(category, `WP-TEST${String(i).padStart(4, "0")}`));
    db.$client.exec(MIGRATION);
    const rows = db.$client.prepare("SELECT category FROM concerns ORDER BY id").all() as { category: string }[];
    expect(rows.map((r) => r.category)).toEqual(Object.values(old));
  });
});
