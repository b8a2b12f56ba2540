import { useMutation, useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";

import { ChangeStatus } from "../components/change-status";
import { buttonClass } from "../components/field";
import { LoadError, Loading } from "../components/status";
import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { useTitle } from "../lib/use-viewer";

/** The unsubscribe link in every e-mail: one button, no sign-in (mail programs use the List-Unsubscribe header instead). */
export function UnsubscribePage() {
  const { token = "" } = useParams();
  useTitle("Unsubscribe");
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
  if (found.error || !found.data) return <LoadError error={found.error ?? { message: "No data." }} />;
  const s = stop.data ?? found.data;
  return (
    <div className="max-w-xl">
      <h1 className="mb-4 text-3xl font-bold">Unsubscribe from {s.wardName} ward's updates</h1>
      {s.isUnsubscribed ? (
        <p role="status" className="mb-4 font-semibold text-green-900">
          {s.email || "Your address"} is unsubscribed. You will get no more updates for {s.wardName} ward.
        </p>
      ) : (
        <>
          <p className="mb-4">
            Stop sending {s.wardName} ward's monthly updates to {s.email}?
          </p>
          <ChangeStatus change={change} />
          <button
            type="button"
            className={buttonClass}
            onClick={() => void change.run(() => stop.mutateAsync({ token }), { failed: "Not unsubscribed" })}
            disabled={change.pending}
          >
            Unsubscribe
          </button>
        </>
      )}
      <p className="mt-6">
        <Link to={`/wards/${s.wardCode}/packs`} className="text-blue-800 underline">
          Read {s.wardName} ward's updates
        </Link>
      </p>
    </div>
  );
}
