import { defined, DomainError } from "@wardpanel/validators";
import { and, asc, eq, isNotNull } from "drizzle-orm";

import type { Db } from "../client";
import { agendaItems, agendaPapers, agendaVersions, users } from "../schema";
import { getPaperInMeeting, getPublishedAgenda, type PublishedAgenda } from "./agenda";
import { getMeetingInWard } from "./meetings";

/**
 * Withdrawing a paper: published agendas are frozen, so a paper in one stays public until an
 * organiser withdraws it. Withdrawal reaches every published version (they all link to the one
 * paper URL), is said with a reason the public see, and is recorded with who did it.
 */

type WithdrawPaperParams = {
  wardCode: string;
  meetingId: number;
  paperId: number;
  reason: string;
  withdrawnBy: number;
  now: Date;
};

/**
 * Withdraws a paper of a meeting of the ward, at any stage of the meeting (a held meeting's papers
 * can hold something that must come down). It also leaves the working agenda, so the next
 * published version does not carry it. Refused (conflict) when already withdrawn.
 */
export function withdrawPaper(db: Db, params: WithdrawPaperParams): void {
  db.transaction(() => {
    getMeetingInWard(db, params.wardCode, params.meetingId);
    const paper = getPaperInMeeting(db, params.meetingId, params.paperId);
    if (paper.withdrawnAt) throw new DomainError("conflict", `${paper.fileName} has already been withdrawn`);
    db.update(agendaPapers)
      .set({
        withdrawnAt: params.now,
        withdrawnReason: params.reason,
        withdrawnBy: params.withdrawnBy,
        removedAt: paper.removedAt ?? params.now,
      })
      .where(eq(agendaPapers.id, paper.id))
      .run();
  });
}

type PaperWithdrawal = { withdrawnAt: Date; reason: string; withdrawnByName: string | null };

/** The meeting's withdrawn papers by id. */
function listPaperWithdrawals(db: Db, meetingId: number): Map<number, PaperWithdrawal> {
  const rows = db
    .select({
      id: agendaPapers.id,
      withdrawnAt: agendaPapers.withdrawnAt,
      reason: agendaPapers.withdrawnReason,
      withdrawnByName: users.name,
    })
    .from(agendaPapers)
    .innerJoin(agendaItems, eq(agendaItems.id, agendaPapers.agendaItemId))
    .leftJoin(users, eq(users.id, agendaPapers.withdrawnBy))
    .where(and(eq(agendaItems.meetingId, meetingId), isNotNull(agendaPapers.withdrawnAt)))
    .all();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        withdrawnAt: defined(r.withdrawnAt, "the withdrawal date"),
        reason: r.reason ?? "",
        withdrawnByName: r.withdrawnByName,
      },
    ]),
  );
}

/** A withdrawn paper as the public see it: where it was and when and why it went, not its name (which may be the problem). */
type PublicPaperWithdrawal = { id: number; itemTitle: string; withdrawnAt: string; reason: string };

/**
 * The latest published agenda as the public see it: withdrawn papers taken out of its items, and
 * every paper withdrawn from any published version listed apart with when and why.
 */
type PublicAgenda = PublishedAgenda & { withdrawnPapers: PublicPaperWithdrawal[] };

export function getPublicAgenda(db: Db, meetingId: number): PublicAgenda | null {
  const agenda = getPublishedAgenda(db, meetingId);
  if (!agenda) return null;
  const withdrawn = listPublishedPapers(db, meetingId).flatMap((p) =>
    p.withdrawn ? [{ id: p.id, itemTitle: p.itemTitle, withdrawnAt: p.withdrawn.at, reason: p.withdrawn.reason }] : [],
  );
  const isWithdrawn = new Set(withdrawn.map((p) => p.id));
  return {
    ...agenda,
    items: agenda.items.map((item) => ({ ...item, papers: item.papers.filter((p) => !isWithdrawn.has(p.id)) })),
    withdrawnPapers: withdrawn,
  };
}

type PublishedPaper = {
  id: number;
  fileName: string;
  /** The item it was published under, as the latest version that holds it names it. */
  itemTitle: string;
  /** The published agenda versions that list it. */
  versions: number[];
  withdrawn: { at: string; reason: string; byName: string | null } | null;
};

/** Every paper the public have been given in a published agenda of the meeting, for the organisers. */
export function listPublishedPapers(db: Db, meetingId: number): PublishedPaper[] {
  const withdrawn = listPaperWithdrawals(db, meetingId);
  const papers = new Map<number, PublishedPaper>();
  const versions = db
    .select({ snapshot: agendaVersions.snapshot })
    .from(agendaVersions)
    .where(eq(agendaVersions.meetingId, meetingId))
    .orderBy(asc(agendaVersions.version))
    .all();
  for (const { snapshot } of versions) {
    for (const item of snapshot.items) {
      for (const paper of item.papers) {
        const w = withdrawn.get(paper.id);
        const seen = papers.get(paper.id);
        papers.set(paper.id, {
          id: paper.id,
          fileName: paper.fileName,
          itemTitle: item.title,
          versions: [...(seen?.versions ?? []), snapshot.version],
          withdrawn: w ? { at: w.withdrawnAt.toISOString(), reason: w.reason, byName: w.withdrawnByName } : null,
        });
      }
    }
  }
  return [...papers.values()];
}
