import { createHmac } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { type ChainEntry, verifyVoteRecord } from "@wardpanel/voting";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

import { closeDb } from "../client";
import { createTestDbFile, seedPanelWithMembers, seedPublishedMeeting } from "../testing";
import { markAttendance } from "./attendance";
import { setShortlisted, submitConcern } from "./concerns";
import { startMeeting } from "./live";
import { castOnlineBallot, enterUnnamedPaperBallots, markPaperVoters } from "./vote-ballots";
import { closeVote, createVote, getVoteRecord, openVote, verifyStoredVote } from "./votes";

const WARD = "E05013653";
const START = new Date("2026-11-25T19:30:00Z");
const minute = (n: number) => new Date(START.getTime() + n * 60_000);

type Row = Record<string, unknown>;

/** Every row of every table, read straight from the SQLite file, as an attacker with a copy would. */
function everyRow(path: string): { table: string; rowid: number; row: Row }[] {
  const raw = new Database(path, { readonly: true });
  try {
    const tables = raw.prepare("select name, sql from sqlite_master where type = 'table'").all() as {
      name: string;
      sql: string;
    }[];
    return tables.flatMap(({ name, sql }) => {
      const select = /without rowid/i.test(sql)
        ? `select * from "${name}"`
        : `select rowid as __rowid, * from "${name}"`;
      return (raw.prepare(select).all() as Row[]).map(({ __rowid, ...row }) => ({
        table: name,
        rowid: Number(__rowid ?? 0),
        row,
      }));
    });
  } finally {
    raw.close();
  }
}

/** The database file and its write-ahead log, as bytes one can search. */
const fileBytes = (path: string) =>
  [path, `${path}-wal`]
    .filter(existsSync)
    .map((p) => readFileSync(p).toString("latin1"))
    .join("");

/**
 * A secret vote at a meeting held in a file database: six electors. Four vote online, in an order
 * that is not the order of their user ids, a minute apart; two vote on paper, and the chair types
 * in their two ballots without names.
 */
function runSecretVote() {
  const path = join(mkdtempSync(join(tmpdir(), "wardpanel-secrecy-")), "wardpanel.sqlite");
  const db = createTestDbFile(path);
  const panel = seedPanelWithMembers(db, WARD, 5);
  const meetingId = seedPublishedMeeting(db, {
    wardCode: WARD,
    date: "2026-11-25",
    now: new Date("2026-11-01T12:00:00Z"),
  });
  const concerns = ["Drug dealing in Russell Square", "Speeding on Gower Street", "Bike theft at Euston"].map(
    (description) => {
      const id = submitConcern(db, {
        wardCode: WARD,
        source: "public_form",
        concern: {
          description,
          location: "Bloomsbury",
          postcode: "",
          lon: null,
          lat: null,
          category: "anti-social-behaviour",
        },
        tokenSecret: "a-secret-for-tests",
        now: START,
      }).concernId;
      setShortlisted(db, { wardCode: WARD, concernId: id, isShortlisted: true, now: START });
      return `concern-${id}`;
    },
  );
  startMeeting(db, { wardCode: WARD, meetingId, now: START });
  for (const u of panel.everyone)
    markAttendance(db, { wardCode: WARD, meetingId, userId: u.id, status: "present", now: START });
  const voteId = createVote(db, {
    wardCode: WARD,
    meetingId,
    settings: { method: "approval", seats: 1, dotsPerVoter: 5, ballotSecrecy: "secret", tieBreak: "earliest-raised" },
    createdBy: panel.chair.id,
  });
  openVote(db, { wardCode: WARD, voteId, now: START });
  const secret = (
    db.$client.prepare("select token_secret from votes where id = ?").get(voteId) as { token_secret: string }
  ).token_secret;

  const [m1, m2, m3, m4, m5] = panel.members;
  const online = [m5!, m2!, panel.chair, m4!];
  online.forEach((voter, i) =>
    castOnlineBallot(db, {
      wardCode: WARD,
      voteId,
      voter,
      ballot: { approved: [concerns[i % 3]!] },
      now: minute(i + 1),
    }),
  );
  const paperVoters = [m1!, m3!];
  markPaperVoters(db, {
    wardCode: WARD,
    voteId,
    userIds: paperVoters.map((v) => v.id),
    enteredBy: panel.chair,
    now: minute(5),
  });
  enterUnnamedPaperBallots(db, {
    wardCode: WARD,
    voteId,
    ballots: [{ approved: [concerns[0]!] }, { approved: [concerns[1]!, concerns[2]!] }],
    enteredBy: panel.chair,
    now: minute(6),
  });
  const bytesWhileOpen = fileBytes(path);

  closeVote(db, { wardCode: WARD, voteId, now: minute(10) });
  const bytesAfterClose = fileBytes(path);
  const entries = getVoteRecord(db, voteId)!.record.entries;
  const verified = verifyStoredVote(db, voteId);
  const record = JSON.parse(JSON.stringify(getVoteRecord(db, voteId)!.record)) as unknown;
  closeDb(db);
  return {
    path,
    voteId,
    secret,
    panel,
    online,
    paperVoters,
    entries,
    verified,
    record,
    bytesWhileOpen,
    bytesAfterClose,
  };
}

const token = (key: string, voteId: number, userId: number) =>
  createHmac("sha256", key).update(`vote-${voteId}\n${userId}`).digest("hex").slice(0, 32);

describe("a closed secret vote, read from its SQLite file", () => {
  const vote = runSecretVote();
  const rows = everyRow(vote.path);
  const ballots = vote.entries.filter((e) => e.type === "ballot");
  const named = ballots.filter((e) => "voter" in (e.payload as object));
  const unnamed = ballots.filter((e) => !("voter" in (e.payload as object)));
  const everyone = vote.panel.everyone;

  it("still verifies, from the stored rows and from the downloadable record", () => {
    expect(vote.verified).toMatchObject({ ok: true });
    expect(verifyVoteRecord(vote.record)).toMatchObject({ ok: true });
    expect(ballots).toHaveLength(6);
  });

  it("keeps no token secret: no stored value, used as the key, recomputes any voter's token", () => {
    // The attack works while the secret exists: it links every online ballot to its voter.
    const linked = named.map(
      (e) => everyone.find((u) => token(vote.secret, vote.voteId, u.id) === (e.payload as { voter: string }).voter)?.id,
    );
    expect(linked).toEqual(vote.online.map((u) => u.id));
    expect(vote.bytesWhileOpen).toContain(vote.secret);

    const candidates = new Set(
      rows.flatMap(({ row }) => Object.values(row).filter((v): v is string => typeof v === "string")),
    );
    const tokens = new Set(vote.entries.flatMap((e) => JSON.stringify(e.payload).match(/[0-9a-f]{32}/g) ?? []));
    const recovered = [...candidates].filter((key) => everyone.some((u) => tokens.has(token(key, vote.voteId, u.id))));
    expect(recovered).toEqual([]);
    expect(
      rows.filter(({ table, row }) => table === "votes" && row.id === vote.voteId)[0]?.row.token_secret,
    ).toBeNull();
    // Nor can it be read back from free space in the file or the write-ahead log.
    expect(vote.bytesAfterClose).not.toContain(vote.secret);
    expect(fileBytes(vote.path)).not.toContain(vote.secret);
  });

  it("keeps who voted, but no receipt carries a ballot's time or follows the order ballots were cast", () => {
    const receipts = rows
      .filter((r) => r.table === "vote_receipts" && r.row.vote_id === vote.voteId)
      .sort((a, b) => a.rowid - b.rowid);
    expect(receipts.map((r) => r.row.user_id).sort()).toEqual(everyone.map((u) => u.id).sort());

    // Timing: no value anywhere outside the chain equals a ballot's time, as ISO text, milliseconds or seconds.
    const times = ballots.flatMap((e: ChainEntry) => [e.at, Date.parse(e.at), Date.parse(e.at) / 1000]);
    const timed = rows.filter(
      ({ table, row }) => table !== "vote_entries" && Object.values(row).some((v) => times.includes(v as never)),
    );
    expect(timed).toEqual([]);

    // Order: pairing receipts by row id with ballots by position would link them if receipts kept
    // the casting order. They are in user-id order, whatever order people voted in.
    expect(vote.online.map((u) => u.id)).not.toEqual([...vote.online.map((u) => u.id)].sort((a, b) => a - b));
    expect(receipts.map((r) => r.row.user_id)).toEqual(everyone.map((u) => u.id).sort((a, b) => a - b));
    const onlineReceipts = receipts
      .filter((r) => vote.online.some((u) => u.id === r.row.user_id))
      .map((r) => r.row.user_id);
    expect(onlineReceipts).not.toEqual(vote.online.map((u) => u.id));
  });

  it("stores paper ballots with no voter at all: only who entered them", () => {
    expect(unnamed).toHaveLength(2);
    for (const entry of unnamed) {
      expect(Object.keys(entry.payload as object).sort()).toEqual(["ballot", "enteredBy", "source"]);
      expect((entry.payload as { enteredBy: { name: string } }).enteredBy.name).toBe(vote.panel.chair.name);
      const text = JSON.stringify(entry.payload);
      for (const voter of vote.paperVoters) {
        expect(text).not.toContain(JSON.stringify(voter.name));
        expect(text).not.toContain(token(vote.secret, vote.voteId, voter.id));
      }
      // Nothing else in the database points at the entry.
      expect(
        rows.filter(
          ({ table, row }) =>
            table !== "vote_entries" && Object.values(row).some((v) => typeof v === "string" && v.includes(entry.hash)),
        ),
      ).toEqual([]);
    }
    // Who voted on paper is in the chain only as tokens nobody can recompute now.
    const paperEntry = vote.entries.find((e) => e.type === "paper-voters")!;
    for (const voter of vote.paperVoters)
      expect(JSON.stringify(paperEntry.payload)).not.toContain(JSON.stringify(voter.name));
  });
});
