import { CrimeFileError } from "./errors";

/**
 * police.uk publishes one file per force per month, and the force decides which wards count as
 * "its area". A file whose rows name different forces is refused rather than judged by one of them.
 */
export class SingleForce {
  private force: string | undefined;
  private from = 0;

  check(reportedBy: string, line: number): string {
    if (reportedBy.trim() === "") throw new CrimeFileError(line, "Reported by is empty", "Reported by");
    if (this.force === undefined) {
      this.force = reportedBy;
      this.from = line;
    } else if (reportedBy !== this.force) {
      throw new CrimeFileError(
        line,
        `Reported by is "${reportedBy}" but the file is from "${this.force}" (from line ${this.from})`,
        "Reported by",
      );
    }
    return reportedBy;
  }

  get value(): string | undefined {
    return this.force;
  }
}
