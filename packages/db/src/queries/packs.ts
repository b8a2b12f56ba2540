import { defined, DomainError, PACK_LIFECYCLE, type PackStatus } from "@wardpanel/validators";
import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";

import type { Db } from "../client";
import { packEmails, packs, subscribers } from "../schema";
import { listCrimeMonthsForBorough } from "./crimes";
import { getPackData, type PackData } from "./packs-data";
import { getWard } from "./wards";

/** A pack as lists and the review page show it: everything but its frozen data. */
export type PackRow = Omit<typeof packs.$inferSelect, "published" | "createdAt">;

const rowColumns = {
  id: packs.id,
  wardCode: packs.wardCode,
  month: packs.month,
  status: packs.status,
  commentary: packs.commentary,
  partnerActions: packs.partnerActions,
  publishedAt: packs.publishedAt,
  updatedAt: packs.updatedAt,
};

export type PackRef = { wardCode: string; month: string };

export function findPack(db: Db, { wardCode, month }: PackRef): PackRow | null {
  return (
    db
      .select(rowColumns)
      .from(packs)
      .where(and(eq(packs.wardCode, wardCode), eq(packs.month, month)))
      .get() ?? null
  );
}

function assertMonthHasData(db: Db, { wardCode, month }: PackRef): void {
  const ward = getWard(db, wardCode);
  if (!listCrimeMonthsForBorough(db, ward.boroughCode).includes(month)) {
    throw new DomainError("not_found", `No crime data has been imported for ${ward.name} for ${month}`, "month");
  }
}

/** The ward's draft for the month, made if there is none yet. A month with no crime data has no pack. */
export function ensureDraftPack(db: Db, { wardCode, month, now }: PackRef & { now: Date }): PackRow {
  return db.transaction(() => {
    const existing = findPack(db, { wardCode, month });
    if (existing) return existing;
    assertMonthHasData(db, { wardCode, month });
    db.insert(packs).values({ wardCode, month, updatedAt: now }).onConflictDoNothing().run();
    return defined(findPack(db, { wardCode, month }), "the draft pack just made");
  });
}

type SavePackTextParams = PackRef & { commentary: string; partnerActions: string; now: Date };

/** The sergeant's commentary and the partners' actions, saved on the draft before publishing. */
export function savePackText(
  db: Db,
  { wardCode, month, commentary, partnerActions, now }: SavePackTextParams,
): PackRow {
  return db.transaction(() => {
    const pack = ensureDraftPack(db, { wardCode, month, now });
    PACK_LIFECYCLE.assert(pack.status, "editText");
    db.update(packs).set({ commentary, partnerActions, updatedAt: now }).where(eq(packs.id, pack.id)).run();
    return defined(findPack(db, { wardCode, month }), "the pack just saved");
  });
}

/** The pack's data as it stands now: the draft preview. */
export function getDraftPackData(
  db: Db,
  { wardCode, month, now, callTargetMinutes }: PackRef & { now: Date; callTargetMinutes?: number },
): { pack: PackRow; data: PackData } {
  const pack = ensureDraftPack(db, { wardCode, month, now });
  if (pack.status === "published")
    return { pack, data: defined(getPublishedPackData(db, { wardCode, month }), "the published pack's data") };
  return {
    pack,
    data: getPackData(db, {
      wardCode,
      month,
      commentary: pack.commentary,
      partnerActions: pack.partnerActions,
      now,
      callTargetMinutes,
    }),
  };
}

/** The frozen data of a published pack, or null when the month has no published pack. */
export function getPublishedPackData(db: Db, { wardCode, month }: PackRef): PackData | null {
  const row = db
    .select({ published: packs.published })
    .from(packs)
    .where(and(eq(packs.wardCode, wardCode), eq(packs.month, month), eq(packs.status, "published")))
    .get();
  return row?.published ?? null;
}

type PublishPackResult = { packId: number; queued: number };

/**
 * Publishes the pack: freezes its data, and queues one e-mail per confirmed subscriber of the
 * ward, in the same transaction. Sending happens later (the mail worker); publishing never waits
 * for it. A second publish of the same month is refused, so a pack is never queued twice.
 */
export function publishPack(
  db: Db,
  { wardCode, month, now, callTargetMinutes }: PackRef & { now: Date; callTargetMinutes?: number },
): PublishPackResult {
  return db.transaction((tx) => {
    const pack = ensureDraftPack(db, { wardCode, month, now });
    PACK_LIFECYCLE.assert(pack.status, "publish");
    if (pack.commentary.trim() === "") {
      throw new DomainError(
        "invalid",
        "Write the sergeant's commentary before publishing: the figures need their context",
        "commentary",
      );
    }
    const data = getPackData(db, {
      wardCode,
      month,
      commentary: pack.commentary,
      partnerActions: pack.partnerActions,
      now,
      callTargetMinutes,
    });
    tx.update(packs)
      .set({ status: "published", published: data, publishedAt: now, updatedAt: now })
      .where(eq(packs.id, pack.id))
      .run();
    const queued = queuePackEmails(db, { packId: pack.id, wardCode, now });
    return { packId: pack.id, queued };
  });
}

/** One queued e-mail per confirmed, still-subscribed subscriber; the unique index stops duplicates. */
function queuePackEmails(db: Db, { packId, wardCode, now }: { packId: number; wardCode: string; now: Date }): number {
  const recipients = db
    .select({ id: subscribers.id })
    .from(subscribers)
    .where(
      and(eq(subscribers.wardCode, wardCode), isNotNull(subscribers.confirmedAt), isNull(subscribers.unsubscribedAt)),
    )
    .all();
  let queued = 0;
  for (const r of recipients) {
    queued += db
      .insert(packEmails)
      .values({ packId, subscriberId: r.id, nextAttemptAt: now })
      .onConflictDoNothing()
      .run().changes;
  }
  return queued;
}

type WardPackListing = { month: string; status: "none" | PackStatus; publishedAt: Date | null; updatedAt: Date | null };

/** Every month with crime data for the ward's borough, newest first, with its pack's state. */
export function listWardPacks(db: Db, wardCode: string): WardPackListing[] {
  const ward = getWard(db, wardCode);
  const rows = db.select(rowColumns).from(packs).where(eq(packs.wardCode, wardCode)).all();
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const months = new Set([...listCrimeMonthsForBorough(db, ward.boroughCode), ...byMonth.keys()]);
  return [...months]
    .sort()
    .reverse()
    .map((month) => {
      const row = byMonth.get(month);
      return {
        month,
        status: row?.status ?? "none",
        publishedAt: row?.publishedAt ?? null,
        updatedAt: row?.updatedAt ?? null,
      };
    });
}

/** Published packs of a ward, newest first: the public list. */
export function listPublishedPacks(db: Db, wardCode: string): { month: string; publishedAt: Date }[] {
  return db
    .select({ month: packs.month, publishedAt: packs.publishedAt })
    .from(packs)
    .where(and(eq(packs.wardCode, wardCode), eq(packs.status, "published")))
    .orderBy(desc(packs.month))
    .all()
    .map((r) => ({ month: r.month, publishedAt: r.publishedAt ?? new Date(0) }));
}
