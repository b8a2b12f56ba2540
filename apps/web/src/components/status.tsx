import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

import { WayBack } from "./way-back";

/** Loading and error states announced to screen readers. */
export function Loading({ what }: { what?: string }) {
  const { t } = useTranslation();
  return <p role="status">{what ?? t("status.loading")}</p>;
}

/**
 * A read that failed: the reason, "Try again" (refetches every query now in error, so the page's
 * own reads run again without a reload), and the way back (previous page, the ward, home).
 */
export function LoadError({ error }: { error: { message: string } }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const retry = () => void queryClient.refetchQueries({ predicate: (query) => query.state.status === "error" });
  return (
    <div className="my-2">
      <p role="alert" className="font-semibold text-red-900">
        {t("status.loadError", { reason: error.message })}
      </p>
      <WayBack retry={retry} />
    </div>
  );
}
