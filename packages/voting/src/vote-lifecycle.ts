import { defineLifecycle } from "@wardpanel/validators/lifecycle";

/** The stored `votes.status` values. */
export const VOTE_STATUSES = ["draft", "open", "closed", "published"] as const;
export type VoteStatus = (typeof VOTE_STATUSES)[number];

/**
 * The life of a panel's vote on its shortlist (docs/architecture.md "Priorities and votes",
 * decision 0008; domain.md: systems for agreeing priorities that are fair and transparent):
 *
 *   draft ──open──▶ open ──close──▶ closed ──publish──▶ published
 *
 * Settings change only while it is a draft, so nobody changes the rules once members have voted.
 * Ballots (online and paper) go in only while it is open. A tie the count paused on is decided by
 * the chair once it is closed; publishing needs a complete count too, which the count says, not
 * the status. Refusals are the words a DomainError("conflict") carries to the person.
 */
export const VOTE_LIFECYCLE = defineLifecycle(VOTE_STATUSES, {
  changeSettings: {
    from: ["draft"],
    refusal: (status) =>
      `${status === "open" ? "The vote is open" : "The vote has closed"}: its method and settings are fixed and can no longer change`,
  },
  open: { from: ["draft"], to: "open", refusal: "This vote has already been opened" },
  castBallot: {
    from: ["open"],
    refusal: (status) => (status === "draft" ? "The vote has not opened yet" : "The vote has closed"),
  },
  close: { from: ["open"], to: "closed", refusal: "Only an open vote can be closed" },
  decideTie: { from: ["closed"], refusal: "There is no tie waiting for the chair's decision" },
  publish: {
    from: ["closed"],
    to: "published",
    refusal: (status) =>
      status === "published"
        ? "This vote's result has already been published"
        : "Close the vote before publishing its result",
  },
});

export type VoteAction = keyof typeof VOTE_LIFECYCLE.steps;
