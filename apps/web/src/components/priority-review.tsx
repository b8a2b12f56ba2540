import type { RouterOutputs } from "@wardpanel/api";

import { When } from "./when";

type Priority = RouterOutputs["priorities"]["library"]["priorities"][number];

/** When the priority was last reviewed and is next due; "Out of date" in words after 90 days without a review. */
export function PriorityReview({ priority: p }: { priority: Priority }) {
  return (
    <>
      {p.isOutOfDate && <OutOfDateNotice className="my-1" />}
      {p.lastReviewed && (
        <p>
          Last reviewed <When value={p.lastReviewed} />
        </p>
      )}
      {p.nextReviewBy && (
        <p>
          {p.isOutOfDate ? "Review was due by " : "Next review by "}
          <When value={p.nextReviewBy} />
        </p>
      )}
    </>
  );
}

/** "Out of date" said in words, not by colour alone: an active priority not reviewed for 90 days. */
export function OutOfDateNotice({ className = "" }: { className?: string }) {
  return (
    <p className={className}>
      <strong className="inline-block rounded border-2 border-red-800 bg-red-50 px-2 text-red-900">Out of date</strong>{" "}
      Not reviewed for more than 90 days.
    </p>
  );
}
