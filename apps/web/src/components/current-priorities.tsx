import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { priorityWhere } from "../lib/category-words";
import { useTRPC } from "../lib/trpc";
import { useResponseTargetMinutes } from "../lib/use-response-target";
import { PriorityReview } from "./priority-review";
import { LoadError, Loading } from "./status";

/** The ward page's brief list of current priorities, linking to the full library. */
export function CurrentPriorities({ wardCode }: { wardCode: string }) {
  const { t } = useTranslation();
  const minutes = useResponseTargetMinutes();
  const trpc = useTRPC();
  const library = useQuery({ ...trpc.priorities.library.queryOptions({ wardCode }), retry: false });
  if (library.isLoading) return <Loading what={t("priorities.loading")} />;
  if (library.error || !library.data) return <LoadError error={library.error ?? { message: "No data." }} />;
  const current = library.data.priorities.filter((p) => p.status === "active");
  return (
    <>
      {current.length === 0 ? (
        <p>{t("priorities.none")}</p>
      ) : (
        <ul className="mb-3 grid gap-3">
          {current.map((p) => (
            <li key={p.id} className="border-l-4 border-blue-800 pl-3">
              <h3 className="text-lg font-bold break-words">{p.title}</h3>
              {priorityWhere(t, p) && <p>{t("priorities.where", { where: priorityWhere(t, p) })}</p>}
              {p.isCallHandlingFlagged && <p className="font-semibold">{t("priorities.callHandling", { minutes })}</p>}
              <PriorityReview priority={p} />
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2">
        <Link
          to={`/wards/${wardCode}/priorities`}
          className="inline-flex min-h-11 items-center text-blue-800 underline"
        >
          {t("priorities.all")}
        </Link>
      </p>
    </>
  );
}
