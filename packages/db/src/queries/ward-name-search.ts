import { asc, eq, isNull } from "drizzle-orm";
import MiniSearch from "minisearch";

import type { Db } from "../client";
import { cachedUntilWardsChange, type WardsCache } from "../reference/wards-freshness";
import { boroughs, wards } from "../schema";
import type { WardSummary } from "./wards";

/**
 * Forgiving ward and borough name search (decision 0019): MiniSearch over the loaded wards, with
 * every name and query folded the same way first, so the spellings people type meet the spellings
 * ONS publishes ("kings cross" → King's Cross, "Saint Pancras & Somers Town", "Regents Park"), and
 * small typos are forgiven by edit distance ("Bloomsbry", "Hampsted"). A ward's Welsh name, where the
 * boundary file gives one, is searched as its English name is ("Tŷ Du" finds Rogerstone). Wards in force only: a
 * retired ward is reached through its successors' pages or its own address (decision 0026).
 */

/**
 * Folds a name or a query for matching: lower case; accents dropped (NFD, "Tŷ Du" → "ty du");
 * apostrophes dropped ("King's" → "kings"); "&" → "and"; "saint" and "st." → "st"; anything
 * else not a letter or digit is a word break.
 */
export function foldName(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’‘`]/g, "")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .replace(/\b(?:saint|st)\b/g, "st")
    .trim();
}

type WardDocument = WardSummary & { id: string; foldedName: string; foldedWelsh: string; foldedBorough: string };

const indexes: WardsCache<{ search: MiniSearch<WardDocument>; byCode: Map<string, WardSummary> }> = new WeakMap();

/** Built once per database connection, and again after a `wards load`: a few hundred wards, a few milliseconds. */
function nameIndexFor(db: Db) {
  return cachedUntilWardsChange(indexes, db, () => {
    const rows = db
      .select({
        code: wards.code,
        name: wards.name,
        nameWelsh: wards.nameWelsh,
        boroughCode: wards.boroughCode,
        boroughName: boroughs.name,
      })
      .from(wards)
      .innerJoin(boroughs, eq(boroughs.code, wards.boroughCode))
      .where(isNull(wards.retiredOn))
      .orderBy(asc(wards.code))
      .all();
    const search = new MiniSearch<WardDocument>({
      fields: ["foldedName", "foldedWelsh", "foldedBorough"],
      // The text is folded already; MiniSearch's own tokenizer splits it on spaces.
      processTerm: (term) => term,
    });
    search.addAll(
      rows.map((r) => ({
        ...r,
        id: r.code,
        foldedName: foldName(r.name),
        foldedWelsh: foldName(r.nameWelsh ?? ""),
        foldedBorough: foldName(r.boroughName),
      })),
    );
    return { search, byCode: new Map(rows.map((r) => [r.code, r])) };
  });
}

export type WardNameSearchParams = { query: string; boroughCode?: string | undefined; limit?: number };

/**
 * Wards whose name (English or Welsh) or borough's name matches every word of the query, best match first (a ward's
 * own name counts double its borough's). Each word may be the start of a word ("bloomsb") or, from
 * four letters on, one edit away (two from eight letters on). When that finds nothing, words of
 * four letters or more may be two edits away, so two swapped letters ("Kentish Twon") still find
 * the ward without loosening every search. Empty when nothing matches.
 */
export function searchWardNames(db: Db, { query, boroughCode, limit = 50 }: WardNameSearchParams): WardSummary[] {
  const folded = foldName(query);
  if (folded === "") return [];
  const { search, byCode } = nameIndexFor(db);
  const searchWith = (fuzzy: (term: string) => number | false) =>
    search.search(folded, { combineWith: "AND", prefix: true, fuzzy, boost: { foldedName: 2, foldedWelsh: 2 } });
  const close = searchWith((term) => (term.length >= 4 ? 0.2 : false));
  const hits = close.length > 0 ? close : searchWith((term) => (term.length >= 4 ? 2 : false));
  return hits
    .flatMap((hit) => byCode.get(String(hit.id)) ?? [])
    .filter((ward) => !boroughCode || ward.boroughCode === boroughCode)
    .slice(0, limit);
}
