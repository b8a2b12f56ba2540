import { tallyResponses } from "@wardpanel/db/queries/message-figures";
import { seedUser } from "@wardpanel/db/testing";
import { describe, expect, it } from "vitest";

import { callerFor, createTestDb } from "../testing";

const WARD = "E05013653"; // Bloomsbury
const NO_TEAM = "E05013662"; // Holborn & Covent Garden: nobody on Ward Panel in these tests
const HOUR = 3_600_000;
const T0 = new Date("2026-11-02T09:00:00Z");

async function setUp() {
  const db = createTestDb();
  const sergeant = await seedUser(db, { name: "PS Okafor", roles: [{ role: "sergeant", wardCode: WARD }] });
  const pc = await seedUser(db, { name: "PC Lewis", roles: [{ role: "team_member", wardCode: WARD }] });
  const chair = await seedUser(db, { name: "Priya Shah", roles: [{ role: "chair", wardCode: WARD }] });
  const admin = await seedUser(db, { name: "Insp Grey", roles: [{ role: "admin" }] });
  let now = T0;
  const clock = { now: () => now };
  const at = (date: Date) => {
    now = date;
  };
  const as = (userId: number | null) => callerFor(db, userId, clock);
  const send = async (body: string, extra: Record<string, unknown> = {}) => {
    const sent = await as(null).messages.send({
      wardCode: WARD,
      topic: "road-safety",
      body,
      openedAt: now.getTime() - 10_000,
      ...extra,
    });
    return { ...sent, token: (sent.threadPath ?? "").slice("/messages/".length) };
  };
  return { db, sergeant, pc, chair, admin, at, as, send };
}

describe("message your team", () => {
  it("keeps no contact details without consent, and the private link is the only way in", async () => {
    const { as, send, pc } = await setUp();
    const sent = await send("Cars racing down Gower Street at night", {
      name: "Ada",
      contactEmail: "ada@example.test",
      contactPhone: "07700 900123",
      hasConsent: false,
    });
    expect(sent.reference).toMatch(/^WM-[0-9A-HJKMNP-TV-Z]{8}$/);
    const [row] = (await as(pc.id).inbox.forWard({ wardCode: WARD })).messages;
    expect([row!.name, row!.contactEmail, row!.contactPhone]).toEqual(["", "", ""]);

    const thread = await as(null).messages.thread({ token: sent.token });
    expect(thread.body).toBe("Cars racing down Gower Street at night");
    expect(thread.responseDueAt).toEqual(new Date(T0.getTime() + 72 * HOUR));
    await expect(as(null).messages.thread({ token: `${sent.token.slice(0, -2)}xx` })).rejects.toThrow(
      "This link does not lead to a message",
    );
  });

  it("refuses a ward with nobody on Ward Panel to read it", async () => {
    const { as, at } = await setUp();
    at(T0);
    await expect(
      as(null).messages.send({ wardCode: NO_TEAM, topic: "drugs", body: "Dealing by the station", openedAt: 0 }),
    ).rejects.toThrow(); // opened too long ago is checked first; now with a fresh form:
    await expect(
      as(null).messages.send({
        wardCode: NO_TEAM,
        topic: "drugs",
        body: "Dealing by the station",
        openedAt: T0.getTime() - 10_000,
      }),
    ).rejects.toThrow("not on Ward Panel yet");
  });

  it("orders the inbox by time left, and says not good enough only after a team reply", async () => {
    const { as, at, send, pc, sergeant, chair } = await setUp();
    const first = await send("Parking on the pavement outside the school");
    at(new Date(T0.getTime() + 10 * HOUR));
    const second = await send("Speeding on Bedford Way every morning");
    at(new Date(T0.getTime() + 80 * HOUR));
    const inbox = await as(pc.id).inbox.forWard({ wardCode: WARD });
    expect(inbox.messages.map((m) => m.reference)).toEqual([first.reference, second.reference]);
    expect(inbox.messages[0]!.dueAt).toEqual(new Date(T0.getTime() + 72 * HOUR));

    await expect(
      as(null).messages.notGoodEnough({ token: first.token, reason: "Nobody has answered me" }),
    ).rejects.toThrow("once the team has replied");
    const firstId = inbox.messages[0]!.id;
    await as(sergeant.id).inbox.assign({ wardCode: WARD, messageId: firstId, assigneeId: pc.id });
    await as(pc.id).inbox.reply({ wardCode: WARD, messageId: firstId, text: "We have told the school" });
    const afterReply = await as(null).messages.thread({ token: first.token });
    expect(afterReply.status).toBe("answered");
    expect(afterReply.mayComplain).toBe(true);
    expect(afterReply.thread.map((e) => e.kind)).toEqual(["received", "team_reply"]); // no assignment shown
    expect(afterReply.thread[1]!.detail.authorName).toBe("PC Lewis");

    await as(null).messages.notGoodEnough({ token: first.token, reason: "Telling the school is not enough" });
    expect((await as(null).messages.thread({ token: first.token })).mayComplain).toBe(false);
    await expect(
      as(null).messages.notGoodEnough({ token: first.token, reason: "Still not good enough" }),
    ).rejects.toThrow("already said so");

    // Answered ones follow those still waiting; the second, now overdue, comes first.
    const reordered = await as(pc.id).inbox.forWard({ wardCode: WARD });
    expect(reordered.messages.map((m) => m.reference)).toEqual([second.reference, first.reference]);
    expect(reordered.messages[1]!.assigneeName).toBe("PC Lewis");

    // The constable's own list across their wards: only what waits for the team, the assigned one marked.
    await as(null).messages.reply({ token: first.token, text: "The parking is still happening" });
    const mine = await as(pc.id).inbox.mine();
    expect(mine.map((m) => [m.reference, m.wardName, m.isMine])).toEqual([
      [second.reference, "Bloomsbury", false],
      [first.reference, "Bloomsbury", true],
    ]);
    expect(await as(chair.id).inbox.mine()).toEqual([]);
  });

  it("lets only the ward's sergeant and team members be assigned; a closed message takes no reply", async () => {
    const { as, send, sergeant, chair } = await setUp();
    const sent = await send("Bins set alight behind the flats");
    const [message] = (await as(sergeant.id).inbox.forWard({ wardCode: WARD })).messages;
    await expect(
      as(sergeant.id).inbox.assign({ wardCode: WARD, messageId: message!.id, assigneeId: chair.id }),
    ).rejects.toThrow("Choose a sergeant or team member of this ward");
    await as(sergeant.id).inbox.close({ wardCode: WARD, messageId: message!.id });
    await expect(as(null).messages.reply({ token: sent.token, text: "Any news?" })).rejects.toThrow(
      "closed this conversation",
    );
  });

  it("counts a first reply at exactly the target as within it, one minute later as late", async () => {
    const { as, at, send, pc } = await setUp();
    const onTime = await send("Noise from the late bar on Store Street");
    const late = await send("Noise from the late bar, again");
    await send("Shoplifting advice for my shop, please"); // never answered: overdue
    const ids = Object.fromEntries(
      (await as(pc.id).inbox.forWard({ wardCode: WARD })).messages.map((m) => [m.reference, m.id]),
    );
    at(new Date(T0.getTime() + 72 * HOUR));
    await as(pc.id).inbox.reply({ wardCode: WARD, messageId: ids[onTime.reference!]!, text: "We will visit." });
    at(new Date(T0.getTime() + 72 * HOUR + 60_000));
    await as(pc.id).inbox.reply({ wardCode: WARD, messageId: ids[late.reference!]!, text: "We will visit." });
    const page = await as(null).wards.page({ wardCode: WARD });
    expect(page.takesMessages).toBe(true);
    expect(page.responseFigure).toMatchObject({ received: 3, withinTarget: 1, late: 1, overdue: 1, waiting: 0 });
    expect(page.responseFigure.share).toBeCloseTo(1 / 3);
    expect((await as(null).wards.page({ wardCode: NO_TEAM })).responseFigure.share).toBeNull();
  });
});

describe("oversight of messages", () => {
  it("shows the answered share per ward and borough, and the overdue list", async () => {
    const { as, at, send, pc, admin } = await setUp();
    // = await setUpAdmin;
    const answered = await send("Graffiti on the underpass");
    const waiting = await send("Drug dealing by the station entrance");
    const id = (await as(pc.id).inbox.forWard({ wardCode: WARD })).messages.find(
      (m) => m.reference === answered.reference,
    )!.id;
    at(new Date(T0.getTime() + 2 * HOUR));
    await as(pc.id).inbox.reply({ wardCode: WARD, messageId: id, text: "Reported to Camden for removal." });
    at(new Date(T0.getTime() + 73 * HOUR));
    const oversight = await as(admin.id).oversight.messages({ boroughCode: "E09000007" });
    expect(oversight.wards).toEqual([
      expect.objectContaining({ wardCode: WARD, withinTarget: 1, overdue: 1, share: 0.5 }),
    ]);
    expect(oversight.boroughs).toEqual([expect.objectContaining({ boroughName: "Camden", share: 0.5 })]);
    expect(oversight.overdue.map((m) => m.reference)).toEqual([waiting.reference]);
    expect((await as(admin.id).oversight.messages({ boroughCode: "E09000033" })).wards).toEqual([]);
  });
});

describe("tallyResponses", () => {
  const target = 72;
  it("leaves messages still within their time out of the share, and counts the boundary as within", () => {
    const now = new Date(T0.getTime() + 100 * HOUR);
    const tally = tallyResponses(
      [
        { receivedAt: T0, firstResponseAt: new Date(T0.getTime() + 72 * HOUR) },
        { receivedAt: T0, firstResponseAt: new Date(T0.getTime() + 72 * HOUR + 1) },
        { receivedAt: new Date(now.getTime() - 72 * HOUR), firstResponseAt: null },
        { receivedAt: new Date(now.getTime() - 72 * HOUR - 1), firstResponseAt: null },
      ],
      target,
      now,
    );
    expect(tally).toEqual({ received: 4, withinTarget: 1, late: 1, overdue: 1, waiting: 1, share: 1 / 3 });
    expect(tallyResponses([], target, now).share).toBeNull();
  });
});
