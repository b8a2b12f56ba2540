import { useMutation } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";

import { Loading } from "../components/status";
import { useTranslatedPage } from "../lib/translated-page";
import { useTRPC } from "../lib/trpc";
import { useTitle } from "../lib/use-viewer";

/** Double opt-in, step two: the link in the e-mail lands here and confirms (a POST, so link scanners that only GET do not). */
export function SubscribeConfirmPage() {
  const { token = "" } = useParams();
  const { t } = useTranslation();
  useTranslatedPage();
  useTitle(t("subscribeConfirm.title"));
  const trpc = useTRPC();
  const confirm = useMutation(trpc.subscriptions.confirm.mutationOptions());
  const { mutate } = confirm;
  useEffect(() => mutate({ token }), [mutate, token]);

  if (confirm.isPending || confirm.isIdle) return <Loading what={t("subscribeConfirm.confirming")} />;
  if (confirm.error || !confirm.data) {
    return (
      <>
        <h1 className="mb-2 text-3xl font-bold">{t("subscribeConfirm.failedHeading")}</h1>
        {/* Worded here from the error's code, not the server's English (issue 13). */}
        <p role="alert">
          {confirm.error?.data?.code === "NOT_FOUND"
            ? t("subscribeConfirm.invalidLink")
            : (confirm.error?.message ?? t("subscribeConfirm.tryAgain"))}
        </p>
      </>
    );
  }
  const s = confirm.data;
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">
        {s.isUnsubscribed ? t("subscribeConfirm.unsubscribedHeading") : t("subscribeConfirm.subscribedHeading")}
      </h1>
      <p role="status" className="mb-4">
        {t(s.isUnsubscribed ? "subscribeConfirm.unsubscribed" : "subscribeConfirm.subscribed", {
          email: s.email,
          ward: s.wardName,
        })}
      </p>
      <p>
        <Link to={`/wards/${s.wardCode}/packs`} className="text-blue-800 underline">
          {t("subscribeConfirm.read", { ward: s.wardName })}
        </Link>
      </p>
    </>
  );
}
