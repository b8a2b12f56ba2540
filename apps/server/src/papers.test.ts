import { createSignInLimiter } from "@wardpanel/api";
import type { Db } from "@wardpanel/db/client";
import { listAgendaItems, publishAgenda } from "@wardpanel/db/queries/agenda";
import { teamMessages } from "@wardpanel/db/schema";
import { createTestDb, seedPublishedMeeting, seedUser, TEST_PASSWORD } from "@wardpanel/db/testing";
import { PAPER_MAX_BYTES } from "@wardpanel/validators";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { buildServer } from "./app";

const BLOOMSBURY = "E05013653";
const HOLBORN = "E05013662";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = (response: Response): Promise<any> => response.json();

describe("agenda papers and the oversight CSV over HTTP", () => {
  let db: Db;
  let app: FastifyInstance;
  let url: string;
  let meetingId: number;
  let itemId: number;
  const cookies: Record<string, string> = {};

  async function signIn(email: string) {
    const response = await fetch(`${url}/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: TEST_PASSWORD }),
    });
    return (response.headers.get("set-cookie") ?? "").split(";")[0]!;
  }

  function upload(content: Buffer, fileName: string, cookie?: string, ward = BLOOMSBURY) {
    const form = new FormData();
    form.append("file", new Blob([content]), fileName);
    return fetch(`${url}/api/wards/${ward}/meetings/${meetingId}/items/${itemId}/papers`, {
      method: "POST",
      body: form,
      headers: cookie ? { cookie } : {},
    });
  }

  beforeAll(async () => {
    db = createTestDb();
    await seedUser(db, { email: "chair@example.test", roles: [{ role: "chair", wardCode: BLOOMSBURY }] });
    await seedUser(db, { email: "member@example.test", roles: [{ role: "panel_member", wardCode: BLOOMSBURY }] });
    await seedUser(db, { email: "other-chair@example.test", roles: [{ role: "chair", wardCode: HOLBORN }] });
    await seedUser(db, { email: "admin@example.test", roles: [{ role: "admin" }] });
    meetingId = seedPublishedMeeting(db, { wardCode: BLOOMSBURY, date: "2099-01-13", now: new Date() });
    itemId = listAgendaItems(db, meetingId)[4]!.id;
    app = await buildServer({
      db,
      env: { COOKIE_SECURE: false, TRUST_PROXY: false, WEB_DIST: "/nonexistent", LOG_LEVEL: "silent" },
      signInLimiter: createSignInLimiter(),
    });
    url = await app.listen({ port: 0, host: "127.0.0.1" });
    for (const who of ["chair", "member", "other-chair", "admin"]) cookies[who] = await signIn(`${who}@example.test`);
  });
  afterAll(() => app.close());

  it("lets the chair upload a PDF, which the public can download only once the agenda is published", async () => {
    const response = await upload(PDF, "crime-report.pdf", cookies.chair);
    expect(response.status).toBe(201);
    const { paper } = await json(response);
    expect(paper).toMatchObject({ fileName: "crime-report.pdf", contentType: "application/pdf", size: PDF.byteLength });

    const paperUrl = `${url}/api/wards/${BLOOMSBURY}/meetings/${meetingId}/papers/${paper.id}`;
    expect((await fetch(paperUrl)).status).toBe(404);
    expect((await fetch(paperUrl, { headers: { cookie: cookies.member! } })).status).toBe(200);
    publishAgenda(db, { wardCode: BLOOMSBURY, meetingId, now: new Date(), publishedBy: null });
    const download = await fetch(paperUrl);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''crime-report.pdf");
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
    expect((await fetch(`${url}/api/wards/${HOLBORN}/meetings/${meetingId}/papers/${paper.id}`)).status).toBe(404);
  });

  it("refuses a file of the wrong type whatever its name, and one over the size limit, saying why", async () => {
    const wrongType = await upload(Buffer.from("MZ\x90\x00 this is a program"), "minutes.pdf", cookies.chair);
    expect(wrongType.status).toBe(415);
    expect(wrongType.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(await json(wrongType)).toEqual({
      type: "https://wardpanel.org/problems/415",
      title: "Unsupported media type",
      status: 415,
      field: "file",
      detail: expect.stringContaining("minutes.pdf is not a file type we accept"),
    });

    const tooBig = await upload(Buffer.concat([PDF, Buffer.alloc(PAPER_MAX_BYTES)]), "huge.pdf", cookies.chair);
    expect(tooBig.status).toBe(413);
    expect(await json(tooBig)).toMatchObject({
      field: "file",
      detail: "huge.pdf is larger than 10 MB. Upload a smaller file.",
    });
    expect(listAgendaItems(db, meetingId)[4]!.papers.map((p) => p.fileName)).toEqual(["crime-report.pdf"]);
  });

  it("lets only the ward's organisers upload", async () => {
    expect((await upload(PDF, "a.pdf")).status).toBe(401);
    expect((await upload(PDF, "a.pdf", cookies.member)).status).toBe(403);
    expect((await upload(PDF, "a.pdf", cookies["other-chair"])).status).toBe(403);
    expect((await upload(PDF, "a.pdf", cookies["other-chair"], HOLBORN)).status).toBe(404);
  });

  it("withdraws a paper taken off the agenda from every published version: the old URL answers 410 with the reason, shown on the meeting page too", async () => {
    const trpc = (path: string, body: unknown, cookie?: string) =>
      fetch(`${url}/trpc/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
        body: JSON.stringify(body),
      });
    const { paper } = await json(await upload(PDF, "witness-statement.pdf", cookies.chair));
    const paperUrl = `${url}/api/wards/${BLOOMSBURY}/meetings/${meetingId}/papers/${paper.id}`;
    publishAgenda(db, { wardCode: BLOOMSBURY, meetingId, now: new Date(), publishedBy: null });
    // Taken off the working agenda and a new version published: the earlier version still hands it out.
    expect(
      (await trpc("agenda.removePaper", { wardCode: BLOOMSBURY, meetingId, paperId: paper.id }, cookies.chair)).status,
    ).toBe(200);
    publishAgenda(db, { wardCode: BLOOMSBURY, meetingId, now: new Date(), publishedBy: null });
    expect((await fetch(paperUrl)).status).toBe(200);

    const withdraw = { wardCode: BLOOMSBURY, meetingId, paperId: paper.id, reason: "It names a witness." };
    expect((await trpc("agenda.withdrawPaper", withdraw, cookies.member)).status).toBe(403);
    expect((await trpc("agenda.withdrawPaper", { ...withdraw, reason: " " }, cookies.chair)).status).toBe(400);
    expect((await trpc("agenda.withdrawPaper", withdraw, cookies.chair)).status).toBe(200);
    expect((await trpc("agenda.withdrawPaper", withdraw, cookies.chair)).status).toBe(409);

    const gone = await fetch(paperUrl);
    expect(gone.status).toBe(410);
    expect(await gone.text()).toMatch(
      /^This paper was withdrawn from the meeting's agenda on \d+ \w+ \d{4}\. Reason: It names a witness\.\n$/,
    );
    // The ward's staff still see it, and who withdrew it and why.
    expect((await fetch(paperUrl, { headers: { cookie: cookies.member! } })).status).toBe(200);
    const staffView = await json(
      await fetch(
        `${url}/trpc/agenda.forMeeting?input=${encodeURIComponent(JSON.stringify({ wardCode: BLOOMSBURY, meetingId }))}`,
        { headers: { cookie: cookies.member! } },
      ),
    );
    expect(staffView.result.data.publishedPapers.find((p: { id: number }) => p.id === paper.id)).toMatchObject({
      fileName: "witness-statement.pdf",
      withdrawn: { reason: "It names a witness.", byName: expect.any(String) },
    });

    const publicView = await json(
      await fetch(
        `${url}/trpc/publicMeeting.view?input=${encodeURIComponent(JSON.stringify({ wardCode: BLOOMSBURY, meetingId }))}`,
      ),
    );
    const agenda = publicView.result.data.agenda;
    expect(agenda.withdrawnPapers).toEqual([
      { id: paper.id, itemTitle: expect.any(String), withdrawnAt: expect.any(String), reason: "It names a witness." },
    ]);
    expect(JSON.stringify(agenda)).not.toContain("witness-statement.pdf");
    // A withdrawn paper cannot be put back on the agenda.
    expect(
      (await trpc("agenda.restorePaper", { wardCode: BLOOMSBURY, meetingId, paperId: paper.id }, cookies.chair)).status,
    ).toBe(409);
  });

  it("exports oversight as CSV for admins only", async () => {
    expect((await fetch(`${url}/api/oversight.csv`)).status).toBe(401);
    expect((await fetch(`${url}/api/oversight.csv`, { headers: { cookie: cookies.chair! } })).status).toBe(403);
    const csv = await fetch(`${url}/api/oversight.csv?borough=E09000007`, { headers: { cookie: cookies.admin! } });
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).trim().split("\n");
    expect(lines[0]).toBe(
      "Ward code,Ward,Borough,Meetings advertised this month,Meetings advertised next month,Meetings without minutes after 28 days,Overdue actions,Priorities not reviewed for 90 days",
    );
    expect(lines).toHaveLength(21);
    expect(lines.find((l) => l.startsWith(BLOOMSBURY))).toBe(`${BLOOMSBURY},Bloomsbury,Camden,0,0,0,0,0`);
    const badBorough = await fetch(`${url}/api/oversight.csv?borough=nope`, { headers: { cookie: cookies.admin! } });
    expect(badBorough.status).toBe(400);
    expect(await json(badBorough)).toMatchObject({
      field: "borough",
      detail: "A borough or district code looks like E09000007 or E07000130",
    });
  });

  it("exports the message figures as CSV for admins only", async () => {
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
    db.insert(teamMessages)
      .values([
        {
          wardCode: BLOOMSBURY,
          topic: "drugs",
          body: "Dealing",
          receivedAt: hoursAgo(100),
          firstResponseAt: hoursAgo(90),
        },
        { wardCode: BLOOMSBURY, topic: "drugs", body: "Dealing again", receivedAt: hoursAgo(80) },
      ])
      .run();
    const path = "/api/oversight-messages.csv?borough=E09000007";
    expect((await fetch(`${url}${path}`)).status).toBe(401);
    expect((await fetch(`${url}${path}`, { headers: { cookie: cookies.chair! } })).status).toBe(403);
    const csv = await fetch(`${url}${path}`, { headers: { cookie: cookies.admin! } });
    expect(csv.status).toBe(200);
    expect((await csv.text()).trim().split("\n")).toEqual([
      "Ward code,Ward,Borough,Messages received (90 days),Answered within target,Answered late,Overdue (no reply after the target),Waiting (within target),Share answered within target (%)",
      `${BLOOMSBURY},Bloomsbury,Camden,2,1,0,1,0,50`,
    ]);
  });
});
