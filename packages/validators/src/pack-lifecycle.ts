import { defineLifecycle } from "./lifecycle";

/** The stored `packs.status` values. A month with crime data and no pack row has no pack yet. */
export const PACK_STATUSES = ["draft", "published"] as const;
export type PackStatus = (typeof PACK_STATUSES)[number];

/**
 * The life of a ward's monthly crime-update pack (decision 0009; domain.md: monthly updates with
 * crime data and clear context and commentary, Policing Pledge point 8):
 *
 *   draft ──publish──▶ published
 *
 * The sergeant writes the commentary on the draft; publishing freezes the pack and queues one
 * e-mail per subscriber, so it happens once and the pack never changes afterwards.
 * Refusals are the words a DomainError("conflict") carries to the person.
 *
 * It lives here rather than in @wardpanel/packs because @wardpanel/packs depends on @wardpanel/db,
 * whose queries guard with it: the other way round would be an import cycle.
 */
export const PACK_LIFECYCLE = defineLifecycle(PACK_STATUSES, {
  editText: { from: ["draft"], refusal: "This pack is published, so its commentary can no longer be changed" },
  publish: { from: ["draft"], to: "published", refusal: "This pack has already been published" },
});

export type PackAction = keyof typeof PACK_LIFECYCLE.steps;
