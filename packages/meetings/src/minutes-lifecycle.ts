import { MINUTES_STATUSES, type MinutesStatus } from "@wardpanel/validators";
import { defineLifecycle } from "@wardpanel/validators/lifecycle";

/**
 * The life of one version of a meeting's minutes (docs/architecture.md "Meetings"; domain.md: a
 * formal record of every meeting). The statuses are the stored `minutes_versions.status` values:
 *
 *   draft ──circulate──▶ circulated ──approve──▶ approved ──publish──▶ published
 *     ▲                       │ └──────────publishCorrection──────────────▲
 *     └────returnToDraft──────┘
 *
 * The first version is approved at a later meeting of the panel before it is published. A
 * correction of published minutes is a new version: its substance was approved already, so it is
 * published once circulated. Which of the two publishing steps applies is the version's to say.
 */
export const MINUTES_LIFECYCLE = defineLifecycle(MINUTES_STATUSES, {
  edit: {
    from: ["draft"],
    refusal: "Only draft minutes can be edited. Published minutes never change: start a correction instead.",
  },
  circulate: { from: ["draft"], to: "circulated", refusal: "These minutes have already been circulated to the panel" },
  // Circulated minutes can be corrected before approval: back to draft, with a reason kept in their history.
  returnToDraft: {
    from: ["circulated"],
    to: "draft",
    refusal: (status) =>
      status === "draft"
        ? "These minutes are already a draft"
        : "Approved minutes cannot go back to draft: once published, start a correction instead",
  },
  // The meeting's decisions, actions and concerns change only while the minutes are a draft (or not yet drafted).
  changeRecord: {
    from: ["draft"],
    refusal: (status) =>
      status === "circulated"
        ? "The minutes have been circulated, so the meeting's record can no longer change. Return the minutes to draft first"
        : "The minutes have been approved, so the meeting's record can no longer change",
  },
  approve: {
    from: ["circulated"],
    to: "approved",
    refusal: (status) =>
      status === "draft"
        ? "Circulate the minutes to the panel before they are approved"
        : "These minutes have already been approved",
  },
  publish: {
    from: ["approved"],
    to: "published",
    refusal: (status) =>
      status === "published"
        ? "These minutes have already been published"
        : "Minutes are published once approved at the next meeting",
  },
  publishCorrection: {
    from: ["circulated", "approved"],
    to: "published",
    refusal: (status) =>
      status === "published"
        ? "This correction has already been published"
        : "Circulate the correction to the panel before publishing it",
  },
  startCorrection: { from: ["published"], refusal: "Only published minutes are corrected; edit the draft instead" },
});

export type MinutesAction = keyof typeof MINUTES_LIFECYCLE.steps;
export type { MinutesStatus };

/** The publishing step for a version: the first is approved first, a correction is not. */
export function publishingStep(version: number): "publish" | "publishCorrection" {
  return version > 1 ? "publishCorrection" : "publish";
}
