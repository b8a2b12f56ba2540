import { escapeHtml } from "@wardpanel/packs";

import type { MailMessage } from "../context";

/** Double opt-in, step one: the link that confirms an address wants a ward's monthly updates. */
export function subscriptionConfirmMail({
  to,
  wardName,
  link,
}: {
  to: string;
  wardName: string;
  link: string;
}): MailMessage {
  const what = `monthly crime and policing updates for ${wardName} ward by e-mail`;
  return {
    to,
    subject: `Confirm your Ward Panel updates for ${wardName}`,
    text: `Someone (we hope you) asked for ${what}.\n\nTo start getting them, confirm here:\n${link}\n\nIf it was not you, ignore this e-mail and you will get nothing more.`,
    html: `<p>Someone (we hope you) asked for ${escapeHtml(what)}.</p><p><a href="${escapeHtml(link)}">Confirm your subscription to ${escapeHtml(wardName)} updates</a></p><p>If it was not you, ignore this e-mail and you will get nothing more.</p>`,
  };
}
