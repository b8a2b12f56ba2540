import { parseArgs } from "node:util";
import { loadWards, LONDON_WARDS_PATH } from "@wardpanel/db/reference";
import { CliUsageError, print, withDatabase, type Command } from "../command";

export const wardsCommand: Command = {
  summary: "wards load [--file <wards.geojson>]: load or refresh ward boundaries (ONS GeoJSON)",
  async run(args) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { file: { type: "string" } } });
    if (positionals[0] !== "load") throw new CliUsageError("Usage: pnpm cli wards load [--file <wards.geojson>]");
    const file = values.file ?? LONDON_WARDS_PATH;
    const count = await withDatabase((db) => loadWards(db, file));
    print(`Loaded ${count} wards from ${file}.`);
    return 0;
  },
};
