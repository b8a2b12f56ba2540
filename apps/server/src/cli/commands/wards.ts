import { parseArgs } from "node:util";

import { loadWards, LONDON_WARDS_PATH } from "@wardpanel/db/reference";

import { CliUsageError, type Command } from "../command";
import { withDatabase } from "../with-database";

export const wardsCommand: Command = {
  async run(args, cli) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { file: { type: "string" } } });
    if (positionals[0] !== "load") throw new CliUsageError("Usage: pnpm cli wards load [--file <wards.geojson>]");
    const file = values.file ?? LONDON_WARDS_PATH;
    const count = await withDatabase(cli, (db) => loadWards(db, file));
    cli.print(`Loaded ${count} wards from ${file}.`);
    return 0;
  },
};
