import { CrimeFileError } from "./errors";

/**
 * The police.uk CSV layouts (https://data.police.uk/about/#columns). Longitude comes before
 * latitude. The outcomes file shares the first nine columns, then "Outcome type".
 */
export const STREET_COLUMNS = [
  "Crime ID",
  "Month",
  "Reported by",
  "Falls within",
  "Longitude",
  "Latitude",
  "Location",
  "LSOA code",
  "LSOA name",
  "Crime type",
  "Last outcome category",
  "Context",
] as const;

const OUTCOME_COLUMNS = [...STREET_COLUMNS.slice(0, 9), "Outcome type"] as const;

type Layout = { kind: "street" | "outcomes"; columns: readonly string[] };

const LAYOUTS: Layout[] = [
  { kind: "street", columns: STREET_COLUMNS },
  { kind: "outcomes", columns: OUTCOME_COLUMNS },
];

/** Refuses any header that is not exactly `expected`, naming the first column that differs. */
export function checkHeader(found: readonly string[], expected: Layout["kind"]): void {
  const layout = LAYOUTS.find((l) => l.kind === expected);
  if (!layout) throw new Error(`No layout ${expected}`);
  const want = layout.columns;
  if (found.length === want.length && found.every((name, i) => name === want[i])) return;

  const firstDiff = want.findIndex((name, i) => found[i] !== name);
  const index = firstDiff === -1 ? want.length : firstDiff;
  const other = LAYOUTS.find((l) => l.kind !== expected && sameColumns(found, l.columns));
  const hint = other ? ` (this looks like a police.uk ${other.kind} file)` : "";
  const detail =
    index < want.length
      ? `column ${index + 1} is ${quote(found[index])}, expected ${quote(want[index])}`
      : `found ${found.length} columns, expected ${want.length}`;
  throw new CrimeFileError(
    1,
    `the header is not a police.uk ${expected} file${hint}: ${detail}. ` +
      `Expected columns: ${want.join(", ")}. Found: ${found.join(", ")}`,
    want[index],
  );
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

function quote(value: string | undefined): string {
  return value === undefined ? "missing" : `"${value}"`;
}
