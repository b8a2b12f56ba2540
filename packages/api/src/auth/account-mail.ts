import type { MailMessage, MailPort } from "../context";

/** "3:45pm on Tuesday 5 May 2026": the wall-clock time in London, where Ward Panel's people are. */
function londonTime(at: Date): string {
  const time = at
    .toLocaleTimeString("en-GB", { timeZone: "Europe/London", hour: "numeric", minute: "2-digit", hour12: true })
    .replace(/\s+/g, "");
  const day = at.toLocaleDateString("en-GB", {
    timeZone: "Europe/London",
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  });
  return `${time} on ${day.replace(",", "")}`;
}

type LinkMailParams = {
  to: string;
  /** The recipient's name, to greet them. */
  name: string;
  /** The absolute link, built from PUBLIC_BASE_URL. */
  link: string;
  expiresAt: Date;
};

/** The invitation e-mail: who invited them, and the link to choose a password. */
export function invitationMail({
  to,
  name,
  link,
  expiresAt,
  invitedBy,
}: LinkMailParams & { invitedBy: string }): MailMessage {
  return {
    to,
    subject: "Your invitation to Ward Panel",
    text: [
      `Hello ${name},`,
      `${invitedBy} has invited you to Ward Panel, where your ward panel and Safer Neighbourhoods Team plan meetings and agree local policing priorities.`,
      `Choose your password here:\n${link}`,
      `The link works once, until ${londonTime(expiresAt)} (UK time). If it has expired, ask your Ward Panel admin for a new one.`,
    ].join("\n\n"),
  };
}

/** The e-mail with a link to choose a new password, asked for by the person or sent by an admin (`sentBy`). */
export function passwordResetMail({
  to,
  name,
  link,
  expiresAt,
  sentBy,
}: LinkMailParams & { sentBy?: string }): MailMessage {
  return {
    to,
    subject: "Choose a new Ward Panel password",
    text: [
      `Hello ${name},`,
      sentBy
        ? `${sentBy}, your Ward Panel admin, has sent you a link to choose a new password for your Ward Panel account.`
        : "Someone (we hope you) asked for a link to choose a new password for your Ward Panel account.",
      `Choose your new password here:\n${link}`,
      `The link works once, until ${londonTime(expiresAt)} (UK time). Choosing a new password signs you out everywhere else.`,
      `If you did not ask for this, ignore this e-mail: your password has not changed.`,
    ].join("\n\n"),
  };
}

/**
 * Sends a message and says whether it was accepted, for an admin who can copy the link instead.
 * The server's port has already logged why a message was not sent.
 */
export async function trySend(mail: MailPort, message: MailMessage): Promise<boolean> {
  return mail.send(message).then(
    () => true,
    () => false,
  );
}
