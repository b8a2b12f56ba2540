import type { Translate } from "@wardpanel/i18n";
import { translatorFor } from "@wardpanel/i18n/node";
import { escapeHtml } from "@wardpanel/packs";
import type { ForceWords, MessageEventDetail, MessageEventKind } from "@wardpanel/validators";

import type { MailMessage } from "./context";
import { messageThreadPath } from "./router/message-output";

/** The subject and the lines before the link, for each entry a resident is e-mailed about, in their language. */
function sayWhat(
  t: Translate,
  kind: MessageEventKind,
  detail: MessageEventDetail,
  ward: string,
  hours: number,
): { subject: string; lines: string[] } {
  switch (kind) {
    case "received":
      return {
        subject: t("messageMail.receivedSubject"),
        lines: [
          t("messageMail.receivedThanks", { ward }),
          t("messageMail.receivedAim", { hours }),
          t("messageMail.emergency"),
        ],
      };
    case "team_reply":
      return {
        subject: t("messageMail.replySubject"),
        lines: [t("messageMail.replied", { author: detail.authorName ?? t("messageMail.theTeam") }), detail.text ?? ""],
      };
    case "manager_response":
      return {
        subject: t("messageMail.responseSubject"),
        lines: [
          t("messageMail.responded", { author: detail.authorName ?? t("messageMail.theManager") }),
          detail.text ?? "",
        ],
      };
    default:
      return { subject: t("messageMail.otherSubject"), lines: [] };
  }
}

/**
 * One e-mail to a resident about their message to the team, in the language they wrote in
 * (`language`: a catalogue code; English for one without a catalogue): what happened (the reply's
 * text in full, as written), the reference, and the private link to read the thread and answer.
 * `forceWords` names the team as the deployment's force does (`forceWordsOf(POLICE_FORCE_ID)`;
 * London's words when absent).
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
  language: string;
  forceWords?: ForceWords;
}): MailMessage {
  const t = translatorFor(params.language, params.forceWords);
  const { subject, lines } = sayWhat(t, params.kind, params.detail, params.wardName, params.targetHours);
  const threadUrl = new URL(messageThreadPath(params.threadToken), params.baseUrl).toString();
  const footer = t("messageMail.footer");
  const reference = t("messageMail.reference");
  const text = [
    ...lines,
    `${reference} ${params.reference}`,
    `${t("messageMail.readAndAnswer")} ${t("messageMail.keepLink")}:\n${threadUrl}`,
    footer,
  ].join("\n\n");
  const html = [
    ...lines.map((l) => `<p>${escapeHtml(l).replaceAll("\n", "<br>")}</p>`),
    `<p>${escapeHtml(reference)} <strong>${escapeHtml(params.reference)}</strong></p>`,
    `<p><a href="${escapeHtml(threadUrl)}">${escapeHtml(t("messageMail.readAndAnswer"))}</a> ${escapeHtml(t("messageMail.keepLink"))}</p>`,
    `<p>${escapeHtml(footer)}</p>`,
  ].join("");
  return { to: params.to, subject: `${subject} (${params.reference})`, text, html };
}
