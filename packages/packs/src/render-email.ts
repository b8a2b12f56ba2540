import { escapeHtml as e } from "./svg";
import { OTHER_FORCES_NOTE, type PackView } from "./view-model";

type PackEmail = { subject: string; html: string; text: string };

/**
 * The subscriber's e-mail: the headline, figures by type, "You said – We did", the commentary and
 * links to the full page and the PDF. No images or SVG (many mail clients strip them); tables with
 * inline styles, and a plain-text part that says the same.
 */
export function renderPackEmail(
  view: PackView,
  { baseUrl, unsubscribeUrl }: { baseUrl: string; unsubscribeUrl: string },
): PackEmail {
  const page = new URL(view.paths.page, baseUrl).toString();
  const pdf = new URL(view.paths.pdf, baseUrl).toString();
  const subject = `${view.ward.name}: crime and policing update for ${view.monthLabel}`;

  const td = 'style="padding:4px 8px;border-bottom:1px solid #cbd5e1"';
  const categoryRows = view.categories
    .map((c) => `<tr><td ${td}>${e(c.name)}</td><td ${td} align="right">${c.count}</td></tr>`)
    .join("");
  const priorities = view.priorities
    .map((p) => {
      const done = p.progress
        .map(
          (r) =>
            `<li>${e(r.policeAction)}${r.partnerAction ? ` (Partners: ${e(r.partnerAction)})` : ""}${r.whatChanged ? ` What changed: ${e(r.whatChanged)}` : ""}</li>`,
        )
        .join("");
      return `<h3 style="font-size:16px;margin:12px 0 4px">${e(p.title)}</h3>${p.problem ? `<p style="margin:0 0 4px"><strong>You said:</strong> ${e(p.problem)}</p>` : ""}${done ? `<ul style="margin:0;padding-left:20px">${done}</ul>` : '<p style="margin:0">No progress recorded for this month yet.</p>'}`;
    })
    .join("");

  const html = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${e(subject)}</title></head>
<body style="margin:0;padding:0;background:#ffffff;color:#0f172a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">
<div style="max-width:600px;margin:0 auto;padding:16px">
<p style="margin:0;color:#334155">${e(view.ward.boroughName)}</p>
<h1 style="font-size:22px;margin:0 0 12px">${e(view.title)}</h1>
<p style="font-size:18px;margin:0 0 8px"><strong>${view.headline.total}</strong> crimes and anti-social behaviour incidents in ${e(view.monthLabel)}.</p>
<p style="margin:0 0 16px">${e(view.headline.sentence)}</p>
<h2 style="font-size:18px;margin:16px 0 4px">By type of crime</h2>
<table role="presentation" cellspacing="0" cellpadding="0" style="border-collapse:collapse;width:100%">${categoryRows}</table>
${view.otherForces.length > 0 ? `<p style="margin:8px 0 0">${e(OTHER_FORCES_NOTE)}</p><ul style="margin:0;padding-left:20px">${view.otherForces.map((f) => `<li>${e(f.sentence)}</li>`).join("")}</ul>` : ""}
<h2 style="font-size:18px;margin:16px 0 4px">You said – We did</h2>
${priorities || "<p>The panel has no active priorities this month.</p>"}
<p><strong>Priority calls attended within 60 minutes:</strong> ${e(view.calls.sentence)}</p>
<h2 style="font-size:18px;margin:16px 0 4px">From your Safer Neighbourhoods sergeant</h2>
${view.commentary.map((p) => `<p>${e(p)}</p>`).join("") || "<p>No commentary this month.</p>"}
${view.nextMeeting ? `<p><strong>Next meeting:</strong> ${e(view.nextMeeting.title)}, ${e(view.nextMeeting.when)}${view.nextMeeting.venue ? `, ${e(view.nextMeeting.venue)}` : ""}.</p>` : ""}
<p><a href="${e(page)}" style="color:#1d4ed8">Read the full update with the map and outcomes</a> · <a href="${e(pdf)}" style="color:#1d4ed8">Download the PDF</a></p>
<p style="font-size:14px;color:#334155">In an emergency always call 999. For anything else, call 101. Replies to this e-mail reach the Ward Panel team, not the police: to report a crime call 101.</p>
<p style="font-size:14px;color:#334155">You get this because you subscribed to updates for ${e(view.ward.name)} ward. <a href="${e(unsubscribeUrl)}" style="color:#1d4ed8">Unsubscribe with one click</a>.</p>
<p style="font-size:12px;color:#475569">${view.attribution.slice(0, 2).map(e).join(" ")}</p>
</div></body></html>`;

  const text = [
    view.title,
    "",
    `${view.headline.total} crimes and anti-social behaviour incidents in ${view.monthLabel}.`,
    view.headline.sentence,
    "",
    "BY TYPE OF CRIME",
    ...view.categories.map((c) => `- ${c.name}: ${c.count}`),
    ...(view.otherForces.length > 0 ? [OTHER_FORCES_NOTE, ...view.otherForces.map((f) => `- ${f.sentence}`)] : []),
    "",
    "YOU SAID – WE DID",
    ...(view.priorities.length > 0
      ? view.priorities.flatMap((p) => [
          `* ${p.title}`,
          ...(p.problem ? [`  You said: ${p.problem}`] : []),
          ...(p.progress.length > 0
            ? p.progress.map(
                (r) => `  We did: ${r.policeAction}${r.partnerAction ? ` (Partners: ${r.partnerAction})` : ""}`,
              )
            : ["  No progress recorded for this month yet."]),
        ])
      : ["The panel has no active priorities this month."]),
    `Priority calls attended within 60 minutes: ${view.calls.sentence}`,
    "",
    "FROM YOUR SAFER NEIGHBOURHOODS SERGEANT",
    ...(view.commentary.length > 0 ? view.commentary.flatMap((p) => [p, ""]) : ["No commentary this month.", ""]),
    ...(view.nextMeeting
      ? [
          `Next meeting: ${view.nextMeeting.title}, ${view.nextMeeting.when}${view.nextMeeting.venue ? `, ${view.nextMeeting.venue}` : ""}.`,
          "",
        ]
      : []),
    `Full update: ${page}`,
    `PDF: ${pdf}`,
    "",
    "In an emergency always call 999. For anything else, call 101.",
    `Unsubscribe: ${unsubscribeUrl}`,
    "",
    view.attribution[0] ?? "",
  ].join("\n");

  return { subject, html, text };
}
