import type { Translate } from "@wardpanel/i18n";
import { translatorFor } from "@wardpanel/i18n/node";
import { escapeHtml } from "@wardpanel/packs";
import type { ConcernEventDetail, ConcernEventKind, ForceWords } from "@wardpanel/validators";

import type { MailMessage } from "./context";
import { concernFollowPath } from "./router/concern-output";

/** What happened, in plain words in the person's language, for each step they are told about. */
function sayWhat(
  t: Translate,
  kind: ConcernEventKind,
  detail: ConcernEventDetail,
  ward: string,
): { subject: string; lines: string[] } {
  const priority = detail.priorityTitle ?? "";
  switch (kind) {
    case "received":
      return {
        subject: t("concernMail.receivedSubject"),
        lines: [t("concernMail.receivedThanks", { ward }), t("concernMail.receivedNext")],
      };
    case "merged":
      return {
        subject: t("concernMail.mergedSubject"),
        lines: [t("concernMail.merged", { reference: detail.mergedIntoReference ?? "" })],
      };
    case "shortlisted":
      return { subject: t("concernMail.shortlistedSubject"), lines: [t("concernMail.shortlisted", { ward })] };
    case "unshortlisted":
      return { subject: t("concernMail.unshortlistedSubject"), lines: [t("concernMail.unshortlisted")] };
    case "rejected":
      return {
        subject: t("concernMail.rejectedSubject"),
        lines: [
          t("concernMail.rejected"),
          t("concernMail.reason", { reason: detail.reason ?? "" }),
          t("concernMail.emergency"),
        ],
      };
    case "restored":
      return { subject: t("concernMail.restoredSubject"), lines: [t("concernMail.restored", { ward })] };
    case "prioritised":
      return {
        subject: t("concernMail.prioritisedSubject"),
        lines: [t("concernMail.prioritised", { ward, priority }), t("concernMail.prioritisedNext")],
      };
    case "priority_ended":
      return {
        subject: t("concernMail.endedSubject"),
        lines: [
          `${t("concernMail.ended", { priority })} ${detail.outcome ? t(`concernMail.outcomes.${detail.outcome}`) : ""}`.trim(),
          ...(detail.reason ? [t("concernMail.teamSays", { reason: detail.reason })] : []),
        ],
      };
  }
}

/**
 * One status e-mail to the person who raised a concern, in the language they wrote in
 * (`language`: a catalogue code; English for one without a catalogue): what happened, the
 * reference, and the same private link to follow it (and, for a priority, the ward's priorities page).
 * `forceWords` names the team as the deployment's force does (`forceWordsOf(POLICE_FORCE_ID)`:
 * "Safer Neighbourhoods Team" in London, "Neighbourhood Policing Team" elsewhere; London when absent).
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
  language: string;
  forceWords?: ForceWords;
}): MailMessage {
  const t = translatorFor(params.language, params.forceWords);
  const { subject, lines } = sayWhat(t, params.kind, params.detail, params.wardName);
  const followUrl = new URL(concernFollowPath(params.followToken), params.baseUrl).toString();
  const prioritiesUrl =
    params.kind === "prioritised" || params.kind === "priority_ended"
      ? new URL(`/wards/${params.wardCode}/priorities`, params.baseUrl).toString()
      : null;
  const footer = t("concernMail.footer");
  const reference = t("concernMail.reference");
  const follow = t("concernMail.follow");
  const keepLink = t("concernMail.keepLink");
  const priorities = t("concernMail.priorities");
  const text = [
    ...lines,
    `${reference} ${params.reference}`,
    ...(prioritiesUrl ? [`${priorities}: ${prioritiesUrl}`] : []),
    `${follow} ${keepLink}:\n${followUrl}`,
    footer,
  ].join("\n\n");
  const html = [
    ...lines.map((l) => `<p>${escapeHtml(l)}</p>`),
    `<p>${escapeHtml(reference)} <strong>${escapeHtml(params.reference)}</strong></p>`,
    ...(prioritiesUrl ? [`<p><a href="${escapeHtml(prioritiesUrl)}">${escapeHtml(priorities)}</a></p>`] : []),
    `<p><a href="${escapeHtml(followUrl)}">${escapeHtml(follow)}</a> ${escapeHtml(keepLink)}</p>`,
    `<p>${escapeHtml(footer)}</p>`,
  ].join("");
  return { to: params.to, subject: `${subject} (${params.reference})`, text, html };
}
