import { categoryChartSvg, escapeHtml as e, mapSvg, trendChartSvg } from "./svg";
import { OTHER_FORCES_NOTE, type PackView } from "./view-model";

/**
 * The pack's body as an HTML fragment for the web page (the page supplies the h1, the PDF link and
 * the print stylesheet). Plain semantic HTML: sections with h2 headings, real tables with captions
 * and scoped headers, charts as SVG images whose figures are also in a table. Every piece of text
 * from data or people goes through `e`.
 */
export function renderPackHtml(view: PackView): string {
  return [
    headline(view),
    categories(view),
    otherForces(view),
    trend(view),
    map(view),
    outcomes(view),
    youSaidWeDid(view),
    commentary(view),
    team(view),
    `<footer class="pack-attribution">${view.attribution.map((a) => `<p>${e(a)}</p>`).join("")}</footer>`,
  ].join("\n");
}

function section(id: string, heading: string, body: string): string {
  return `<section class="pack-section" aria-labelledby="pack-${id}"><h2 id="pack-${id}">${e(heading)}</h2>${body}</section>`;
}

const signed = (n: number | null) => (n === null ? "—" : n > 0 ? `+${n}` : String(n));

function headline(view: PackView): string {
  const rows = view.headline.comparisons
    .map(
      (c) =>
        `<tr><th scope="row">${e(c.label)}</th><td>${c.value ?? "—"}</td><td>${signed(c.difference)}</td><td>${e(c.verdict)}</td></tr>`,
    )
    .join("");
  return section(
    "headline",
    `${view.monthLabel} at a glance`,
    `<p class="pack-total"><span class="pack-total-number">${view.headline.total}</span> crimes and anti-social behaviour incidents recorded in the ward</p>` +
      `<p class="pack-lead">${e(view.headline.sentence)}</p>` +
      `<div class="pack-table-wrap"><table><caption>This month (${view.headline.total}) compared</caption><thead><tr><th scope="col">Compared with</th><th scope="col">Then</th><th scope="col">Change</th><th scope="col">What it means</th></tr></thead><tbody>${rows}</tbody></table></div>`,
  );
}

function categories(view: PackView): string {
  if (view.categories.length === 0)
    return section(
      "categories",
      "By type of crime",
      "<p>No crimes or incidents were recorded in the ward this month.</p>",
    );
  const hasPrevious = view.categories.some((c) => c.previous !== null);
  const rows = view.categories
    .map(
      (c) =>
        `<tr><th scope="row">${e(c.name)}</th><td>${c.count}</td>${hasPrevious ? `<td>${c.previous ?? "—"}</td>` : ""}</tr>`,
    )
    .join("");
  return section(
    "categories",
    "By type of crime",
    `<div class="pack-chart" aria-hidden="true">${categoryChartSvg(view.categories, `Bar chart of ${view.monthLabel}'s crimes by type`)}</div>` +
      `<div class="pack-table-wrap"><table><caption>Crimes and incidents by type, ${e(view.monthLabel)}</caption><thead><tr><th scope="col">Type</th><th scope="col">${e(view.monthLabel)}</th>${hasPrevious ? '<th scope="col">Last month</th>' : ""}</tr></thead><tbody>${rows}</tbody></table></div>`,
  );
}

function otherForces(view: PackView): string {
  if (view.otherForces.length === 0) return "";
  return section(
    "other-forces",
    "Reported by other forces",
    `<p>${e(OTHER_FORCES_NOTE)}</p><ul class="pack-other-forces">${view.otherForces.map((f) => `<li>${e(f.sentence)}</li>`).join("")}</ul>`,
  );
}

function trend(view: PackView): string {
  const described = view.trend.map((t) => `${t.label} ${t.total ?? "no data"}`).join(", ");
  const rows = view.trend
    .map(
      (t) => `<tr><th scope="row">${e(t.label)} ${t.month.slice(0, 4)}</th><td>${t.total ?? "No data held"}</td></tr>`,
    )
    .join("");
  return section(
    "trend",
    "The last 13 months",
    `<div class="pack-chart">${trendChartSvg(view.trend, `Column chart of crimes and incidents per month: ${described}`)}</div>` +
      `<details class="pack-details"><summary>The figures as a table</summary><div class="pack-table-wrap"><table><caption>Crimes and incidents per month</caption><thead><tr><th scope="col">Month</th><th scope="col">Total</th></tr></thead><tbody>${rows}</tbody></table></div></details>`,
  );
}

/** The crime map's text alternative, the same on the page's SVG and on its street map. */
export function packMapLabel(view: PackView): string {
  return `Map of ${view.ward.name} ward with ${view.map.crimesMapped} crimes at ${view.map.spots.length} places; bigger circles mean more crimes at one place`;
}

function map(view: PackView): string {
  const label = packMapLabel(view);
  return section(
    "map",
    "Where crimes happened",
    `<div class="pack-map">${mapSvg(view.map, label)}</div>` +
      `<p>Each circle is a place police.uk publishes crimes at; a bigger circle means more crimes there. ${view.map.crimesMapped} of ${view.headline.total} are on the map.</p>`,
  );
}

function outcomeTable(caption: string, lines: PackView["outcomes"]["thisMonth"]): string {
  const rows = lines.map((l) => `<tr><th scope="row">${e(l.label)}</th><td>${l.count}</td></tr>`).join("");
  return `<div class="pack-table-wrap"><table><caption>${e(caption)}</caption><thead><tr><th scope="col">Outcome</th><th scope="col">Crimes</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function outcomes(view: PackView): string {
  const o = view.outcomes;
  const now =
    o.crimesWithOutcomes > 0
      ? outcomeTable(`What has happened so far to ${view.monthLabel}'s ${o.crimesWithOutcomes} crimes`, o.thisMonth) +
        `<p>Outcomes fill in over the following months: a crime "under investigation" now may be charged later.${o.asb > 0 ? ` Anti-social behaviour (${o.asb} incidents) has no outcomes on police.uk.` : ""}</p>`
      : "<p>No outcomes recorded yet for this month's crimes.</p>";
  const updates =
    o.updatesTotal > 0
      ? outcomeTable(
          `Outcomes recorded this month for ${o.updatesTotal} earlier crimes (from ${o.updatesFrom.join(", ")})`,
          o.updates,
        )
      : "<p>No new outcomes were recorded this month for crimes from earlier months.</p>";
  return section("outcomes", "What happened: outcomes", now + `<h3>Updates to earlier months</h3>${updates}`);
}

function youSaidWeDid(view: PackView): string {
  const items = view.priorities.map((p) => {
    const progress =
      p.progress.length > 0
        ? `<ul>${p.progress
            .map(
              (r) =>
                `<li><strong>We did:</strong> ${e(r.policeAction)}${r.partnerAction ? ` <strong>Partners:</strong> ${e(r.partnerAction)}` : ""}${r.whatChanged ? ` <strong>What changed:</strong> ${e(r.whatChanged)}` : ""}</li>`,
            )
            .join("")}</ul>`
        : "<p>No progress recorded for this month yet.</p>";
    const where = p.where ? ` — ${e(p.where)}` : "";
    return `<li class="pack-priority"><h3>${e(p.title)}${where}</h3>${p.problem ? `<p><strong>You said:</strong> ${e(p.problem)}</p>` : ""}${progress}</li>`;
  });
  const list =
    items.length > 0
      ? `<ul class="pack-priorities">${items.join("")}</ul>`
      : "<p>The panel has no active priorities this month.</p>";
  return section(
    "ysywd",
    "You said – We did",
    list +
      `<p class="pack-calls"><strong>Priority calls attended within 60 minutes:</strong> ${e(view.calls.sentence)}</p>`,
  );
}

function commentary(view: PackView): string {
  const paras = (ps: string[], empty: string) =>
    ps.length > 0 ? ps.map((p) => `<p>${e(p)}</p>`).join("") : `<p>${empty}</p>`;
  return (
    section(
      "commentary",
      "From your Safer Neighbourhoods sergeant",
      paras(view.commentary, "No commentary has been written yet."),
    ) +
    section(
      "partners",
      "What partners are doing",
      paras(view.partnerActions, "No partner actions reported this month."),
    )
  );
}

function team(view: PackView): string {
  const c = view.team.contacts;
  const officers =
    view.team.officers.length > 0
      ? `<ul>${view.team.officers.map((o) => `<li>${e(o.name)} (${e(o.rank)})</li>`).join("")}</ul>`
      : "";
  const contacts = c
    ? `<dl class="pack-contacts">${[
        c.baseName ? `<dt>Based at</dt><dd>${e([c.baseName, c.baseAddress].filter(Boolean).join(", "))}</dd>` : "",
        c.email ? `<dt>Email</dt><dd><a href="mailto:${e(c.email)}">${e(c.email)}</a></dd>` : "",
        c.phone ? `<dt>Phone</dt><dd>${e(c.phone)}</dd>` : "",
      ].join("")}</dl>`
    : "<p>Call 101, or 999 in an emergency.</p>";
  const meeting = view.nextMeeting
    ? `<p><strong>Next meeting:</strong> <a href="${e(view.nextMeeting.path)}">${e(view.nextMeeting.title)}</a>, ${e(view.nextMeeting.when)}${view.nextMeeting.venue ? `, ${e(view.nextMeeting.venue)}` : ""}.</p>`
    : "<p>The next meeting has not been advertised yet.</p>";
  return section("team", "Your team and the next meeting", officers + contacts + meeting);
}
