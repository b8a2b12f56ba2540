import { useQuery } from "@tanstack/react-query";
import { MESSAGE_TOPICS } from "@wardpanel/validators";
import { Link } from "react-router";

import { standingOf } from "../lib/message-standing";
import { useTRPC } from "../lib/trpc";
import { LoadError } from "./status";

/** The dashboard's list of messages waiting for the person's teams, across their wards; nothing for others. */
export function MyMessages() {
  const trpc = useTRPC();
  const mine = useQuery(trpc.inbox.mine.queryOptions());
  if (mine.error) return <LoadError error={mine.error} />;
  if (!mine.data || mine.data.length === 0) return null;
  const now = new Date();
  return (
    <section aria-labelledby="my-messages-heading" className="mb-6 max-w-3xl">
      <h2 id="my-messages-heading" className="mb-2 text-2xl font-bold">
        Messages waiting for your team
      </h2>
      <ul className="grid gap-2">
        {mine.data.map((m) => {
          const standing = standingOf(m, now);
          return (
            <li key={m.id}>
              <Link to={`/staff/wards/${m.wardCode}/messages/${m.id}`} className="text-blue-800 underline">
                {m.reference}: {MESSAGE_TOPICS[m.topic]}
              </Link>{" "}
              ({m.wardName}
              {m.isMine ? ", assigned to you" : m.assigneeName ? `, assigned to ${m.assigneeName}` : ""}):{" "}
              <span className={standing.isOverdue ? "font-bold text-red-800" : "font-semibold"}>{standing.text}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
