import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";

import { ControlRoomKeyForm } from "../components/control-room-key-form";
import { ControlRoomKeyList, ControlRoomWebhookList } from "../components/control-room-key-list";
import { LoadError, Loading } from "../components/status";
import { useTRPC } from "../lib/trpc";
import { useTitle } from "../lib/use-viewer";

/** Admins: control rooms' keys to the priority feed, and their webhooks. */
export function ControlRoomKeysPage() {
  useTitle("Control rooms");
  const trpc = useTRPC();
  const access = useQuery({ ...trpc.feedAdmin.apiKeys.queryOptions(), retry: false });
  // Wait for the answer before showing the form: the list below asks the same question with retries,
  // which would otherwise hold a non-admin on "Loading…" beside a form they cannot use.
  if (access.isLoading || access.error) {
    return (
      <>
        <h1 className="mb-2 text-3xl font-bold">Control rooms</h1>
        {access.isLoading || !access.error ? (
          <Loading />
        ) : access.error.data?.code === "FORBIDDEN" ? (
          <p>Only an admin can issue or revoke control rooms’ keys.</p>
        ) : (
          <LoadError error={access.error} />
        )}
      </>
    );
  }
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Control rooms</h1>
      <p className="mb-6 max-w-2xl">
        Control rooms read agreed priorities from the priority feed, so a call handler sees when a call relates to one.
        Each control room has its own key. See{" "}
        <Link to="/staff/responses" className="underline">
          how quickly matched calls were attended
        </Link>
        .
      </p>
      <ControlRoomKeyForm />
      <section aria-labelledby="keys-heading" className="mb-10">
        <h2 id="keys-heading" className="mb-2 text-2xl font-bold">
          Keys
        </h2>
        <ControlRoomKeyList />
      </section>
      <section aria-labelledby="hooks-heading">
        <h2 id="hooks-heading" className="mb-2 text-2xl font-bold">
          Webhooks
        </h2>
        <ControlRoomWebhookList />
      </section>
    </>
  );
}
