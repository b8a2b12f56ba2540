import { useMutation } from "@tanstack/react-query";
import { useEffect } from "react";
import { Link, useParams } from "react-router";

import { Loading } from "../components/status";
import { useTRPC } from "../lib/trpc";
import { useTitle } from "../lib/use-viewer";

/** Double opt-in, step two: the link in the e-mail lands here and confirms (a POST, so link scanners that only GET do not). */
export function SubscribeConfirmPage() {
  const { token = "" } = useParams();
  useTitle("Confirm your subscription");
  const trpc = useTRPC();
  const confirm = useMutation(trpc.subscriptions.confirm.mutationOptions());
  const { mutate } = confirm;
  useEffect(() => mutate({ token }), [mutate, token]);

  if (confirm.isPending || confirm.isIdle) return <Loading what="Confirming…" />;
  if (confirm.error || !confirm.data) {
    return (
      <>
        <h1 className="mb-2 text-3xl font-bold">This link did not work</h1>
        <p role="alert">{confirm.error?.message ?? "Try subscribing again."}</p>
      </>
    );
  }
  const s = confirm.data;
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">
        {s.isUnsubscribed ? "You unsubscribed from these updates" : "You are subscribed"}
      </h1>
      <p role="status" className="mb-4">
        {s.isUnsubscribed
          ? `${s.email} unsubscribed from ${s.wardName} ward's updates. Subscribe again from the ward's page if you want them back.`
          : `${s.email} will get ${s.wardName} ward's crime and policing update each month.`}
      </p>
      <p>
        <Link to={`/wards/${s.wardCode}/packs`} className="text-blue-800 underline">
          Read {s.wardName} ward's updates
        </Link>
      </p>
    </>
  );
}
