import { CrimeFileError } from "./errors";

/** Field checks shared by the street and outcomes parsers. Each throws CrimeFileError with the line. */

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/**
 * A decimal number, optionally in exponent notation: spreadsheets and pandas write 0.000098 as
 * `9.8e-05`, and a point on the Greenwich meridian is a real place.
 */
const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/**
 * police.uk covers England, Wales and Northern Ireland. A coordinate outside this box is not an
 * anonymised street point but a broken or swapped value (51.5 as a longitude), so the file is refused
 * rather than the crime being quietly counted "outside every ward".
 */
const LONGITUDE_RANGE = [-11, 3] as const;
const LATITUDE_RANGE = [49, 61] as const;

function checkMonth(value: string, line: number): string {
  if (!MONTH.test(value)) {
    throw new CrimeFileError(line, `Month is "${value}", expected a month like 2024-02`, "Month");
  }
  return value;
}

/**
 * Tracks the one month a file may hold: the caller's expected month, else the first row's.
 * A file that mixes months is refused (a month is replaced as a whole on re-import).
 */
export class FileMonth {
  private month: string | undefined;
  private from: number | undefined;

  constructor(expectedMonth: string | undefined) {
    if (expectedMonth !== undefined && !MONTH.test(expectedMonth)) {
      throw new RangeError(`expectedMonth "${expectedMonth}" is not a month like 2024-02`);
    }
    this.month = expectedMonth;
  }

  check(value: string, line: number): string {
    checkMonth(value, line);
    if (this.month === undefined) {
      this.month = value;
      this.from = line;
    } else if (value !== this.month) {
      const source = this.from === undefined ? "" : ` (from line ${this.from})`;
      throw new CrimeFileError(line, `Month is ${value} but the file is for ${this.month}${source}`, "Month");
    }
    return value;
  }

  get value(): string | undefined {
    return this.month;
  }
}

/** Both empty (a "No location" row) or both numbers in range. */
export function checkCoordinates(
  longitudeText: string,
  latitudeText: string,
  line: number,
): { longitude: number | null; latitude: number | null } {
  if (longitudeText === "" && latitudeText === "") return { longitude: null, latitude: null };
  const longitude = checkCoordinate(longitudeText, "Longitude", LONGITUDE_RANGE, line);
  const latitude = checkCoordinate(latitudeText, "Latitude", LATITUDE_RANGE, line);
  return { longitude, latitude };
}

function checkCoordinate(
  text: string,
  column: "Longitude" | "Latitude",
  [min, max]: readonly [number, number],
  line: number,
): number {
  if (text === "") {
    const other = column === "Longitude" ? "Latitude" : "Longitude";
    throw new CrimeFileError(line, `${column} is empty but ${other} is not (both or neither)`, column);
  }
  if (!DECIMAL.test(text)) throw new CrimeFileError(line, `${column} is "${text}", not a number`, column);
  const value = Number(text);
  if (value < min || value > max) {
    throw new CrimeFileError(
      line,
      `${column} ${text} is outside England, Wales and Northern Ireland (${min} to ${max}); are Longitude and Latitude swapped?`,
      column,
    );
  }
  return value;
}

/** police.uk leaves optional cells empty; we store null rather than "". */
export function emptyToNull(value: string): string | null {
  return value === "" ? null : value;
}
