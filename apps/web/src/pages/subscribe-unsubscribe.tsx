import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";

import { ChangeStatus } from "../components/change-status";
import { buttonClass } from "../components/field";
import { LoadError, Loading } from "../components/status";
import { useTranslatedPage } from "../lib/translated-page";
import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { useTitle } from "../lib/use-viewer";

/** The unsubscribe link in every e-mail: one button, no sign-in (mail programs use the List-Unsubscribe header instead). */
export function UnsubscribePage() {
  const { token = "" } = useParams();
  const { t } = useTranslation();
  useTranslatedPage();
  useTitle(t("unsubscribe.title"));
  const trpc = useTRPC();
  const found = useQuery({
    ...trpc.subscriptions.byUnsubscribeLink.queryOptions({ token }),
    retry: false,
    staleTime: 0,
  });
  const stop = useMutation(trpc.subscriptions.unsubscribe.mutationOptions());
  // Once it is done, the page itself says so (from the mutation's answer); a refusal is an alert.
  const change = useChange();

  if (found.isLoading) return <Loading />;
  // A link not held is worded here from the error's code, not the server's English (issue 13).
  if (found.error?.data?.code === "NOT_FOUND")
    return (
      <>
        <h1 className="mb-2 text-3xl font-bold">{t("unsubscribe.failedHeading")}</h1>
        <p role="alert">{t("unsubscribe.invalidLink")}</p>
      </>
    );
  if (found.error || !found.data) return <LoadError error={found.error ?? { message: "No data." }} />;
  const s = stop.data ?? found.data;
  return (
    <div className="max-w-xl">
      <h1 className="mb-4 text-3xl font-bold">{t("unsubscribe.heading", { ward: s.wardName })}</h1>
      {s.isUnsubscribed ? (
        <p role="status" className="mb-4 font-semibold text-green-900">
          {t("unsubscribe.done", { email: s.email || t("unsubscribe.yourAddress"), ward: s.wardName })}
        </p>
      ) : (
        <>
          <p className="mb-4">{t("unsubscribe.ask", { ward: s.wardName, email: s.email })}</p>
          <ChangeStatus change={change} />
          <button
            type="button"
            className={buttonClass}
            onClick={() => void change.run(() => stop.mutateAsync({ token }), { failed: t("unsubscribe.failed") })}
            disabled={change.pending}
          >
            {t("unsubscribe.button")}
          </button>
        </>
      )}
      <p className="mt-6">
        <Link to={`/wards/${s.wardCode}/packs`} className="text-blue-800 underline">
          {t("unsubscribe.read", { ward: s.wardName })}
        </Link>
      </p>
    </div>
  );
}
