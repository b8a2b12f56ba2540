import { unsubscribeTokenFor } from "@wardpanel/auth";
import type { Db } from "@wardpanel/db/client";
import { claimDueEmails, markEmailFailed, markEmailSent } from "@wardpanel/db/queries/packs-emails";
import { chooseLanguage, SOURCE_LANGUAGE } from "@wardpanel/i18n";
import { availableLanguages } from "@wardpanel/i18n/node";
import { buildPackView, renderPackEmail } from "@wardpanel/packs";

import { type MailerOptions, sendEach, startMailQueue } from "./mail-queue";
import type { Repeating } from "./repeat";

/**
 * The headers and link for one-click unsubscribe (RFC 8058, RFC 2369). The List-Unsubscribe URL
 * is a plain HTTP route (routes/packs/unsubscribe-route.ts): mail programs POST to it. The page a
 * reader opens is asked for in the e-mail's language (`?lang=cy`; English needs none).
 */
function unsubscribeHeaders(baseUrl: string, token: string, language: string) {
  const url = new URL(`/api/subscriptions/unsubscribe/${token}`, baseUrl).toString();
  const page = new URL(`/unsubscribe/${token}`, baseUrl);
  if (language !== SOURCE_LANGUAGE) page.searchParams.set("lang", language);
  return {
    pageUrl: page.toString(),
    headers: { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}

/**
 * Sends what is due once; returns how many were sent and how many failed. Each e-mail is written
 * in its subscriber's recorded language (`subscribers.language`; English for a language with no
 * catalogue), so one send reaches Welsh and English subscribers each in their own.
 */
async function sendDuePackEmails(db: Db, options: MailerOptions): Promise<{ sent: number; failed: number }> {
  const now = options.now ?? (() => new Date());
  const languages = availableLanguages();
  const views = new Map<string, ReturnType<typeof buildPackView>>();
  const viewOf = (email: {
    packId: number;
    language: string;
    published: Parameters<typeof buildPackView>[0] | null;
  }) => {
    const language = chooseLanguage(languages, [email.language]);
    const key = `${email.packId} ${language}`;
    let view = views.get(key);
    if (!view) {
      // Only published packs are claimed, and publishing freezes their data: a null here is a bug.
      if (!email.published) throw new Error(`pack ${email.packId} is published without its frozen data`);
      view = buildPackView(email.published, language);
      views.set(key, view);
    }
    return view;
  };
  return sendEach(
    claimDueEmails(db, { now: now() }),
    {
      async send(email) {
        const view = viewOf(email);
        const { pageUrl, headers } = unsubscribeHeaders(
          options.baseUrl,
          unsubscribeTokenFor(options.tokenSecret, email.wardCode, email.email),
          view.language,
        );
        const message = renderPackEmail(view, { baseUrl: options.baseUrl, unsubscribeUrl: pageUrl });
        await options.transport.send({
          to: email.email,
          subject: message.subject,
          html: message.html,
          text: message.text,
          headers,
        });
      },
      markSent: (email) => markEmailSent(db, { emailId: email.emailId, now: now() }),
      markFailed: (email, error) =>
        markEmailFailed(db, { emailId: email.emailId, attempts: email.attempts, error, now: now() }),
      logFields: (email) => ({ emailId: email.emailId }),
      what: "a pack e-mail",
    },
    options.logger,
  );
}

/** Polls the pack e-mail queue: publishing a pack only queues its e-mails; this sends them. */
export function startPackMailer(db: Db, options: MailerOptions): Repeating {
  return startMailQueue("the pack mailer", options, () => sendDuePackEmails(db, options));
}
