import type { RouterOutputs } from "@wardpanel/api";
import { Link } from "react-router";

type Figure = RouterOutputs["wards"]["page"]["responseFigure"];

/** The ward's published figure: messages of the last 90 days answered within the response target. */
export function responseFigureInWords(f: Figure): string {
  if (f.received === 0) return `No messages yet in the last ${f.days} days.`;
  if (f.share === null)
    return `${f.received} ${f.received === 1 ? "message" : "messages"} in the last ${f.days} days, none yet past the ${f.targetHours}-hour target.`;
  const decided = f.withinTarget + f.late + f.overdue;
  return `In the last ${f.days} days the team answered ${Math.round(f.share * 100)}% of messages within ${f.targetHours} hours (${f.withinTarget} of ${decided}).`;
}

/** The ward page's "Message your team": a link to the form, and how well the team answers. */
export function MessageYourTeam({
  wardCode,
  takesMessages,
  figure,
}: {
  wardCode: string;
  takesMessages: boolean;
  figure: Figure;
}) {
  return (
    <section aria-labelledby="message-heading" className="mb-8">
      <h2 id="message-heading" className="mb-2 text-2xl font-bold">
        Message your team
      </h2>
      {takesMessages ? (
        <>
          <p className="mb-2">
            Ask the Safer Neighbourhoods Team a question or tell them about a local problem. They aim to reply within{" "}
            {figure.targetHours} hours. Not for emergencies or reporting a crime.
          </p>
          <p className="mb-2">
            <Link
              to={`/wards/${wardCode}/message`}
              className="inline-flex min-h-11 items-center font-semibold text-blue-800 underline"
            >
              Send the team a message
            </Link>
          </p>
          <p>{responseFigureInWords(figure)}</p>
        </>
      ) : (
        <p>The team is not on Ward Panel yet, so it cannot take messages here. Call 101 to reach it.</p>
      )}
    </section>
  );
}
