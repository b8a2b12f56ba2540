import { and, type AnyColumn, asc, count, eq, isNotNull, sql } from "drizzle-orm";

import type { Db } from "../client";
import {
  actions,
  attendance,
  concerns,
  invitations,
  meetingGuests,
  meetings,
  minutesVersions,
  officers,
  packEmails,
  publicSignIns,
  roleAssignments,
  sessions,
  subscribers,
  teamMessages,
  unsubscribedAddresses,
  users,
  voteReceipts,
  votes,
  wards,
} from "../schema";
import { emailHash } from "./retention";

const iso = (date: Date | null) => date?.toISOString() ?? null;
/** Case- and space-insensitive comparison of a free-text name with a person's name. */
export const sameName = (column: AnyColumn, name: string) => sql`lower(trim(${column})) = ${name.trim().toLowerCase()}`;

/**
 * Everything Ward Panel holds about one e-mail address, for a subject access request
 * (UK GDPR Article 15) and as the preview of an erasure. Plain JSON: times are ISO 8601 UTC.
 *
 * Found by the address: the staff account (with its roles, sessions, invitations, attendance,
 * ballots cast, and the public team list entry linked to it), subscriptions, remembered
 * unsubscribes (by hash), concerns and messages to a team whose contact is this address, and
 * public sign-ins. Found by
 * the account's name, since these are typed in as free text: meeting guests, action owners and
 * minutes that name the person. docs/personal-data.md says what each is for and how long it is kept.
 */
export function exportPersonalData(db: Db, { email, now }: { email: string; now: Date }) {
  const address = email.trim().toLowerCase();
  const account = db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      isActive: users.isActive,
      hasPassword: sql<number>`${users.passwordHash} is not null`,
      createdAt: users.createdAt,
      lastSignInAt: users.lastSignInAt,
    })
    .from(users)
    .where(eq(users.email, address))
    .get();
  return {
    email: address,
    exportedAt: now.toISOString(),
    account: account
      ? {
          ...account,
          hasPassword: Boolean(account.hasPassword),
          createdAt: iso(account.createdAt),
          lastSignInAt: iso(account.lastSignInAt),
        }
      : null,
    ...(account ? accountRecords(db, account.id, account.name, now) : emptyAccountRecords()),
    subscriptions: db
      .select({
        wardCode: subscribers.wardCode,
        wardName: wards.name,
        subscribedAt: subscribers.createdAt,
        confirmedAt: subscribers.confirmedAt,
        unsubscribedAt: subscribers.unsubscribedAt,
        id: subscribers.id,
      })
      .from(subscribers)
      .innerJoin(wards, eq(wards.code, subscribers.wardCode))
      .where(eq(subscribers.email, address))
      .orderBy(asc(subscribers.id))
      .all()
      .map(({ id, ...s }) => ({
        ...s,
        subscribedAt: iso(s.subscribedAt),
        confirmedAt: iso(s.confirmedAt),
        unsubscribedAt: iso(s.unsubscribedAt),
        packEmailsSent:
          db
            .select({ n: count() })
            .from(packEmails)
            .where(and(eq(packEmails.subscriberId, id), isNotNull(packEmails.sentAt)))
            .get()?.n ?? 0,
      })),
    rememberedUnsubscribes: db
      .select({
        wardCode: unsubscribedAddresses.wardCode,
        wardName: wards.name,
        unsubscribedAt: unsubscribedAddresses.unsubscribedAt,
      })
      .from(unsubscribedAddresses)
      .innerJoin(wards, eq(wards.code, unsubscribedAddresses.wardCode))
      .where(eq(unsubscribedAddresses.emailHash, emailHash(address)))
      .all()
      .map((u) => ({ ...u, unsubscribedAt: iso(u.unsubscribedAt) })),
    concernsRaised: db
      .select({
        id: concerns.id,
        wardCode: concerns.wardCode,
        raisedAt: concerns.createdAt,
        source: concerns.source,
        description: concerns.description,
        location: concerns.location,
        raisedBy: concerns.raisedBy,
        contactEmail: concerns.contactEmail,
        status: concerns.status,
      })
      .from(concerns)
      .where(eq(concerns.contactEmail, address))
      .orderBy(asc(concerns.id))
      .all()
      .map((c) => ({ ...c, raisedAt: iso(c.raisedAt) })),
    messagesSent: db
      .select({
        id: teamMessages.id,
        reference: teamMessages.reference,
        wardCode: teamMessages.wardCode,
        receivedAt: teamMessages.receivedAt,
        topic: teamMessages.topic,
        body: teamMessages.body,
        name: teamMessages.name,
        contactEmail: teamMessages.contactEmail,
        contactPhone: teamMessages.contactPhone,
        status: teamMessages.status,
      })
      .from(teamMessages)
      .where(eq(teamMessages.contactEmail, address))
      .orderBy(asc(teamMessages.id))
      .all()
      .map((m) => ({ ...m, receivedAt: iso(m.receivedAt) })),
    publicSignIns: db
      .select({
        id: publicSignIns.id,
        meetingId: meetings.id,
        wardCode: meetings.wardCode,
        meetingTitle: meetings.title,
        meetingStartsAt: meetings.startsAt,
        name: publicSignIns.name,
        email: publicSignIns.email,
        consentedAt: publicSignIns.consentedAt,
      })
      .from(publicSignIns)
      .innerJoin(meetings, eq(meetings.id, publicSignIns.meetingId))
      .where(eq(publicSignIns.email, address))
      .orderBy(asc(publicSignIns.id))
      .all()
      .map((p) => ({ ...p, meetingStartsAt: iso(p.meetingStartsAt), consentedAt: iso(p.consentedAt) })),
  };
}

function emptyAccountRecords() {
  return {
    roles: [],
    activeSessions: 0,
    invitations: [],
    attendance: [],
    votesCast: [],
    teamListings: [],
    meetingGuests: [],
    actionsOwned: [],
    namedInMinutes: [],
  } satisfies ReturnType<typeof accountRecords>;
}

function accountRecords(db: Db, userId: number, name: string, now: Date) {
  const meetingColumns = {
    meetingId: meetings.id,
    wardCode: meetings.wardCode,
    meetingTitle: meetings.title,
    meetingStartsAt: meetings.startsAt,
  };
  return {
    roles: db
      .select({
        role: roleAssignments.role,
        wardCode: roleAssignments.wardCode,
        wardName: wards.name,
        since: roleAssignments.createdAt,
      })
      .from(roleAssignments)
      .leftJoin(wards, eq(wards.code, roleAssignments.wardCode))
      .where(eq(roleAssignments.userId, userId))
      .all()
      .map((r) => ({ ...r, since: iso(r.since) })),
    activeSessions:
      db
        .select({ n: count() })
        .from(sessions)
        .where(and(eq(sessions.userId, userId), sql`${sessions.expiresAt} > ${now.getTime()}`))
        .get()?.n ?? 0,
    invitations: db
      .select({
        createdAt: invitations.createdAt,
        expiresAt: invitations.expiresAt,
        acceptedAt: invitations.acceptedAt,
      })
      .from(invitations)
      .where(eq(invitations.userId, userId))
      .all()
      .map((i) => ({ createdAt: iso(i.createdAt), expiresAt: iso(i.expiresAt), acceptedAt: iso(i.acceptedAt) })),
    attendance: db
      .select({ ...meetingColumns, status: attendance.status })
      .from(attendance)
      .innerJoin(meetings, eq(meetings.id, attendance.meetingId))
      .where(eq(attendance.userId, userId))
      .orderBy(asc(meetings.startsAt))
      .all()
      .map((a) => ({ ...a, meetingStartsAt: iso(a.meetingStartsAt) })),
    votesCast: db
      .select({ voteId: votes.id, wardCode: votes.wardCode })
      .from(voteReceipts)
      .innerJoin(votes, eq(votes.id, voteReceipts.voteId))
      .where(eq(voteReceipts.userId, userId))
      .all(),
    teamListings: db
      .select({ wardCode: officers.wardCode, name: officers.name, rank: officers.rank })
      .from(officers)
      .where(eq(officers.userId, userId))
      .all(),
    meetingGuests: db
      .select({
        id: meetingGuests.id,
        ...meetingColumns,
        kind: meetingGuests.kind,
        name: meetingGuests.name,
        organisation: meetingGuests.organisation,
      })
      .from(meetingGuests)
      .innerJoin(meetings, eq(meetings.id, meetingGuests.meetingId))
      .where(sameName(meetingGuests.name, name))
      .all()
      .map((g) => ({ ...g, meetingStartsAt: iso(g.meetingStartsAt) })),
    actionsOwned: db
      .select({
        id: actions.id,
        wardCode: actions.wardCode,
        meetingId: actions.meetingId,
        description: actions.description,
        owner: actions.owner,
        dueDate: actions.dueDate,
        status: actions.status,
      })
      .from(actions)
      .where(sameName(actions.owner, name))
      .all(),
    namedInMinutes: db
      .select({
        meetingId: meetings.id,
        wardCode: meetings.wardCode,
        version: minutesVersions.version,
        status: minutesVersions.status,
      })
      .from(minutesVersions)
      .innerJoin(meetings, eq(meetings.id, minutesVersions.meetingId))
      .where(sql`instr(lower(${minutesVersions.content}), ${name.trim().toLowerCase()}) > 0`)
      .all(),
  };
}
