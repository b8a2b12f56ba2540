import type { Translate } from "@wardpanel/i18n";
import { escapeHtml } from "@wardpanel/packs";

import type { MailMessage } from "../context";

/**
 * Double opt-in, step one: the link that confirms an address wants a ward's monthly updates,
 * written in the language the person chose (`t` from `translatorFor`).
 */
export function subscriptionConfirmMail({
  to,
  wardName,
  link,
  t,
}: {
  to: string;
  wardName: string;
  link: string;
  t: Translate;
}): MailMessage {
  const ward = wardName;
  const asked = t("mail.subscriptionConfirm.asked", { ward });
  const notYou = t("mail.subscriptionConfirm.notYou");
  return {
    to,
    subject: t("mail.subscriptionConfirm.subject", { ward }),
    text: `${asked}\n\n${t("mail.subscriptionConfirm.confirmHere")}\n${link}\n\n${notYou}`,
    html: `<p>${escapeHtml(asked)}</p><p><a href="${escapeHtml(link)}">${escapeHtml(t("mail.subscriptionConfirm.confirmLink", { ward }))}</a></p><p>${escapeHtml(notYou)}</p>`,
  };
}
