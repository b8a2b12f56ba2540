import { describe, expect, it } from "vitest";

import { CrimeIdentities } from "./crime-identity";

const asb = [
  "",
  "2024-01",
  "City of London Police",
  "City of London Police",
  "",
  "",
  "No Location",
  "",
  "",
  "Anti-social behaviour",
  "",
  "",
];

describe("CrimeIdentities", () => {
  it("keeps a Crime ID and numbers its repeats", () => {
    const ids = new CrimeIdentities();
    expect([ids.idFor("abc", "2024-01", []), ids.idFor("def", "2024-01", []), ids.idFor("abc", "2024-01", [])]).toEqual(
      ["abc", "def", "abc#2"],
    );
  });

  it("derives distinct ids for identical ASB rows, the same on every run", () => {
    const run = () => {
      const ids = new CrimeIdentities();
      return [ids.idFor(null, "2024-01", asb), ids.idFor(null, "2024-01", asb)];
    };
    const [first, second] = run();
    expect(first).toMatch(/^derived-[0-9a-f]{40}$/);
    expect(second).not.toBe(first);
    expect(run()).toEqual([first, second]);
  });

  it("does not depend on unrelated rows before it", () => {
    const alone = new CrimeIdentities().idFor(null, "2024-01", asb);
    const ids = new CrimeIdentities();
    ids.idFor(
      null,
      "2024-01",
      asb.map((c, i) => (i === 6 ? "On or near Cheapside" : c)),
    );
    ids.idFor("abc", "2024-01", []);
    expect(ids.idFor(null, "2024-01", asb)).toBe(alone);
  });

  it("differs between months and forces", () => {
    const a = new CrimeIdentities().idFor(null, "2024-01", asb);
    expect(new CrimeIdentities().idFor(null, "2024-02", asb)).not.toBe(a);
    expect(
      new CrimeIdentities().idFor(
        null,
        "2024-01",
        asb.map((c, i) => (i === 2 ? "Metropolitan Police Service" : c)),
      ),
    ).not.toBe(a);
  });
});
