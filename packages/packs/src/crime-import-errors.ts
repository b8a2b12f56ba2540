import type { MonthChange } from "@wardpanel/db/queries/crime-versions";
import { DomainError } from "@wardpanel/validators";

export type CrimeFileField = "street" | "outcomes";

const rows = (n: number) => `${n} ${n === 1 ? "row" : "rows"}`;

/**
 * An upload refused whole, naming the file and (when there is one) the line at fault. Nothing is
 * written before every check has passed, so the message can promise that nothing was changed. A
 * DomainError ("invalid", against the file's form field), so the API answers it as any other.
 */
export class CrimeImportRefusal extends DomainError {
  override name = "CrimeImportRefusal";
  /** Which of the two uploads is at fault: the form field to show the message against. */
  declare readonly field: CrimeFileField;

  constructor(
    field: CrimeFileField,
    readonly fileName: string,
    /** 1-based line in the file (line 1 is the header), or null when the fault is the file as a whole. */
    readonly line: number | null,
    readonly reason: string,
    /** How `line` counts: CSV lines, or the crimes of an API answer in list order. */
    unit: "Line" | "Record" = "Line",
  ) {
    const where = line === null ? sentence(reason) : `${unit} ${line}: ${reason}`;
    super("invalid", `${fileName} was not imported. ${where}. Nothing was changed.`, field);
  }
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The street file's month is already held and the caller did not confirm replacing it. Carries
 * what replacing would change, so the person can be shown it and asked.
 */
export class ReplaceNotConfirmedError extends Error {
  override name = "ReplaceNotConfirmedError";

  constructor(readonly change: MonthChange) {
    super(
      `${change.force} already has ${change.month} (${rows(change.rowsBefore)}). Replacing it with this file's ${rows(change.rowsAfter)} needs confirming. Nothing was changed.`,
    );
  }
}
