import { roleWords, type Translate } from "@wardpanel/i18n";
import { translatorFor } from "@wardpanel/i18n/node";

import { categoryChartSvg, escapeHtml as e, mapSvg, trendChartSvg } from "./svg";
import type { PackView } from "./view-model";

/**
 * The pack's body as an HTML fragment for the web page (the page supplies the h1, the PDF link and
 * the print stylesheet). Plain semantic HTML: sections with h2 headings, real tables with captions
 * and scoped headers, charts as SVG images whose figures are also in a table. Every piece of text
 * from data or people goes through `e`. Written in the view's language (`packPage.*` messages).
 */
export function renderPackHtml(view: PackView): string {
  const t = translatorFor(view.language, view.forceWords);
  return [
    headline(t, view),
    categories(t, view),
    otherForces(t, view),
    trend(t, view),
    map(t, view),
    outcomes(t, view),
    youSaidWeDid(t, view),
    commentary(t, view),
    team(t, view),
    `<footer class="pack-attribution">${view.attribution.map((a) => `<p>${e(a)}</p>`).join("")}</footer>`,
  ].join("\n");
}

function section(id: string, heading: string, body: string): string {
  return `<section class="pack-section" aria-labelledby="pack-${id}"><h2 id="pack-${id}">${e(heading)}</h2>${body}</section>`;
}

const signed = (n: number | null) => (n === null ? "—" : n > 0 ? `+${n}` : String(n));

function headline(t: Translate, view: PackView): string {
  const rows = view.headline.comparisons
    .map(
      (c) =>
        `<tr><th scope="row">${e(c.label)}</th><td>${c.value ?? "—"}</td><td>${signed(c.difference)}</td><td>${e(c.verdict)}</td></tr>`,
    )
    .join("");
  return section(
    "headline",
    t("packPage.atAGlance", { month: view.monthLabel }),
    `<p class="pack-total"><span class="pack-total-number">${view.headline.total}</span> ${e(t("packPage.recorded", { count: view.headline.total }))}</p>` +
      `<p class="pack-lead">${e(view.headline.sentence)}</p>` +
      `<div class="pack-table-wrap"><table><caption>${e(t("packPage.comparedCaption", { total: view.headline.total }))}</caption><thead><tr><th scope="col">${e(t("packPage.comparedWith"))}</th><th scope="col">${e(t("packPage.then"))}</th><th scope="col">${e(t("packPage.change"))}</th><th scope="col">${e(t("packPage.meaning"))}</th></tr></thead><tbody>${rows}</tbody></table></div>`,
  );
}

function categories(t: Translate, view: PackView): string {
  if (view.categories.length === 0)
    return section("categories", t("packPage.byType"), `<p>${e(t("packPage.noCrimes"))}</p>`);
  const hasPrevious = view.categories.some((c) => c.previous !== null);
  const rows = view.categories
    .map(
      (c) =>
        `<tr><th scope="row">${e(c.name)}</th><td>${c.count}</td>${hasPrevious ? `<td>${c.previous ?? "—"}</td>` : ""}</tr>`,
    )
    .join("");
  return section(
    "categories",
    t("packPage.byType"),
    `<div class="pack-chart" aria-hidden="true">${categoryChartSvg(view.categories, t("packPage.barChart", { month: view.monthLabel }))}</div>` +
      `<div class="pack-table-wrap"><table><caption>${e(t("packPage.byTypeCaption", { month: view.monthLabel }))}</caption><thead><tr><th scope="col">${e(t("packPage.type"))}</th><th scope="col">${e(view.monthLabel)}</th>${hasPrevious ? `<th scope="col">${e(t("packPage.lastMonth"))}</th>` : ""}</tr></thead><tbody>${rows}</tbody></table></div>`,
  );
}

function otherForces(t: Translate, view: PackView): string {
  if (view.otherForces.length === 0) return "";
  return section(
    "other-forces",
    t("packPage.otherForces"),
    `<p>${e(t("packView.otherForcesNote"))}</p><ul class="pack-other-forces">${view.otherForces.map((f) => `<li>${e(f.sentence)}</li>`).join("")}</ul>`,
  );
}

function trend(t: Translate, view: PackView): string {
  const described = view.trend.map((m) => `${m.label} ${m.total ?? t("packPage.noData")}`).join(", ");
  const rows = view.trend
    .map(
      (m) =>
        `<tr><th scope="row">${e(m.label)} ${m.month.slice(0, 4)}</th><td>${m.total ?? e(t("packPage.noDataHeld"))}</td></tr>`,
    )
    .join("");
  return section(
    "trend",
    t("packPage.trend"),
    `<div class="pack-chart">${trendChartSvg(view.trend, t("packPage.trendChart", { described }), t("packPdf.notAvailable"))}</div>` +
      `<details class="pack-details"><summary>${e(t("packPage.asTable"))}</summary><div class="pack-table-wrap"><table><caption>${e(t("packPage.trendCaption"))}</caption><thead><tr><th scope="col">${e(t("packPage.month"))}</th><th scope="col">${e(t("packPage.total"))}</th></tr></thead><tbody>${rows}</tbody></table></div></details>`,
  );
}

/** The crime map's text alternative, the same on the page's SVG and on its street map. */
export function packMapLabel(view: PackView): string {
  return translatorFor(view.language, view.forceWords)("packPage.mapLabel", {
    ward: view.ward.shown,
    crimes: view.map.crimesMapped,
    places: view.map.spots.length,
  });
}

function map(t: Translate, view: PackView): string {
  const label = packMapLabel(view);
  return section(
    "map",
    t("packPage.map"),
    `<div class="pack-map">${mapSvg(view.map, label)}</div>` +
      `<p>${e(t("packPage.mapNote", { mapped: view.map.crimesMapped, total: view.headline.total }))}</p>`,
  );
}

function outcomeTable(t: Translate, caption: string, lines: PackView["outcomes"]["thisMonth"]): string {
  const rows = lines.map((l) => `<tr><th scope="row">${e(l.label)}</th><td>${l.count}</td></tr>`).join("");
  return `<div class="pack-table-wrap"><table><caption>${e(caption)}</caption><thead><tr><th scope="col">${e(t("packPage.outcome"))}</th><th scope="col">${e(t("packPage.crimes"))}</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function outcomes(t: Translate, view: PackView): string {
  const o = view.outcomes;
  const now =
    o.crimesWithOutcomes > 0
      ? outcomeTable(t, t("packPage.soFar", { month: view.monthLabel, count: o.crimesWithOutcomes }), o.thisMonth) +
        `<p>${e(t("packPage.fillIn"))}${o.asb > 0 ? ` ${e(t("packPage.asb", { count: o.asb }))}` : ""}</p>`
      : `<p>${e(t("packPage.noOutcomes"))}</p>`;
  const updates =
    o.updatesTotal > 0
      ? outcomeTable(
          t,
          t("packPage.earlierCaption", { count: o.updatesTotal, months: o.updatesFrom.join(", ") }),
          o.updates,
        )
      : `<p>${e(t("packPage.noEarlier"))}</p>`;
  return section("outcomes", t("packPage.outcomes"), now + `<h3>${e(t("packPage.earlier"))}</h3>${updates}`);
}

function youSaidWeDid(t: Translate, view: PackView): string {
  const items = view.priorities.map((p) => {
    const progress =
      p.progress.length > 0
        ? `<ul>${p.progress
            .map(
              (r) =>
                `<li><strong>${e(t("packPage.weDid"))}</strong> ${e(r.policeAction)}${r.partnerAction ? ` <strong>${e(t("packPage.partners"))}</strong> ${e(r.partnerAction)}` : ""}${r.whatChanged ? ` <strong>${e(t("packPage.whatChanged"))}</strong> ${e(r.whatChanged)}` : ""}</li>`,
            )
            .join("")}</ul>`
        : `<p>${e(t("packPage.noProgress"))}</p>`;
    const where = p.where ? ` — ${e(p.where)}` : "";
    return `<li class="pack-priority"><h3>${e(p.title)}${where}</h3>${p.problem ? `<p><strong>${e(t("packPage.youSaid"))}</strong> ${e(p.problem)}</p>` : ""}${progress}</li>`;
  });
  const list =
    items.length > 0 ? `<ul class="pack-priorities">${items.join("")}</ul>` : `<p>${e(t("packPage.noPriorities"))}</p>`;
  return section(
    "ysywd",
    t("packPage.youSaidWeDid"),
    list +
      `<p class="pack-calls"><strong>${e(t("packPage.calls", { minutes: view.calls.targetMinutes }))}</strong> ${e(view.calls.sentence)}</p>`,
  );
}

function commentary(t: Translate, view: PackView): string {
  const paras = (ps: string[], empty: string) =>
    ps.length > 0 ? ps.map((p) => `<p>${e(p)}</p>`).join("") : `<p>${empty}</p>`;
  return (
    section("commentary", t("packPage.sergeant"), paras(view.commentary, e(t("packPage.noCommentary")))) +
    section("partners", t("packPage.partnerActions"), paras(view.partnerActions, e(t("packPage.noPartnerActions"))))
  );
}

function team(t: Translate, view: PackView): string {
  const c = view.team.contacts;
  const officers =
    view.team.officers.length > 0
      ? `<ul>${view.team.officers.map((o) => `<li>${e(o.name)} (${e(roleWords(t, o.rank))})</li>`).join("")}</ul>`
      : "";
  const contacts = c
    ? `<dl class="pack-contacts">${[
        c.baseName
          ? `<dt>${e(t("packPage.basedAt"))}</dt><dd>${e([c.baseName, c.baseAddress].filter(Boolean).join(", "))}</dd>`
          : "",
        c.email ? `<dt>${e(t("packPage.email"))}</dt><dd><a href="mailto:${e(c.email)}">${e(c.email)}</a></dd>` : "",
        c.phone ? `<dt>${e(t("packPage.phone"))}</dt><dd>${e(c.phone)}</dd>` : "",
      ].join("")}</dl>`
    : `<p>${e(t("packPage.call101"))}</p>`;
  const meeting = view.nextMeeting
    ? `<p><strong>${e(t("packPage.nextMeeting"))}</strong> <a href="${e(view.nextMeeting.path)}">${e(view.nextMeeting.title)}</a>, ${e(view.nextMeeting.when)}${view.nextMeeting.venue ? `, ${e(view.nextMeeting.venue)}` : ""}.</p>`
    : `<p>${e(t("packPage.noMeeting"))}</p>`;
  return section("team", t("packPage.team"), officers + contacts + meeting);
}
