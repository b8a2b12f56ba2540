import { useQuery } from "@tanstack/react-query";
import { MESSAGE_TOPICS } from "@wardpanel/validators";
import { Link, useParams } from "react-router";

import { LoadError, Loading } from "../components/status";
import { When } from "../components/when";
import { WrittenIn } from "../components/written-in";
import { standingOf } from "../lib/message-standing";
import { useTRPC } from "../lib/trpc";
import { useTitle } from "../lib/use-viewer";

/** The Safer Neighbourhoods Team's inbox for a ward: open messages first, the least time left first. */
export function TeamInboxPage() {
  const { wardCode = "" } = useParams();
  const trpc = useTRPC();
  const inbox = useQuery({ ...trpc.inbox.forWard.queryOptions({ wardCode }), retry: false });
  const ward = useQuery(trpc.wards.page.queryOptions({ wardCode }));
  useTitle(ward.data ? `Messages to the ${ward.data.ward.name} team` : "Messages to the team");
  if (inbox.isLoading) return <Loading />;
  if (inbox.error || !inbox.data) return <LoadError error={inbox.error ?? { message: "No data." }} />;
  const now = new Date();
  const { messages, targetHours } = inbox.data;
  const waiting = messages.filter((m) => m.status === "open").length;
  return (
    <>
      <p className="text-lg text-slate-700">
        <Link to={`/staff/wards/${wardCode}`} className="text-blue-800 underline">
          {ward.data?.ward.name ?? wardCode}
        </Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">Messages to the team</h1>
      <p className="mb-6 max-w-2xl">
        Every message should have its first reply within {targetHours} hours. {waiting}{" "}
        {waiting === 1 ? "message is" : "messages are"} waiting for the team.
      </p>
      {messages.length === 0 ? (
        <p>No messages yet.</p>
      ) : (
        <ul className="grid max-w-3xl gap-3">
          {messages.map((m) => {
            const standing = standingOf(m, now);
            return (
              <li key={m.id} className="rounded border-2 border-slate-300 p-3">
                <p className="flex flex-wrap justify-between gap-x-4">
                  <Link
                    to={`/staff/wards/${wardCode}/messages/${m.id}`}
                    className="font-semibold text-blue-800 underline"
                  >
                    {m.reference}: {MESSAGE_TOPICS[m.topic]}
                  </Link>
                  <span className={standing.isOverdue ? "font-bold text-red-800" : "font-semibold"}>
                    {standing.text}
                  </span>
                </p>
                <WrittenIn language={m.language} className="mt-1" />
                <p className="mt-1 line-clamp-2" lang={m.language}>
                  {m.body}
                </p>
                <p className="mt-1 text-sm text-slate-700">
                  Received <When value={m.receivedAt} as="dateTime" />.{" "}
                  {m.assigneeName ? `Assigned to ${m.assigneeName}.` : "Not assigned."}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
