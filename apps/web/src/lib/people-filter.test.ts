import { describe, expect, it } from "vitest";

import { filterPeople } from "./people-filter";

const CAMDEN = "E09000007";
const HACKNEY = "E09000012";
const people = [
  {
    name: "Amara Patel",
    email: "amara@met.example",
    roles: [{ role: "sergeant" as const, wardName: "Bloomsbury", boroughCode: CAMDEN }],
  },
  {
    name: "Bea Chair",
    email: "bea@example.test",
    roles: [{ role: "chair" as const, wardName: "Dalston", boroughCode: HACKNEY }],
  },
  {
    name: "Sam Admin",
    email: "sam@example.test",
    roles: [{ role: "admin" as const, wardName: null, boroughCode: null }],
  },
];
const all = { text: "", role: "" as const, boroughCode: "" };

describe("filterPeople", () => {
  it("keeps everyone when nothing is chosen", () => {
    expect(filterPeople(people, all)).toHaveLength(3);
  });

  it("finds by part of the name, the e-mail or a ward, in any case", () => {
    expect(filterPeople(people, { ...all, text: " PATEL " }).map((p) => p.name)).toEqual(["Amara Patel"]);
    expect(filterPeople(people, { ...all, text: "sam@" }).map((p) => p.name)).toEqual(["Sam Admin"]);
    expect(filterPeople(people, { ...all, text: "dalston" }).map((p) => p.name)).toEqual(["Bea Chair"]);
    expect(filterPeople(people, { ...all, text: "nobody" })).toEqual([]);
  });

  it("narrows by role and by the borough of a ward role, together", () => {
    expect(filterPeople(people, { ...all, role: "chair" }).map((p) => p.name)).toEqual(["Bea Chair"]);
    expect(filterPeople(people, { ...all, boroughCode: CAMDEN }).map((p) => p.name)).toEqual(["Amara Patel"]);
    expect(filterPeople(people, { ...all, role: "chair", boroughCode: CAMDEN })).toEqual([]);
  });
});
