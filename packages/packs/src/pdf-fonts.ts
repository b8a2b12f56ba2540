import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** The two faces a pack PDF is drawn in: a font name PDFKit knows, or a TrueType file's bytes. */
export type PdfFonts = { regular: string | Buffer; bold: string | Buffer };

/**
 * Characters the 14 standard PDF fonts can show: PDFKit writes them in WinAnsiEncoding (Latin-1
 * plus a few punctuation marks). Welsh needs more: ŵ and ŷ (U+0175, U+0177) are not in it and
 * came out as other letters ("ynglŷn" read "yngl v").
 */
const BEYOND_WIN_ANSI = /[^\t\n\r\u0020-\u00ff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/;

let embedded: PdfFonts | null = null;

/**
 * DejaVu Sans Condensed (package dejavu-fonts-ttf; free licence, close to Helvetica's width),
 * read once. PDFKit embeds only the glyphs a document uses, with a ToUnicode map, so the text
 * can still be searched and copied.
 */
function embeddedFonts(): PdfFonts {
  if (!embedded) {
    const require = createRequire(import.meta.url);
    const file = (name: string) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}`));
    embedded = { regular: file("DejaVuSansCondensed.ttf"), bold: file("DejaVuSansCondensed-Bold.ttf") };
  }
  return embedded;
}

/**
 * Helvetica when every character of `texts` is in WinAnsiEncoding (no font file in the PDF: the
 * English pack as it always was); otherwise (a Welsh pack, a ward or person named with ŵ or ŷ)
 * an embedded font that has them.
 */
export function pdfFontsFor(texts: string): PdfFonts {
  return BEYOND_WIN_ANSI.test(texts) ? embeddedFonts() : { regular: "Helvetica", bold: "Helvetica-Bold" };
}
