// Issue 15, item 1: live meetings' server-sent events over real HTTP. Who may listen (as live.view:
// seeWard for the meeting's ward), and that a committed write reaches a listening screen.
import { createLiveEventBus, createSignInLimiter } from "@wardpanel/api";
import type { Db } from "@wardpanel/db/client";
import { markAttendance } from "@wardpanel/db/queries/attendance";
import { setShortlisted, submitConcern } from "@wardpanel/db/queries/concerns";
import { createVote } from "@wardpanel/db/queries/votes";
import { createTestDb, seedPanel, seedPublishedMeeting, seedUser, TEST_PASSWORD } from "@wardpanel/db/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { buildServer } from "./app";
import { readEventStream } from "./testing/event-stream-reader";
import { trpcClientFor } from "./testing/trpc-client";

const BLOOMSBURY = "E05013653";
const HOLBORN = "E05013656";
const liveEvents = createLiveEventBus();

describe("live meeting events (server-sent events)", () => {
  let db: Db;
  let app: FastifyInstance;
  let url: string;
  let meetingId: number;
  const cookies: Record<string, string> = {};
  const ids: Record<string, number> = {};
  const streams: { cancel: () => Promise<void> }[] = [];

  async function signIn(email: string) {
    const response = await fetch(`${url}/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: TEST_PASSWORD }),
    });
    return (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  }

  const meetingEvents = (cookie?: string, ward = BLOOMSBURY, meeting = meetingId) =>
    fetch(`${url}/api/live/wards/${ward}/meetings/${meeting}/events`, { headers: cookie ? { cookie } : {} });

  async function listen(path: string, cookie: string) {
    const response = await fetch(`${url}${path}`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const stream = readEventStream(response);
    streams.push(stream);
    await stream.next((e) => e.event === "ready");
    return stream;
  }

  beforeAll(async () => {
    db = createTestDb();
    seedPanel(db, BLOOMSBURY);
    const people = {
      chair: { role: "chair", wardCode: BLOOMSBURY },
      member: { role: "panel_member", wardCode: BLOOMSBURY },
      "other-chair": { role: "chair", wardCode: HOLBORN },
    } as const;
    for (const [who, role] of Object.entries(people))
      ids[who] = (await seedUser(db, { email: `${who}@example.test`, roles: [role] })).id;
    // Today, so the chair may start it.
    meetingId = seedPublishedMeeting(db, {
      wardCode: BLOOMSBURY,
      date: new Date().toISOString().slice(0, 10),
      now: new Date(Date.now() - 14 * 86_400_000),
    });
    app = await buildServer({
      db,
      env: { COOKIE_SECURE: false, TRUST_PROXY: false, WEB_DIST: "/nonexistent", LOG_LEVEL: "silent" },
      signInLimiter: createSignInLimiter(),
      liveEvents,
      liveHeartbeatMs: 200,
    });
    url = await app.listen({ port: 0, host: "127.0.0.1" });
    for (const who of Object.keys(people)) cookies[who] = await signIn(`${who}@example.test`);
  });
  let closed = false;
  afterAll(async () => {
    await Promise.all(streams.map((s) => s.cancel()));
    if (!closed) await app.close();
  });

  it("refuses the signed out (401), other wards' people (403) and unknown meetings (404)", async () => {
    expect((await meetingEvents()).status).toBe(401);
    expect((await fetch(`${url}/api/live/events`)).status).toBe(401);
    const otherWard = await meetingEvents(cookies["other-chair"]);
    expect(otherWard.status).toBe(403);
    expect(otherWard.headers.get("content-type")).toContain("application/problem+json");
    // Holborn's chair is refused Bloomsbury's meeting even when naming Holborn in the address.
    expect((await meetingEvents(cookies["other-chair"], HOLBORN)).status).toBe(404);
    expect((await meetingEvents(cookies.member, BLOOMSBURY, 999_999)).status).toBe(404);
    expect((await meetingEvents(cookies.member, "not-a-ward")).status).toBe(400);
  });

  it("tells a member's screen the current item moved after the chair's write, with an id and heartbeats", async () => {
    const member = await listen(`/api/live/wards/${BLOOMSBURY}/meetings/${meetingId}/events`, cookies.member ?? "");
    const chair = trpcClientFor(url, cookies.chair);
    await chair.live.start.mutate({ wardCode: BLOOMSBURY, meetingId });
    const started = await member.next((e) => e.event === "change");
    expect(started.data).toMatchObject({ change: "live.start", wardCode: BLOOMSBURY, meetingId });

    const items = (await chair.live.view.query({ wardCode: BLOOMSBURY, meetingId })).items;
    const second = items[1]?.id ?? 0;
    const before = Date.now();
    await chair.live.setCurrentItem.mutate({ wardCode: BLOOMSBURY, meetingId, itemId: second });
    const moved = await member.next((e) => e.event === "change", 1000);
    expect(Date.now() - before).toBeLessThan(1000);
    expect(moved.data).toMatchObject({ change: "live.setCurrentItem", meetingId, itemId: second });
    expect(Number(moved.id)).toBeGreaterThan(Number(started.id));
    expect(await member.heartbeats(1000)).toBeGreaterThan(0);
  });

  it("tells a voting member a vote opened in their ward; the banner's list has it until they vote", async () => {
    const now = new Date();
    for (const description of ["Speeding on Judd Street", "Bike theft at the station"]) {
      const { concernId } = submitConcern(db, {
        wardCode: BLOOMSBURY,
        source: "public_form",
        concern: {
          description,
          location: description,
          postcode: "",
          lon: null,
          lat: null,
          category: "anti-social-behaviour",
          hasConsent: false,
          contactEmail: "",
        },
        tokenSecret: "a-secret-for-tests",
        now,
      });
      setShortlisted(db, { wardCode: BLOOMSBURY, concernId, isShortlisted: true, now });
    }
    for (const who of ["chair", "member"])
      markAttendance(db, { wardCode: BLOOMSBURY, meetingId, userId: ids[who] ?? 0, status: "present", now });
    const voteId = createVote(db, {
      wardCode: BLOOMSBURY,
      meetingId,
      settings: { method: "approval", seats: 1, dotsPerVoter: 5, ballotSecrecy: "secret", tieBreak: "random-seeded" },
      createdBy: null,
    });
    const memberStream = await listen("/api/live/events", cookies.member ?? "");
    const otherStream = await listen("/api/live/events", cookies["other-chair"] ?? "");
    const member = trpcClientFor(url, cookies.member);
    expect(await member.votes.openForMe.query()).toEqual([]);

    await trpcClientFor(url, cookies.chair).votes.open.mutate({ wardCode: BLOOMSBURY, voteId });
    const opened = await memberStream.next((e) => e.event === "change");
    expect(opened.data).toMatchObject({ change: "votes.open", wardCode: BLOOMSBURY, voteId, meetingId });
    expect(await member.votes.openForMe.query()).toEqual([
      { voteId, wardCode: BLOOMSBURY, meetingId, meetingTitle: expect.any(String) as string },
    ]);
    // Holborn's chair cannot vote in Bloomsbury: told nothing.
    await expect(otherStream.next((e) => e.event === "change", 300)).rejects.toThrow(/No matching event/);
    expect(await trpcClientFor(url, cookies["other-chair"]).votes.openForMe.query()).toEqual([]);

    const ballot = await member.votes.ballot.query({ wardCode: BLOOMSBURY, voteId });
    const firstOption = ballot.config.candidates[0]?.id ?? "";
    await member.votes.cast.mutate({ wardCode: BLOOMSBURY, voteId, ballot: { approved: [firstOption] } });
    expect(await member.votes.openForMe.query()).toEqual([]);
  });

  it("ends open streams when the server closes, so shutting down does not hang", async () => {
    expect(liveEvents.listenerCount()).toBeGreaterThan(0);
    await app.close();
    closed = true;
    expect(liveEvents.listenerCount()).toBe(0);
  }, 5000);
});
