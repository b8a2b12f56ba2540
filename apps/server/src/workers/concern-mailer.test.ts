import { callerFor } from "@wardpanel/api/testing";
import { getFollowedConcern } from "@wardpanel/db/queries/concern-events";
import { erasePersonalData } from "@wardpanel/db/queries/personal-data-erase";
import { endPriority, getPriorityInWard, publishPriority, updatePriority } from "@wardpanel/db/queries/priorities";
import {
  buildPriorityFields,
  createTestDb,
  seedPanelWithMembers,
  seedPublishedMeeting,
  seedPublishedVote,
  seedUser,
} from "@wardpanel/db/testing";
import { afterEach, describe, expect, it } from "vitest";

import { createPackTransport } from "../mail/mail-transport";
import { startTestSmtpServer } from "../mail/testing-smtp";
import { sendDueConcernEmails } from "./concern-mailer";

const WARD = "E05013653";
const BASE_URL = "https://wardpanel.example";
const SECRET = "a-secret-for-router-tests-only-not-for-a-server";

describe("concern e-mails over real SMTP", () => {
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>> | null = null;
  afterEach(async () => {
    await smtp?.close();
    smtp = null;
  });

  async function setUp() {
    smtp = await startTestSmtpServer();
    const db = createTestDb();
    const sergeant = await seedUser(db, { email: "sgt@example.test", roles: [{ role: "sergeant", wardCode: WARD }] });
    const transport = createPackTransport({
      SMTP_URL: smtp.url,
      PACK_OUTBOX_DIR: "/nonexistent",
      MAIL_FROM: "Ward Panel <updates@wardpanel.invalid>",
    });
    const deliver = () => sendDueConcernEmails(db, { transport, baseUrl: BASE_URL, tokenSecret: SECRET });
    const raise = (description: string, contactEmail: string) =>
      callerFor(db, null).concerns.submit({
        wardCode: WARD,
        description,
        location: "Russell Square",
        postcode: "",
        lon: null,
        lat: null,
        category: "anti-social-behaviour",
        website: "",
        openedAt: Date.now() - 10_000,
        hasConsent: contactEmail !== "",
        contactEmail,
      });
    const staff = callerFor(db, sergeant.id);
    const received = smtp.received;
    const mailTo = (address: string) => received.filter((m) => m.to.includes(address));
    return { db, deliver, raise, staff, mailTo, received };
  }

  it("sends a consenting raiser each step with the reference and the follow link; nothing to one without consent", async () => {
    const { db, deliver, raise, staff, mailTo, received } = await setUp();
    const withConsent = await raise("Bikes stolen from the stands", "ada@example.test");
    const without = await raise("Bikes stolen by the station", "");
    const another = await raise("Shouting at night", "ben@example.test");
    expect(withConsent.reference).toMatch(/^WP-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(withConsent.followPath).toMatch(/^\/concerns\/[\w-]{40,}$/);

    await deliver();
    expect(mailTo("ada@example.test")).toHaveLength(1);
    const ack = defined0(mailTo("ada@example.test")[0]);
    expect(ack.headers).toContain(`We have your concern (${withConsent.reference})`);
    expect(ack.body).toContain(withConsent.reference);
    expect(ack.body).toContain(`${BASE_URL}${withConsent.followPath}`);

    const queue = await staff.concerns.queue({ wardCode: WARD });
    const idOf = (description: string) => defined0(queue.find((c) => c.description === description)).id;
    await staff.concerns.merge({
      wardCode: WARD,
      keepId: idOf("Bikes stolen by the station"),
      mergeIds: [idOf("Bikes stolen from the stands")],
    });
    await staff.concerns.shortlist({
      wardCode: WARD,
      concernId: idOf("Bikes stolen by the station"),
      isShortlisted: true,
    });
    await staff.concerns.reject({
      wardCode: WARD,
      concernId: idOf("Shouting at night"),
      reason: "A council noise team matter: we passed it on",
    });
    await deliver();

    const ada = mailTo("ada@example.test");
    expect(ada.map((m) => m.headers.match(/Subject: (.*)/)?.[1])).toEqual([
      `We have your concern (${withConsent.reference})`,
      `Your concern has been joined with another (${withConsent.reference})`,
    ]);
    expect(ada[1]?.body).toContain(`${BASE_URL}${withConsent.followPath}`);
    expect(ada[1]?.body).toContain(defined0(without.reference));
    const ben = mailTo("ben@example.test");
    expect(ben).toHaveLength(2);
    expect(ben[1]?.body).toContain("A council noise team matter: we passed it on");
    expect(ben[1]?.body).toContain(defined0(another.reference));
    // The concern raised without consent, shortlisted, sent nothing to anyone.
    expect(received.flatMap((m) => m.to).sort()).toEqual([
      "ada@example.test",
      "ada@example.test",
      "ben@example.test",
      "ben@example.test",
    ]);

    const followed = await callerFor(db, null).concerns.follow({ token: defined0(another.followPath).slice(10) });
    expect(followed.status).toBe("rejected");
    expect(followed.history.map((h) => h.kind)).toEqual(["received", "rejected"]);
    expect(followed.rejectionReason).toBe("A council noise team matter: we passed it on");
    expect(JSON.stringify(followed)).not.toContain("ben@example.test");
    await expect(callerFor(db, null).concerns.follow({ token: "x".repeat(27) })).rejects.toThrow(/does not lead/);
  });

  it("tells a consenting raiser when the concern becomes a priority and when that priority ends", async () => {
    const { db, deliver, mailTo } = await setUp();
    const now = new Date("2026-11-20T19:05:00Z");
    seedPanelWithMembers(db, WARD, 3);
    const meetingId = seedPublishedMeeting(db, { wardCode: WARD, date: "2026-11-20", now: new Date("2026-11-01") });
    const { priorityIds } = seedPublishedVote(db, {
      wardCode: WARD,
      meetingId,
      concerns: ["Drug dealing by the play area", "Speeding on Gower Street"],
      approvals: [[0], [0], [0, 1]],
      seats: 1,
      now,
      contactEmails: ["cai@example.test", "dee@example.test"],
    });
    const priorityId = defined0(priorityIds[0]);
    // The concern's category carries over to the priority (one list for both).
    expect(getPriorityInWard(db, WARD, priorityId).category).toBe("anti-social-behaviour");
    updatePriority(db, {
      wardCode: WARD,
      priorityId,
      fields: buildPriorityFields({ title: "Dealing by the play area" }),
      now,
    });
    publishPriority(db, { wardCode: WARD, priorityId, now });
    endPriority(db, {
      wardCode: WARD,
      priorityId,
      outcome: "achieved",
      date: "2027-02-01",
      reason: "Reports of dealing fell from nine to one.",
      supersededById: null,
      now,
    });
    await deliver();
    const cai = mailTo("cai@example.test");
    expect(cai.map((m) => m.headers.match(/Subject: (.*?) \(/)?.[1])).toEqual([
      "We have your concern",
      "Your concern is on the shortlist",
      "Your concern has become a ward priority",
      "The priority from your concern has ended",
    ]);
    expect(cai[2]?.body).toContain(`${BASE_URL}/wards/${WARD}/priorities`);
    expect(cai[3]?.body).toContain("Reports of dealing fell from nine to one.");
    expect(cai[3]?.body).toContain("/concerns/");
    // The concern that lost the vote stays on the shortlist: no news is sent.
    expect(mailTo("dee@example.test")).toHaveLength(2);
  });

  it("tells the raiser, in their language, when a rejected concern is restored; the follow page shows it", async () => {
    const { db, deliver, staff, mailTo } = await setUp();
    const raised = await callerFor(db, null).concerns.submit({
      wardCode: WARD,
      description: "Beiciau'n cael eu dwyn o'r orsaf",
      location: "Russell Square",
      postcode: "",
      lon: null,
      lat: null,
      category: "anti-social-behaviour",
      website: "",
      openedAt: Date.now() - 10_000,
      hasConsent: true,
      contactEmail: "gwen@example.test",
      language: "cy",
    });
    const [concern] = await staff.concerns.queue({ wardCode: WARD });
    const ref = { wardCode: WARD, concernId: defined0(concern).id };
    await staff.concerns.reject({ ...ref, reason: "Rejected by mistake" });
    await staff.concerns.restore(ref);
    await deliver();
    const gwen = mailTo("gwen@example.test");
    expect(gwen.map((m) => m.headers.match(/Subject: (.*?) \(/)?.[1])).toEqual([
      "Mae eich pryder gennym",
      "Ni fydd eich pryder yn dod yn flaenoriaeth",
      "Mae eich pryder yn cael ei ystyried eto",
    ]);
    expect(gwen[2]?.body).toContain(defined0(raised.reference));
    expect(gwen[2]?.body).toContain(`${BASE_URL}${defined0(raised.followPath)}`);
    const followed = await callerFor(db, null).concerns.follow({ token: defined0(raised.followPath).slice(10) });
    expect(followed.status).toBe("new");
    expect(followed.rejectionReason).toBe("");
    expect(followed.history.map((h) => h.kind)).toEqual(["received", "rejected", "restored"]);
  });

  it("sends nothing more once the address is erased", async () => {
    const { db, deliver, raise, staff, mailTo } = await setUp();
    const raised = await raise("Graffiti on the bridge", "eve@example.test");
    await deliver();
    expect(mailTo("eve@example.test")).toHaveLength(1);
    erasePersonalData(db, { email: "eve@example.test", actingUserId: null });
    const [concern] = await staff.concerns.queue({ wardCode: WARD });
    await staff.concerns.shortlist({ wardCode: WARD, concernId: defined0(concern).id, isShortlisted: true });
    await deliver();
    expect(mailTo("eve@example.test")).toHaveLength(1);
    // The follow page still shows the change.
    const token = defined0(raised.followPath).slice("/concerns/".length);
    expect(getFollowedConcern(db, token)?.history.map((h) => h.kind)).toEqual(["received", "shortlisted"]);
  });
});

function defined0<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error("missing");
  return value;
}
