import { TRPCError } from "@trpc/server";
import { seedUser, TEST_PASSWORD } from "@wardpanel/db/testing";
import { describe, expect, it } from "vitest";

import { SESSION_LIFETIME_MS, validateSessionToken } from "../auth/sessions";
import { createSignInLimiter } from "../auth/sign-in-limiter";
import { callerFor, createTestDb, recordingCookie } from "../testing";

const BLOOMSBURY = "E05013653";

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

describe("signing in", () => {
  it("signs in with the right password and sets a session cookie that identifies the person", async () => {
    const db = createTestDb();
    const person = await seedUser(db, {
      email: "Sergeant@Example.test",
      roles: [{ role: "sergeant", wardCode: BLOOMSBURY }],
    });
    const cookie = recordingCookie();
    await callerFor(db, null, { sessionCookie: cookie }).auth.signIn({
      email: " SERGEANT@example.test ",
      password: TEST_PASSWORD,
    });

    expect(cookie.value).not.toBeNull();
    const { viewer } = validateSessionToken(db, cookie.value!, new Date());
    expect(viewer?.id).toBe(person.id);
    expect(viewer?.roles.map((r) => r.wardCode)).toEqual([BLOOMSBURY]);
  });

  it("answers a wrong password and an unknown email with the same message", async () => {
    const db = createTestDb();
    await seedUser(db, { email: "known@example.test" });
    const caller = callerFor(db, null);
    const wrongPassword = await errorOf(caller.auth.signIn({ email: "known@example.test", password: "not it" }));
    const unknownEmail = await errorOf(caller.auth.signIn({ email: "unknown@example.test", password: "not it" }));
    expect(wrongPassword.message).toBe(unknownEmail.message);
    expect(wrongPassword.message).toMatch(/email address or password is not right/);
    expect(wrongPassword.code).toBe("BAD_REQUEST");
  });

  it("signs in with the password typed in another Unicode normalisation (NFKC)", async () => {
    const db = createTestDb();
    const chosen = "Café crème brûlée 2026".normalize("NFC");
    await seedUser(db, { email: "accents@example.test", password: chosen });
    const typedOnAnotherDevice = chosen.normalize("NFD");
    expect(typedOnAnotherDevice).not.toBe(chosen);
    await expect(
      callerFor(db, null).auth.signIn({ email: "accents@example.test", password: typedOnAnotherDevice }),
    ).resolves.toBeTruthy();
  });

  it("refuses a deactivated person even with the right password", async () => {
    const db = createTestDb();
    const admin = await seedUser(db, { roles: [{ role: "admin" }] });
    const person = await seedUser(db, { email: "leaver@example.test" });
    await callerFor(db, admin.id).people.setActive({ userId: person.id, isActive: false });
    const error = await errorOf(
      callerFor(db, null).auth.signIn({ email: "leaver@example.test", password: TEST_PASSWORD }),
    );
    expect(error.message).toMatch(/not right/);
  });

  it("rate-limits repeated failures, even when the right password then arrives", async () => {
    const db = createTestDb();
    await seedUser(db, { email: "target@example.test" });
    const signInLimiter = createSignInLimiter({ perAccount: 3, perAddress: 100 });
    const caller = callerFor(db, null, { signInLimiter, clientAddress: "203.0.113.9" });
    for (let i = 0; i < 3; i++) {
      await errorOf(caller.auth.signIn({ email: "target@example.test", password: `guess ${i}` }));
    }
    const blocked = await errorOf(caller.auth.signIn({ email: "target@example.test", password: TEST_PASSWORD }));
    expect(blocked.code).toBe("TOO_MANY_REQUESTS");
    expect(blocked.message).toMatch(/Too many sign-in attempts\. Wait 15 minutes/);

    // Another address is not blocked for the same account.
    const elsewhere = callerFor(db, null, { signInLimiter, clientAddress: "198.51.100.7" });
    await expect(
      elsewhere.auth.signIn({ email: "target@example.test", password: TEST_PASSWORD }),
    ).resolves.toBeTruthy();
  });

  it("limits one address spraying many accounts", async () => {
    const db = createTestDb();
    const signInLimiter = createSignInLimiter({ perAccount: 5, perAddress: 4 });
    const caller = callerFor(db, null, { signInLimiter, clientAddress: "203.0.113.10" });
    // Four from the address's budget, then its one slowed try.
    for (let i = 0; i < 5; i++)
      await errorOf(caller.auth.signIn({ email: `user${i}@example.test`, password: "guess" }));
    expect((await errorOf(caller.auth.signIn({ email: "fresh@example.test", password: "guess" }))).code).toBe(
      "TOO_MANY_REQUESTS",
    );
  });
});

describe("sessions", () => {
  it("sign-out ends the session and clears the cookie", async () => {
    const db = createTestDb();
    const person = await seedUser(db);
    const cookie = recordingCookie();
    await callerFor(db, null, { sessionCookie: cookie }).auth.signIn({ email: person.email, password: TEST_PASSWORD });
    const token = cookie.value!;
    const { viewer } = validateSessionToken(db, token, new Date());
    const { createCaller, createContextInner } = await import("../root");
    await createCaller(
      createContextInner({ db, signInLimiter: createSignInLimiter(), viewer, sessionCookie: cookie }),
    ).auth.signOut();
    expect(cookie.value).toBeNull();
    expect(validateSessionToken(db, token, new Date()).viewer).toBeNull();
  });

  it("expires after 30 days unused, and slides forward when used in its second half", async () => {
    const db = createTestDb();
    const person = await seedUser(db);
    const cookie = recordingCookie();
    const start = new Date("2026-01-01T12:00:00Z");
    await callerFor(db, null, { sessionCookie: cookie, now: () => start }).auth.signIn({
      email: person.email,
      password: TEST_PASSWORD,
    });
    const token = cookie.value!;

    const day20 = new Date(start.getTime() + 20 * 86_400_000);
    const renewed = validateSessionToken(db, token, day20);
    expect(renewed.viewer?.id).toBe(person.id);
    expect(renewed.renewedUntil?.getTime()).toBe(day20.getTime() + SESSION_LIFETIME_MS);

    const afterRenewedExpiry = new Date(day20.getTime() + SESSION_LIFETIME_MS + 1);
    expect(validateSessionToken(db, token, afterRenewedExpiry).viewer).toBeNull();
    // Once expired it is gone, even if the clock went backwards.
    expect(validateSessionToken(db, token, day20).viewer).toBeNull();
  });
});

describe("invitations", () => {
  it("an admin invites a person, who chooses a password once and is signed in with their role", async () => {
    const db = createTestDb();
    const admin = await seedUser(db, { roles: [{ role: "admin" }] });
    const { invitePath } = await callerFor(db, admin.id).people.invite({
      email: "new.chair@example.test",
      name: "New Chair",
      grant: { role: "chair", wardCode: BLOOMSBURY },
    });
    const token = invitePath.replace("/invite/", "");
    const publicCaller = callerFor(db, null);
    expect(await publicCaller.auth.invitation({ token })).toEqual({
      name: "New Chair",
      email: "new.chair@example.test",
    });

    const mismatch = await errorOf(
      publicCaller.auth.acceptInvite({ token, password: "a long password 1", confirmPassword: "different" }),
    );
    expect(mismatch.code).toBe("BAD_REQUEST");

    const cookie = recordingCookie();
    await callerFor(db, null, { sessionCookie: cookie }).auth.acceptInvite({
      token,
      password: "a long password 1",
      confirmPassword: "a long password 1",
    });
    const { viewer } = validateSessionToken(db, cookie.value!, new Date());
    expect(viewer?.name).toBe("New Chair");
    expect(viewer?.roles.map((r) => [r.role, r.wardCode])).toEqual([["chair", BLOOMSBURY]]);

    const reused = await errorOf(
      publicCaller.auth.acceptInvite({ token, password: "another password 2", confirmPassword: "another password 2" }),
    );
    expect(reused.message).toMatch(/expired or has already been used/);
    await expect(
      publicCaller.auth.signIn({ email: "new.chair@example.test", password: "a long password 1" }),
    ).resolves.toEqual({ name: "New Chair" });
  });

  it("refuses to invite an email that already has an account, naming the field", async () => {
    const db = createTestDb();
    const admin = await seedUser(db, { roles: [{ role: "admin" }], email: "admin@example.test" });
    const error = await errorOf(
      callerFor(db, admin.id).people.invite({
        email: "ADMIN@example.test",
        name: "Dup",
        grant: { role: "admin", wardCode: null },
      }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe("admin@example.test already has an account");
  });
});
