import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { subscribers } from "../schema";
import { createTestDb } from "../testing";
import { confirmSubscription, requestSubscription } from "./subscriptions";

const WARD = "E05013653";
const NOW = new Date("2030-03-10T12:00:00.000Z");
const languageOf = (db: ReturnType<typeof createTestDb>, id: number) =>
  db.select({ language: subscribers.language }).from(subscribers).where(eq(subscribers.id, id)).get()?.language;

describe("a subscriber's language", () => {
  it("is English unless chosen, is recorded when chosen, and asking again (even confirmed) changes it", () => {
    const db = createTestDb();
    const unsubscribeToken = "unsub-reader";
    const english = requestSubscription(db, {
      wardCode: WARD,
      email: "a@example.test",
      unsubscribeToken: "u-a",
      now: NOW,
    });
    expect(languageOf(db, english.subscriberId)).toBe("en");

    const asked = requestSubscription(db, {
      wardCode: WARD,
      email: "b@example.test",
      unsubscribeToken,
      language: "cy",
      now: NOW,
    });
    expect(languageOf(db, asked.subscriberId)).toBe("cy");
    confirmSubscription(db, { token: asked.confirmToken!, now: NOW });

    const again = requestSubscription(db, {
      wardCode: WARD,
      email: "b@example.test",
      unsubscribeToken,
      language: "en",
      now: NOW,
    });
    expect(again).toEqual({ confirmToken: null, subscriberId: asked.subscriberId });
    expect(languageOf(db, asked.subscriberId)).toBe("en");
  });
});
