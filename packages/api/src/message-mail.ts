import { escapeHtml } from "@wardpanel/packs";
import type { MessageEventDetail, MessageEventKind } from "@wardpanel/validators";

import type { MailMessage } from "./context";
import { messageThreadPath } from "./router/message-output";

/** The subject and the lines before the link, for each entry a resident is e-mailed about. */
function sayWhat(
  kind: MessageEventKind,
  detail: MessageEventDetail,
  wardName: string,
  targetHours: number,
): { subject: string; lines: string[] } {
  switch (kind) {
    case "received":
      return {
        subject: "We have your message",
        lines: [
          `Thank you. Your message has reached the Safer Neighbourhoods Team for ${wardName} ward.`,
          `The team aims to reply within ${targetHours} hours. You will get their reply by e-mail, and can read it and answer on your private page.`,
          "In an emergency call 999. To report a crime call 101 or report it online at police.uk.",
        ],
      };
    case "team_reply":
      return {
        subject: "The team has replied to your message",
        lines: [`${detail.authorName ?? "The team"} replied:`, detail.text ?? ""],
      };
    case "manager_response":
      return {
        subject: "A response to your complaint about a reply",
        lines: [
          `You said the team's reply was not good enough. ${detail.authorName ?? "The team's manager"} responded:`,
          detail.text ?? "",
        ],
      };
    default:
      return { subject: "Your message to the team", lines: [] };
  }
}

/**
 * One e-mail to a resident about their message to the team: what happened (the reply's text in
 * full), the reference, and the private link to read the thread and answer.
 */
export function renderMessageEmail(params: {
  to: string;
  kind: MessageEventKind;
  detail: MessageEventDetail;
  reference: string;
  wardName: string;
  threadToken: string;
  baseUrl: string;
  targetHours: number;
}): MailMessage {
  const { subject, lines } = sayWhat(params.kind, params.detail, params.wardName, params.targetHours);
  const threadUrl = new URL(messageThreadPath(params.threadToken), params.baseUrl).toString();
  const footer = "You are getting this because you asked for replies by e-mail when you sent your message. Ward Panel";
  const text = [
    ...lines,
    `Your reference: ${params.reference}`,
    `Read and answer on your private page (keep the link to yourself):\n${threadUrl}`,
    footer,
  ].join("\n\n");
  const html = [
    ...lines.map((l) => `<p>${escapeHtml(l).replaceAll("\n", "<br>")}</p>`),
    `<p>Your reference: <strong>${escapeHtml(params.reference)}</strong></p>`,
    `<p><a href="${escapeHtml(threadUrl)}">Read and answer on your private page</a> (keep the link to yourself)</p>`,
    `<p>${escapeHtml(footer)}</p>`,
  ].join("");
  return { to: params.to, subject: `${subject} (${params.reference})`, text, html };
}
