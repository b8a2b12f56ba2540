// Splitting a BLT file into lines of tokens: quoted strings (with "" for a quote inside), bare
// words, and `#` comments to the end of the line. Pure; used by read-blt.ts.
import { BltError } from "./types.js";

export type BltToken = { text: string; quoted: boolean };
/** A line with something on it: its 1-based number, its tokens and its text without the comment. */
export type BltLine = { line: number; tokens: BltToken[]; text: string };

/**
 * Decodes the file: UTF-8 (a byte-order mark is dropped); bytes that are not UTF-8 are read as
 * Windows-1252, the code page of older Windows counting programs.
 */
export function decodeBlt(input: string | Uint8Array): string {
  let text: string;
  if (typeof input === "string") text = input;
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(input);
    } catch {
      text = new TextDecoder("windows-1252").decode(input);
    }
  }
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

/** Every line that holds a token, in order. Blank and comment-only lines are left out. */
export function bltLines(text: string): BltLine[] {
  const out: BltLine[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const parsed = tokenise(raw, i + 1);
    if (parsed.tokens.length > 0) out.push({ line: i + 1, ...parsed });
  });
  return out;
}

function tokenise(raw: string, line: number): { tokens: BltToken[]; text: string } {
  const tokens: BltToken[] = [];
  let i = 0;
  let end = raw.length;
  while (i < raw.length) {
    const ch = raw[i] ?? "";
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "#") {
      end = i;
      break;
    } else if (ch === '"') {
      let text = "";
      let closed = false;
      i++;
      while (i < raw.length) {
        const c = raw[i] ?? "";
        if (c === '"' && raw[i + 1] === '"') {
          text += '"';
          i += 2;
        } else if (c === '"') {
          closed = true;
          i++;
          break;
        } else {
          text += c;
          i++;
        }
      }
      if (!closed) throw new BltError(`the quoted text "${text.slice(0, 40)}" has no closing quote mark (").`, line);
      tokens.push({ text, quoted: true });
    } else {
      const start = i;
      while (i < raw.length && !/\s/.test(raw[i] ?? "") && raw[i] !== "#") i++;
      tokens.push({ text: raw.slice(start, i), quoted: false });
    }
  }
  return { tokens, text: raw.slice(0, end).trim() };
}
