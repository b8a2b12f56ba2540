/**
 * One postcode as read from a file, in the product's terms, whichever file it came from.
 * Coordinates are WGS84 degrees; ward and district are ONS GSS codes (E05…, E09…/E06…).
 */
export type PostcodeRecord = {
  /** ONS `pcds` form: "NW3 4QG". */
  pcds: string;
  /** "NW3" */
  outward: string;
  /** "NW3 4" */
  sector: string;
  /** WGS84; null when the file gives no location (ONSPD's 99.999999, Code-Point's quality 90). */
  lat: number | null;
  lon: number | null;
  /** The ward the file assigns (ONS: full-resolution boundaries); null when it names none. */
  wardCode: string | null;
  /** The local authority district (borough) the file assigns; null when it names none. */
  districtCode: string | null;
  /** "YYYY-MM" the postcode was terminated (ONSPD `doterm`); null while it is live. */
  terminatedOn: string | null;
  /** 1-based line of the file the record was read from. */
  line: number;
};

/** The file layouts we read. NSPL shares ONSPD's header names for the columns we use. */
export type PostcodeFileFormat = "onspd" | "code-point-open";

/** ONS writes a code ending in 99999999 (E99999999, S99999999, L99999999…) for "none". */
export function gssCodeOrNull(value: string | undefined): string | null {
  const code = value?.trim() ?? "";
  return code === "" || code.endsWith("99999999") ? null : code;
}
