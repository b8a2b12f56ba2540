import { escapeHtml } from "@wardpanel/packs";
import type { ConcernEventDetail, ConcernEventKind } from "@wardpanel/validators";

import type { MailMessage } from "./context";
import { concernFollowPath } from "./router/concern-output";

const OUTCOMES = {
  achieved: "The team and the panel judged the problem dealt with.",
  withdrawn: "It was withdrawn.",
  superseded: "Another priority took its place.",
} as const;

/** What happened, in plain words, for each step the person who raised a concern is told about. */
function sayWhat(
  kind: ConcernEventKind,
  detail: ConcernEventDetail,
  wardName: string,
): { subject: string; lines: string[] } {
  switch (kind) {
    case "received":
      return {
        subject: "We have your concern",
        lines: [
          `Thank you. Your concern has reached the Safer Neighbourhoods Team for ${wardName} ward.`,
          "The team reviews every concern raised. The ward panel chooses the ward's priorities from them at its meetings, which anyone can attend. We will e-mail you when something happens to it.",
        ],
      };
    case "merged":
      return {
        subject: "Your concern has been joined with another",
        lines: [
          `Someone else raised the same problem, so the team has put your concern together with concern ${detail.mergedIntoReference ?? ""}. It counts everyone who raised it, and you will still hear what becomes of it.`,
        ],
      };
    case "shortlisted":
      return {
        subject: "Your concern is on the shortlist",
        lines: [
          `The team has put your concern on the shortlist the ${wardName} ward panel chooses its priorities from at its next vote.`,
        ],
      };
    case "unshortlisted":
      return {
        subject: "Your concern is back in the queue",
        lines: ["The team has taken your concern off the shortlist for now."],
      };
    case "rejected":
      return {
        subject: "Your concern will not become a priority",
        lines: [
          "The team has decided your concern will not become a ward priority.",
          `Their reason: ${detail.reason ?? ""}`,
          "In an emergency call 999; to report a crime call 101 or report it online at police.uk.",
        ],
      };
    case "prioritised":
      return {
        subject: "Your concern has become a ward priority",
        lines: [
          `The ${wardName} ward panel voted to make your concern one of the ward's priorities: “${detail.priorityTitle ?? ""}”.`,
          "The team will publish what it will do and report back on progress.",
        ],
      };
    case "priority_ended":
      return {
        subject: "The priority from your concern has ended",
        lines: [
          `The priority “${detail.priorityTitle ?? ""}” has ended. ${detail.outcome ? OUTCOMES[detail.outcome] : ""}`.trim(),
          ...(detail.reason ? [`The team says: ${detail.reason}`] : []),
        ],
      };
  }
}

/**
 * One status e-mail to the person who raised a concern: what happened, the reference, and the same
 * private link to follow it (and, for a priority, the ward's priorities page).
 */
export function renderConcernEmail(params: {
  to: string;
  kind: ConcernEventKind;
  detail: ConcernEventDetail;
  reference: string;
  wardCode: string;
  wardName: string;
  followToken: string;
  baseUrl: string;
}): MailMessage {
  const { subject, lines } = sayWhat(params.kind, params.detail, params.wardName);
  const followUrl = new URL(concernFollowPath(params.followToken), params.baseUrl).toString();
  const prioritiesUrl =
    params.kind === "prioritised" || params.kind === "priority_ended"
      ? new URL(`/wards/${params.wardCode}/priorities`, params.baseUrl).toString()
      : null;
  const footer = "You are getting this because you asked for updates when you raised the concern. Ward Panel";
  const text = [
    ...lines,
    `Your reference: ${params.reference}`,
    ...(prioritiesUrl ? [`The ward's priorities: ${prioritiesUrl}`] : []),
    `Follow your concern (a private link: keep it to yourself):\n${followUrl}`,
    footer,
  ].join("\n\n");
  const html = [
    ...lines.map((l) => `<p>${escapeHtml(l)}</p>`),
    `<p>Your reference: <strong>${escapeHtml(params.reference)}</strong></p>`,
    ...(prioritiesUrl ? [`<p><a href="${escapeHtml(prioritiesUrl)}">The ward's priorities</a></p>`] : []),
    `<p><a href="${escapeHtml(followUrl)}">Follow your concern</a> (a private link: keep it to yourself)</p>`,
    `<p>${escapeHtml(footer)}</p>`,
  ].join("");
  return { to: params.to, subject: `${subject} (${params.reference})`, text, html };
}
