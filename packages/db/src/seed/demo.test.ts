import { beforeAll, describe, expect, it } from "vitest";

import type { Db } from "../client";
import { getPublishedAgenda } from "../queries/agenda";
import { listWardMeetings } from "../queries/meetings";
import { getWardResponseFigure, listRecourse } from "../queries/message-figures";
import { getPanelRoster, getTeam } from "../queries/panels";
import { findUserByEmail, getAssignments, listPeople } from "../queries/people";
import { listWardPriorities } from "../queries/priorities";
import { listTeamInbox } from "../queries/team-inbox";
import { getVoteRecord, listWardVotes, verifyStoredVote } from "../queries/votes";
import { copyTestDb, createTestDb } from "../testing";
import { listDemoSignIns, seedDemo } from "./demo";

describe("demo data", () => {
  // Seeding the demo takes seconds: it is seeded once, and each test reads or changes its own copy.
  let seeded: Db;
  beforeAll(async () => {
    seeded = createTestDb();
    expect(await seedDemo(seeded)).toBe(true);
  });

  it("gives every Camden ward a panel with a chair, members and a team, and prints working sign-ins", () => {
    const db = copyTestDb(seeded);
    expect(listDemoSignIns(db).map((s) => [s.role, s.wards])).toEqual([
      ["Admin", "all wards"],
      ["Crime data analyst", "the Metropolitan Police Service"],
      ["Sergeant", "Belsize, Bloomsbury"],
      ["Team member (constable)", "Belsize"],
      ["Chair", "Belsize"],
      ["Panel member", "Belsize"],
      ["Minute-taker", "Belsize"],
    ]);

    const roster = getPanelRoster(db, "E05013653");
    expect(roster.panel?.name).toBe("Bloomsbury Ward Panel");
    expect(roster.members.filter((m) => m.role === "chair")).toHaveLength(1);
    expect(roster.members.filter((m) => m.role === "panel_member")).toHaveLength(6);
    expect(getTeam(db, "E05013653").officers.map((o) => o.rank)).toEqual(["Sergeant", "Police Constable", "PCSO"]);

    const sergeant = findUserByEmail(db, "sergeant@demo.wardpanel.test")!;
    expect(getAssignments(db, sergeant.id).map((a) => a.role)).toEqual(["sergeant", "sergeant"]);
    expect(listPeople(db).length).toBeGreaterThan(150);

    // The constable's inbox has messages in every state; the ward page's figure is not empty.
    const belsize = defined0(getAssignments(db, findUserByEmail(db, "constable@demo.wardpanel.test")!.id)[0]).wardCode!;
    const inbox = listTeamInbox(db, { wardCode: belsize, targetHours: 72 });
    expect(new Set(inbox.map((m) => m.status))).toEqual(new Set(["open", "answered", "closed"]));
    expect(getWardResponseFigure(db, { wardCode: belsize, targetHours: 72, now: new Date() })).toMatchObject({
      withinTarget: 3,
      late: 1,
      overdue: 1,
      waiting: 1,
    });
    expect(listRecourse(db, { boroughCode: null })).toHaveLength(1);
  });

  it("gives the chair's ward meetings held with minutes, and the next ones advertised with matters arising", () => {
    const db = copyTestDb(seeded);
    const belsize = listWardMeetings(db, "E05013652");
    expect(belsize.filter((m) => m.status === "minutes_published").length).toBeGreaterThanOrEqual(1);
    expect(belsize.filter((m) => m.status === "held")).toHaveLength(1);
    const next = belsize.find((m) => m.status === "published")!;
    expect(getPublishedAgenda(db, next.id)?.carriedOverActions.length).toBeGreaterThan(0);

    const [vote] = listWardVotes(db, "E05013652");
    expect(vote?.status).toBe("published");
    expect(verifyStoredVote(db, vote!.id)).toMatchObject({ ok: true });

    // The ranked vote at the first meeting held: 20 ballots counted by STV, with transfers, and it verifies.
    const ranked = listWardVotes(db, "E05013652")
      .map((v) => getVoteRecord(db, v.id)!)
      .find((r) => r.record.config.method.kind === "ranked")!;
    expect(ranked.vote.status).toBe("published");
    expect(ranked.record.entries.filter((e) => e.type === "ballot")).toHaveLength(20);
    expect(ranked.record.result?.winners).toHaveLength(3);
    expect(ranked.record.result?.rounds.length).toBeGreaterThan(2);
    expect(verifyStoredVote(db, ranked.vote.id)).toMatchObject({ ok: true });
    expect(
      listWardPriorities(db, "E05013652")
        .filter((p) => p.status === "active")
        .map((p) => p.title),
    ).toEqual(expect.arrayContaining(["Drug dealing by the play area", "Motorbikes on the pavement at night"]));
  });

  it("does nothing on a database that already has people", async () => {
    const db = copyTestDb(seeded);
    const before = listPeople(db).length;
    expect(await seedDemo(db)).toBe(false);
    expect(listPeople(db)).toHaveLength(before);
  });
});

function defined0<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("missing");
  return value;
}
