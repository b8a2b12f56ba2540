import { eq, lt } from "drizzle-orm";
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

export function deleteSessionsOfUser(db: Db, userId: number): void {
  db.delete(sessions).where(eq(sessions.userId, userId)).run();
}

export function deleteExpiredSessions(db: Db, now: Date): number {
  return db.delete(sessions).where(lt(sessions.expiresAt, now)).run().changes;
}
