import { WardBoundaryError } from "../errors";

/** Which property of a feature holds each thing we store; null when the file has none. */
export type WardColumns = {
  code: string;
  name: string;
  welshName: string | null;
  boroughCode: string | null;
  boroughName: string | null;
};

/** Property names an operator gives by flag (`--code-property WD23CD`…), overriding detection. */
export type WardColumnFlags = Partial<Record<keyof WardColumns, string>>;

export const COLUMN_FLAGS: Record<keyof WardColumns, string> = {
  code: "--code-property",
  name: "--name-property",
  welshName: "--welsh-name-property",
  boroughCode: "--borough-code-property",
  boroughName: "--borough-name-property",
};

/**
 * ONS's naming styles: every release since 2011 writes `WDyyCD`/`WDyyNM`/`WDyyNMW` and
 * `LADyyCD`/`LADyyNM` (yy the release year); the older OS Boundary-Line style writes
 * `GSS_CODE`/`NAME`/`LAGSSCODE`/`DISTRICT`. Matched without regard to case (Shapefile tools often
 * upper- or lower-case them).
 */
const STYLES: Record<keyof WardColumns, RegExp[]> = {
  code: [/^WD\d{2}CD$/i, /^GSS_CODE$/i],
  name: [/^WD\d{2}NM$/i, /^NAME$/i],
  welshName: [/^WD\d{2}NMW$/i],
  boroughCode: [/^LAD\d{2}CD$/i, /^LAGSSCODE$/i],
  boroughName: [/^LAD\d{2}NM$/i, /^DISTRICT$/i],
};

const HOW_TO_NAME =
  "name them with --code-property and --name-property (and --borough-code-property/--borough-name-property, or --borough-code/--borough-name for a file of one borough)";

/**
 * Finds the properties holding each column among the names the file's features carry. A flag wins;
 * otherwise one property of a known style must match (two years at once, say WD22CD and WD23CD,
 * must be settled by flag). Throws WardBoundaryError listing the properties found and the flags.
 */
export function findWardColumns(propertyNames: readonly string[], flags: WardColumnFlags = {}): WardColumns {
  const found = (key: keyof WardColumns): string | null => {
    const flagged = flags[key];
    if (flagged !== undefined) {
      if (!propertyNames.includes(flagged)) {
        throw new WardBoundaryError(
          `${COLUMN_FLAGS[key]} ${flagged}: the file has no such property. Its properties are ${list(propertyNames)}.`,
        );
      }
      return flagged;
    }
    for (const pattern of STYLES[key]) {
      const matches = propertyNames.filter((name) => pattern.test(name));
      if (matches.length > 1) {
        throw new WardBoundaryError(
          `The file has several properties that could be the ${WHAT[key]} (${matches.join(", ")}): say which with ${COLUMN_FLAGS[key]}.`,
        );
      }
      if (matches[0] !== undefined) return matches[0];
    }
    return null;
  };
  const code = found("code");
  const name = found("name");
  if (code === null || name === null) {
    throw new WardBoundaryError(
      `The file has no recognisable ward ${code === null ? "code" : "name"} property (such as WD22CD/WD22NM or GSS_CODE/NAME). Its properties are ${list(propertyNames)}: ${HOW_TO_NAME}.`,
    );
  }
  return {
    code,
    name,
    welshName: found("welshName"),
    boroughCode: found("boroughCode"),
    boroughName: found("boroughName"),
  };
}

const WHAT: Record<keyof WardColumns, string> = {
  code: "ward code",
  name: "ward name",
  welshName: "Welsh ward name",
  boroughCode: "borough (local authority district) code",
  boroughName: "borough name",
};

function list(names: readonly string[]): string {
  return names.length === 0 ? "none" : names.join(", ");
}

/** A property's value as trimmed text; null for a missing, empty or blank one (ONS writes " " for "no Welsh name"). */
export function textProperty(properties: Record<string, unknown>, key: string | null): string | null {
  if (key === null) return null;
  const value = properties[key];
  if (typeof value !== "string" && typeof value !== "number") return null;
  const text = String(value).trim();
  return text === "" ? null : text;
}
