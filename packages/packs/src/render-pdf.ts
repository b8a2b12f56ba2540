import PDFDocument from "pdfkit";

import { COLOURS } from "./svg";
import { OTHER_FORCES_NOTE, type PackView } from "./view-model";

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 42;
const CONTENT = A4.width - 2 * MARGIN;

/**
 * The A4 PDF of a pack, drawn with PDFKit's built-in Helvetica (the 14 standard PDF fonts need no
 * font files and no network). Charts and the map are vector drawings of the same view model the
 * web page uses: the map's SVG path data is drawn as is.
 */
export function renderPackPdf(view: PackView): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    lang: "en-GB",
    displayTitle: true,
    info: {
      Title: view.title,
      Author: `${view.ward.name} Safer Neighbourhoods Team`,
      Subject: `Crime and policing update, ${view.monthLabel}`,
      Creator: "Ward Panel",
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  header(doc, view);
  headline(doc, view);
  categoryBars(doc, view);
  otherForces(doc, view);
  trendColumns(doc, view);
  mapAndOutcomes(doc, view);
  youSaidWeDid(doc, view);
  commentary(doc, view);
  team(doc, view);
  footer(doc, view);
  doc.end();
  return done;
}

type Doc = PDFKit.PDFDocument;

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > A4.height - MARGIN) doc.addPage();
}

function heading(doc: Doc, text: string): void {
  ensureSpace(doc, 60);
  doc
    .moveDown(0.6)
    .font("Helvetica-Bold")
    .fontSize(14)
    .fillColor(COLOURS.wardEdge)
    .text(text, MARGIN, doc.y, { width: CONTENT });
  doc.moveDown(0.25).font("Helvetica").fontSize(10).fillColor(COLOURS.ink);
}

function body(doc: Doc, text: string, options: PDFKit.Mixins.TextOptions = {}): void {
  doc
    .font("Helvetica")
    .fontSize(10)
    .fillColor(COLOURS.ink)
    .text(text, MARGIN, doc.y, { width: CONTENT, ...options });
}

function header(doc: Doc, view: PackView): void {
  doc.rect(0, 0, A4.width, 96).fill(COLOURS.wardEdge);
  doc
    .fillColor("#ffffff")
    .font("Helvetica")
    .fontSize(11)
    .text(`${view.ward.boroughName} · Safer Neighbourhoods crime and policing update`, MARGIN, 24, { width: CONTENT });
  doc.font("Helvetica-Bold").fontSize(22).text(`${view.ward.name} ward`, MARGIN, 42, { width: CONTENT });
  doc.font("Helvetica").fontSize(13).text(view.monthLabel, MARGIN, 70, { width: CONTENT });
  doc.fillColor(COLOURS.ink);
  doc.y = 112;
}

function headline(doc: Doc, view: PackView): void {
  const top = doc.y;
  doc
    .font("Helvetica-Bold")
    .fontSize(40)
    .fillColor(COLOURS.bar)
    .text(String(view.headline.total), MARGIN, top, { width: 110 });
  doc
    .font("Helvetica")
    .fontSize(11)
    .fillColor(COLOURS.ink)
    .text("crimes and anti-social behaviour incidents this month", MARGIN + 115, top + 8, { width: CONTENT - 115 });
  doc.y = Math.max(doc.y, top + 48);
  body(doc, view.headline.sentence);
  doc.moveDown(0.5);
  const cols = [0, 150, 230, 300];
  const row = (cells: string[], bold: boolean) => {
    const y = doc.y;
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(10);
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
  row(["Compared with", "Then", "Change", "What it means"], true);
  for (const c of view.headline.comparisons) {
    const change = c.difference === null ? "—" : c.difference > 0 ? `+${c.difference}` : String(c.difference);
    row([c.label, c.value === null ? "—" : String(c.value), change, c.verdict], false);
  }
}

function categoryBars(doc: Doc, view: PackView): void {
  heading(doc, "By type of crime");
  if (view.categories.length === 0) return body(doc, "No crimes or incidents were recorded in the ward this month.");
  const labelWidth = 170;
  const max = Math.max(1, ...view.categories.map((c) => c.count));
  const barSpace = CONTENT - labelWidth - 40;
  ensureSpace(doc, view.categories.length * 16 + 10);
  for (const c of view.categories) {
    const y = doc.y;
    doc
      .font("Helvetica")
      .fontSize(9.5)
      .fillColor(COLOURS.ink)
      .text(c.name, MARGIN, y + 2, { width: labelWidth - 8, align: "right", lineBreak: false });
    const w = Math.max(0.5, (c.count / max) * barSpace);
    doc.rect(MARGIN + labelWidth, y + 2, w, 10).fill(COLOURS.bar);
    doc.fillColor(COLOURS.ink).text(String(c.count), MARGIN + labelWidth + w + 4, y + 2, { lineBreak: false });
    doc.y = y + 16;
  }
}

function otherForces(doc: Doc, view: PackView): void {
  if (view.otherForces.length === 0) return;
  heading(doc, "Reported by other forces");
  body(doc, OTHER_FORCES_NOTE);
  for (const f of view.otherForces) body(doc, f.sentence);
}

function trendColumns(doc: Doc, view: PackView): void {
  heading(doc, "The last 13 months");
  const height = 110;
  ensureSpace(doc, height + 20);
  const top = doc.y + 12;
  const slot = CONTENT / view.trend.length;
  const max = Math.max(1, ...view.trend.map((t) => t.total ?? 0));
  view.trend.forEach((t, i) => {
    const x = MARGIN + i * slot;
    doc
      .font("Helvetica")
      .fontSize(8)
      .fillColor(COLOURS.muted)
      .text(t.label, x, top + height + 4, { width: slot, align: "center", lineBreak: false });
    if (t.total === null) {
      doc.text("n/a", x, top + height - 12, { width: slot, align: "center", lineBreak: false });
      return;
    }
    const h = (t.total / max) * (height - 14);
    doc
      .rect(x + slot * 0.15, top + height - h, slot * 0.7, h)
      .fill(i === view.trend.length - 1 ? COLOURS.bar : COLOURS.barPrevious);
    doc
      .fillColor(COLOURS.ink)
      .fontSize(8)
      .text(String(t.total), x, top + height - h - 11, { width: slot, align: "center", lineBreak: false });
  });
  doc
    .moveTo(MARGIN, top + height)
    .lineTo(MARGIN + CONTENT, top + height)
    .lineWidth(0.6)
    .strokeColor(COLOURS.muted)
    .stroke();
  doc.y = top + height + 18;
}

function mapAndOutcomes(doc: Doc, view: PackView): void {
  doc.addPage();
  doc
    .font("Helvetica-Bold")
    .fontSize(14)
    .fillColor(COLOURS.wardEdge)
    .text("Where crimes happened", MARGIN, MARGIN, { width: CONTENT });
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
    .font("Helvetica")
    .fontSize(9)
    .fillColor(COLOURS.ink)
    .text(
      `Each circle is a place police.uk publishes crimes at; bigger circles mean more crimes there. ${view.map.crimesMapped} of ${view.headline.total} are on the map.`,
      x,
      top,
      { width },
    );
  doc
    .moveDown(0.8)
    .font("Helvetica-Bold")
    .fontSize(12)
    .fillColor(COLOURS.wardEdge)
    .text("What happened: outcomes", x, doc.y, { width });
  doc.font("Helvetica").fontSize(9.5).fillColor(COLOURS.ink);
  const lines = (items: PackView["outcomes"]["thisMonth"]) =>
    items.forEach((l) => doc.text(`${l.label}: ${l.count}`, x, doc.y, { width }));
  if (view.outcomes.crimesWithOutcomes > 0) {
    doc
      .font("Helvetica-Bold")
      .text(`This month's ${view.outcomes.crimesWithOutcomes} crimes so far`, x, doc.y, { width })
      .font("Helvetica");
    lines(view.outcomes.thisMonth);
  } else doc.text("No outcomes recorded yet for this month's crimes.", x, doc.y, { width });
  doc.moveDown(0.5);
  if (view.outcomes.updatesTotal > 0) {
    doc
      .font("Helvetica-Bold")
      .text(`Recorded this month for ${view.outcomes.updatesTotal} earlier crimes`, x, doc.y, { width })
      .font("Helvetica");
    lines(view.outcomes.updates);
  } else doc.text("No new outcomes for crimes from earlier months.", x, doc.y, { width });
  doc.y = Math.max(doc.y, mapBottom) + 6;
}

function youSaidWeDid(doc: Doc, view: PackView): void {
  heading(doc, "You said – We did");
  if (view.priorities.length === 0) body(doc, "The panel has no active priorities this month.");
  for (const p of view.priorities) {
    ensureSpace(doc, 50);
    doc
      .font("Helvetica-Bold")
      .fontSize(11)
      .fillColor(COLOURS.ink)
      .text(p.where ? `${p.title} — ${p.where}` : p.title, MARGIN, doc.y, { width: CONTENT });
    if (p.problem) body(doc, `You said: ${p.problem}`);
    if (p.progress.length === 0) body(doc, "No progress recorded for this month yet.");
    for (const r of p.progress) {
      body(
        doc,
        `We did: ${r.policeAction}${r.partnerAction ? ` Partners: ${r.partnerAction}` : ""}${r.whatChanged ? ` What changed: ${r.whatChanged}` : ""}`,
        { indent: 10 },
      );
    }
    doc.moveDown(0.3);
  }
  doc
    .font("Helvetica-Bold")
    .fontSize(10)
    .text("Priority calls attended within 60 minutes: ", MARGIN, doc.y, { continued: true, width: CONTENT })
    .font("Helvetica")
    .text(view.calls.sentence);
}

function commentary(doc: Doc, view: PackView): void {
  heading(doc, "From your Safer Neighbourhoods sergeant");
  if (view.commentary.length === 0) body(doc, "No commentary has been written yet.");
  for (const p of view.commentary) {
    body(doc, p);
    doc.moveDown(0.4);
  }
  heading(doc, "What partners are doing");
  if (view.partnerActions.length === 0) body(doc, "No partner actions reported this month.");
  for (const p of view.partnerActions) {
    body(doc, p);
    doc.moveDown(0.4);
  }
}

function team(doc: Doc, view: PackView): void {
  heading(doc, "Your team and the next meeting");
  if (view.team.officers.length > 0) body(doc, view.team.officers.map((o) => `${o.name} (${o.rank})`).join(", "));
  const c = view.team.contacts;
  if (c) {
    if (c.baseName) body(doc, `Based at: ${[c.baseName, c.baseAddress].filter(Boolean).join(", ")}`);
    if (c.email) body(doc, `Email: ${c.email}`);
    if (c.phone) body(doc, `Phone: ${c.phone}`);
  }
  body(
    doc,
    view.nextMeeting
      ? `Next meeting: ${view.nextMeeting.title}, ${view.nextMeeting.when}${view.nextMeeting.venue ? `, ${view.nextMeeting.venue}` : ""}.`
      : "The next meeting has not been advertised yet.",
  );
  body(doc, "In an emergency always call 999. For anything else, call 101.");
}

function footer(doc: Doc, view: PackView): void {
  ensureSpace(doc, 60);
  doc.moveDown(1);
  doc.font("Helvetica").fontSize(7.5).fillColor(COLOURS.muted);
  for (const line of view.attribution) doc.text(line, MARGIN, doc.y, { width: CONTENT });
}
