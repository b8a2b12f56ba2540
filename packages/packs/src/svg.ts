import type { PackMap } from "./map";
import type { PackView } from "./view-model";

/** HTML/SVG text escaping for everything that came from data or people. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

export const COLOURS = {
  bar: "#1d4ed8",
  barPrevious: "#94a3b8",
  ink: "#0f172a",
  muted: "#475569",
  ward: "#dbeafe",
  wardEdge: "#1e3a8a",
  spot: "#b91c1c",
};

/**
 * Horizontal bars by crime type. The chart is an image with a text alternative; the table beside
 * it carries the same figures for screen readers (so the SVG is aria-hidden where the table is shown).
 */
export function categoryChartSvg(categories: PackView["categories"], label: string): string {
  const rowHeight = 26;
  const labelWidth = 190;
  const width = 520;
  const height = Math.max(rowHeight, categories.length * rowHeight) + 8;
  const max = Math.max(1, ...categories.map((c) => Math.max(c.count, c.previous ?? 0)));
  const barSpace = width - labelWidth - 40;
  const rows = categories.map((c, i) => {
    const y = 4 + i * rowHeight;
    const w = (c.count / max) * barSpace;
    return (
      `<text x="${labelWidth - 6}" y="${y + 17}" text-anchor="end" font-size="13" fill="${COLOURS.ink}">${escapeHtml(c.name)}</text>` +
      `<rect x="${labelWidth}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowHeight - 10}" fill="${COLOURS.bar}"/>` +
      `<text x="${(labelWidth + w + 5).toFixed(1)}" y="${y + 17}" font-size="13" fill="${COLOURS.ink}">${c.count}</text>`
    );
  });
  return svg(width, height, label, rows.join(""));
}

/** Thirteen months of totals as columns; a month with no data is marked (`noData`, "n/a"), not drawn as zero. */
export function trendChartSvg(trend: PackView["trend"], label: string, noData: string): string {
  const width = 520;
  const height = 190;
  const top = 18;
  const bottom = 30;
  const slot = (width - 20) / trend.length;
  const max = Math.max(1, ...trend.map((t) => t.total ?? 0));
  const plot = height - top - bottom;
  const columns = trend.map((t, i) => {
    const x = 10 + i * slot;
    const cx = x + slot / 2;
    const monthText = `<text x="${cx.toFixed(1)}" y="${height - 10}" text-anchor="middle" font-size="11" fill="${COLOURS.muted}">${escapeHtml(t.label)}</text>`;
    if (t.total === null) {
      return `${monthText}<text x="${cx.toFixed(1)}" y="${height - bottom - 4}" text-anchor="middle" font-size="10" fill="${COLOURS.muted}">${escapeHtml(noData)}</text>`;
    }
    const h = (t.total / max) * plot;
    const isLast = i === trend.length - 1;
    return (
      `<rect x="${(x + slot * 0.15).toFixed(1)}" y="${(top + plot - h).toFixed(1)}" width="${(slot * 0.7).toFixed(1)}" height="${h.toFixed(1)}" fill="${isLast ? COLOURS.bar : COLOURS.barPrevious}"/>` +
      `<text x="${cx.toFixed(1)}" y="${(top + plot - h - 4).toFixed(1)}" text-anchor="middle" font-size="11" fill="${COLOURS.ink}">${t.total}</text>${monthText}`
    );
  });
  const axis = `<line x1="10" x2="${width - 10}" y1="${top + plot}" y2="${top + plot}" stroke="${COLOURS.muted}" stroke-width="1"/>`;
  return svg(width, height, label, axis + columns.join(""));
}

export function mapSvg(map: PackMap, label: string): string {
  const spots = map.spots
    .map(
      (s) =>
        `<circle cx="${s.x}" cy="${s.y}" r="${s.r}" fill="${COLOURS.spot}" fill-opacity="0.55" stroke="#7f1d1d" stroke-width="0.8"/>`,
    )
    .join("");
  const body = `<path d="${map.boundaryPath}" fill="${COLOURS.ward}" stroke="${COLOURS.wardEdge}" stroke-width="2" fill-rule="evenodd"/>${spots}`;
  return svg(map.width, map.height, label, body);
}

function svg(width: number, height: number, label: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escapeHtml(label)}" font-family="Arial, Helvetica, sans-serif">${body}</svg>`;
}
