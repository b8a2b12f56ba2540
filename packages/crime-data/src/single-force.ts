import { CrimeFileError } from "./errors";

/**
 * police.uk publishes one file per force per month: every row "Falls within" that force, and an
 * import replaces that force's month. A file whose rows fall within different forces is refused rather
 * than judged by one of them. (A row may be *reported by* another force: the API's crimes-street
 * answer lists the British Transport Police's crimes beside the local force's; decision 0023.)
 */
export class SingleForce {
  private force: string | undefined;
  private from = 0;

  /** Checks a row's "Falls within" (and that "Reported by" is filled in); returns the file's force. */
  check(fallsWithin: string, reportedBy: string, line: number): string {
    if (reportedBy.trim() === "") throw new CrimeFileError(line, "Reported by is empty", "Reported by");
    if (fallsWithin.trim() === "") throw new CrimeFileError(line, "Falls within is empty", "Falls within");
    if (this.force === undefined) {
      this.force = fallsWithin;
      this.from = line;
    } else if (fallsWithin !== this.force) {
      throw new CrimeFileError(
        line,
        `Falls within is "${fallsWithin}" but the file is from "${this.force}" (from line ${this.from})`,
        "Falls within",
      );
    }
    return fallsWithin;
  }

  get value(): string | undefined {
    return this.force;
  }
}
