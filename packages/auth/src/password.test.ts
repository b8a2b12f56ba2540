import { describe, expect, it } from "vitest";

import { isCommonPassword } from "./common-passwords";
import { hashPassword, verifyPassword } from "./password";
import { generateToken, hashToken } from "./tokens";

describe("passwords", () => {
  it("stores an Argon2id hash that verifies only the right password", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(stored.startsWith("$argon2id$")).toBe(true);
    expect(stored).toContain("m=19456,t=2,p=1");
    expect(await verifyPassword(stored, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(stored, "correct horse battery stapler")).toBe(false);
  });

  it("treats a malformed stored hash as a failed check", async () => {
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
  });
});

describe("tokens", () => {
  it("are random, URL-safe and stored only as a hash", () => {
    const a = generateToken();
    const b = generateToken();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]{27}$/);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(a)).toBe(hashToken(a));
  });
});

describe("password normalisation (NIST SP 800-63B §5.1.1.2)", () => {
  it("treats the NFC, NFD and full-width forms of a password as the same password", async () => {
    const stored = await hashPassword("Zoë's ＰＡＳＳＷＯＲＤ for ﬁve wards");
    expect(await verifyPassword(stored, "Zoe\u0308's PASSWORD for five wards")).toBe(true);
    expect(await verifyPassword(stored, "Zoë's PASSWORD for five wards")).toBe(true);
    expect(await verifyPassword(stored, "Zoë's password for five wards")).toBe(false);
  });

  it("still accepts a hash made before normalisation from the password as it was typed", async () => {
    const { hash } = await import("@node-rs/argon2");
    const typed = "Zoe\u0308 chose this before";
    const legacy = await hash(typed);
    expect(await verifyPassword(legacy, typed)).toBe(true);
  });
});

describe("common passwords", () => {
  it("are recognised whatever their case or Unicode form", () => {
    expect(isCommonPassword("password")).toBe(true);
    expect(isCommonPassword("PassWord")).toBe(true);
    expect(isCommonPassword("ｐａｓｓｗｏｒｄ")).toBe(true);
    expect(isCommonPassword("kettle orchard lamp 42")).toBe(false);
  });

  it("counts a listed password padded to pass the length rule, as people pad them", () => {
    // Each passed the 12-character minimum and the plain list check (found by trying it as a new user).
    expect(isCommonPassword("password123456")).toBe(true);
    expect(isCommonPassword("iloveyou1234")).toBe(true);
    expect(isCommonPassword("qwertyuiopas")).toBe(true);
    expect(isCommonPassword("!!Password2026!!")).toBe(true);
    expect(isCommonPassword("correct horse battery")).toBe(false);
    expect(isCommonPassword("Marchmont Street lamps 14")).toBe(false);
  });
});
