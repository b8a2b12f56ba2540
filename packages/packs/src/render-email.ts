import { translatorFor } from "@wardpanel/i18n/node";

import { escapeHtml as e } from "./svg";
import type { PackView } from "./view-model";

type PackEmail = { subject: string; html: string; text: string };

/**
 * The subscriber's e-mail: the headline, figures by type, "You said – We did", the commentary and
 * links to the full page and the PDF. No images or SVG (many mail clients strip them); tables with
 * inline styles, and a plain-text part that says the same. Written wholly in the view's language
 * (`buildPackView(data, language)` for the subscriber's recorded language), links included: a Welsh
 * reader's links open the Welsh page and PDF.
 */
export function renderPackEmail(
  view: PackView,
  { baseUrl, unsubscribeUrl }: { baseUrl: string; unsubscribeUrl: string },
): PackEmail {
  const page = new URL(view.paths.page, baseUrl).toString();
  const pdf = new URL(view.paths.pdf, baseUrl).toString();
  const t = translatorFor(view.language, view.forceWords);
  const subject = t("packMail.subject", { ward: view.ward.shown, month: view.monthLabel });
  const totalLine = t("packMail.total", { count: view.headline.total, month: view.monthLabel });
  const note = t("packView.otherForcesNote");
  const calls = t("packPage.calls", { minutes: view.calls.targetMinutes });
  const partners = (text: string) => t("packMail.partnersAside", { text });
  const whatChanged = t("packPage.whatChanged");
  const noProgress = t("packPage.noProgress");
  const noPriorities = t("packPage.noPriorities");
  const noCommentary = t("packMail.noCommentary");
  const nextMeeting = t("packPage.nextMeeting");
  const emergency = t("packMail.emergency");
  const upper = (text: string) => text.toLocaleUpperCase(view.language);

  const td = 'style="padding:4px 8px;border-bottom:1px solid #cbd5e1"';
  const categoryRows = view.categories
    .map((c) => `<tr><td ${td}>${e(c.name)}</td><td ${td} align="right">${c.count}</td></tr>`)
    .join("");
  const priorities = view.priorities
    .map((p) => {
      const done = p.progress
        .map(
          (r) =>
            `<li>${e(r.policeAction)}${r.partnerAction ? ` ${e(partners(r.partnerAction))}` : ""}${r.whatChanged ? ` ${e(whatChanged)} ${e(r.whatChanged)}` : ""}</li>`,
        )
        .join("");
      return `<h3 style="font-size:16px;margin:12px 0 4px">${e(p.title)}</h3>${p.problem ? `<p style="margin:0 0 4px"><strong>${e(t("packPage.youSaid"))}</strong> ${e(p.problem)}</p>` : ""}${done ? `<ul style="margin:0;padding-left:20px">${done}</ul>` : `<p style="margin:0">${e(noProgress)}</p>`}`;
    })
    .join("");

  const html = `<!doctype html><html lang="${e(view.language)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${e(subject)}</title></head>
<body style="margin:0;padding:0;background:#ffffff;color:#0f172a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">
<div style="max-width:600px;margin:0 auto;padding:16px">
<p style="margin:0;color:#334155">${e(view.ward.boroughName)}</p>
<h1 style="font-size:22px;margin:0 0 12px">${e(view.title)}</h1>
<p style="font-size:18px;margin:0 0 8px">${e(totalLine)}</p>
<p style="margin:0 0 16px">${e(view.headline.sentence)}</p>
<h2 style="font-size:18px;margin:16px 0 4px">${e(t("packPage.byType"))}</h2>
<table role="presentation" cellspacing="0" cellpadding="0" style="border-collapse:collapse;width:100%">${categoryRows}</table>
${view.otherForces.length > 0 ? `<p style="margin:8px 0 0">${e(note)}</p><ul style="margin:0;padding-left:20px">${view.otherForces.map((f) => `<li>${e(f.sentence)}</li>`).join("")}</ul>` : ""}
<h2 style="font-size:18px;margin:16px 0 4px">${e(t("packPage.youSaidWeDid"))}</h2>
${priorities || `<p>${e(noPriorities)}</p>`}
<p><strong>${e(calls)}</strong> ${e(view.calls.sentence)}</p>
<h2 style="font-size:18px;margin:16px 0 4px">${e(t("packPage.sergeant"))}</h2>
${view.commentary.map((p) => `<p>${e(p)}</p>`).join("") || `<p>${e(noCommentary)}</p>`}
${view.nextMeeting ? `<p><strong>${e(nextMeeting)}</strong> ${e(view.nextMeeting.title)}, ${e(view.nextMeeting.when)}${view.nextMeeting.venue ? `, ${e(view.nextMeeting.venue)}` : ""}.</p>` : ""}
<p><a href="${e(page)}" style="color:#1d4ed8">${e(t("packMail.readFull"))}</a> · <a href="${e(pdf)}" style="color:#1d4ed8">${e(t("packMail.downloadPdf"))}</a></p>
<p style="font-size:14px;color:#334155">${e(emergency)} ${e(t("packMail.replies"))}</p>
<p style="font-size:14px;color:#334155">${e(t("packMail.why", { ward: view.ward.shown }))} <a href="${e(unsubscribeUrl)}" style="color:#1d4ed8">${e(t("packMail.unsubscribeLink"))}</a>.</p>
<p style="font-size:12px;color:#475569">${view.attribution.slice(0, 2).map(e).join(" ")}</p>
</div></body></html>`;

  const text = [
    view.title,
    "",
    totalLine,
    view.headline.sentence,
    "",
    upper(t("packPage.byType")),
    ...view.categories.map((c) => `- ${c.name}: ${c.count}`),
    ...(view.otherForces.length > 0 ? [note, ...view.otherForces.map((f) => `- ${f.sentence}`)] : []),
    "",
    upper(t("packPage.youSaidWeDid")),
    ...(view.priorities.length > 0
      ? view.priorities.flatMap((p) => [
          `* ${p.title}`,
          ...(p.problem ? [`  ${t("packPage.youSaid")} ${p.problem}`] : []),
          ...(p.progress.length > 0
            ? p.progress.map(
                (r) =>
                  `  ${t("packPage.weDid")} ${r.policeAction}${r.partnerAction ? ` ${partners(r.partnerAction)}` : ""}`,
              )
            : [`  ${noProgress}`]),
        ])
      : [noPriorities]),
    `${calls} ${view.calls.sentence}`,
    "",
    upper(t("packPage.sergeant")),
    ...(view.commentary.length > 0 ? view.commentary.flatMap((p) => [p, ""]) : [noCommentary, ""]),
    ...(view.nextMeeting
      ? [
          `${nextMeeting} ${view.nextMeeting.title}, ${view.nextMeeting.when}${view.nextMeeting.venue ? `, ${view.nextMeeting.venue}` : ""}.`,
          "",
        ]
      : []),
    t("packMail.fullUpdate", { url: page }),
    t("packMail.pdf", { url: pdf }),
    "",
    emergency,
    t("packMail.unsubscribe", { url: unsubscribeUrl }),
    "",
    view.attribution[0] ?? "",
  ].join("\n");

  return { subject, html, text };
}
