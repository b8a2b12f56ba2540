/**
 * Errors this package throws. Each has a stable `code` so the one place in the API that maps
 * domain errors to HTTP/tRPC statuses can do so without matching on messages.
 */

/** A police.uk file (CSV or API JSON) the importer refuses: the whole file is rejected, never a partial month. */
export class CrimeFileError extends Error {
  readonly code = "CRIME_FILE_INVALID";

  constructor(
    /** 1-based line number in the file (line 1 is the header). */
    readonly line: number,
    readonly reason: string,
    /** The police.uk column name at fault, when there is one. */
    readonly column?: string,
    /** "Line" in a CSV; "Record" (1-based, in list order) in a police.uk API JSON answer. */
    readonly unit: "Line" | "Record" = "Line",
  ) {
    super(`${unit} ${line}: ${reason}`);
    this.name = "CrimeFileError";
  }
}

/** "Reported by" or "Falls within" names no force police.uk publishes for, so placements cannot be judged. */
export class UnknownForceError extends Error {
  readonly code = "UNKNOWN_FORCE";

  constructor(
    readonly reportedBy: string,
    knownForces: readonly string[],
  ) {
    super(
      `Unknown police force "${reportedBy}": police.uk publishes for the 43 forces of England and Wales and the British Transport Police (${knownForces.join(", ")})`,
    );
    this.name = "UnknownForceError";
  }
}

/** The ward boundary GeoJSON is not the shape we expect (ONS wards with WD22CD/LAD22CD). */
export class WardBoundaryError extends Error {
  readonly code = "WARD_BOUNDARIES_INVALID";

  constructor(message: string) {
    super(message);
    this.name = "WardBoundaryError";
  }
}
