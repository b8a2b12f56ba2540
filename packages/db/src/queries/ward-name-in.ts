import { type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

import { wards } from "../schema";

/**
 * A ward's name in a row's language, as SQL: for a row whose `language` column is Welsh ("cy"),
 * the Welsh name where the boundary file gave one (`wards.name_welsh`), else the English name.
 * For e-mails written in the recipient's language (the web's own choice is apps/web/src/lib/ward-name.ts).
 */
export function wardNameIn(language: SQLiteColumn): SQL<string> {
  return sql<string>`case when ${language} = 'cy' and trim(coalesce(${wards.nameWelsh}, '')) <> '' then ${wards.nameWelsh} else ${wards.name} end`;
}

/** The same choice for a ward already read: its Welsh name in Welsh ("cy") where held, else its English name. */
export function wardNameFor(ward: { name: string; nameWelsh?: string | null }, language: string): string {
  const welsh = ward.nameWelsh?.trim();
  return language === "cy" && welsh ? welsh : ward.name;
}
