import { describe, expect, it } from "vitest";

import { AcceptInviteInput, BoroughCode, InviteInput, SignInInput, TeamContactsInput, WardCode } from "./index";

describe("shared schemas", () => {
  it("normalise ward codes and emails the way people type them", () => {
    expect(WardCode.parse(" e05013653 ")).toBe("E05013653");
    expect(WardCode.safeParse("Bloomsbury").error?.issues[0]?.message).toBe(
      "A ward code looks like E05000138 (W05… in Wales)",
    );
    expect(WardCode.parse("w05001005")).toBe("W05001005");
    expect(SignInInput.parse({ email: "  Jo@Example.TEST ", password: "x" }).email).toBe("jo@example.test");
  });

  it("take every kind of ONS local authority code as a borough, and nothing else", () => {
    // Camden (London borough), Leicester (unitary), Charnwood (district), Manchester (metropolitan), Newport (Wales).
    for (const code of ["E09000007", "E06000016", "E07000130", "E08000003", "W06000022"])
      expect(BoroughCode.parse(code)).toBe(code);
    for (const code of ["E05000138", "E10000018", "S12000036", "E0700013"])
      expect(BoroughCode.safeParse(code).error?.issues[0]?.message).toBe(
        "A borough or district code looks like E09000007 or E07000130",
      );
  });

  it("tie every role but admin to a ward, with the message on the ward field", () => {
    const noWard = InviteInput.safeParse({ email: "a@b.test", name: "A", grant: { role: "chair", wardCode: null } });
    expect(noWard.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["grant.wardCode", "Choose the ward this role is for"],
    ]);
    const adminWithWard = InviteInput.safeParse({
      email: "a@b.test",
      name: "A",
      grant: { role: "admin", wardCode: "E05013653" },
    });
    expect(adminWithWard.error?.issues[0]?.path).toEqual(["grant", "wardCode"]);
    expect(
      InviteInput.safeParse({ email: "a@b.test", name: "A", grant: { role: "admin", wardCode: null } }).success,
    ).toBe(true);
  });

  it("ask for a 12-character password typed the same twice", () => {
    const short = AcceptInviteInput.safeParse({ token: "a".repeat(27), password: "short", confirmPassword: "short" });
    expect(short.error?.issues[0]?.message).toBe("Use at least 12 characters");
    const mismatch = AcceptInviteInput.safeParse({
      token: "a".repeat(27),
      password: "long enough one",
      confirmPassword: "long enough two",
    });
    expect(mismatch.error?.issues.map((i) => i.path.join("."))).toEqual(["confirmPassword"]);
  });

  it("store empty team contact fields as nothing rather than empty text", () => {
    const parsed = TeamContactsInput.parse({
      wardCode: "E05013653",
      baseName: " ",
      baseAddress: "",
      email: "",
      phone: "101",
      publicNote: "",
    });
    expect(parsed).toEqual({
      wardCode: "E05013653",
      baseName: null,
      baseAddress: null,
      email: null,
      phone: "101",
      publicNote: null,
    });
  });
});
