import type { RouterOutputs } from "@wardpanel/api";
import { useTranslation } from "react-i18next";

import { When } from "./when";

type Priority = RouterOutputs["priorities"]["library"]["priorities"][number];

/** When the priority was last reviewed and is next due; "Out of date" in words after 90 days without a review. */
export function PriorityReview({ priority: p }: { priority: Priority }) {
  const { t } = useTranslation();
  return (
    <>
      {p.isOutOfDate && <OutOfDateNotice className="my-1" />}
      {p.lastReviewed && (
        <p>
          {t("priorities.lastReviewed")} <When value={p.lastReviewed} />
        </p>
      )}
      {p.nextReviewBy && (
        <p>
          {p.isOutOfDate ? t("priorities.reviewWasDue") : t("priorities.nextReview")} <When value={p.nextReviewBy} />
        </p>
      )}
    </>
  );
}

/** "Out of date" said in words, not by colour alone: an active priority not reviewed for 90 days. */
export function OutOfDateNotice({ className = "" }: { className?: string }) {
  const { t } = useTranslation();
  return (
    <p className={className}>
      <strong className="inline-block rounded border-2 border-red-800 bg-red-50 px-2 text-red-900">
        {t("priorities.outOfDate")}
      </strong>{" "}
      {t("priorities.notReviewed")}
    </p>
  );
}
