import type { RouterOutputs } from "@wardpanel/api";
import { timeLeftInWords } from "@wardpanel/validators";

type InboxMessage = RouterOutputs["inbox"]["forWard"]["messages"][number];

/**
 * Where a message to the team stands, in the inbox's words: the time left against the response
 * target ("2 days 3 hours left", "Overdue by 5 hours") while it waits for a first reply, else what
 * happened. `isOverdue` marks it for the eye.
 */
export function standingOf(
  m: Pick<InboxMessage, "status" | "firstResponseAt" | "dueAt">,
  now: Date,
): { text: string; isOverdue: boolean } {
  if (m.status === "closed") return { text: "Closed", isOverdue: false };
  if (m.firstResponseAt)
    return { text: m.status === "open" ? "The resident has replied" : "Answered", isOverdue: false };
  // Dates arrive as ISO 8601 strings (no transformer on the tRPC link).
  const dueAt = new Date(m.dueAt);
  const text = timeLeftInWords(dueAt, now);
  return { text: text.charAt(0).toUpperCase() + text.slice(1), isOverdue: dueAt.getTime() < now.getTime() };
}
