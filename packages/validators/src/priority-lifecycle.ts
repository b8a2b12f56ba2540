import { defineLifecycle } from "./lifecycle";

/** The stored `priorities.status` values. */
export const PRIORITY_STATUSES = ["draft", "active", "achieved", "withdrawn", "superseded"] as const;
export type PriorityStatus = (typeof PRIORITY_STATUSES)[number];

/**
 * The life of a ward's priority (docs/architecture.md "Priorities and votes"; domain.md: publish
 * how each was decided, how long it runs, what action was taken and what progress made, and keep
 * a library of previous priorities):
 *
 *   draft ──publish──▶ active ──achieve / withdraw / supersede──▶ achieved | withdrawn | superseded
 *
 * A draft is made specific, then published (the query checks it is specific, and the ward's limit).
 * Only an active priority is in the control rooms' feed. An ended priority stays in the library as
 * it was; progress can still be reported on it, as the last "You said – We did".
 * Refusals are the words a DomainError("conflict") carries to the person.
 */
export const PRIORITY_LIFECYCLE = defineLifecycle(PRIORITY_STATUSES, {
  edit: { from: ["draft", "active"], refusal: "This priority has ended, so it can no longer be changed" },
  publish: { from: ["draft"], to: "active", refusal: "Only a draft priority can be published" },
  flagForCallHandling: {
    from: ["draft", "active"],
    refusal: "This priority has ended, so it can no longer be flagged for the 60-minute response",
  },
  achieve: { from: ["active"], to: "achieved", refusal: "Only an active priority can be ended" },
  withdraw: { from: ["active"], to: "withdrawn", refusal: "Only an active priority can be ended" },
  supersede: { from: ["active"], to: "superseded", refusal: "Only an active priority can be ended" },
  reportProgress: {
    from: ["active", "achieved", "withdrawn", "superseded"],
    refusal: "Report progress once the priority is published",
  },
});

export type PriorityAction = keyof typeof PRIORITY_LIFECYCLE.steps;

/** The step that ends an active priority with each outcome. */
export const ENDING_STEP = {
  achieved: "achieve",
  withdrawn: "withdraw",
  superseded: "supersede",
} as const satisfies Record<string, PriorityAction>;
