import { ADMIN, EVERYONE, type MatrixEntries, SIGNED_IN, WARD_A, WARD_A_SERGEANT, WARD_A_TEAM } from "./shared";

const messageA = { wardCode: WARD_A, messageId: 999_999 };
const token = "an-unguessable-token-nobody-holds";

/** "Message your team": residents by private link, the ward's team in its inbox, admins as the teams' managers. */
export const MESSAGE_ENTRIES: MatrixEntries = {
  "messages.send": {
    allowed: EVERYONE,
    input: () => ({
      wardCode: WARD_A,
      topic: "anti-social-behaviour",
      body: "Young people shouting in the square every night",
      openedAt: Date.now() - 10_000,
    }),
  },
  "messages.thread": { allowed: EVERYONE, input: () => ({ token }) },
  "messages.reply": { allowed: EVERYONE, input: () => ({ token, text: "Thank you" }) },
  "messages.notGoodEnough": { allowed: EVERYONE, input: () => ({ token, reason: "It did not answer my question" }) },
  "inbox.mine": { allowed: SIGNED_IN, input: () => undefined },
  "inbox.forWard": { allowed: WARD_A_TEAM, input: () => ({ wardCode: WARD_A }) },
  "inbox.message": { allowed: WARD_A_TEAM, input: () => messageA },
  "inbox.assign": { allowed: WARD_A_SERGEANT, input: () => ({ ...messageA, assigneeId: null }) },
  "inbox.reply": { allowed: WARD_A_TEAM, input: () => ({ ...messageA, text: "We will look into it" }) },
  "inbox.close": { allowed: WARD_A_TEAM, input: () => messageA },
  "oversight.messages": { allowed: ADMIN, input: () => ({ boroughCode: null }) },
  "oversight.recourse": { allowed: ADMIN, input: () => ({ boroughCode: null }) },
  "oversight.respond": { allowed: ADMIN, input: () => ({ messageId: 999_999, text: "I have spoken to the team" }) },
};
