import { and, eq, lt, ne } from "drizzle-orm";

import type { Db } from "../client";
import { sessions, users } from "../schema";

export function insertSession(db: Db, session: { id: string; userId: number; expiresAt: Date }): void {
  db.insert(sessions).values(session).run();
}

/** A session with its person, if the person is still active. Expiry is the caller's decision. */
export function findSession(db: Db, sessionId: string) {
  return db
    .select({
      id: sessions.id,
      expiresAt: sessions.expiresAt,
      user: { id: users.id, email: users.email, name: users.name, isActive: users.isActive },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sessionId))
    .get();
}

export function extendSession(db: Db, sessionId: string, expiresAt: Date): void {
  db.update(sessions).set({ expiresAt }).where(eq(sessions.id, sessionId)).run();
}

export function deleteSession(db: Db, sessionId: string): void {
  db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/** Ends every session of a person, but `exceptSessionId` when given (the one changing its own password). */
export function deleteSessionsOfUser(db: Db, userId: number, exceptSessionId?: string): void {
  const others = exceptSessionId === undefined ? undefined : ne(sessions.id, exceptSessionId);
  db.delete(sessions)
    .where(and(eq(sessions.userId, userId), others))
    .run();
}

export function deleteExpiredSessions(db: Db, now: Date): number {
  return db.delete(sessions).where(lt(sessions.expiresAt, now)).run().changes;
}
