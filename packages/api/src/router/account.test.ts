import { TRPCError } from "@trpc/server";
import { hashPassword } from "@wardpanel/auth";
import { issuePasswordReset } from "@wardpanel/db/queries/account-links";
import { seedUser, TEST_PASSWORD } from "@wardpanel/db/testing";
import { DomainError } from "@wardpanel/validators";
import { describe, expect, it } from "vitest";

import { createSession, validateSessionToken } from "../auth/sessions";
import { callerFor, createTestDb, recordingCookie } from "../testing";

const BLOOMSBURY = "E05013653";
const NEW_PASSWORD = "lamp kettle orchard 42";

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

const fieldOf = (error: TRPCError) => (error.cause instanceof DomainError ? error.cause.field : undefined);
const tokenOf = (path: string) => path.split("/").pop()!;
const isSignedIn = (db: ReturnType<typeof createTestDb>, token: string) =>
  validateSessionToken(db, token, new Date()).viewer !== null;

async function invite(db: ReturnType<typeof createTestDb>, adminId: number, email: string) {
  const { invitePath, userId } = await callerFor(db, adminId).people.invite({
    email,
    name: "New Member",
    grant: { role: "panel_member", wardCode: BLOOMSBURY },
  });
  return { token: tokenOf(invitePath), userId };
}

describe("invitation links", () => {
  it("a newer invitation link voids the older one", async () => {
    const db = createTestDb();
    const admin = await seedUser(db, { roles: [{ role: "admin" }] });
    const { token: first, userId } = await invite(db, admin.id, "twice@example.test");
    const again = await callerFor(db, admin.id).people.sendAccountLink({ userId });
    expect(again.purpose).toBe("invitation");
    const second = tokenOf(again.link);

    const publicCaller = callerFor(db, null);
    const stale = await errorOf(
      publicCaller.auth.acceptInvite({ token: first, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
    );
    expect(stale.code).toBe("NOT_FOUND");
    expect(stale.message).toMatch(/expired or has already been used/);
    await expect(
      publicCaller.auth.acceptInvite({ token: second, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
    ).resolves.toEqual({ signedIn: true });
  });

  it("is dead once the account has a password, however it got one", async () => {
    const db = createTestDb();
    const admin = await seedUser(db, { roles: [{ role: "admin" }] });
    const { token, userId } = await invite(db, admin.id, "legacy@example.test");
    // As in a database from before links were voided: the password was set and the link left alone.
    db.$client
      .prepare("update users set password_hash = ? where id = ?")
      .run(await hashPassword(TEST_PASSWORD), userId);
    const publicCaller = callerFor(db, null);
    expect((await errorOf(publicCaller.auth.invitation({ token }))).code).toBe("NOT_FOUND");
    const refused = await errorOf(
      publicCaller.auth.acceptInvite({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
    );
    expect(refused.code).toBe("NOT_FOUND");
    await expect(
      publicCaller.auth.signIn({ email: "legacy@example.test", password: TEST_PASSWORD }),
    ).resolves.toBeTruthy();
  });

  it("accepting one ends every session the person had before", async () => {
    const db = createTestDb();
    const admin = await seedUser(db, { roles: [{ role: "admin" }] });
    const { token, userId } = await invite(db, admin.id, "sessions@example.test");
    const before = createSession(db, userId, new Date()).token;
    const cookie = recordingCookie();
    await callerFor(db, null, { sessionCookie: cookie }).auth.acceptInvite({
      token,
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(isSignedIn(db, before)).toBe(false);
    expect(isSignedIn(db, cookie.value!)).toBe(true);
  });

  it("an admin's new link for someone with a password is a link to choose a new one, and their password works until it is used", async () => {
    const db = createTestDb();
    const admin = await seedUser(db, { roles: [{ role: "admin" }] });
    const person = await seedUser(db, { email: "forgetful@example.test" });
    const sent = await callerFor(db, admin.id).people.sendAccountLink({ userId: person.id });
    expect(sent).toMatchObject({ purpose: "reset", emailed: false });
    expect(sent.link).toMatch(/^http:\/\/localhost:3000\/reset-password\/[A-Za-z0-9_-]{27}$/);
    const publicCaller = callerFor(db, null);
    await expect(publicCaller.auth.signIn({ email: person.email, password: TEST_PASSWORD })).resolves.toBeTruthy();
    await publicCaller.account.resetPassword({
      token: tokenOf(sent.link),
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    await expect(publicCaller.auth.signIn({ email: person.email, password: NEW_PASSWORD })).resolves.toBeTruthy();
  });
});

describe("choosing a new password from a link", () => {
  it("works once, ends every session, and keeps the old password out", async () => {
    const db = createTestDb();
    const person = await seedUser(db, { email: "reset@example.test" });
    const phone = createSession(db, person.id, new Date()).token;
    const reset = issuePasswordReset(db, { email: "Reset@Example.test", now: new Date() })!;
    const publicCaller = callerFor(db, null);
    expect(await publicCaller.account.resetLink({ token: tokenOf(reset.path) })).toEqual({
      name: person.name,
      email: "reset@example.test",
    });

    await expect(
      publicCaller.account.resetPassword({
        token: tokenOf(reset.path),
        password: NEW_PASSWORD,
        confirmPassword: NEW_PASSWORD,
      }),
    ).resolves.toEqual({
      email: "reset@example.test",
    });
    expect(isSignedIn(db, phone)).toBe(false);
    expect((await errorOf(publicCaller.auth.signIn({ email: person.email, password: TEST_PASSWORD }))).message).toMatch(
      /not right/,
    );

    const reused = await errorOf(
      publicCaller.account.resetPassword({
        token: tokenOf(reset.path),
        password: "another new password 9",
        confirmPassword: "another new password 9",
      }),
    );
    expect(reused.code).toBe("NOT_FOUND");
    expect(fieldOf(reused)).toBe("token");
    await expect(publicCaller.auth.signIn({ email: person.email, password: NEW_PASSWORD })).resolves.toBeTruthy();
  });

  it("expires after one hour", async () => {
    const db = createTestDb();
    const person = await seedUser(db);
    const issuedAt = new Date("2026-03-02T10:00:00Z");
    const fresh = issuePasswordReset(db, { email: person.email, now: issuedAt })!;
    const at = (minutes: number) => callerFor(db, null, { now: () => new Date(issuedAt.getTime() + minutes * 60_000) });
    await expect(at(59).account.resetLink({ token: tokenOf(fresh.path) })).resolves.toMatchObject({
      email: person.email,
    });
    const late = await errorOf(
      at(61).account.resetPassword({
        token: tokenOf(fresh.path),
        password: NEW_PASSWORD,
        confirmPassword: NEW_PASSWORD,
      }),
    );
    expect(late.message).toMatch(/has expired/);
    await expect(at(62).auth.signIn({ email: person.email, password: TEST_PASSWORD })).resolves.toBeTruthy();
  });

  it("refuses a common password against the password field, and keeps the link usable", async () => {
    const db = createTestDb();
    const person = await seedUser(db);
    const reset = issuePasswordReset(db, { email: person.email, now: new Date() })!;
    const caller = callerFor(db, null);
    const common = await errorOf(
      caller.account.resetPassword({
        token: tokenOf(reset.path),
        password: "passwordpassword",
        confirmPassword: "passwordpassword",
      }),
    );
    expect(common.code).toBe("BAD_REQUEST");
    expect(fieldOf(common)).toBe("password");
    expect(common.message).toMatch(/list of passwords that many people use/);
    await expect(caller.account.resetLink({ token: tokenOf(reset.path) })).resolves.toMatchObject({
      email: person.email,
    });
  });

  it("answers an unknown address exactly as a known one", async () => {
    const db = createTestDb();
    await seedUser(db, { email: "known@example.test" });
    const caller = callerFor(db, null);
    const known = await caller.account.requestPasswordReset({ email: "known@example.test" });
    const unknown = await caller.account.requestPasswordReset({ email: "unknown@example.test" });
    expect(unknown.message).toBe(known.message.replace("known@", "unknown@"));
  });

  it("limits requests for one address and from one connection", async () => {
    const db = createTestDb();
    const caller = callerFor(db, null, { clientAddress: "203.0.113.5" });
    for (let i = 0; i < 3; i++) await caller.account.requestPasswordReset({ email: "target@example.test" });
    const flooded = await errorOf(caller.account.requestPasswordReset({ email: "target@example.test" }));
    expect(flooded.code).toBe("TOO_MANY_REQUESTS");
    expect(flooded.message).toMatch(/Too many e-mails have been sent to this address recently\. Wait 60 minutes/);
    expect(fieldOf(flooded)).toBe("email");
  });
});

describe("changing a password while signed in", () => {
  it("needs the current password, then ends every other session but this one", async () => {
    const db = createTestDb();
    const person = await seedUser(db);
    const laptop = createSession(db, person.id, new Date()).token;
    const thisOne = createSession(db, person.id, new Date()).token;
    const { viewer } = validateSessionToken(db, thisOne, new Date());
    const { createCaller, createContextInner } = await import("../root");
    const { createSignInLimiter } = await import("../auth/sign-in-limiter");
    const here = createCaller(createContextInner({ db, signInLimiter: createSignInLimiter(), viewer }));

    const wrong = await errorOf(
      here.account.changePassword({ currentPassword: "not it", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
    );
    expect(fieldOf(wrong)).toBe("currentPassword");
    expect(isSignedIn(db, laptop)).toBe(true);

    await here.account.changePassword({
      currentPassword: TEST_PASSWORD,
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(isSignedIn(db, laptop)).toBe(false);
    expect(isSignedIn(db, thisOne)).toBe(true);
    await expect(
      callerFor(db, null).auth.signIn({ email: person.email, password: NEW_PASSWORD }),
    ).resolves.toBeTruthy();
  });

  it("voids a link to choose a new password sent before the change", async () => {
    const db = createTestDb();
    const person = await seedUser(db);
    const reset = issuePasswordReset(db, { email: person.email, now: new Date() })!;
    await callerFor(db, person.id).account.changePassword({
      currentPassword: TEST_PASSWORD,
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect((await errorOf(callerFor(db, null).account.resetLink({ token: tokenOf(reset.path) }))).code).toBe(
      "NOT_FOUND",
    );
  });
});
