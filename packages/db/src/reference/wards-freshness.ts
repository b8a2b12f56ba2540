import type { Db } from "../client";

/** Loads of wards made through each connection itself, which SQLite's data_version does not count. */
const ownLoads = new WeakMap<Db, number>();

/**
 * Marks the wards of this connection as changed, so every cache built from them (the ward index,
 * the name search) is built again before its next use. loadWards calls it after its transaction.
 */
export function markWardsChanged(db: Db): void {
  ownLoads.set(db, (ownLoads.get(db) ?? 0) + 1);
}

/**
 * A stamp that changes whenever the wards may have changed: this connection's own loads, and
 * `PRAGMA data_version`, which SQLite changes when any other connection (the CLI's `wards load` in
 * another process, say) commits to the same file (https://sqlite.org/pragma.html#pragma_data_version).
 * One pragma: microseconds. It also changes for other connections' writes to other tables, which
 * only costs a rebuild (tens of milliseconds for London's 704 wards).
 */
function wardsStamp(db: Db): string {
  const version = db.$client.pragma("data_version", { simple: true }) as number;
  return `${ownLoads.get(db) ?? 0}:${version}`;
}

/** A per-connection cache of something built from the wards table, rebuilt when the wards may have changed. */
export type WardsCache<T> = WeakMap<Db, { stamp: string; value: T }>;

/** The cached value for this connection, built afresh when the wards may have changed since. */
export function cachedUntilWardsChange<T>(cache: WardsCache<T>, db: Db, build: () => T): T {
  const stamp = wardsStamp(db);
  const held = cache.get(db);
  if (held?.stamp === stamp) return held.value;
  const value = build();
  cache.set(db, { stamp, value });
  return value;
}
