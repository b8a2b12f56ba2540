import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * Test helpers that open a PDF the way a reader would: pdf.js parses it, and @napi-rs/canvas
 * (a prebuilt Skia binary, no system packages) paints a page to PNG, so a test can look at it.
 */
const require = createRequire(import.meta.url);
const PDFJS_DIR = dirname(require.resolve("pdfjs-dist/package.json"));

async function openPdf(pdf: Uint8Array) {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  return pdfjs.getDocument({
    data: new Uint8Array(pdf),
    standardFontDataUrl: `${pathToFileURL(join(PDFJS_DIR, "standard_fonts")).href}/`,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
}

/** The text of every page, joined with newlines between items. */
export async function pdfText(pdf: Uint8Array): Promise<{ pages: number; text: string }> {
  const doc = await openPdf(pdf);
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i += 1) {
    const content = await (await doc.getPage(i)).getTextContent();
    parts.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, text: parts.join("\n") };
}

/** Page `pageNumber` (1-based) rendered to PNG at `scale` (1 = 72 dpi). */
export async function renderPdfPageToPng(pdf: Uint8Array, pageNumber = 1, scale = 1.5): Promise<Buffer> {
  const { createCanvas } = await import("@napi-rs/canvas");
  const doc = await openPdf(pdf);
  const page = await doc.getPage(pageNumber);
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext("2d");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
  const png = canvas.toBuffer("image/png");
  await doc.destroy();
  return png;
}
export * from "./real-files";
export * from "./seed-pack";
