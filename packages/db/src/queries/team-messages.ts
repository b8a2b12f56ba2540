import { hashToken, messageThreadTokenFor } from "@wardpanel/auth";
import {
  DomainError,
  formMessage,
  type MessageEventDetail,
  type MessageEventKind,
  type MessageTopic,
  responseDue,
  WARD_ROLE_GROUPS,
} from "@wardpanel/validators";
import { and, asc, eq, inArray } from "drizzle-orm";

import type { Db } from "../client";
import { returnedRow } from "../returned-row";
import { messageEvents, roleAssignments, teamMessages, wards } from "../schema";

/** What the resident is e-mailed about: the acknowledgement, each team reply and the manager's response. */
const MAILED: ReadonlySet<MessageEventKind> = new Set(["received", "team_reply", "manager_response"]);

/** What the resident sees of their thread: not who it was given to, which is the team's own business. */
const SHOWN_TO_RESIDENT: readonly MessageEventKind[] = [
  "received",
  "team_reply",
  "resident_reply",
  "closed",
  "not_good_enough",
  "manager_response",
];

/**
 * Adds an entry to a message's thread and queues its e-mail where the resident left an address and
 * agreed to replies. Call it inside the transaction that makes the change.
 */
export function recordMessageEvent(
  db: Db,
  params: {
    messageId: number;
    kind: MessageEventKind;
    detail: MessageEventDetail;
    authorId?: number | null;
    now: Date;
  },
): void {
  const message = db
    .select({ hasConsent: teamMessages.hasConsent, contactEmail: teamMessages.contactEmail })
    .from(teamMessages)
    .where(eq(teamMessages.id, params.messageId))
    .get();
  if (!message) throw new DomainError("not_found", "There is no such message");
  const isMailed = MAILED.has(params.kind) && message.hasConsent && message.contactEmail !== "";
  db.insert(messageEvents)
    .values({
      messageId: params.messageId,
      kind: params.kind,
      detail: params.detail,
      authorId: params.authorId ?? null,
      mail: isMailed ? "due" : "none",
      nextAttemptAt: isMailed ? params.now : null,
      createdAt: params.now,
    })
    .run();
}

/**
 * Whether anyone on Ward Panel would read a message sent to this ward's team: someone holds a role
 * of the `answerMessages` group (a sergeant or team member) here. Without one the form is not offered.
 */
export function canWardTakeMessages(db: Db, wardCode: string): boolean {
  const someone = db
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .where(
      and(eq(roleAssignments.wardCode, wardCode), inArray(roleAssignments.role, [...WARD_ROLE_GROUPS.answerMessages])),
    )
    .limit(1)
    .get();
  return someone !== undefined;
}

type SentMessage = {
  topic: MessageTopic;
  body: string;
  name: string;
  contactEmail: string;
  contactPhone: string;
  hasConsent: boolean;
  /** The language the resident wrote in (a catalogue code); "en" when not given. */
  language?: string;
};

/**
 * Records a resident's message with its reference and private thread link, and queues the
 * acknowledgement (when they left an e-mail address with consent), in one transaction. Without
 * consent no name, e-mail or phone is kept. Throws DomainError("conflict") for a ward nobody on
 * Ward Panel answers for.
 * @returns the message's id, its reference ("WM-…") and the thread link's token (only its hash is kept)
 */
export function sendTeamMessage(
  db: Db,
  params: { wardCode: string; message: SentMessage; tokenSecret: string; now: Date },
): { messageId: number; reference: string; threadToken: string } {
  const { hasConsent, name, contactEmail, contactPhone, ...message } = params.message;
  return db.transaction(() => {
    if (!canWardTakeMessages(db, params.wardCode)) throw new DomainError("conflict", formMessage("noTeam"));
    const row = returnedRow(
      db
        .insert(teamMessages)
        .values({
          ...message,
          wardCode: params.wardCode,
          hasConsent,
          name: hasConsent ? name : "",
          contactEmail: hasConsent ? contactEmail.trim().toLowerCase() : "",
          contactPhone: hasConsent ? contactPhone : "",
          receivedAt: params.now,
        })
        .returning({ id: teamMessages.id, reference: teamMessages.reference }),
    );
    const threadToken = messageThreadTokenFor(params.tokenSecret, row.id);
    db.update(teamMessages)
      .set({ threadTokenHash: hashToken(threadToken) })
      .where(eq(teamMessages.id, row.id))
      .run();
    recordMessageEvent(db, { messageId: row.id, kind: "received", detail: {}, now: params.now });
    return { messageId: row.id, reference: row.reference, threadToken };
  });
}

/** The message a private link leads to, or DomainError("not_found"). */
function messageByToken(db: Db, token: string) {
  const message = db
    .select({
      id: teamMessages.id,
      reference: teamMessages.reference,
      wardCode: teamMessages.wardCode,
      wardName: wards.name,
      wardNameWelsh: wards.nameWelsh,
      topic: teamMessages.topic,
      body: teamMessages.body,
      status: teamMessages.status,
      receivedAt: teamMessages.receivedAt,
      firstResponseAt: teamMessages.firstResponseAt,
    })
    .from(teamMessages)
    .innerJoin(wards, eq(wards.code, teamMessages.wardCode))
    .where(eq(teamMessages.threadTokenHash, hashToken(token)))
    .get();
  if (!message) throw new DomainError("not_found", formMessage("noSuchMessage"));
  return message;
}

/**
 * Whether the resident may say the team's reply was not good enough: only after a team reply, and
 * not again while an earlier complaint waits for the manager's response.
 */
function mayComplain(kinds: readonly MessageEventKind[]): boolean {
  if (!kinds.includes("team_reply")) return false;
  return kinds.lastIndexOf("not_good_enough") <= kinds.lastIndexOf("manager_response");
}

/** The private thread page: the message, its thread in order (no staff e-mail, no assignment), and what the resident may do. */
export function getMessageThread(db: Db, params: { token: string; targetHours: number }) {
  const { id, ...message } = messageByToken(db, params.token);
  const thread = db
    .select({ kind: messageEvents.kind, detail: messageEvents.detail, at: messageEvents.createdAt })
    .from(messageEvents)
    .where(and(eq(messageEvents.messageId, id), inArray(messageEvents.kind, [...SHOWN_TO_RESIDENT])))
    .orderBy(asc(messageEvents.id))
    .all();
  const kinds = thread.map((e) => e.kind);
  return {
    ...message,
    responseDueAt: responseDue(message.receivedAt, params.targetHours),
    thread,
    mayReply: message.status !== "closed",
    mayComplain: mayComplain(kinds),
  };
}

/** The resident's reply on the private page: the message waits for the team again. Refused once the team closed it. */
export function addResidentReply(db: Db, params: { token: string; text: string; now: Date }): void {
  db.transaction(() => {
    const message = messageByToken(db, params.token);
    if (message.status === "closed")
      throw new DomainError("conflict", "The team has closed this conversation: send a new message instead", "text");
    db.update(teamMessages).set({ status: "open" }).where(eq(teamMessages.id, message.id)).run();
    recordMessageEvent(db, {
      messageId: message.id,
      kind: "resident_reply",
      detail: { text: params.text },
      now: params.now,
    });
  });
}

/** "The reply was not good enough": only after a team reply; goes to the manager's list on oversight. */
export function sayNotGoodEnough(db: Db, params: { token: string; reason: string; now: Date }): void {
  db.transaction(() => {
    const message = messageByToken(db, params.token);
    const kinds = db
      .select({ kind: messageEvents.kind })
      .from(messageEvents)
      .where(eq(messageEvents.messageId, message.id))
      .orderBy(asc(messageEvents.id))
      .all()
      .map((e) => e.kind);
    if (!kinds.includes("team_reply"))
      throw new DomainError("conflict", "You can say a reply was not good enough once the team has replied", "reason");
    if (!mayComplain(kinds))
      throw new DomainError("conflict", "You have already said so: the team's manager will respond", "reason");
    recordMessageEvent(db, {
      messageId: message.id,
      kind: "not_good_enough",
      detail: { text: params.reason },
      now: params.now,
    });
  });
}
