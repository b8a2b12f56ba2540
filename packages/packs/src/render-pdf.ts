import { roleWords, type Translate } from "@wardpanel/i18n";
import { translatorFor } from "@wardpanel/i18n/node";
import PDFDocument from "pdfkit";

import { pdfFontsFor } from "./pdf-fonts";
import { COLOURS } from "./svg";
import type { PackView } from "./view-model";

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 42;
const CONTENT = A4.width - 2 * MARGIN;

/**
 * The A4 PDF of a pack, drawn with PDFKit's built-in Helvetica (the 14 standard PDF fonts need no
 * font files and no network). Charts and the map are vector drawings of the same view model the
 * web page uses: the map's SVG path data is drawn as is. Written in the view's language (its fixed
 * text from the `packPdf`/`packPage` messages, the document's `/Lang` set to it); a language or a
 * name with letters Helvetica lacks (Welsh ŵ, ŷ) is drawn in an embedded font (`pdfFontsFor`).
 */
export function renderPackPdf(view: PackView): Promise<Buffer> {
  const t = translatorFor(view.language, view.forceWords);
  const info = {
    Title: view.title,
    Author: t("packPdf.author", { ward: view.ward.shown }),
    Subject: t("packPdf.subject", { month: view.monthLabel }),
    Creator: "Ward Panel",
  };
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    lang: view.language,
    displayTitle: true,
    info,
  });
  const fonts = pdfFontsFor(JSON.stringify([{ ...view, map: null }, info, t("packPdf.header", { borough: "" })]));
  doc.registerFont(REGULAR, fonts.regular);
  doc.registerFont(BOLD, fonts.bold);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  header(t, doc, view);
  headline(t, doc, view);
  categoryBars(t, doc, view);
  otherForces(t, doc, view);
  trendColumns(t, doc, view);
  mapAndOutcomes(t, doc, view);
  youSaidWeDid(t, doc, view);
  commentary(t, doc, view);
  team(t, doc, view);
  footer(doc, view);
  doc.end();
  return done;
}

type Doc = PDFKit.PDFDocument;

/** The document's two faces, registered per document (Helvetica, or an embedded font: pdf-fonts.ts). */
const REGULAR = "pack-regular";
const BOLD = "pack-bold";

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > A4.height - MARGIN) doc.addPage();
}

function heading(doc: Doc, text: string): void {
  ensureSpace(doc, 60);
  doc.moveDown(0.6).font(BOLD).fontSize(14).fillColor(COLOURS.wardEdge).text(text, MARGIN, doc.y, { width: CONTENT });
  doc.moveDown(0.25).font(REGULAR).fontSize(10).fillColor(COLOURS.ink);
}

function body(doc: Doc, text: string, options: PDFKit.Mixins.TextOptions = {}): void {
  doc
    .font(REGULAR)
    .fontSize(10)
    .fillColor(COLOURS.ink)
    .text(text, MARGIN, doc.y, { width: CONTENT, ...options });
}

function header(t: Translate, doc: Doc, view: PackView): void {
  doc.rect(0, 0, A4.width, 96).fill(COLOURS.wardEdge);
  doc
    .fillColor("#ffffff")
    .font(REGULAR)
    .fontSize(11)
    .text(t("packPdf.header", { borough: view.ward.boroughName }), MARGIN, 24, { width: CONTENT });
  doc
    .font(BOLD)
    .fontSize(22)
    .text(t("packPage.wardLink", { ward: view.ward.shown }), MARGIN, 42, { width: CONTENT });
  doc.font(REGULAR).fontSize(13).text(view.monthLabel, MARGIN, 70, { width: CONTENT });
  doc.fillColor(COLOURS.ink);
  doc.y = 112;
}

function headline(t: Translate, doc: Doc, view: PackView): void {
  const top = doc.y;
  doc.font(BOLD).fontSize(40).fillColor(COLOURS.bar).text(String(view.headline.total), MARGIN, top, { width: 110 });
  doc
    .font(REGULAR)
    .fontSize(11)
    .fillColor(COLOURS.ink)
    .text(t("packPdf.thisMonth", { count: view.headline.total }), MARGIN + 115, top + 8, { width: CONTENT - 115 });
  doc.y = Math.max(doc.y, top + 48);
  body(doc, view.headline.sentence);
  doc.moveDown(0.5);
  const cols = [0, 150, 230, 300];
  const row = (cells: string[], bold: boolean) => {
    const y = doc.y;
    doc.font(bold ? BOLD : REGULAR).fontSize(10);
    cells.forEach((cell, i) =>
      doc.text(cell, MARGIN + (cols[i] ?? 0), y, {
        width: (cols[i + 1] ?? CONTENT) - (cols[i] ?? 0) - 6,
        lineBreak: false,
      }),
    );
    doc.y = y + 15;
    doc
      .moveTo(MARGIN, doc.y - 2)
      .lineTo(MARGIN + CONTENT, doc.y - 2)
      .lineWidth(0.4)
      .strokeColor("#cbd5e1")
      .stroke();
  };
  row([t("packPage.comparedWith"), t("packPage.then"), t("packPage.change"), t("packPage.meaning")], true);
  for (const c of view.headline.comparisons) {
    const change = c.difference === null ? "—" : c.difference > 0 ? `+${c.difference}` : String(c.difference);
    row([c.label, c.value === null ? "—" : String(c.value), change, c.verdict], false);
  }
}

function categoryBars(t: Translate, doc: Doc, view: PackView): void {
  heading(doc, t("packPage.byType"));
  if (view.categories.length === 0) return body(doc, t("packPage.noCrimes"));
  const labelWidth = 170;
  const max = Math.max(1, ...view.categories.map((c) => c.count));
  const barSpace = CONTENT - labelWidth - 40;
  ensureSpace(doc, view.categories.length * 16 + 10);
  for (const c of view.categories) {
    const y = doc.y;
    doc
      .font(REGULAR)
      .fontSize(9.5)
      .fillColor(COLOURS.ink)
      .text(c.name, MARGIN, y + 2, { width: labelWidth - 8, align: "right", lineBreak: false });
    const w = Math.max(0.5, (c.count / max) * barSpace);
    doc.rect(MARGIN + labelWidth, y + 2, w, 10).fill(COLOURS.bar);
    doc.fillColor(COLOURS.ink).text(String(c.count), MARGIN + labelWidth + w + 4, y + 2, { lineBreak: false });
    doc.y = y + 16;
  }
}

function otherForces(t: Translate, doc: Doc, view: PackView): void {
  if (view.otherForces.length === 0) return;
  heading(doc, t("packPage.otherForces"));
  body(doc, t("packView.otherForcesNote"));
  for (const f of view.otherForces) body(doc, f.sentence);
}

function trendColumns(t: Translate, doc: Doc, view: PackView): void {
  heading(doc, t("packPage.trend"));
  const height = 110;
  ensureSpace(doc, height + 20);
  const top = doc.y + 12;
  const slot = CONTENT / view.trend.length;
  const max = Math.max(1, ...view.trend.map((t) => t.total ?? 0));
  view.trend.forEach((m, i) => {
    const x = MARGIN + i * slot;
    doc
      .font(REGULAR)
      .fontSize(8)
      .fillColor(COLOURS.muted)
      .text(m.label, x, top + height + 4, { width: slot, align: "center", lineBreak: false });
    if (m.total === null) {
      doc.text(t("packPdf.notAvailable"), x, top + height - 12, { width: slot, align: "center", lineBreak: false });
      return;
    }
    const h = (m.total / max) * (height - 14);
    doc
      .rect(x + slot * 0.15, top + height - h, slot * 0.7, h)
      .fill(i === view.trend.length - 1 ? COLOURS.bar : COLOURS.barPrevious);
    doc
      .fillColor(COLOURS.ink)
      .fontSize(8)
      .text(String(m.total), x, top + height - h - 11, { width: slot, align: "center", lineBreak: false });
  });
  doc
    .moveTo(MARGIN, top + height)
    .lineTo(MARGIN + CONTENT, top + height)
    .lineWidth(0.6)
    .strokeColor(COLOURS.muted)
    .stroke();
  doc.y = top + height + 18;
}

function mapAndOutcomes(t: Translate, doc: Doc, view: PackView): void {
  doc.addPage();
  doc.font(BOLD).fontSize(14).fillColor(COLOURS.wardEdge).text(t("packPage.map"), MARGIN, MARGIN, { width: CONTENT });
  const mapWidth = 250;
  const scale = mapWidth / view.map.width;
  const top = doc.y + 6;
  doc.save().translate(MARGIN, top).scale(scale);
  doc.path(view.map.boundaryPath).lineWidth(2).fillColor(COLOURS.ward).strokeColor(COLOURS.wardEdge).fillAndStroke();
  for (const s of view.map.spots) doc.circle(s.x, s.y, s.r).fillOpacity(0.55).fillColor(COLOURS.spot).fill();
  doc.restore();
  doc.fillOpacity(1);
  const mapBottom = top + view.map.height * scale;

  const x = MARGIN + mapWidth + 20;
  const width = CONTENT - mapWidth - 20;
  doc
    .font(REGULAR)
    .fontSize(9)
    .fillColor(COLOURS.ink)
    .text(t("packPage.mapNote", { mapped: view.map.crimesMapped, total: view.headline.total }), x, top, { width });
  doc
    .moveDown(0.8)
    .font(BOLD)
    .fontSize(12)
    .fillColor(COLOURS.wardEdge)
    .text(t("packPage.outcomes"), x, doc.y, { width });
  doc.font(REGULAR).fontSize(9.5).fillColor(COLOURS.ink);
  const lines = (items: PackView["outcomes"]["thisMonth"]) =>
    items.forEach((l) => doc.text(`${l.label}: ${l.count}`, x, doc.y, { width }));
  if (view.outcomes.crimesWithOutcomes > 0) {
    doc
      .font(BOLD)
      .text(t("packPdf.soFar", { count: view.outcomes.crimesWithOutcomes }), x, doc.y, { width })
      .font(REGULAR);
    lines(view.outcomes.thisMonth);
  } else doc.text(t("packPage.noOutcomes"), x, doc.y, { width });
  doc.moveDown(0.5);
  if (view.outcomes.updatesTotal > 0) {
    doc
      .font(BOLD)
      .text(t("packPdf.earlier", { count: view.outcomes.updatesTotal }), x, doc.y, { width })
      .font(REGULAR);
    lines(view.outcomes.updates);
  } else doc.text(t("packPdf.noEarlier"), x, doc.y, { width });
  doc.y = Math.max(doc.y, mapBottom) + 6;
}

function youSaidWeDid(t: Translate, doc: Doc, view: PackView): void {
  heading(doc, t("packPage.youSaidWeDid"));
  if (view.priorities.length === 0) body(doc, t("packPage.noPriorities"));
  for (const p of view.priorities) {
    ensureSpace(doc, 50);
    doc
      .font(BOLD)
      .fontSize(11)
      .fillColor(COLOURS.ink)
      .text(p.where ? `${p.title} — ${p.where}` : p.title, MARGIN, doc.y, { width: CONTENT });
    if (p.problem) body(doc, `${t("packPage.youSaid")} ${p.problem}`);
    if (p.progress.length === 0) body(doc, t("packPage.noProgress"));
    for (const r of p.progress) {
      body(
        doc,
        `${t("packPage.weDid")} ${r.policeAction}${r.partnerAction ? ` ${t("packPage.partners")} ${r.partnerAction}` : ""}${r.whatChanged ? ` ${t("packPage.whatChanged")} ${r.whatChanged}` : ""}`,
        { indent: 10 },
      );
    }
    doc.moveDown(0.3);
  }
  doc
    .font(BOLD)
    .fontSize(10)
    .text(`${t("packPage.calls", { minutes: view.calls.targetMinutes })} `, MARGIN, doc.y, {
      continued: true,
      width: CONTENT,
    })
    .font(REGULAR)
    .text(view.calls.sentence);
}

function commentary(t: Translate, doc: Doc, view: PackView): void {
  heading(doc, t("packPage.sergeant"));
  if (view.commentary.length === 0) body(doc, t("packPage.noCommentary"));
  for (const p of view.commentary) {
    body(doc, p);
    doc.moveDown(0.4);
  }
  heading(doc, t("packPage.partnerActions"));
  if (view.partnerActions.length === 0) body(doc, t("packPage.noPartnerActions"));
  for (const p of view.partnerActions) {
    body(doc, p);
    doc.moveDown(0.4);
  }
}

function team(t: Translate, doc: Doc, view: PackView): void {
  heading(doc, t("packPage.team"));
  if (view.team.officers.length > 0)
    body(doc, view.team.officers.map((o) => `${o.name} (${roleWords(t, o.rank)})`).join(", "));
  const c = view.team.contacts;
  if (c) {
    if (c.baseName) body(doc, `${t("packPage.basedAt")}: ${[c.baseName, c.baseAddress].filter(Boolean).join(", ")}`);
    if (c.email) body(doc, `${t("packPage.email")}: ${c.email}`);
    if (c.phone) body(doc, `${t("packPage.phone")}: ${c.phone}`);
  }
  body(
    doc,
    view.nextMeeting
      ? `${t("packPage.nextMeeting")} ${view.nextMeeting.title}, ${view.nextMeeting.when}${view.nextMeeting.venue ? `, ${view.nextMeeting.venue}` : ""}.`
      : t("packPage.noMeeting"),
  );
  body(doc, t("packMail.emergency"));
}

function footer(doc: Doc, view: PackView): void {
  ensureSpace(doc, 60);
  doc.moveDown(1);
  doc.font(REGULAR).fontSize(7.5).fillColor(COLOURS.muted);
  for (const line of view.attribution) doc.text(line, MARGIN, doc.y, { width: CONTENT });
}
