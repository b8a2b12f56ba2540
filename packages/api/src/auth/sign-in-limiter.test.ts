import { TRPCError } from "@trpc/server";
import { seedUser, TEST_PASSWORD } from "@wardpanel/db/testing";
import { describe, expect, it } from "vitest";

import { callerFor, createTestDb } from "../testing";
import { createSignInLimiter, type SignInLimiter } from "./sign-in-limiter";

const STATION = "203.0.113.20";

/** Signs in as the public would, answering "signed in", "wrong" (the password was checked) or "too many" (it was not). */
function signInFrom(db: ReturnType<typeof createTestDb>, signInLimiter: SignInLimiter, clientAddress = STATION) {
  const caller = callerFor(db, null, { signInLimiter, clientAddress });
  return (email: string, password: string) =>
    caller.auth.signIn({ email, password }).then(
      () => "signed in" as const,
      (error: unknown) => {
        if (!(error instanceof TRPCError)) throw error;
        if (error.code === "TOO_MANY_REQUESTS") return "too many" as const;
        if (error.code === "BAD_REQUEST") return "wrong" as const;
        throw error;
      },
    );
}

const count = (answers: string[], answer: string) => answers.filter((a) => a === answer).length;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the sign-in limit holds under parallel tries", () => {
  it("checks at most 5 passwords when 64 guesses at one account arrive at once", async () => {
    const db = createTestDb();
    await seedUser(db, { email: "target@example.test" });
    const signIn = signInFrom(db, createSignInLimiter({ perAccount: 5, perAddress: 100 }));
    const answers = await Promise.all(
      Array.from({ length: 64 }, (_, i) => signIn("target@example.test", `guess ${i}`)),
    );
    expect(count(answers, "wrong")).toBe(5);
    expect(count(answers, "too many")).toBe(59);
  });

  it("checks at most the address's budget and one slowed try when 64 accounts are sprayed at once", async () => {
    const db = createTestDb();
    const signIn = signInFrom(db, createSignInLimiter({ perAccount: 5, perAddress: 10, slowedSeconds: 60 }));
    const answers = await Promise.all(
      Array.from({ length: 64 }, (_, i) => signIn(`user${i}@example.test`, "Password1")),
    );
    expect(count(answers, "wrong")).toBe(11);
    expect(count(answers, "too many")).toBe(53);
  });

  it("still lets the right password in after a few wrong ones, and clears the account's count", async () => {
    const db = createTestDb();
    await seedUser(db, { email: "typo@example.test" });
    const signIn = signInFrom(db, createSignInLimiter({ perAccount: 3, perAddress: 100 }));
    expect(await signIn("typo@example.test", "typo 1")).toBe("wrong");
    expect(await signIn("typo@example.test", "typo 2")).toBe("wrong");
    expect(await signIn("typo@example.test", TEST_PASSWORD)).toBe("signed in");
    // Three fresh tries again, not one.
    expect(await signIn("typo@example.test", "typo 3")).toBe("wrong");
    expect(await signIn("typo@example.test", "typo 4")).toBe("wrong");
    expect(await signIn("typo@example.test", "typo 5")).toBe("wrong");
    expect(await signIn("typo@example.test", TEST_PASSWORD)).toBe("too many");
  });
});

describe("a shared address (a police station) is slowed, not shut", () => {
  const limits = { perAccount: 3, perAddress: 10, slowedSeconds: 0.4 };

  /** The regular has signed in from the station before; everyone else there is new. */
  async function station() {
    const db = createTestDb();
    await seedUser(db, { email: "regular@example.test" });
    await seedUser(db, { email: "newcomer@example.test" });
    const limiter = createSignInLimiter(limits);
    const signIn = signInFrom(db, limiter);
    expect(await signIn("regular@example.test", TEST_PASSWORD)).toBe("signed in");
    return { db, limiter, signIn };
  }

  it("checks the address's budget and one slowed try of a burst of junk, and lets a recognised account in meanwhile", async () => {
    const { signIn } = await station();
    const junk = Array.from({ length: 30 }, (_, i) => signIn(`junk${i}@example.test`, "junk"));
    const regular = signIn("regular@example.test", TEST_PASSWORD);
    expect(count(await Promise.all(junk), "wrong")).toBe(11);
    expect(await regular).toBe("signed in");
  });

  it("refuses a newcomer during the junk, saying to wait seconds, then lets them in after that wait", async () => {
    const { db, limiter, signIn } = await station();
    const junk = Array.from({ length: 30 }, (_, i) => signIn(`junk${i}@example.test`, "junk"));
    const newcomer = callerFor(db, null, { signInLimiter: limiter, clientAddress: STATION })
      .auth.signIn({ email: "newcomer@example.test", password: TEST_PASSWORD })
      .catch((error: unknown) => error);
    await Promise.all(junk);
    const refusal = await newcomer;
    expect(refusal).toBeInstanceOf(TRPCError);
    expect((refusal as TRPCError).message).toBe(
      "Too many sign-in attempts from your network. Wait 1 second and try again.",
    );

    await pause(limits.slowedSeconds * 1000 + 50);
    expect(await signIn("newcomer@example.test", TEST_PASSWORD)).toBe("signed in");
  });

  it("still stops a brute force on one account from there, recognised or not", async () => {
    const { signIn } = await station();
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signIn("regular@example.test", `guess ${i}`)),
    );
    expect(count(guesses, "wrong")).toBe(limits.perAccount);
    const newcomerGuesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signIn("newcomer@example.test", `guess ${i}`)),
    );
    expect(count(newcomerGuesses, "wrong")).toBe(limits.perAccount);
    expect(await signIn("regular@example.test", TEST_PASSWORD)).toBe("too many");
  });

  it("gives the slowed address one try per slowed period, shared by everyone it does not recognise", async () => {
    const { signIn } = await station();
    await Promise.all(Array.from({ length: 30 }, (_, i) => signIn(`junk${i}@example.test`, "junk")));
    await pause(limits.slowedSeconds * 1000 + 50);
    const burst = await Promise.all(Array.from({ length: 10 }, (_, i) => signIn(`more${i}@example.test`, "junk")));
    expect(count(burst, "wrong")).toBe(1);
  });

  it("does not slow another address", async () => {
    const { db, limiter, signIn } = await station();
    await Promise.all(Array.from({ length: 30 }, (_, i) => signIn(`junk${i}@example.test`, "junk")));
    expect(await signInFrom(db, limiter, "198.51.100.30")("newcomer@example.test", TEST_PASSWORD)).toBe("signed in");
  });
});
