import { describe, expect, it } from "vitest";

import { DomainError } from "./errors";
import { defineLifecycle } from "./lifecycle";

const DOOR = defineLifecycle(["shut", "open", "locked"] as const, {
  open: {
    from: ["shut"],
    to: "open",
    refusal: (status) => (status === "locked" ? "Unlock it first" : "It is open already"),
  },
  shut: { from: ["open"], to: "shut", refusal: "It is shut already" },
  lock: { from: ["shut"], to: "locked", refusal: "Shut it first" },
  paint: { from: ["shut", "open", "locked"], refusal: "Never refused" },
});

describe("a lifecycle table", () => {
  it("answers what each status allows, in the table's order", () => {
    expect(DOOR.allowedActions("shut")).toEqual(["open", "lock", "paint"]);
    expect(DOOR.allowedActions("locked")).toEqual(["paint"]);
    expect(DOOR.allows("open", "lock")).toBe(false);
  });

  it("gives the refusal for the status it is refused from, as a DomainError conflict", () => {
    expect(DOOR.refusal("locked", "open")).toBe("Unlock it first");
    expect(DOOR.refusal("open", "open")).toBe("It is open already");
    expect(DOOR.refusal("shut", "open")).toBeNull();
    expect(() => DOOR.assert("open", "lock")).toThrow(new DomainError("conflict", "Shut it first"));
    expect(() => DOOR.assert("open", "lock")).toThrow(expect.objectContaining({ kind: "conflict" }));
    expect(() => DOOR.assert("shut", "lock")).not.toThrow();
  });

  it("counts only steps that change the status as transitions", () => {
    expect(DOOR.canTransition("shut", "locked")).toBe(true);
    expect(DOOR.canTransition("locked", "shut")).toBe(false);
    expect(DOOR.canTransition("open", "open")).toBe(false);
  });
});
