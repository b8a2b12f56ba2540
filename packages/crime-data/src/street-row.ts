import type { CrimeTypeSlug } from "./crime-types";
import type { OutcomeGroup } from "./outcomes";

/** One validated row of a police.uk street-level crime CSV. */
export type StreetRow = {
  /** Unique within the month's file and stable on re-import; see crime-identity.ts. */
  id: string;
  /** The published Crime ID (null for ASB and a few others). Not unique: police.uk repeats some. */
  crimeId: string | null;
  /** 1-based line in the file, for messages that point back at the source. */
  line: number;
  month: string;
  reportedBy: string;
  fallsWithin: string;
  longitude: number | null;
  latitude: number | null;
  /** "On or near High Street", or "No Location". */
  location: string;
  lsoaCode: string | null;
  lsoaName: string | null;
  crimeType: CrimeTypeSlug;
  /** In the API's spelling (see outcomes.ts); null for ASB, which has no outcomes. */
  lastOutcome: string | null;
  outcomeGroup: OutcomeGroup | null;
  context: string | null;
};

export type StreetFile = {
  month: string;
  /**
   * The force whose month the file is: every row's "Falls within" (normally also its "Reported by";
   * a row reported by another force, BTP, keeps its own in `StreetRow.reportedBy`).
   */
  reportedBy: string;
  rows: StreetRow[];
};
