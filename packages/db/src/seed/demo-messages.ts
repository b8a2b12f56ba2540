import type { MessageEventDetail, MessageEventKind, MessageTopic } from "@wardpanel/validators";
import { and, eq } from "drizzle-orm";

import type { Db } from "../client";
import { returnedRow } from "../returned-row";
import { messageEvents, roleAssignments, teamMessages, users } from "../schema";

const HOUR = 3_600_000;

type DemoStep = { kind: MessageEventKind; afterHours: number; detail?: MessageEventDetail; byTeamMember?: boolean };
type DemoMessage = {
  topic: MessageTopic;
  body: string;
  hoursAgo: number;
  name?: string;
  contactEmail?: string;
  assigned?: boolean;
  steps: DemoStep[];
};

const REPLY = "Thank you for telling us. We have added the area to our patrols this week and will update you.";

/** Messages in every state, so the inbox, the ward page's figure and oversight have something to show. */
const MESSAGES: DemoMessage[] = [
  {
    topic: "road-safety",
    body: "Cars speed down the road outside the primary school at drop-off time.",
    hoursAgo: 10,
    steps: [],
  },
  {
    topic: "anti-social-behaviour",
    body: "A group gathers in the stairwell of our block most nights and leaves rubbish and needles.",
    hoursAgo: 80,
    assigned: true,
    steps: [],
  },
  {
    topic: "drugs",
    body: "I think drugs are being sold from a car parked by the launderette every evening.",
    hoursAgo: 120,
    name: "Rosa Quinn",
    contactEmail: "rosa.quinn@example.test",
    assigned: true,
    steps: [{ kind: "team_reply", afterHours: 20, byTeamMember: true, detail: { text: REPLY } }],
  },
  {
    topic: "crime-prevention",
    body: "Could someone advise our residents' association on bike storage after the recent thefts?",
    hoursAgo: 480,
    steps: [
      { kind: "team_reply", afterHours: 90, detail: { text: "We can come to your next meeting: reply with a date." } },
    ],
  },
  {
    topic: "thanks-or-feedback",
    body: "Thank you to the officers who helped my mother after her fall last week.",
    hoursAgo: 300,
    steps: [
      { kind: "team_reply", afterHours: 6, byTeamMember: true, detail: { text: "Thank you: we will pass this on." } },
      { kind: "closed", afterHours: 7 },
    ],
  },
  {
    topic: "anti-social-behaviour",
    body: "Fireworks are let off in the park late at night and frighten the dogs and the children.",
    hoursAgo: 200,
    steps: [
      { kind: "team_reply", afterHours: 30, detail: { text: "This is a council matter: please contact Camden." } },
      {
        kind: "not_good_enough",
        afterHours: 40,
        detail: { text: "Fireworks at midnight are anti-social behaviour, which is the police's job too." },
      },
    ],
  },
];

/**
 * The demo ward's messages to its team, received before `now`: waiting, overdue, answered in time,
 * answered late, closed, and one a resident said was not good enough. No e-mail is queued, and
 * they have no private link (the demo has no resident to hold one).
 */
export function seedDemoMessages(db: Db, wardCode: string, now: Date): void {
  const team = (role: "sergeant" | "team_member") =>
    db
      .select({ id: users.id, name: users.name })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(and(eq(roleAssignments.wardCode, wardCode), eq(roleAssignments.role, role)))
      .get();
  const sergeant = team("sergeant");
  const member = team("team_member") ?? sergeant;
  db.transaction(() => {
    for (const m of MESSAGES) {
      const receivedAt = new Date(now.getTime() - m.hoursAgo * HOUR);
      const firstReply = m.steps.find((s) => s.kind === "team_reply");
      const isClosed = m.steps.some((s) => s.kind === "closed");
      const { id } = returnedRow(
        db
          .insert(teamMessages)
          .values({
            wardCode,
            topic: m.topic,
            body: m.body,
            name: m.name ?? "",
            contactEmail: m.contactEmail ?? "",
            hasConsent: m.contactEmail !== undefined,
            status: isClosed ? "closed" : firstReply ? "answered" : "open",
            assigneeId: m.assigned ? (member?.id ?? null) : null,
            receivedAt,
            firstResponseAt: firstReply ? new Date(receivedAt.getTime() + firstReply.afterHours * HOUR) : null,
          })
          .returning({ id: teamMessages.id }),
      );
      const steps: DemoStep[] = [{ kind: "received", afterHours: 0 }, ...m.steps];
      for (const step of steps) {
        const author =
          step.kind === "team_reply" || step.kind === "closed" ? (step.byTeamMember ? member : sergeant) : null;
        db.insert(messageEvents)
          .values({
            messageId: id,
            kind: step.kind,
            detail: {
              ...step.detail,
              ...(step.kind === "team_reply" ? { authorName: author?.name ?? "The team" } : {}),
            },
            authorId: author?.id ?? null,
            createdAt: new Date(receivedAt.getTime() + step.afterHours * HOUR),
          })
          .run();
      }
    }
  });
}
